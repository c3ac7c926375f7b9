//! Finding where the next number may start, without looking at every
//! character.
//!
//! Chat text is mostly CJK with sparse digits. Two searches run side by side:
//!
//! * **Digits.** A vectorized multi-literal search (the packed "Teddy"
//!   searcher of `aho-corasick`) for the ten ASCII digits and the ten
//!   full-width ones (`EF BC 90..99`) skips text without digits 16 or 32
//!   bytes at a time. Its result is kept (see [`DigitCache`]) until the scan
//!   passes it, so text between two digits is searched once however many
//!   times the scan asks. Where no vector searcher is available, a
//!   word-at-a-time loop does the same job.
//! * **Numerals.** Spoken-style numbers (`幺三八一二三四五六七八`) are written
//!   with common characters (`一`, `三`, `八` ...): a third searcher finds
//!   them, and a hit in a run too short to match (`一个`, `三四天`; no match
//!   has fewer than [`MIN_UNITS`] units) is dropped on the spot. Without
//!   vector searchers, one character every [`PROBE_STRIDE`] bytes up to the
//!   next digit is probed instead: a numeral-only token worth reading covers
//!   at least 30 bytes, so a probe lands in it.
//!
//! Both report the *token start*: the first unit of the run of units and
//! gaps that contains the hit, but never before the caller's `floor`. The
//! result does not depend on where the probes happen to fall, which is what
//! makes a scan that resumes at any position agree with one that did not
//! stop (the streaming guarantee).

use std::sync::OnceLock;

use aho_corasick::Span;
use aho_corasick::packed::{MatchKind, Searcher};

use super::token::MAX_GAP_CHARS;
use super::units::{check_x_at, digit_at, is_numeral_at, prev_char_start, sep_at, unit_before, utf8_len};

/// Fewest units any detector accepts (`010-6234567`, `400-820-8820`).
pub(crate) const MIN_UNITS: usize = 10;

/// Distance between numeral probes. Must stay below the byte length of the
/// shortest numeral-only token that can match (10 numerals, 30 bytes).
const PROBE_STRIDE: usize = 16;

const BLOCK: usize = 32;

/// The next digit found by a search that started at `from`, valid for every
/// later search starting at or after `from` and not past the digit. ASCII
/// and full-width digits are searched for separately (see [`Searchers`]), so
/// each has its own entry.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DigitCache {
    ascii: Option<(usize, Option<usize>)>,
    wide: Option<(usize, Option<usize>)>,
    /// The start of the next numeral token long enough to match.
    numeral: Option<(usize, Option<usize>)>,
}

impl DigitCache {
    /// Offset of the first ASCII or full-width digit at or after `pos`.
    #[inline(always)]
    fn next(&mut self, hay: &[u8], pos: usize) -> Option<usize> {
        let Some(searchers) = searchers() else { return next_digit_by_words(hay, pos) };
        let ascii = cached(&mut self.ascii, pos, || find_ascii_digit(&searchers.ascii, hay, pos));
        let wide = cached(&mut self.wide, pos, || find(&searchers.wide, hay, pos));
        earliest(ascii, wide)
    }
}

pub(crate) fn earliest(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The cached result of a search from `pos`, or a new one.
#[inline]
fn cached(
    entry: &mut Option<(usize, Option<usize>)>,
    pos: usize,
    search: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    if let Some((from, found)) = *entry
        && from <= pos
        && found.is_none_or(|d| d >= pos)
    {
        return found;
    }
    let found = search();
    *entry = Some((pos, found));
    found
}

/// Vectorized searchers (the packed "Teddy" searcher of `aho-corasick`):
/// one for the ten ASCII digits, one for the ten full-width digits, one for
/// the numerals. Kept apart because a searcher fingerprints as many leading
/// bytes as its shortest pattern has: together, every full-width comma
/// (`EF BC 8C`) would be a candidate; apart, the searches for three-byte
/// characters look at all three bytes.
struct Searchers {
    ascii: Searcher,
    wide: Searcher,
    numeral: Searcher,
}

/// Builds the searchers now rather than on the first scan, so a
/// redactor's first call costs what later calls cost.
pub(crate) fn prepare() {
    searchers();
}

/// The searchers, built once per process; `None` where the CPU has no
/// vector unit they support.
fn searchers() -> Option<&'static Searchers> {
    static SEARCHERS: OnceLock<Option<Searchers>> = OnceLock::new();
    SEARCHERS
        .get_or_init(|| {
            let mut config = aho_corasick::packed::Config::new();
            config.match_kind(MatchKind::LeftmostFirst);
            let mut ascii = config.builder();
            let mut wide = config.builder();
            for d in 0..10u8 {
                ascii.add([b'0' + d]);
                wide.add([0xEF, 0xBC, 0x90 + d]);
            }
            let mut numeral = config.builder();
            for c in NUMERALS.chars() {
                numeral.add(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            Some(Searchers { ascii: ascii.build()?, wide: wide.build()?, numeral: numeral.build()? })
        })
        .as_ref()
}

/// Start of the first match of `searcher` at or after `from`.
#[inline]
fn find(searcher: &Searcher, hay: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    searcher.find_in(hay, Span::from(from..hay.len())).map(|m| m.start())
}

/// Bytes looked at one by one for the next ASCII digit before starting the
/// vector search: in digit-dense text the next digit is usually a few bytes
/// away (`19:56:08`, `id=1522 path=/api/v1`), closer than a vector search
/// takes to set up. (Measured on 1 MB corpora against 8: logs 82.5 M ->
/// 78.1 M instructions, tickets 98.2 M -> 96.6 M, dense text +0.4%.)
const NEAR: usize = 32;

/// Offset of the first ASCII digit at or after `from`.
#[inline]
fn find_ascii_digit(searcher: &Searcher, hay: &[u8], from: usize) -> Option<usize> {
    let near = hay.get(from..(from + NEAR).min(hay.len()))?;
    match near.iter().position(u8::is_ascii_digit) {
        Some(k) => Some(from + k),
        None => find(searcher, hay, from + near.len()),
    }
}

/// Offset of the first ASCII or full-width digit at or after `from`, a
/// word at a time, where the vectorized searchers are not available.
fn next_digit_by_words(hay: &[u8], from: usize) -> Option<usize> {
    let mut b = from;
    while b < hay.len() {
        let end = (b + BLOCK).min(hay.len());
        if let Some(d) = first_digit(hay, b, end) {
            return Some(d);
        }
        b = end;
    }
    None
}

/// Every numeral character (see `units::digit_at`).
const NUMERALS: &str = "零〇洞一幺二两三四五六七拐八九";

/// Start of the next token at or after `pos` that could contain a match.
/// `cache` must be used with one haystack only.
#[inline(always)]
pub(crate) fn next_candidate(hay: &[u8], pos: usize, cache: &mut DigitCache) -> Option<usize> {
    let Some(searchers) = searchers() else { return next_candidate_by_probes(hay, pos) };
    let digit = cache.next(hay, pos).map(|d| token_start(hay, d, pos));
    let numeral = cached(&mut cache.numeral, pos, || next_numeral_token(&searchers.numeral, hay, pos));
    earliest(digit, numeral)
}

/// Start of the first token at or after `pos` that holds a numeral and
/// enough units to match.
fn next_numeral_token(searcher: &Searcher, hay: &[u8], pos: usize) -> Option<usize> {
    let mut from = pos;
    loop {
        let n = find(searcher, hay, from)?;
        if stands_alone(hay, n, from) {
            // Its token is the numeral alone: one unit, too few to match.
            from = n + 3;
            continue;
        }
        // Walking back no further than the last rejected run keeps this
        // linear: a token reaching back past it is that run's token, whose
        // units were already counted too few (`一1一1一1…` would otherwise
        // walk back to `pos` from every numeral).
        let t = token_start(hay, n, from);
        // A run too short for a number may be a licence plate's serial
        // (`京A幺二三四五`), read from its first unit.
        if holds_enough_units(hay, t) || crate::detect::contact::may_follow_plate_lead(hay, t) {
            return Some(t);
        }
        from = super::token::skip_run(hay, n);
    }
}

/// Whether the numeral at `n` (three bytes) stands between two Chinese
/// ideographs that are neither numerals nor `叉`, the earlier one at or
/// after `floor`: `这一下`, `第一个`, the common case in Chinese text. Its
/// token is then the numeral alone, and no licence plate's serial starts
/// there (a letter would come before it): what [`token_start`],
/// [`holds_enough_units`] and the plate test would conclude, at the cost of
/// two look-ups.
#[inline]
fn stands_alone(hay: &[u8], n: usize, floor: usize) -> bool {
    let ideograph = |i: usize| match hay.get(i..i + 3) {
        Some(&[b0 @ 0xE4..=0xE9, b1, b2]) if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 => {
            digit_at(hay, i).is_none() && check_x_at(hay, i).is_none() && !is_dash_ideograph([b0, b1, b2])
        }
        _ => false,
    };
    n >= floor + 3 && ideograph(n - 3) && ideograph(n + 3)
}

/// [`next_candidate`] without vector searchers: digits found a word at a
/// time, numerals by probing.
fn next_candidate_by_probes(hay: &[u8], pos: usize) -> Option<usize> {
    let digit = next_digit_by_words(hay, pos);
    let mut p = pos;
    while p < digit.unwrap_or(hay.len()) {
        if let Some(t) = probe_numerals(hay, p, pos) {
            return Some(digit.map_or(t, |d| t.min(token_start(hay, d, pos))));
        }
        p += PROBE_STRIDE;
    }
    digit.map(|d| token_start(hay, d, pos))
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
    // The common case: an ASCII character that is neither a digit nor a
    // separator ends the walk at once (`[19`, `:56`, `号码138` is not this).
    if unit > floor
        && let b = hay[unit - 1]
        && b.is_ascii()
        && !b.is_ascii_digit()
        && !matches!(b, b' ' | b'\t' | b'-' | b')' | b',')
    {
        return unit;
    }
    // As common: a Chinese ideograph other than a numeral or `杠`, the one
    // ideograph that is a separator (`号码138`).
    if unit >= floor + 3
        && let Some(&[b0 @ 0xE4..=0xE9, b1, b2]) = hay.get(unit - 3..unit)
        && b1 & 0xC0 == 0x80
        && b2 & 0xC0 == 0x80
        && !is_dash_ideograph([b0, b1, b2])
        && digit_at(hay, unit - 3).is_none()
    {
        return unit;
    }
    walk_back(hay, unit, floor)
}

/// Whether an ideograph is `杠`, which `sep_at` reads as a dash.
#[inline]
fn is_dash_ideograph(bytes: [u8; 3]) -> bool {
    bytes == [0xE6, 0x9D, 0xA0]
}

/// [`token_start`] the long way: character by character over units and
/// gaps.
fn walk_back(hay: &[u8], unit: usize, floor: usize) -> usize {
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
        next_candidate(s.as_bytes(), 0, &mut DigitCache::default())
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
    fn token_start_shortcuts_agree_with_the_walk() {
        let chars = ["1", "号", "一", "叉", "杠", "乐", " ", "-", "，", "[", "A", "１", "\u{3000}", "码", "\u{2014}"];
        let mut text = String::new();
        for a in chars {
            for b in chars {
                for c in chars {
                    text.clear();
                    text.push_str(a);
                    text.push_str(b);
                    text.push_str(c);
                    text.push('8');
                    let hay = text.as_bytes();
                    let unit = hay.len() - 1;
                    for floor in (0..=unit).filter(|&f| text.is_char_boundary(f)) {
                        assert_eq!(token_start(hay, unit, floor), walk_back(hay, unit, floor), "{text} from {floor}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_numeral_standing_alone_is_what_the_full_reads_say() {
        // Every character that may sit next to a numeral: ideographs, other
        // numerals, `叉`, digits, separators, letters, a plate's province.
        let around = [
            "下", "个", "京", "二", "叉", "零", "杠", "乐", "1", "１", " ", "-", "，", "、", "A", "。", "\u{3000}", "·",
        ];
        for before in around {
            for after in around {
                for lead in ["", "好", "京A", "9"] {
                    let text = format!("{lead}{before}一{after}好");
                    let hay = text.as_bytes();
                    let n = lead.len() + before.len();
                    for floor in [0, lead.len(), n] {
                        if !stands_alone(hay, n, floor) {
                            continue;
                        }
                        assert_eq!(token_start(hay, n, floor), n, "{text}");
                        assert!(!holds_enough_units(hay, n), "{text}");
                        assert!(!crate::detect::contact::may_follow_plate_lead(hay, n), "{text}");
                        assert_eq!(super::super::token::skip_run(hay, n), n + 3, "{text}");
                    }
                }
            }
        }
        assert!(stands_alone("这一下".as_bytes(), 3, 0));
        assert!(!stands_alone("这一下".as_bytes(), 3, 1), "the character before lies below the floor");
        assert!(!stands_alone("十一二".as_bytes(), 3, 0));
        assert!(!stands_alone("这一".as_bytes(), 3, 0), "the haystack may go on");
        assert!(!stands_alone("A一下".as_bytes(), 1, 0));
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
                assert_eq!(next_candidate(text.as_bytes(), from, &mut DigitCache::default()), Some(at));
            }
        }
        let spaced = "一三八 一二三四 五六七八";
        for pad in 0..20 {
            let text = format!("{}电话{}", "嗯".repeat(pad), spaced);
            assert_eq!(find(&text), text.find(spaced), "padding {pad}");
        }
    }

    #[test]
    fn vector_and_word_searches_agree() {
        let text = "您好，请问（有）什么：可以帮您？１２３ 456，７８９0１";
        let bytes = text.as_bytes();
        if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
            assert!(searchers().is_some(), "a vector searcher is expected on this architecture");
        }
        for from in 0..=bytes.len() {
            let expected = (from..bytes.len())
                .find(|&i| digit_at(bytes, i).is_some_and(|u| u.script != super::super::units::Script::Numeral));
            assert_eq!(next_digit_by_words(bytes, from), expected, "from {from}");
            assert_eq!(DigitCache::default().next(bytes, from), expected, "from {from}");
        }
        // One cache, asked at increasing offsets, answers as fresh searches do.
        let mut cache = DigitCache::default();
        for from in 0..=bytes.len() {
            let expected = DigitCache::default().next(bytes, from);
            assert_eq!(cache.next(bytes, from), expected, "from {from}");
        }
    }

    #[test]
    fn searchers_and_probes_find_the_same_tokens() {
        let text = "一个一个来，三四天后再说。电话幺三八一二三四五六七八，一三八 一二三四 五六七八 \
                    或者138一二三四五六七八，第一二三期，再打一三八,一二三四，五六七八九零一二三四五六七八九";
        let bytes = text.as_bytes();
        let mut cache = DigitCache::default();
        for from in (0..=bytes.len()).filter(|&i| text.is_char_boundary(i)) {
            let expected = next_candidate_by_probes(bytes, from);
            assert_eq!(next_candidate(bytes, from, &mut DigitCache::default()), expected, "from {from}");
            assert_eq!(next_candidate(bytes, from, &mut cache), expected, "from {from}, cached");
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
