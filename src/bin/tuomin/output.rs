//! Writing findings as JSON lines or as text.

use std::io::{self, Write};

use tuomin::StreamMatch;

/// `{"kind":"phone","start":12,"end":23,"sub_kind":"mobile","evidence":"pattern"}`
pub fn write_json(out: &mut impl Write, m: &StreamMatch, text: Option<&[u8]>) -> io::Result<()> {
    write!(
        out,
        r#"{{"kind":"{}","start":{},"end":{},"sub_kind":"{}","evidence":"{}""#,
        m.kind().name(),
        m.start(),
        m.end(),
        m.sub_kind().name(),
        m.evidence().name()
    )?;
    if let Some(text) = text {
        out.write_all(br#","text":""#)?;
        write_json_string_body(out, text)?;
        out.write_all(b"\"")?;
    }
    out.write_all(b"}\n")
}

/// `line 3, bytes 12..23: phone (mobile, pattern)`, then the text if asked.
pub fn write_text(out: &mut impl Write, m: &StreamMatch, line: usize, text: Option<&[u8]>) -> io::Result<()> {
    write!(
        out,
        "line {line}, bytes {}..{}: {} ({}, {})",
        m.start(),
        m.end(),
        m.kind().name(),
        m.sub_kind().name(),
        m.evidence().name()
    )?;
    if let Some(text) = text {
        write!(out, ": {}", String::from_utf8_lossy(text))?;
    }
    out.write_all(b"\n")
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
