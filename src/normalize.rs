//! The normalised value of a match: what allow lists compare and keyed
//! pseudonyms hash, so that the ways one value is written agree.
//!
//! * Phone and bank card numbers: their digits, read as the scanner reads
//!   them (ASCII, full-width, Chinese numerals), as ASCII digits; spaces,
//!   dashes, brackets and a country code (`+86 `) are dropped. `138 1234
//!   5678`, `+86 13812345678` and `１３８１２３４５６７８` are all
//!   `13812345678`.
//! * Resident ID numbers: the same, with the check character as `X`
//!   (`x`, `Ｘ`, `叉` too).
//! * Every other kind: the matched text with full-width ASCII forms
//!   (`Ｅ１２３`, `ｑｑ．ｃｏｍ`) and the ideographic space folded to ASCII;
//!   email addresses also in ASCII lower case.

use crate::kind::Kind;
use crate::matches::Match;
use crate::scan::units::{check_x_at, digit_at, utf8_len};

/// Bytes kept inline before spilling to the heap: every number fits, and
/// so do most other values, so checking a match allocates nothing.
const INLINE: usize = 96;

/// A normalised value, on the stack while it is short.
pub(crate) struct Normalized {
    inline: [u8; INLINE],
    len: usize,
    spill: Vec<u8>,
}

impl Normalized {
    fn new() -> Normalized {
        Normalized { inline: [0; INLINE], len: 0, spill: Vec::new() }
    }

    fn push(&mut self, b: u8) {
        if self.len < INLINE {
            self.inline[self.len] = b;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(b);
        }
        self.len += 1;
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        if self.len <= INLINE { &self.inline[..self.len] } else { &self.spill }
    }
}

/// Whether values of `kind` are compared and hashed by their digits.
pub(crate) fn is_numeric(kind: Kind) -> bool {
    matches!(kind, Kind::Phone | Kind::IdCard | Kind::BankCard)
}

/// The normalised value of match `m`, whose bytes are `span`.
pub(crate) fn normalize(m: &Match, span: &[u8]) -> Normalized {
    if is_numeric(m.kind()) {
        // The routing prefix (`+86 `) is not part of the number.
        digits(span.get(m.lead()..).unwrap_or(span), m.kind() == Kind::IdCard)
    } else {
        folded(span, m.kind() == Kind::Email)
    }
}

/// The digits of `text` as ASCII, with check characters as `X` when
/// `check_x`.
pub(crate) fn digits(text: &[u8], check_x: bool) -> Normalized {
    let mut out = Normalized::new();
    let mut i = 0;
    while i < text.len() {
        if let Some(u) = digit_at(text, i) {
            out.push(b'0' + u.value);
            i += usize::from(u.len);
        } else if let Some(u) = check_x_at(text, i).filter(|_| check_x) {
            out.push(b'X');
            i += usize::from(u.len);
        } else {
            i += 1;
        }
    }
    out
}

/// `text` with full-width ASCII forms folded to ASCII, and in ASCII lower
/// case when `lower`.
pub(crate) fn folded(text: &[u8], lower: bool) -> Normalized {
    let mut out = Normalized::new();
    let mut i = 0;
    while i < text.len() {
        let len = utf8_len(text[i]).filter(|&n| i + n <= text.len()).unwrap_or(1);
        let c = &text[i..i + len];
        let ascii = match *c {
            // U+FF01..U+FF5E are the full-width forms of 0x21..0x7E.
            [0xEF, 0xBC, b @ 0x81..=0xBF] => Some(b - 0x81 + 0x21),
            [0xEF, 0xBD, b @ 0x80..=0x9E] => Some(b - 0x80 + 0x60),
            // U+3000, the ideographic space.
            [0xE3, 0x80, 0x80] => Some(b' '),
            _ => None,
        };
        match ascii {
            Some(b) => out.push(if lower { b.to_ascii_lowercase() } else { b }),
            None => {
                for &b in c {
                    out.push(if lower { b.to_ascii_lowercase() } else { b });
                }
            }
        }
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_agree_across_scripts_and_separators() {
        for text in ["138 1234 5678", "138-1234-5678", "１３８１２３４５６７８", "幺三八一二三四五六七八"]
        {
            assert_eq!(digits(text.as_bytes(), false).as_bytes(), b"13812345678", "{text}");
        }
        assert_eq!(digits("11010519491231002x".as_bytes(), true).as_bytes(), b"11010519491231002X");
        assert_eq!(digits("11010519491231002Ｘ".as_bytes(), true).as_bytes(), b"11010519491231002X");
        assert_eq!(digits(b"400x820", false).as_bytes(), b"400820");
    }

    #[test]
    fn folding_maps_full_width_ascii() {
        assert_eq!(folded("Ｅ１２３ｚ～！".as_bytes(), false).as_bytes(), b"E123z~!");
        assert_eq!(folded("ZhangSan＠Example.COM".as_bytes(), true).as_bytes(), b"zhangsan@example.com");
        assert_eq!(folded("北京\u{3000}A".as_bytes(), false).as_bytes(), "北京 A".as_bytes());
        // Invalid bytes pass through.
        assert_eq!(folded(b"a\xff\xe3", false).as_bytes(), b"a\xff\xe3");
    }

    #[test]
    fn long_values_spill_to_the_heap() {
        let long = "ａ".repeat(200);
        assert_eq!(folded(long.as_bytes(), false).as_bytes(), "a".repeat(200).as_bytes());
        let digits_long = "1".repeat(150);
        assert_eq!(digits(digits_long.as_bytes(), false).as_bytes(), digits_long.as_bytes());
    }
}
