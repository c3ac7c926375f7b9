//! The characters a set of literals starts with, as a table: whether any of
//! them may start in a short span of text.
//!
//! The searches for trigger words are vectorized, and over a long text they
//! cost little a byte; but each one costs a few hundred instructions to
//! start, and a chat message is often shorter than a hundred bytes. Six of
//! them over a 42-byte message cost about 1,700 instructions; one walk over
//! its characters with this table costs about 200, and most messages hold
//! no trigger, so the searches never start.

/// Haystacks with at most this many bytes left from where a search would
/// start are walked with the table first. (A walk costs a few instructions a
/// byte, the searches a few hundred to start and then less than one a
/// byte. In a long text, the searches keep their hits, and a short span
/// asked about after a match is answered from them.)
pub(crate) const SHORT_SPAN: usize = 256;

/// First characters of some literals, one bit each for U+0000 to U+FFFF.
#[derive(Debug)]
pub(crate) struct StartChars {
    bits: Box<[u64; 1024]>,
    /// For literals starting with ASCII, their first two bytes, one bit
    /// per pair (all pairs of a one-byte literal's byte): `:` starts `::`,
    /// and a clock time (`00:00`) should not count.
    ascii_pairs: Box<[u64; 128 * 256 / 64]>,
    /// Some literal starts with a character past U+FFFF or with a byte that
    /// does not start a character: the table does not answer.
    other: bool,
}

impl StartChars {
    /// The first characters of `literals`.
    pub(crate) fn new<L: AsRef<[u8]>>(literals: &[L]) -> StartChars {
        let mut bits = Box::new([0u64; 1024]);
        let mut ascii_pairs = Box::new([0u64; 128 * 256 / 64]);
        let mut other = false;
        for l in literals {
            let l = l.as_ref();
            match first_char(l, 0) {
                Some(c) if c < 0x1_0000 => bits[c as usize / 64] |= 1 << (c % 64),
                _ => other = true,
            }
            if let Some(&b0) = l.first().filter(|b| b.is_ascii()) {
                let seconds = match l.get(1) {
                    Some(&b1) => b1..=b1,
                    None => 0..=255,
                };
                for b1 in seconds {
                    let pair = usize::from(b0) << 8 | usize::from(b1);
                    ascii_pairs[pair / 64] |= 1 << (pair % 64);
                }
            }
        }
        StartChars { bits, ascii_pairs, other }
    }

    /// The first offset in `from..to` where a literal may start: `None`
    /// only when no character starting in the span is the first of a
    /// literal. Where more than [`SHORT_SPAN`] bytes of the haystack are
    /// left from `from`, nothing is walked (`from`).
    pub(crate) fn first_in(&self, hay: &[u8], from: usize, to: usize) -> Option<usize> {
        let end = to.min(hay.len());
        if self.other || hay.len().saturating_sub(from) > SHORT_SPAN {
            return (from < end).then_some(from);
        }
        // Every offset that may start a character is looked at, not only
        // where one would start if the text were valid UTF-8: after a stray
        // byte, a literal may start at the next one. A continuation byte
        // starts nothing, and the two after a three-byte character's lead
        // are skipped with it.
        let mut i = from;
        while i < end {
            let b = hay[i];
            if b < 0x80 {
                if self.contains(u32::from(b)) {
                    let Some(&b1) = hay.get(i + 1) else { return Some(i) };
                    let pair = usize::from(b) << 8 | usize::from(b1);
                    if self.ascii_pairs[pair / 64] & (1 << (pair % 64)) != 0 {
                        return Some(i);
                    }
                }
                i += 1;
            } else if b & 0xF0 == 0xE0
                && let Some(&[b1, b2]) = hay.get(i + 1..i + 3)
                && b1 & 0xC0 == 0x80
                && b2 & 0xC0 == 0x80
            {
                let c = (u32::from(b & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                if self.contains(c) {
                    return Some(i);
                }
                i += 3;
            } else {
                match first_char(hay, i) {
                    // No literal starts past U+FFFF (`other` is false).
                    Some(c) if c >= 0x1_0000 || !self.contains(c) => i += 1,
                    // A continuation byte or one that starts nothing.
                    None if b & 0xC0 == 0x80 || b >= 0xF8 => i += 1,
                    // A literal's first character, or one cut off by the
                    // end of the haystack.
                    _ => return Some(i),
                }
            }
        }
        None
    }

    fn contains(&self, c: u32) -> bool {
        self.bits[c as usize / 64] & (1 << (c % 64)) != 0
    }
}

/// The code point of the character starting at `i`, decoded without
/// checking more than a literal needs: `None` where the bytes cannot be
/// read as one (cut off by the end, or not a lead byte).
fn first_char(hay: &[u8], i: usize) -> Option<u32> {
    let b0 = u32::from(*hay.get(i)?);
    let cont = |k: usize| hay.get(i + k).map(|&b| u32::from(b & 0x3F));
    match b0 {
        0x00..=0x7F => Some(b0),
        0xC0..=0xDF => Some(((b0 & 0x1F) << 6) | cont(1)?),
        0xE0..=0xEF => Some(((b0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?),
        0xF0..=0xF7 => Some(((b0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_characters_of_its_literals_only() {
        let set = StartChars::new(&["密码", "（", "QQ", "qq", "@"]);
        assert_eq!(set.first_in("请输入密码".as_bytes(), 0, 15), Some(9));
        assert_eq!(set.first_in("请输入密码".as_bytes(), 0, 9), None, "the span ends before 密");
        assert_eq!(set.first_in("好的，请问还有什么可以帮您？".as_bytes(), 0, 42), None);
        assert_eq!(set.first_in(b"my qq", 0, 5), Some(3));
        assert_eq!(set.first_in(b"my Qq.", 0, 6), None, "`Qq` starts neither `QQ` nor `qq`");
        assert_eq!(set.first_in(b"my Qq", 0, 5), Some(4), "the end may hold a second `q`");
        assert_eq!(set.first_in("（备注）".as_bytes(), 0, 12), Some(0));
        assert_eq!(set.first_in(b"a@b", 0, 3), Some(1));
        let colons = StartChars::new(&["::", "pas"]);
        assert_eq!(colons.first_in(b"[00:00:06] pa", 0, 13), Some(11), "only the pair counts");
        assert_eq!(colons.first_in(b"fe80::1", 0, 7), Some(4));
        assert_eq!(colons.first_in(b"00:", 0, 3), Some(2), "the end may hold the second byte");
        assert_eq!(set.first_in("é密".as_bytes(), 0, 5), Some(2), "a two-byte character before");
    }

    #[test]
    fn looks_past_stray_bytes_and_answers_yes_to_what_it_cannot_read() {
        let set = StartChars::new(&["密码"]);
        let mut hay = vec![0xE5];
        hay.extend_from_slice("密码".as_bytes());
        assert_eq!(set.first_in(&hay, 0, hay.len()), Some(1), "a stray lead byte before 密");
        assert_eq!(set.first_in(&"密".as_bytes()[..2], 0, 2), Some(0), "a character cut off by the end");
        assert_eq!(set.first_in(&[0x80, 0x81, 0xBF], 0, 3), None, "continuation bytes start nothing");
        assert_eq!(set.first_in("好的😀".as_bytes(), 0, 10), None, "no literal starts past U+FFFF");
        assert_eq!(set.first_in(&[0xFF, 0xF9, 0x80], 0, 3), None, "bytes that start no character");
        assert_eq!(set.first_in(&"😀".as_bytes()[..3], 0, 3), Some(0), "a character cut off by the end");
        let long = "好".repeat(SHORT_SPAN);
        assert_eq!(set.first_in(long.as_bytes(), 3, long.len()), Some(3), "long haystacks are left to the searches");
        assert_eq!(set.first_in(long.as_bytes(), 3, 9), Some(3), "even for a short span in them");
        assert_eq!(set.first_in(long.as_bytes(), long.len() - 9, long.len()), None, "but for their last bytes");
        let odd = StartChars::new(&["😀x"]);
        assert_eq!(odd.first_in(b"abc", 1, 3), Some(1), "a literal past U+FFFF turns the table off");
        assert_eq!(set.first_in(b"abc", 3, 3), None, "an empty span");
    }
}
