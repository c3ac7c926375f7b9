//! Dismissing plain numbers without reading them as tokens.
//!
//! Most numbers in chat text are not personal information: clock times,
//! dates, amounts, order numbers. Reading each one into a [`Token`] and
//! asking every detector about it costs a few hundred instructions a
//! number. Numbers written with ASCII digits and single spaces or dashes
//! (`[19:56:08]`, `2024-11-28 00`, `11%`) can often be ruled out from their
//! shape alone, before any of that: this module reads their groups' lengths
//! and first digits straight from the bytes and says when no group can
//! start a match. Anything it is unsure about (another separator, a
//! full-width digit, a numeral, the end of the haystack) goes to the full
//! reader, so it only ever skips what the full reader would skip.
//!
//! [`Token`]: super::token::Token

use super::finder::MIN_UNITS;
use super::token::MAX_UNITS;
use super::units::{check_x_at, digit_at, sep_at, utf8_len};
use crate::detect::{MIN_UNITS_UNLESS_PHONE, phone_may_start_with};

/// Most groups this fast path looks at; more go to the full reader.
const MAX_GROUPS: usize = 8;

// A match of any kind has at least `MIN_UNITS` units.
const _: () = assert!(MIN_UNITS_UNLESS_PHONE >= MIN_UNITS);

/// When the token starting at `t` (its first unit, an ASCII digit) is made
/// of ASCII digit groups joined by single spaces or dashes and provably
/// holds no match, the offset just past its last digit. `None` when the
/// full reader must decide.
///
/// A match starts at a group start, runs to a group end and has at least
/// [`MIN_UNITS`] units; unless it is a phone number (which starts with 0, 1,
/// 4 or 8), it has at least [`MIN_UNITS_UNLESS_PHONE`]. The units from a
/// group to the end are fewest for the last group and most for the first,
/// so two sums decide: all the units (for any match), and the units from
/// the first group a phone number may start at (for a phone number). No
/// table of the groups is kept: this runs for most numbers of chat text.
pub(crate) fn dismiss(hay: &[u8], t: usize) -> Option<usize> {
    let mut total = 0;
    // Units before the first group a phone number may start at.
    let mut before_phone = None;
    let mut i = t;
    for _ in 0..MAX_GROUPS {
        let start = i;
        while hay.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let len = i - start;
        if len == 0 || len > MAX_UNITS {
            return None;
        }
        if before_phone.is_none() && phone_may_start_with(hay[start] - b'0') {
            before_phone = Some(total);
        }
        total += len;
        let &next = hay.get(i)?;
        if matches!(next, b' ' | b'-') && hay.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        if !ends_token(hay, i) || total > MAX_UNITS {
            return None;
        }
        // Of all groups the first has the most units from it to the end,
        // and a match that is not a phone number needs the larger minimum.
        let any = total >= MIN_UNITS_UNLESS_PHONE;
        let phone = before_phone.is_some_and(|b| total - b >= MIN_UNITS);
        return (!any && !phone).then_some(i);
    }
    None
}

/// Whether the character at `i`, right after a group of ASCII digits,
/// certainly ends the token: complete, and neither a unit, a separator nor
/// the check character `X`.
#[inline]
fn ends_token(hay: &[u8], i: usize) -> bool {
    let b = hay[i];
    if b < 0x80 {
        return !matches!(b, b'0'..=b'9' | b' ' | b'\t' | b'-' | b')' | b',' | b'X' | b'x');
    }
    // A byte that cannot start a character ends the token; a character cut
    // off by the end of the haystack may still turn out to be a unit.
    let complete = utf8_len(b).is_none_or(|len| i + len <= hay.len());
    complete && digit_at(hay, i).is_none() && sep_at(hay, i).is_none() && check_x_at(hay, i).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dismissed(s: &str) -> Option<&str> {
        dismiss(s.as_bytes(), 0).map(|end| &s[..end])
    }

    /// The rule as first written: every group's length and first digit
    /// in a table, then each group asked whether a match may start there.
    fn dismiss_by_groups(hay: &[u8], t: usize) -> Option<usize> {
        let mut lens = [0usize; MAX_GROUPS];
        let mut firsts = [0u8; MAX_GROUPS];
        let mut n = 0;
        let mut i = t;
        loop {
            let start = i;
            while hay.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let len = i - start;
            if len == 0 || len > MAX_UNITS || n == MAX_GROUPS {
                return None;
            }
            lens[n] = len;
            firsts[n] = hay[start] - b'0';
            n += 1;
            let &next = hay.get(i)?;
            if matches!(next, b' ' | b'-') && hay.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                continue;
            }
            if !ends_token(hay, i) {
                return None;
            }
            break;
        }
        let mut rest: usize = lens[..n].iter().sum();
        if rest > MAX_UNITS {
            return None;
        }
        for g in 0..n {
            if rest >= MIN_UNITS && (rest >= MIN_UNITS_UNLESS_PHONE || phone_may_start_with(firsts[g])) {
                return None;
            }
            rest -= lens[g];
        }
        Some(i)
    }

    #[test]
    fn agrees_with_the_rule_group_by_group() {
        // Every string of up to seven symbols, each a run of digits of one
        // of several lengths and first digits, or a byte around them.
        let symbols: [&[u8]; 9] = [b"2", b"1", b"45", b"1234", b"98765", b"9876543", b" ", b"-", b":"];
        let mut checked = 0;
        let mut text = Vec::new();
        for len in 1..=7 {
            let total = symbols.len().pow(len as u32);
            for mut code in 0..total {
                text.clear();
                for _ in 0..len {
                    text.extend_from_slice(symbols[code % symbols.len()]);
                    code /= symbols.len();
                }
                text.push(b'.');
                if text[0].is_ascii_digit() {
                    assert_eq!(dismiss(&text, 0), dismiss_by_groups(&text, 0), "{}", String::from_utf8_lossy(&text));
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_000_000);
        for s in [
            "12345678901234567890123456 ",
            "1-2-3-4-5-6-7-8-9 ",
            "1-2-3-4-5-6-7-8 ",
            "138 1234 5678，",
            "2 13812345678，",
        ] {
            assert_eq!(dismiss(s.as_bytes(), 0), dismiss_by_groups(s.as_bytes(), 0), "{s}");
        }
    }

    #[test]
    fn dismisses_short_and_unphonelike_numbers() {
        assert_eq!(dismissed("19:56:08]"), Some("19"));
        assert_eq!(dismissed("2024-11-28 00:00:06"), Some("2024-11-28 00"), "ten units, but no phone starts with 2");
        assert_eq!(dismissed("11%"), Some("11"));
        assert_eq!(dismissed("12345678号"), Some("12345678"));
        assert_eq!(dismissed("2345678901234。"), Some("2345678901234"));
        assert_eq!(dismissed("3 2345678901。"), Some("3 2345678901"));
    }

    #[test]
    fn leaves_possible_matches_to_the_reader() {
        for s in [
            "13812345678。",
            "138 1234 5678。",
            "010-62345678。",
            "400-820-8820。",
            "8613812345678。",
            "234567890123456。",
            "2 13812345678，",
            "110105194912310021。",
        ] {
            assert_eq!(dismissed(s), None, "{s}");
        }
    }

    #[test]
    fn leaves_unsure_shapes_to_the_reader() {
        for s in [
            "12345",
            "12345 ",
            "123,456",
            "123 -456",
            "12345X",
            "12345八",
            "12345１",
            "12345）",
            "12345　",
            "1-2-3-4-5-6-7-8-9",
        ] {
            assert_eq!(dismissed(s), None, "{s}");
        }
        let cut = "12345手".as_bytes();
        assert_eq!(dismiss(&cut[..cut.len() - 1], 0), None, "a truncated character");
        assert_eq!(dismiss(b"12345\xFF", 0), Some(5), "an invalid byte ends the number");
    }
}
