//! The `tuomin` command-line program: `tuomin redact` and `tuomin scan`.
//!
//! Input is read in fixed-size reads and redacted as a stream, so memory
//! stays constant and output starts before the input ends. GB18030 input
//! goes through a [`tuomin::Gb18030Stream`]; JSON Lines input is read a
//! line at a time (see [`jsonl`]).

mod args;
mod jsonl;
mod output;
mod text_stream;

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use tuomin::{Action, Counts, Piece, Redactor};

use args::{Cli, Command, ConfigArgs, Encoding, Format, PolicySpec};
use text_stream::TextStream;

/// Exit status for bad arguments and unreadable input.
const EXIT_USAGE: u8 = 2;
/// Exit status when writing the output failed.
const EXIT_OUTPUT: u8 = 1;

/// Size of each read from the input.
const READ_SIZE: usize = 64 * 1024;

/// Why a run stopped early.
enum Failure {
    Read(String),
    Write(io::Error),
}

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
    let input = match open_input(file) {
        Ok(r) => r,
        Err(e) => return fail(EXIT_USAGE, &e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    if config.jsonl.jsonl && config.encoding != Encoding::Utf8 {
        return fail(EXIT_USAGE, "--jsonl reads UTF-8 only (JSON text is UTF-8); leave out --encoding");
    }
    let options = jsonl::Options { fields: &config.jsonl.fields, invalid_lines: config.jsonl.invalid_lines };
    let result = match &cli.command {
        Command::Redact(a) => {
            let counts = if config.jsonl.jsonl {
                jsonl::redact(&redactor, &options, input, &mut out)
            } else {
                redact(&redactor, config.encoding, input, &mut out)
            };
            counts.and_then(|counts| {
                if a.summary {
                    // The redacted text goes to standard output; the
                    // summary goes next to it, for the operator.
                    out.flush().map_err(Failure::Write)?;
                    output::write_summary_text(&mut io::stderr().lock(), &counts).map_err(Failure::Write)?;
                }
                Ok(())
            })
        }
        Command::Scan(a) if a.summary => {
            let counts = if config.jsonl.jsonl {
                jsonl::scan(&redactor, &options, input, a.format, false, &mut io::sink())
            } else {
                count(&redactor, config.encoding, input)
            };
            counts.and_then(|counts| {
                match a.format {
                    Format::Jsonl => output::write_summary_json(&mut out, &counts),
                    Format::Text => output::write_summary_text(&mut out, &counts),
                }
                .map_err(Failure::Write)
            })
        }
        Command::Scan(a) if config.jsonl.jsonl => {
            jsonl::scan(&redactor, &options, input, a.format, a.show_text, &mut out).map(|_| ())
        }
        Command::Scan(a) => scan(&redactor, config.encoding, input, a.format, a.show_text, &mut out),
    }
    .and_then(|()| out.flush().map_err(Failure::Write));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`tuomin scan big.txt | head`) is the reader's choice.
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Write(e)) => fail(EXIT_OUTPUT, &format!("cannot write the output: {e}")),
        Err(Failure::Read(e)) => fail(EXIT_USAGE, &e),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("tuomin: {message}");
    ExitCode::from(code)
}

fn build(config: &ConfigArgs) -> Result<Redactor, String> {
    if let Some(path) = &config.config {
        let mut builder = tuomin::config::load(path).map_err(|e| match e.line {
            Some(_) => format!("{}: {e}", path.display()),
            None => e.to_string(),
        })?;
        if let Some(key) = &config.key_file {
            builder = with_key(builder, key)?;
        }
        return builder.build().map_err(|e| format!("{}: {e}", path.display()));
    }
    let mut b = Redactor::builder().kinds(config.kinds).preset(config.preset).context_window(config.context_window);
    for (kind, spec) in &config.policies {
        let policy = match spec {
            PolicySpec::Policy(p) => p.clone(),
            PolicySpec::DefaultTag => tuomin::Preset::TagChinese.policy(*kind),
        };
        b = b.policy(*kind, policy);
    }
    for (name, pattern) in &config.rules {
        b = b.rule(tuomin::Rule::new(name.as_str()).pattern(pattern.as_str()));
    }
    for kind in config.report_only.iter().flat_map(|set| set.iter()) {
        b = b.action(kind, Action::Report);
    }
    for (kinds, evidence) in &config.thresholds {
        for kind in kinds.iter() {
            b = b.mask_threshold(kind, *evidence);
        }
    }
    for value in &config.allow {
        b = b.allow_value(value.clone());
    }
    for path in &config.allow_files {
        for value in tuomin::config::read_allow_file(path)? {
            b = b.allow_value(value);
        }
    }
    for (kind, pattern) in &config.allow_patterns {
        b = b.allow_pattern(*kind, pattern.clone());
    }
    if let Some(path) = &config.key_file {
        b = with_key(b, path)?;
    }
    b.build().map_err(|e| e.to_string())
}

/// `b` with the key read from `path` for the hash and fake policies.
fn with_key(b: tuomin::Builder, path: &Path) -> Result<tuomin::Builder, String> {
    let mut key = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let b = b.hash_key(tuomin::config::trim_line_break(&key));
    // The builder keeps only the HMAC state; do not leave the key lying in
    // freed memory.
    key.fill(0);
    std::hint::black_box(&key);
    Ok(b)
}

/// The input, opened (so that a missing file is reported before any output).
struct Input {
    reader: Box<dyn Read>,
    name: String,
}

fn open_input(file: Option<&Path>) -> Result<Input, String> {
    match file {
        Some(path) if path != Path::new("-") => {
            let f = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            if f.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(format!("cannot read {}: it is a directory", path.display()));
            }
            Ok(Input { reader: Box::new(f), name: path.display().to_string() })
        }
        _ => Ok(Input { reader: Box::new(io::stdin().lock()), name: "standard input".to_string() }),
    }
}

/// Reads the input in fixed-size chunks and passes each to `push`, then
/// calls `finish`.
fn for_each_chunk(
    mut input: Input,
    mut push: impl FnMut(&[u8]) -> Result<(), Failure>,
    finish: impl FnOnce() -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut buf = vec![0u8; READ_SIZE];
    loop {
        let n = match input.reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failure::Read(format!("cannot read {}: {e}", input.name))),
        };
        push(&buf[..n])?;
    }
    finish()
}

/// Redacts the input to `out`; returns the counts of what was found.
fn redact(redactor: &Redactor, encoding: Encoding, input: Input, out: &mut impl Write) -> Result<Counts, Failure> {
    let stream = std::cell::RefCell::new(TextStream::new(redactor, encoding, &input.name));
    let out = std::cell::RefCell::new(out);
    let counts = std::cell::RefCell::new(Counts::new());
    let write = |p: Piece<'_>| {
        if let Piece::Redacted { found, .. } = &p {
            counts.borrow_mut().add(found.kind(), found.action());
        }
        out.borrow_mut().write_all(p.bytes()).map_err(Failure::Write)
    };
    for_each_chunk(
        input,
        |chunk| {
            stream.borrow_mut().push(chunk, &mut { write })?;
            // Hand on what is decided now: the input may be a live feed.
            out.borrow_mut().flush().map_err(Failure::Write)
        },
        || stream.borrow_mut().finish(&mut { write }),
    )?;
    Ok(counts.into_inner())
}

/// Reads the input through a stream and returns the counts only.
fn count(redactor: &Redactor, encoding: Encoding, input: Input) -> Result<Counts, Failure> {
    let stream = std::cell::RefCell::new(TextStream::new(redactor, encoding, &input.name));
    let counts = std::cell::RefCell::new(Counts::new());
    let tally = |p: Piece<'_>| -> Result<(), Failure> {
        if let Piece::Redacted { found, .. } = &p {
            counts.borrow_mut().add(found.kind(), found.action());
        }
        Ok(())
    };
    for_each_chunk(
        input,
        |chunk| stream.borrow_mut().push(chunk, &mut { tally }),
        || stream.borrow_mut().finish(&mut { tally }),
    )?;
    Ok(counts.into_inner())
}

fn scan(
    redactor: &Redactor,
    encoding: Encoding,
    input: Input,
    format: Format,
    show_text: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let stream = std::cell::RefCell::new(TextStream::new(redactor, encoding, &input.name));
    let state = std::cell::RefCell::new((out, 1usize));
    let report = |p: Piece<'_>| -> Result<(), Failure> {
        let (out, line) = &mut *state.borrow_mut();
        match p {
            Piece::Clean(bytes) => {
                *line += memchr::memchr_iter(b'\n', bytes).count();
                Ok(())
            }
            Piece::Redacted { found, original, .. } => {
                // The listing is UTF-8 whatever the input's encoding.
                let text = show_text.then(|| text_stream::to_utf8(encoding, original));
                let text = text.as_deref();
                let span = (found.start(), found.end());
                let kind = redactor.name_of(found.kind(), found.rule());
                match format {
                    Format::Jsonl => output::write_json(*out, None, kind, &found, span, text),
                    Format::Text => output::write_text(*out, *line, None, kind, &found, span, text),
                }
                .map_err(Failure::Write)
            }
        }
    };
    for_each_chunk(
        input,
        |chunk| {
            stream.borrow_mut().push(chunk, &mut { report })?;
            state.borrow_mut().0.flush().map_err(Failure::Write)
        },
        || stream.borrow_mut().finish(&mut { report }),
    )
}
