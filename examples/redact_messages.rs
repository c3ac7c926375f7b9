//! Redacts every line of a file as a message of its own, the way a contact
//! center's pipeline redacts chat messages one by one as they arrive: one
//! redactor for the process, one output buffer reused for every message.
//! `scripts/instruction_counts.sh` counts what a message costs this way.
//!
//!     cargo run --release --example redact_messages -- FILE > redacted.txt

use std::io::{BufRead, BufReader, Write};

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: redact_messages FILE");
        std::process::exit(2);
    };
    let redactor = tuomin::Redactor::new();
    let mut input = BufReader::new(std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut message, mut redacted) = (Vec::new(), Vec::new());
    while input.read_until(b'\n', &mut message)? > 0 {
        let text = message.strip_suffix(b"\n").unwrap_or(&message);
        redacted.clear();
        redactor.redact_into(text, &mut redacted);
        out.write_all(&redacted)?;
        out.write_all(b"\n")?;
        message.clear();
    }
    out.flush()
}
