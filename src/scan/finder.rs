//! Finding where the next number may start, without looking at every
//! character.
//!
//! Chat text is mostly CJK with sparse digits. Two searches run side by side
//! over 32-byte blocks:
//!
//! * **Digits.** A branch-free pass over each block marks ASCII digits and
//!   full-width digits (`EF BC 90..99`); the compiler turns it into vector
//!   compares. Blocks with no digit cost a handful of instructions.
//! * **Numerals.** Spoken-style numbers (`幺三八一二三四五六七八`) are written
//!   with very common characters (`一`, `三`, `八` ...), so looking for them one
//!   by one would mean decoding every character. No match is shorter than
//!   [`MIN_UNITS`] units, so a numeral-only token worth reading covers at
//!   least 30 bytes; probing one character every [`PROBE_STRIDE`] bytes is
//!   certain to land in every such token. A probe that lands in a shorter run
//!   (`一个`, `三四天`) is dropped.
//!
//! Both report the *token start*: the first unit of the run of units and
//! gaps that contains the hit, but never before the caller's `floor`. The
//! result does not depend on where the probes happen to fall, which is what
//! makes a scan that resumes at any position agree with one that did not
//! stop (the streaming guarantee).

use super::token::MAX_GAP_CHARS;
use super::units::{digit_at, is_numeral_at, prev_char_start, sep_at, unit_before, utf8_len};

/// Fewest units any detector accepts (`010-6234567`, `400-820-8820`).
pub(crate) const MIN_UNITS: usize = 10;

/// Distance between numeral probes. Must stay below the byte length of the
/// shortest numeral-only token that can match (10 numerals, 30 bytes).
const PROBE_STRIDE: usize = 16;

const BLOCK: usize = 32;

/// Start of the next token at or after `pos` that could contain a match.
pub(crate) fn next_candidate(hay: &[u8], pos: usize) -> Option<usize> {
    let mut b = pos;
    while b < hay.len() {
        let end = (b + BLOCK).min(hay.len());
        let mut found = None;
        let mut p = b;
        while p < end {
            if let Some(t) = probe_numerals(hay, p, pos) {
                found = Some(t);
                break;
            }
            p += PROBE_STRIDE;
        }
        if let Some(d) = first_digit(hay, b, end) {
            let t = token_start(hay, d, pos);
            found = Some(found.map_or(t, |f: usize| f.min(t)));
        }
        if found.is_some() {
            return found;
        }
        b = end;
    }
    None
}

/// Whether eight bytes may hold an ASCII digit or the middle byte of a
/// full-width digit (`EF BC 9x`), tested a word at a time (SWAR): a byte
/// `b` is flagged when `b ^ 0x30 < 10` with the high bit clear, or when
/// `b == 0xBC`. Flags may be false positives, never false negatives.
#[inline]
fn word_may_hold_digit(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let t = w ^ (ONES * 0x30);
    let ascii = t.wrapping_sub(ONES * 10) & !t & HIGH;
    let z = w ^ (ONES * 0xBC);
    let wide = z.wrapping_sub(ONES) & !z & HIGH;
    (ascii | wide) != 0
}

/// Offset of the first ASCII or full-width digit that starts in `b..end`.
#[inline]
fn first_digit(hay: &[u8], b: usize, end: usize) -> Option<usize> {
    if end - b == BLOCK && b + BLOCK + 2 <= hay.len() {
        // Most blocks of Chinese text hold no digit: rule them out a word at
        // a time before looking at single bytes. A full-width digit whose
        // `BC` falls in this block is flagged here even if its `EF` lies in
        // the previous block (then its start is not in this block anyway).
        let words = hay[b..b + BLOCK].chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")));
        if !words.fold(false, |any, w| any | word_may_hold_digit(w)) {
            return None;
        }
        let s = &hay[b..b + BLOCK + 2];
        let mut mask: u32 = 0;
        for i in 0..BLOCK {
            let x = s[i];
            let ascii = x.wrapping_sub(b'0') < 10;
            let wide = (x == 0xEF) & (s[i + 1] == 0xBC) & (s[i + 2].wrapping_sub(0x90) < 10);
            mask |= u32::from(ascii | wide) << i;
        }
        return (mask != 0).then(|| b + mask.trailing_zeros() as usize);
    }
    (b..end).find(|&i| digit_at(hay, i).is_some_and(|u| u.script != super::units::Script::Numeral))
}

/// Looks for a numeral at `p` (or in the character right after the one `p`
/// falls in) and returns the start of its token when the token holds enough
/// units to match.
#[inline]
fn probe_numerals(hay: &[u8], p: usize, floor: usize) -> Option<usize> {
    let mut c = p;
    while c > floor && p - c < 3 && hay[c] & 0xC0 == 0x80 {
        c -= 1;
    }
    let hit = if is_numeral_at(hay, c) {
        c
    } else {
        let next = c + utf8_len(hay[c]).unwrap_or(1);
        if !is_numeral_at(hay, next) {
            return None;
        }
        next
    };
    let t = token_start(hay, hit, floor);
    holds_enough_units(hay, t).then_some(t)
}

/// Walks back from the unit at `unit` over units and gaps to the first unit
/// of its token, never before `floor`.
pub(crate) fn token_start(hay: &[u8], unit: usize, floor: usize) -> usize {
    let mut start = unit;
    'outer: loop {
        if let Some(u) = unit_before(hay, start, floor) {
            start -= usize::from(u.len);
            continue;
        }
        let mut i = start;
        for _ in 0..MAX_GAP_CHARS {
            let Some(c) = prev_char_start(hay, i, floor) else { break 'outer };
            if sep_at(hay, c).is_none_or(|(_, len)| c + len != i) {
                break 'outer;
            }
            i = c;
            if unit_before(hay, i, floor).is_some() {
                start = i - prev_char_len(hay, i, floor);
                continue 'outer;
            }
        }
        break;
    }
    start
}

fn prev_char_len(hay: &[u8], end: usize, floor: usize) -> usize {
    prev_char_start(hay, end, floor).map_or(0, |c| end - c)
}

/// Whether the token starting at `t` has at least [`MIN_UNITS`] units.
fn holds_enough_units(hay: &[u8], mut i: usize) -> bool {
    let mut count = 0;
    loop {
        let mut script = None;
        while let Some(u) = digit_at(hay, i).filter(|u| script.is_none_or(|s: super::units::Script| s.joins(u.script)))
        {
            script = Some(u.script);
            count += 1;
            if count >= MIN_UNITS {
                return true;
            }
            i += usize::from(u.len);
        }
        let mut joined = false;
        for _ in 0..MAX_GAP_CHARS {
            match sep_at(hay, i) {
                Some((_, len)) => i += len,
                None => break,
            }
            if digit_at(hay, i).is_some() {
                joined = true;
                break;
            }
        }
        if !joined {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<usize> {
        next_candidate(s.as_bytes(), 0)
    }

    #[test]
    fn finds_ascii_and_full_width_digits() {
        let text = "您好，请问有什么可以帮您？我的号码是13812345678";
        assert_eq!(find(text), text.find('1'));
        let text = "您好，请问有什么可以帮您？我的号码是１３８";
        assert_eq!(find(text), text.find('１'));
        assert_eq!(find("您好，请问有什么可以帮您？（没有数字）"), None);
    }

    #[test]
    fn finds_long_numeral_runs_wherever_they_fall() {
        let number = "幺三八一二三四五六七八";
        for pad in 0..40 {
            let text = format!("{}手机{}谢谢", "好".repeat(pad), number);
            let at = text.find(number).unwrap();
            assert_eq!(find(&text), Some(at), "padding {pad}");
            // Resuming anywhere before the number finds the same start.
            for from in (0..at).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(next_candidate(text.as_bytes(), from), Some(at));
            }
        }
        let spaced = "一三八 一二三四 五六七八";
        for pad in 0..20 {
            let text = format!("{}电话{}", "嗯".repeat(pad), spaced);
            assert_eq!(find(&text), text.find(spaced), "padding {pad}");
        }
    }

    #[test]
    fn word_test_flags_every_digit_form() {
        for b in b'0'..=b'9' {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                assert!(word_may_hold_digit(u64::from_le_bytes(w)), "{b} at {at}");
            }
        }
        let wide = "１".as_bytes();
        for at in 0..8 {
            let mut w = [0xE5u8; 8];
            w[at] = wide[1];
            assert!(word_may_hold_digit(u64::from_le_bytes(w)));
        }
        assert!(!word_may_hold_digit(u64::from_le_bytes(*b"abcdefgh")));
        assert!(!word_may_hold_digit(u64::from_le_bytes("您好请".as_bytes()[..8].try_into().unwrap())));
        assert!(!word_may_hold_digit(u64::from_le_bytes([0xB0, 0xB9, 0x2F, 0x3A, 0xFF, 0x00, 0x7F, 0x80])));
    }

    #[test]
    fn ignores_short_numeral_runs() {
        assert_eq!(find("一个一个来，三四天后再说，第一二三期"), None);
    }

    #[test]
    fn reports_token_starts() {
        let text = "号码幺三八 1234 5678";
        assert_eq!(find(text), text.find('幺'));
        assert_eq!(token_start(text.as_bytes(), text.find('5').unwrap(), 0), text.find('幺').unwrap());
        let floor = text.find(' ').unwrap();
        assert_eq!(token_start(text.as_bytes(), text.find('1').unwrap(), floor), text.find('1').unwrap());
    }
}
