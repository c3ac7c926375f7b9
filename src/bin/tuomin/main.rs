//! The `tuomin` command-line program: `tuomin redact` and `tuomin scan`.

mod args;
mod output;

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use tuomin::Redactor;

use args::{Cli, Command, ConfigArgs, Format, PolicySpec};

/// Exit status for bad arguments and unreadable input.
const EXIT_USAGE: u8 = 2;
/// Exit status when writing the output failed.
const EXIT_OUTPUT: u8 = 1;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (file, config) = match &cli.command {
        Command::Redact(a) => (a.file.as_deref(), &a.config),
        Command::Scan(a) => (a.file.as_deref(), &a.config),
    };
    let redactor = match build(config) {
        Ok(r) => r,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let input = match read_input(file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let written = match &cli.command {
        Command::Redact(_) => redact(&redactor, &input, &mut out),
        Command::Scan(a) => scan(&redactor, &input, a.format, a.show_text, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`tuomin scan big.txt | head`) is the reader's choice.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(EXIT_OUTPUT, &format!("cannot write the output: {e}")),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("tuomin: {message}");
    ExitCode::from(code)
}

fn build(config: &ConfigArgs) -> Result<Redactor, String> {
    let mut b = Redactor::builder().kinds(config.kinds).preset(config.preset).context_window(config.context_window);
    for (kind, spec) in &config.policies {
        let policy = match spec {
            PolicySpec::Policy(p) => p.clone(),
            PolicySpec::DefaultTag => tuomin::Preset::TagChinese.policy(*kind),
        };
        b = b.policy(*kind, policy);
    }
    b.build().map_err(|e| e.to_string())
}

fn read_input(file: Option<&Path>) -> Result<Vec<u8>, String> {
    match file {
        Some(path) if path != Path::new("-") => {
            fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        }
        _ => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        }
    }
}

fn redact(redactor: &Redactor, input: &[u8], out: &mut impl Write) -> io::Result<()> {
    out.write_all(&redactor.redact_bytes(input))
}

fn scan(redactor: &Redactor, input: &[u8], format: Format, show_text: bool, out: &mut impl Write) -> io::Result<()> {
    let mut lines = output::LineCounter::new(input);
    for m in redactor.find_iter(input) {
        let text = show_text.then(|| &input[m.range()]);
        match format {
            Format::Jsonl => output::write_json(out, &m, text)?,
            Format::Text => output::write_text(out, &m, lines.line_of(m.start()), text)?,
        }
    }
    Ok(())
}
