//! Where each character of GB18030 input lies, before and after decoding.
//!
//! The redactor reads UTF-8, so GB18030 input is decoded before it is
//! scanned; but the output must copy the input bytes themselves, because
//! decoding and encoding again does not give back every sequence (the
//! single byte `0x80` decodes to `€`, which encodes as `A2 E3`). A
//! [`CharMap`] remembers, for every decoded character not yet written out,
//! how many UTF-8 bytes and how many input bytes it takes, so that a run
//! of decoded text can be turned back into the run of input it came from.

use std::collections::VecDeque;

/// Length of the complete characters at the start of `bytes`, judged by the
/// shape of GB18030 sequences alone: one byte below `0x81` (and `0xFF`),
/// four bytes when the second byte is a digit, two otherwise. Whether the
/// bytes are valid is the decoder's business; this only finds where the
/// decoder can stop without holding half a character.
pub(crate) fn complete_prefix(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let len = match input_len(lead, bytes.get(i + 1).copied()) {
            Some(len) => len,
            None => break,
        };
        if i + len > bytes.len() {
            break;
        }
        i += len;
    }
    i
}

/// Length of the GB18030 sequence starting with `lead`, or `None` when the
/// second byte that decides it has not arrived.
fn input_len(lead: u8, second: Option<u8>) -> Option<usize> {
    if lead < 0x81 || lead == 0xFF {
        return Some(1);
    }
    match second? {
        b'0'..=b'9' => Some(4),
        _ => Some(2),
    }
}

/// Length of the UTF-8 sequence starting with `lead` (valid UTF-8 only).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Consecutive characters with the same two lengths.
#[derive(Clone, Copy, Debug)]
struct Run {
    count: usize,
    utf8_len: u8,
    input_len: u8,
}

/// The two lengths of every character decoded but not yet written out, in
/// order, kept as runs (Chinese text alternates ASCII and two-byte runs).
#[derive(Debug, Default)]
pub(crate) struct CharMap {
    runs: VecDeque<Run>,
    /// UTF-8 bytes of the first character already taken.
    partial: usize,
}

impl CharMap {
    /// Records the characters of `input`, which decoded to `utf8`. Both hold
    /// the same characters, whole; returns `false` if they do not line up
    /// (which would be a bug, reported as an error rather than a panic).
    pub(crate) fn record(&mut self, input: &[u8], utf8: &[u8]) -> bool {
        let (mut i, mut u) = (0, 0);
        // The current run, pushed when the lengths change.
        let mut run = Run { count: 0, utf8_len: 1, input_len: 1 };
        while i < input.len() && u < utf8.len() {
            let (il, ul) = if input[i] < 0x80 {
                // ASCII is the same byte in both: take the whole stretch.
                let n = input[i..].iter().zip(&utf8[u..]).take_while(|(a, b)| a == b && **a < 0x80).count();
                self.extend(&mut run, n, 1, 1);
                i += n;
                u += n;
                continue;
            } else {
                (input_len(input[i], input.get(i + 1).copied()).unwrap_or(1), utf8_len(utf8[u]))
            };
            self.extend(&mut run, 1, ul as u8, il as u8);
            i += il;
            u += ul;
        }
        self.push(run);
        i == input.len() && u == utf8.len()
    }

    /// Adds `count` characters to the current run, or pushes it and starts
    /// another.
    fn extend(&mut self, run: &mut Run, count: usize, utf8_len: u8, input_len: u8) {
        if run.utf8_len == utf8_len && run.input_len == input_len {
            run.count += count;
        } else {
            self.push(*run);
            *run = Run { count, utf8_len, input_len };
        }
    }

    fn push(&mut self, run: Run) {
        if run.count == 0 {
            return;
        }
        match self.runs.back_mut() {
            Some(last) if last.utf8_len == run.utf8_len && last.input_len == run.input_len => last.count += run.count,
            _ => self.runs.push_back(run),
        }
    }

    /// Takes the next `utf8` decoded bytes and returns the number of input
    /// bytes of the characters they complete. The scanner may hand out
    /// plain text up to a point inside a character; the rest of that
    /// character comes with the next bytes taken. `None` if the bytes go
    /// past what was recorded.
    pub(crate) fn take(&mut self, utf8: usize) -> Option<usize> {
        let mut left = self.partial + utf8;
        let mut input = 0;
        while let Some(run) = self.runs.front_mut() {
            let ul = usize::from(run.utf8_len);
            let whole = (left / ul).min(run.count);
            if whole == 0 {
                break;
            }
            input += whole * usize::from(run.input_len);
            left -= whole * ul;
            run.count -= whole;
            if run.count == 0 {
                self.runs.pop_front();
            }
        }
        if left > 0 && self.runs.is_empty() {
            return None;
        }
        self.partial = left;
        Some(input)
    }

    /// Whether the bytes taken so far end on a character boundary.
    pub(crate) fn at_char_boundary(&self) -> bool {
        self.partial == 0
    }

    /// Forgets everything recorded.
    pub(crate) fn clear(&mut self) {
        self.runs.clear();
        self.partial = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_prefix_stops_before_an_unfinished_character() {
        // 中 is D6 D0; 𠀀 (U+20000) is 95 32 82 36.
        let text = [b'a', 0xD6, 0xD0, 0x95, 0x32, 0x82, 0x36, b'b'];
        assert_eq!(complete_prefix(&text), text.len());
        for cut in 0..text.len() {
            let expected = match cut {
                2 => 1,
                4..=6 => 3,
                _ => cut,
            };
            assert_eq!(complete_prefix(&text[..cut]), expected, "cut at {cut}");
        }
        // 0x80 and 0xFF stand alone (the decoder judges them).
        assert_eq!(complete_prefix(&[0x80, 0xFF]), 2);
    }

    #[test]
    fn takes_input_lengths_for_decoded_lengths() {
        let mut map = CharMap::default();
        // "a中€" from 61 | D6 D0 | 80, decoded to 61 | E4 B8 AD | E2 82 AC.
        assert!(map.record(&[0x61, 0xD6, 0xD0, 0x80], "a中€".as_bytes()));
        assert_eq!(map.take(1), Some(1));
        assert_eq!(map.take(2), Some(0), "two thirds of 中 complete nothing");
        assert!(!map.at_char_boundary());
        assert_eq!(map.take(2), Some(2), "the rest of 中 and the first byte of €");
        assert!(!map.at_char_boundary());
        assert_eq!(map.take(2), Some(1), "the rest of €");
        assert!(map.at_char_boundary());
        assert_eq!(map.take(1), None, "nothing left");
        let mut map = CharMap::default();
        assert!(map.record(&[0x61, 0xD6, 0xD0, 0x80], "a中€".as_bytes()));
        assert_eq!(map.take(4), Some(3));
        assert_eq!(map.take(3), Some(1));
        assert_eq!(map.take(0), Some(0));
    }

    #[test]
    fn record_notices_mismatched_text() {
        assert!(!CharMap::default().record(&[0x61, 0x62], "a".as_bytes()));
    }
}
