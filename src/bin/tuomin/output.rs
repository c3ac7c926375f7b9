//! Writing findings as JSON lines or as text.

use std::io::{self, Write};

use tuomin::{Counts, KindCounts, StreamMatch};

/// Where a finding is, beyond its byte offsets: for JSON Lines input, the
/// line and the field (none for a line read as plain text), with offsets
/// counted in the field's decoded value.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    pub line: usize,
    pub field: Option<&'a str>,
}

/// `{"kind":"phone","start":12,"end":23,"sub_kind":"mobile","evidence":"pattern","action":"mask"}`,
/// after `"line":3,"field":"text",` for a record.
pub fn write_json(
    out: &mut impl Write,
    record: Option<Record<'_>>,
    kind: &str,
    m: &StreamMatch,
    span: (u64, u64),
    text: Option<&[u8]>,
) -> io::Result<()> {
    out.write_all(b"{")?;
    if let Some(record) = record {
        write!(out, r#""line":{},"field":"#, record.line)?;
        match record.field {
            Some(field) => {
                out.write_all(b"\"")?;
                write_json_string_body(out, field.as_bytes())?;
                out.write_all(b"\",")?;
            }
            None => out.write_all(b"null,")?,
        }
    }
    write!(
        out,
        r#""kind":"{}","start":{},"end":{},"sub_kind":"{}","evidence":"{}","action":"{}""#,
        kind,
        span.0,
        span.1,
        m.sub_kind().name(),
        m.evidence().name(),
        m.action().name()
    )?;
    if let Some(text) = text {
        out.write_all(br#","text":""#)?;
        write_json_string_body(out, text)?;
        out.write_all(b"\"")?;
    }
    out.write_all(b"}\n")
}

/// `line 3, bytes 12..23: phone (mobile, pattern, mask)` (`line 3,
/// message.body, bytes 2..13: ...` for a field), then the text if asked.
pub fn write_text(
    out: &mut impl Write,
    line: usize,
    field: Option<&str>,
    kind: &str,
    m: &StreamMatch,
    span: (u64, u64),
    text: Option<&[u8]>,
) -> io::Result<()> {
    write!(out, "line {line}, ")?;
    if let Some(field) = field {
        write!(out, "{field}, ")?;
    }
    write!(
        out,
        "bytes {}..{}: {} ({}, {}, {})",
        span.0,
        span.1,
        kind,
        m.sub_kind().name(),
        m.evidence().name(),
        m.action().name()
    )?;
    if let Some(text) = text {
        write!(out, ": {}", String::from_utf8_lossy(text))?;
    }
    out.write_all(b"\n")
}

/// Per-kind counts, one JSON object a line, kinds with matches only, then
/// the totals as kind `all`:
/// `{"kind":"phone","found":3,"masked":2,"reported":1,"allowed":0}`.
pub fn write_summary_json(out: &mut impl Write, counts: &Counts) -> io::Result<()> {
    let line = |out: &mut dyn Write, name: &str, c: KindCounts| {
        writeln!(
            out,
            r#"{{"kind":"{name}","found":{},"masked":{},"reported":{},"allowed":{}}}"#,
            c.found(),
            c.masked,
            c.reported,
            c.allowed
        )
    };
    for (kind, c) in counts.iter() {
        line(out, kind.name(), c)?;
    }
    line(out, "all", counts.total())
}

/// Per-kind counts as text, kinds with matches only, then the totals:
/// `phone: 3 found, 2 masked, 1 reported, 0 allowed`.
pub fn write_summary_text(out: &mut impl Write, counts: &Counts) -> io::Result<()> {
    let line = |out: &mut dyn Write, name: &str, c: KindCounts| {
        writeln!(
            out,
            "{name}: {} found, {} masked, {} reported, {} allowed",
            c.found(),
            c.masked,
            c.reported,
            c.allowed
        )
    };
    for (kind, c) in counts.iter() {
        line(out, kind.name(), c)?;
    }
    line(out, "total", counts.total())
}

/// Escapes bytes for a JSON string. Matches are always UTF-8; anything else
/// would be replaced by U+FFFD rather than produce invalid JSON.
fn write_json_string_body(out: &mut impl Write, text: &[u8]) -> io::Result<()> {
    for c in String::from_utf8_lossy(text).chars() {
        match c {
            '"' => out.write_all(br#"\""#)?,
            '\\' => out.write_all(br"\\")?,
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32)?,
            c => write!(out, "{c}")?,
        }
    }
    Ok(())
}
