//! The characters numbers are written with, decoded straight from bytes.
//!
//! Chat text writes one digit in several ways: ASCII `8`, full-width `８`
//! (`EF BC 98`), or a Chinese numeral as speech recognition and typists use
//! them (`八`, `幺` for one, `两` for two, `拐` for seven, `洞` for zero). All of
//! them are a *unit* here. Between groups of units sit *gaps*: the separators
//! people put inside a number (`138 1234 5678`, `138-1234-5678`,
//! `(021)5555-1234`, `1，3，8`).
//!
//! Everything works on `&[u8]` so that invalid UTF-8 simply decodes as
//! "nothing": it is never a unit and never a gap.

/// Value of the ID check character `X`.
pub(crate) const CHECK_X: u8 = 10;

/// What a unit was written with; masking picks a replacement of equal length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    /// ASCII digit or `X`/`x`: one byte.
    Ascii,
    /// Full-width digit or `Ｘ`/`ｘ`: three bytes.
    FullWidth,
    /// Chinese numeral: three bytes.
    Numeral,
}

impl Script {
    /// Whether units in these two scripts can stand side by side in one
    /// group. Digits mix freely (`138１２３４5678` is a typo, not two
    /// numbers), but a numeral touching a digit is ordinary text: in
    /// `张三13812345678` and `13812345678一直打不通` the numerals are a name and
    /// a word.
    pub(crate) fn joins(self, other: Script) -> bool {
        (self == Script::Numeral) == (other == Script::Numeral)
    }
}

/// One digit-like character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// 0–9, or [`CHECK_X`].
    pub(crate) value: u8,
    /// Byte length: 1 or 3.
    pub(crate) len: u8,
    pub(crate) script: Script,
}

/// The digit a Chinese numeral character stands for when a number is read
/// out digit by digit, given the character's three UTF-8 bytes as one
/// big-endian integer (compared whole: cheaper than decoding, and this runs
/// on every probe of Chinese text). `十`, `百` and friends are not here:
/// nobody reads a phone number as "one hundred and thirty-eight".
#[inline]
fn numeral_value(bytes: u32) -> Option<u8> {
    Some(match bytes {
        0xE9_9B_B6 | 0xE3_80_87 | 0xE6_B4_9E => 0, // 零 〇 洞
        0xE4_B8_80 | 0xE5_B9_BA => 1,              // 一 幺
        0xE4_BA_8C | 0xE4_B8_A4 => 2,              // 二 两
        0xE4_B8_89 => 3,                           // 三
        0xE5_9B_9B => 4,                           // 四
        0xE4_BA_94 => 5,                           // 五
        0xE5_85_AD => 6,                           // 六
        0xE4_B8_83 | 0xE6_8B_90 => 7,              // 七 拐
        0xE5_85_AB => 8,                           // 八
        0xE4_B9_9D => 9,                           // 九
        _ => return None,
    })
}

/// Reads a digit unit (not `X`) at `hay[i..]`.
#[inline]
pub(crate) fn digit_at(hay: &[u8], i: usize) -> Option<Unit> {
    let b = *hay.get(i)?;
    if b.is_ascii_digit() {
        return Some(Unit { value: b - b'0', len: 1, script: Script::Ascii });
    }
    if b == 0xEF {
        // Full-width digits are U+FF10..U+FF19: EF BC 90..99.
        return match hay.get(i + 1..i + 3) {
            Some(&[0xBC, c]) if (0x90..=0x99).contains(&c) => {
                Some(Unit { value: c - 0x90, len: 3, script: Script::FullWidth })
            }
            _ => None,
        };
    }
    if b >= 0xE3 {
        let &[b0, b1, b2] = hay.get(i..i + 3)? else { return None };
        let value = numeral_value(u32::from_be_bytes([0, b0, b1, b2]))?;
        return Some(Unit { value, len: 3, script: Script::Numeral });
    }
    None
}

/// Whether `hay[i..]` starts with a numeral character.
#[inline]
pub(crate) fn is_numeral_at(hay: &[u8], i: usize) -> bool {
    matches!(digit_at(hay, i), Some(Unit { script: Script::Numeral, .. }))
}

/// Reads the check character `X` at `hay[i..]`: `X`, `x`, `Ｘ`, `ｘ`, or `叉`
/// ("cross"), which is how speech recognition writes a spoken X.
#[inline]
pub(crate) fn check_x_at(hay: &[u8], i: usize) -> Option<Unit> {
    match hay.get(i..)? {
        [b'X' | b'x', ..] => Some(Unit { value: CHECK_X, len: 1, script: Script::Ascii }),
        [0xEF, 0xBC, 0xB8, ..] | [0xEF, 0xBD, 0x98, ..] => {
            Some(Unit { value: CHECK_X, len: 3, script: Script::FullWidth })
        }
        [0xE5, 0x8F, 0x89, ..] => Some(Unit { value: CHECK_X, len: 3, script: Script::Numeral }),
        _ => None,
    }
}

/// The kinds of separator that may sit between two groups of units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Space, tab, no-break space, ideographic space.
    Space,
    /// `-`, `—`, `–`, `－`.
    Dash,
    /// `)`, `）` or `】`, closing an area code or country code.
    Close,
    /// `,`, `，`, `、`: only between short groups, as speech recognition
    /// writes pauses (`1，3，8`, `一三八，一二三四，五六七八`).
    Comma,
}

/// Reads one separator character at `hay[i..]`: its class and byte length.
#[inline]
pub(crate) fn sep_at(hay: &[u8], i: usize) -> Option<(Sep, usize)> {
    match hay.get(i..)? {
        [b' ' | b'\t', ..] => Some((Sep::Space, 1)),
        [b'-', ..] => Some((Sep::Dash, 1)),
        [b')', ..] => Some((Sep::Close, 1)),
        [b',', ..] => Some((Sep::Comma, 1)),
        [0xC2, 0xA0, ..] => Some((Sep::Space, 2)),
        // Ideographic space; en, em, thin, zero-width and narrow no-break
        // spaces.
        [0xE3, 0x80, 0x80, ..] | [0xE2, 0x80, 0x82 | 0x83 | 0x89 | 0x8B | 0xAF, ..] => Some((Sep::Space, 3)),
        [0xE3, 0x80, 0x81, ..] => Some((Sep::Comma, 3)),
        // Hyphen, non-breaking hyphen, figure dash, en and em dash,
        // horizontal bar, minus sign, full-width and small hyphen-minus.
        [0xE2, 0x80, 0x90..=0x95, ..] | [0xE2, 0x88, 0x92, ..] => Some((Sep::Dash, 3)),
        [0xEF, 0xBC, 0x8D, ..] | [0xEF, 0xB9, 0xA3, ..] => Some((Sep::Dash, 3)),
        // `杠`, a dash read out (`零幺零杠六二三四五六七八`): the only
        // ideograph that is a separator.
        [0xE6, 0x9D, 0xA0, ..] => Some((Sep::Dash, 3)),
        [0xEF, 0xBC, 0x89, ..] | [0xE3, 0x80, 0x91, ..] => Some((Sep::Close, 3)),
        [0xEF, 0xBC, 0x8C, ..] => Some((Sep::Comma, 3)),
        _ => None,
    }
}

/// Reads an opening bracket at `hay[i..]` (`(`, `（` or `【`): its byte
/// length.
#[inline]
pub(crate) fn open_paren_at(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b'(', ..] => Some(1),
        [0xEF, 0xBC, 0x88, ..] | [0xE3, 0x80, 0x90, ..] => Some(3),
        _ => None,
    }
}

/// Reads a plus sign at `hay[i..]` (`+` or `＋`): its byte length.
#[inline]
pub(crate) fn plus_at(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b'+', ..] => Some(1),
        [0xEF, 0xBC, 0x8B, ..] => Some(3),
        _ => None,
    }
}

/// Start of the character that ends just before `end`, looking back at most
/// four bytes and never before `floor`. `None` at `floor` or when the bytes
/// before `end` are not the tail of a valid sequence.
#[inline]
pub(crate) fn prev_char_start(hay: &[u8], end: usize, floor: usize) -> Option<usize> {
    if end <= floor {
        return None;
    }
    let mut i = end - 1;
    let mut seen = 0;
    while hay[i] & 0xC0 == 0x80 {
        seen += 1;
        if seen == 4 || i == floor {
            return None;
        }
        i -= 1;
    }
    let want = utf8_len(hay[i])?;
    (want == end - i).then_some(i)
}

/// Length of the UTF-8 sequence a lead byte announces.
#[inline]
pub(crate) fn utf8_len(lead: u8) -> Option<usize> {
    match lead {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The digit unit that ends right at `end`, if any. The check character
/// `X` is left out: it only ever ends a group, so nothing continues it.
#[inline]
pub(crate) fn unit_before(hay: &[u8], end: usize, floor: usize) -> Option<Unit> {
    let start = prev_char_start(hay, end, floor)?;
    digit_at(hay, start).filter(|u| start + usize::from(u.len) == end)
}

/// The unit that ends right at `end` when it belongs to the same group as
/// a unit written in `script` that starts at `end`.
#[inline]
pub(crate) fn group_unit_before(hay: &[u8], end: usize, floor: usize, script: Script) -> Option<Unit> {
    unit_before(hay, end, floor).filter(|u| u.script.joins(script))
}

/// Number of bytes at the end of `hay` that are a truncated UTF-8 sequence
/// (0 when the last sequence is complete or the bytes are not UTF-8 at all).
pub(crate) fn incomplete_suffix(hay: &[u8]) -> usize {
    let n = hay.len();
    for back in 1..=3.min(n) {
        let b = hay[n - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        return match utf8_len(b) {
            Some(want) if want > back => back,
            _ => 0,
        };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_digit_form() {
        let forms = ["0123456789", "０１２３４５６７８９", "零一二三四五六七八九", "洞幺两三四五六拐八九", "〇"];
        for form in forms {
            let bytes = form.as_bytes();
            let mut i = 0;
            let mut expected = 0u8;
            while i < bytes.len() {
                let u = digit_at(bytes, i).expect("every character here is a digit");
                assert_eq!(u.value, expected % 10, "{form} at {i}");
                i += usize::from(u.len);
                expected += 1;
            }
        }
        assert!(digit_at("十".as_bytes(), 0).is_none());
        assert!(digit_at("，".as_bytes(), 0).is_none());
        assert!(digit_at(b"\xEF\xBC", 0).is_none(), "truncated full-width digit");
    }

    #[test]
    fn reads_separators_and_brackets() {
        for (s, sep) in [(" ", Sep::Space), ("　", Sep::Space), ("-", Sep::Dash), ("—", Sep::Dash), ("－", Sep::Dash)]
        {
            assert_eq!(sep_at(s.as_bytes(), 0), Some((sep, s.len())), "{s:?}");
        }
        assert_eq!(sep_at("，".as_bytes(), 0), Some((Sep::Comma, 3)));
        assert_eq!(sep_at("）".as_bytes(), 0), Some((Sep::Close, 3)));
        assert_eq!(open_paren_at("（".as_bytes(), 0), Some(3));
        assert_eq!(plus_at("＋".as_bytes(), 0), Some(3));
        assert!(sep_at(b":", 0).is_none());
    }

    #[test]
    fn finds_previous_characters() {
        let s = "a手8".as_bytes();
        assert_eq!(prev_char_start(s, s.len(), 0), Some(4));
        assert_eq!(prev_char_start(s, 4, 0), Some(1));
        assert_eq!(prev_char_start(s, 1, 0), Some(0));
        assert_eq!(prev_char_start(s, 4, 2), None, "floor inside the character");
        assert_eq!(prev_char_start(b"\x80\x80", 2, 0), None);
        assert_eq!(unit_before("x８".as_bytes(), 4, 0).map(|u| u.value), Some(8));
        assert_eq!(unit_before(b"8X", 2, 0), None);
    }

    #[test]
    fn measures_truncated_tails() {
        assert_eq!(incomplete_suffix(b"ab"), 0);
        assert_eq!(incomplete_suffix(&"手".as_bytes()[..2]), 2);
        assert_eq!(incomplete_suffix(&"手".as_bytes()[..1]), 1);
        assert_eq!(incomplete_suffix("手".as_bytes()), 0);
        assert_eq!(incomplete_suffix(b"\xF0\x9F\x98"), 3);
    }
}
