//! JSON string contents: decoded for the scanner, with a map back to the
//! raw bytes, and replacements escaped to go back in.

use std::ops::Range;

/// A string's decoded text and where each of its bytes came from.
#[derive(Debug)]
pub struct Decoded {
    /// The text, escapes decoded. A `\u` escape of a lone surrogate, which
    /// has no UTF-8 form, reads as U+FFFD (its raw bytes are kept unless a
    /// match covers them).
    pub text: Vec<u8>,
    /// `raw_at[i]`: offset in the raw string of the character that decoded
    /// byte `i` belongs to; one more entry for the end.
    raw_at: Vec<usize>,
}

impl Decoded {
    /// The raw bytes a range of decoded text (on character boundaries)
    /// came from.
    pub fn raw_range(&self, decoded: Range<usize>) -> Range<usize> {
        self.raw_at[decoded.start]..self.raw_at[decoded.end]
    }
}

/// Decodes the raw contents of a string token that the scanner has checked.
pub fn decode(raw: &[u8]) -> Decoded {
    let mut text = Vec::with_capacity(raw.len());
    let mut raw_at = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while i < raw.len() {
        let start = i;
        if raw[i] != b'\\' {
            text.push(raw[i]);
            i += 1;
        } else {
            let c = match raw.get(i + 1) {
                Some(b'u') => {
                    let (c, len) = unicode_escape(&raw[i..]);
                    i += len;
                    c
                }
                Some(&e) => {
                    i += 2;
                    match e {
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        // `\"`, `\\`, `\/` stand for themselves.
                        other => char::from(other),
                    }
                }
                None => {
                    i += 1;
                    '\\'
                }
            };
            let mut buf = [0; 4];
            text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        raw_at.resize(text.len(), start);
    }
    raw_at.push(raw.len());
    Decoded { text, raw_at }
}

/// The character of a `\uXXXX` escape (two for a surrogate pair) at the
/// start of `raw`, and how many raw bytes it takes.
fn unicode_escape(raw: &[u8]) -> (char, usize) {
    let Some(unit) = hex4(raw) else {
        return ('\u{FFFD}', raw.len().min(2));
    };
    if (0xD800..0xDC00).contains(&unit)
        && raw.get(6..8) == Some(b"\\u")
        && let Some(low) = hex4(&raw[6..])
        && (0xDC00..0xE000).contains(&low)
    {
        let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        return (char::from_u32(c).unwrap_or('\u{FFFD}'), 12);
    }
    (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6)
}

/// The four hex digits after `\u` at the start of `raw`.
fn hex4(raw: &[u8]) -> Option<u32> {
    let digits = core::str::from_utf8(raw.get(2..6)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

/// Appends `text` as the contents of a JSON string, escaping only what must
/// be escaped: quotes, backslashes and control characters.
pub fn escape_into(text: &[u8], out: &mut Vec<u8>) {
    for &b in text {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x00..=0x1F => out.extend_from_slice(format!("\\u{b:04x}").as_bytes()),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_maps_back() {
        let raw = br#"a\"\u4e2d\ud83d\ude00\n\/b"#;
        let d = decode(raw);
        assert_eq!(d.text, "a\"中😀\n/b".as_bytes());
        // 中 is decoded bytes 2..5, from raw bytes 3..9.
        assert_eq!(d.raw_range(2..5), 3..9);
        // 😀 (a surrogate pair) is decoded 5..9, raw 9..21.
        assert_eq!(d.raw_range(5..9), 9..21);
        assert_eq!(d.raw_range(0..d.text.len()), 0..raw.len());
    }

    #[test]
    fn digits_written_as_escapes_are_digits() {
        let raw = br"\u0031\u0033\u0038";
        let d = decode(raw);
        assert_eq!(d.text, b"138");
        assert_eq!(d.raw_range(1..2), 6..12);
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        let d = decode(br"x\ud800y\udc00");
        assert_eq!(d.text, "x\u{FFFD}y\u{FFFD}".as_bytes());
        assert_eq!(d.raw_range(4..5), 7..8);
    }

    #[test]
    fn escapes_only_what_json_requires() {
        let mut out = Vec::new();
        escape_into("＊\"\\\n\u{1}/中".as_bytes(), &mut out);
        assert_eq!(out, r#"＊\"\\\n\u0001/中"#.replace(r"\n", r"\u000a").as_bytes());
    }
}
