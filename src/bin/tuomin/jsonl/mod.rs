//! JSON Lines transcripts: `--jsonl --field PATH`.
//!
//! Each line is one JSON value. The string values at the given paths are
//! decoded (escapes included, so `\u0031\u0033\u0038...` is a number),
//! redacted as texts of their own, and only the matches are written back,
//! escaped as JSON requires; every other byte of the line, inside those
//! strings too, is copied. Empty and blank lines are copied as they are.

mod scanner;
mod string;

use std::io::{self, BufRead, Write};

use tuomin::{Counts, Piece, Redactor, Stream, StreamMatch};

use crate::args::{Format, InvalidLines};
use crate::output::{self, Record};
use crate::{Failure, Input};

/// What to look in and what to do with lines that are not JSON.
pub struct Options<'a> {
    pub fields: &'a [Vec<String>],
    pub invalid_lines: InvalidLines,
}

/// A match in a decoded string value.
struct Finding {
    /// Byte range in the decoded value.
    range: std::ops::Range<usize>,
    found: StreamMatch,
    replacement: Vec<u8>,
}

/// Runs `text` through `stream` as one text of its own and returns its
/// matches, with offsets counted in `text`.
fn findings(stream: &mut Stream, text: &[u8]) -> Vec<Finding> {
    let base = stream.position();
    let mut list = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), core::convert::Infallible> {
        if let Piece::Redacted { found, replacement, .. } = p {
            let range = (found.start() - base) as usize..(found.end() - base) as usize;
            list.push(Finding { range, found, replacement: replacement.to_vec() });
        }
        Ok(())
    };
    let Ok(()) = stream.push(text, &mut sink);
    let Ok(()) = stream.finish(&mut sink);
    list
}

/// Reads the input a line at a time and hands each line's number, bytes
/// (without the `\n`) and whether it ended in `\n` to `each`, then writes
/// what `each` put in its buffer.
fn for_each_line(
    input: Input,
    out: &mut impl Write,
    mut each: impl FnMut(usize, &[u8], bool, &mut Vec<u8>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = input.name;
    let mut reader = io::BufReader::with_capacity(64 * 1024, input.reader);
    let mut line = Vec::new();
    let mut result = Vec::new();
    for number in 1.. {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(Failure::Read(format!("cannot read {name}: {e}"))),
        }
        let newline = line.last() == Some(&b'\n');
        let content = &line[..line.len() - usize::from(newline)];
        result.clear();
        each(number, content, newline, &mut result)?;
        out.write_all(&result).map_err(Failure::Write)?;
        // Hand on what is decided when no more input is waiting: the input
        // may be a live feed.
        if reader.buffer().is_empty() {
            out.flush().map_err(Failure::Write)?;
        }
    }
    Ok(())
}

/// The string values of one line at the fields, or why the line is not a
/// JSON record; `None` for a blank line.
fn fields_of(number: usize, line: &[u8], options: &Options<'_>) -> Result<Option<Vec<scanner::Found>>, String> {
    if line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
        return Ok(None);
    }
    if let Err(e) = core::str::from_utf8(line) {
        return Err(format!("line {number}: not UTF-8 at byte {} of the line", e.valid_up_to()));
    }
    scanner::find_strings(line, options.fields)
        .map(Some)
        .map_err(|e| format!("line {number}: not JSON at byte {} of the line: {}", e.at, e.what))
}

/// Whether to go on after a line that is not JSON (reported on standard
/// error), or stop.
fn on_invalid(options: &Options<'_>, message: String) -> Result<(), Failure> {
    match options.invalid_lines {
        InvalidLines::Error => Err(Failure::Read(format!("{message} (see --invalid-lines)"))),
        InvalidLines::Plain => {
            eprintln!("tuomin: {message}; read as plain text");
            Ok(())
        }
    }
}

/// `tuomin redact --jsonl`.
/// Returns the counts of what was found.
pub fn redact(
    redactor: &Redactor,
    options: &Options<'_>,
    input: Input,
    out: &mut impl Write,
) -> Result<Counts, Failure> {
    let mut stream = redactor.stream();
    let mut plain = Counts::new();
    for_each_line(input, out, |number, line, newline, result| {
        redact_line(redactor, &mut stream, &mut plain, options, number, line, result)?;
        if newline {
            result.push(b'\n');
        }
        Ok(())
    })?;
    plain += stream.counts();
    Ok(plain)
}

/// Appends the redacted form of one line.
fn redact_line(
    redactor: &Redactor,
    stream: &mut Stream,
    plain: &mut Counts,
    options: &Options<'_>,
    number: usize,
    line: &[u8],
    result: &mut Vec<u8>,
) -> Result<(), Failure> {
    let found = match fields_of(number, line, options) {
        Ok(Some(found)) => found,
        Ok(None) => {
            result.extend_from_slice(line);
            return Ok(());
        }
        Err(message) => {
            on_invalid(options, message)?;
            let (redacted, counts) = redactor.redact_bytes_counted(line);
            result.extend_from_slice(&redacted);
            *plain += counts;
            return Ok(());
        }
    };
    let mut copied = 0;
    for value in found {
        let decoded = string::decode(&line[value.raw.clone()]);
        for f in findings(stream, &decoded.text) {
            let raw = decoded.raw_range(f.range);
            let at = value.raw.start + raw.start;
            result.extend_from_slice(&line[copied..at]);
            string::escape_into(&f.replacement, result);
            copied = value.raw.start + raw.end;
        }
    }
    result.extend_from_slice(&line[copied..]);
    Ok(())
}

/// `tuomin scan --jsonl`: findings with their line, field and offsets in
/// the field's decoded value; returns the counts of what was found.
pub fn scan(
    redactor: &Redactor,
    options: &Options<'_>,
    input: Input,
    format: Format,
    show_text: bool,
    out: &mut impl Write,
) -> Result<Counts, Failure> {
    let mut stream = redactor.stream();
    for_each_line(input, out, |number, line, _, listing| {
        let values: Vec<(Option<String>, Vec<u8>)> = match fields_of(number, line, options) {
            Ok(Some(found)) => {
                found.into_iter().map(|value| (Some(value.path), string::decode(&line[value.raw]).text)).collect()
            }
            Ok(None) => Vec::new(),
            Err(message) => {
                on_invalid(options, message)?;
                vec![(None, line.to_vec())]
            }
        };
        for (field, text) in values {
            for f in findings(&mut stream, &text) {
                let record = Record { line: number, field: field.as_deref() };
                let span = (f.range.start as u64, f.range.end as u64);
                let shown = show_text.then(|| &text[f.range.clone()]);
                let kind = redactor.name_of(f.found.kind(), f.found.rule());
                match format {
                    Format::Jsonl => output::write_json(listing, Some(record), kind, &f.found, span, shown),
                    Format::Text => output::write_text(listing, number, field.as_deref(), kind, &f.found, span, shown),
                }
                .map_err(Failure::Write)?;
            }
        }
        Ok(())
    })?;
    Ok(*stream.counts())
}
