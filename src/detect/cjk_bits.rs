//! Sets of Chinese characters as bit tables built at compile time: the
//! parsers ask about every character they pass (is it a stopper, a
//! numeral, a province abbreviation?), and one look-up beats a comparison
//! with each member.

/// First code point of the block a set covers: CJK Unified Ideographs,
/// U+4E00 to U+9FFF, where every character of these sets lies.
const FIRST: u32 = 0x4E00;

/// Code points in the block.
const LEN: usize = 0x5200;

/// A set of characters of the CJK Unified Ideographs block, one bit each.
pub(crate) struct CjkBits([u64; LEN / 64]);

impl CjkBits {
    /// The set of `chars`, all of which must lie in the block (a compile
    /// error otherwise, when built in a constant).
    pub(crate) const fn of_chars(chars: &[char]) -> CjkBits {
        let mut bits = [0u64; LEN / 64];
        let mut i = 0;
        while i < chars.len() {
            let k = (chars[i] as u32 - FIRST) as usize;
            bits[k / 64] |= 1 << (k % 64);
            i += 1;
        }
        CjkBits(bits)
    }

    /// The set of the characters of `s`, all of which must lie in the
    /// block (three bytes each in UTF-8).
    pub(crate) const fn of_str(s: &str) -> CjkBits {
        let b = s.as_bytes();
        let mut bits = [0u64; LEN / 64];
        let mut i = 0;
        while i < b.len() {
            assert!(b[i] & 0xF0 == 0xE0, "three-byte characters only");
            let cp = ((b[i] as u32 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
            let k = (cp - FIRST) as usize;
            bits[k / 64] |= 1 << (k % 64);
            i += 3;
        }
        CjkBits(bits)
    }

    /// Whether `c` is in the set, or `None` outside the block.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<bool> {
        let k = (c as u32).wrapping_sub(FIRST) as usize;
        (k < LEN).then(|| self.0[k / 64] & (1 << (k % 64)) != 0)
    }

    /// Whether a character of the set starts at `i` (decoded straight from
    /// its three bytes; anything else is not in the set).
    #[inline]
    pub(crate) fn contains_at(&self, hay: &[u8], i: usize) -> bool {
        let Some(&[b0, b1, b2]) = hay.get(i..i.saturating_add(3)) else { return false };
        if b0 & 0xF0 != 0xE0 || b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
            return false;
        }
        let cp = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        char::from_u32(cp).and_then(|c| self.get(c)) == Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_its_characters_and_no_others() {
        let from_chars = CjkBits::of_chars(&['京', '一', '龥']);
        let from_str = CjkBits::of_str("京一龥");
        for c in ('\u{3000}'..='\u{A000}').chain(['a', '１', '\u{10000}']) {
            let want = matches!(c, '京' | '一' | '龥');
            assert_eq!(from_chars.get(c).unwrap_or(false), want, "{c}");
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(from_str.contains_at(bytes, 0), want, "{c}");
        }
        assert_eq!(from_chars.get('a'), None, "outside the block");
        let text = "北京".as_bytes();
        assert!(from_str.contains_at(text, 3));
        assert!(
            !from_str.contains_at(text, 4) && !from_str.contains_at(&text[..5], 3) && !from_str.contains_at(text, 6)
        );
    }
}
