//! Redacts a whole file at once with the one-shot API (`redact_bytes`),
//! where the `tuomin` program streams: `scripts/linearity.sh` and
//! `scripts/adversarial.sh` measure both paths.
//!
//!     cargo run --release --example redact_whole -- FILE > redacted.txt

use std::io::Write;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: redact_whole FILE");
        std::process::exit(2);
    };
    let input = std::fs::read(path)?;
    let redacted = tuomin::Redactor::new().redact_bytes(&input);
    std::io::stdout().lock().write_all(&redacted)
}
