//! Writing findings as JSON lines or as text.

use std::io::{self, Write};

use tuomin::{Counts, KindCounts, StreamMatch};

/// `{"kind":"phone","start":12,"end":23,"sub_kind":"mobile","evidence":"pattern","action":"mask"}`
pub fn write_json(out: &mut impl Write, m: &StreamMatch, text: Option<&[u8]>) -> io::Result<()> {
    write!(
        out,
        r#"{{"kind":"{}","start":{},"end":{},"sub_kind":"{}","evidence":"{}","action":"{}""#,
        m.kind().name(),
        m.start(),
        m.end(),
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

/// `line 3, bytes 12..23: phone (mobile, pattern, mask)`, then the text if
/// asked.
pub fn write_text(out: &mut impl Write, m: &StreamMatch, line: usize, text: Option<&[u8]>) -> io::Result<()> {
    write!(
        out,
        "line {line}, bytes {}..{}: {} ({}, {}, {})",
        m.start(),
        m.end(),
        m.kind().name(),
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
