//! The scan loop: one pass, left to right, over a haystack.
//!
//! ```text
//!   finder ──► token start ──► token reader ──► detectors ──► Match
//!     ▲                                                          │
//!     └──────────────── resume after the match or group ◄───────┘
//! ```
//!
//! The loop's state is a position and where the last match ended (plus
//! caches of the next digit and address, valid while the position has not
//! passed them). Every decision depends only on that end and a bounded
//! window: the context window and the characters before a candidate,
//! including the names an address may reach back over (the redactor's
//! lookbehind), and after it the character that
//! ends a number (up to [`LOOKAHEAD`] bytes when an extension may follow) or
//! the characters that end an address. That makes the loop restartable: a
//! scan given a haystack that ends early (`eof == false`) stops at the first
//! candidate it cannot decide yet and says where; a later scan over more
//! bytes resumes there and makes exactly the decisions a scan of the whole
//! text makes. Streaming is built on that property alone, and the stream
//! tests check it at every split point of the corpora.
//!
//! # Where the work goes
//!
//! Two kinds of work, in about equal parts on chat text (instruction
//! counts per MB from `scripts/instruction_counts.sh`, process start aside):
//!
//! * **Passes over every byte.** Packed ("Teddy") searches skip text with
//!   nothing to look at: ASCII digits, full-width digits and numerals
//!   ([`finder`]); address words (one character of each, `address`);
//!   trigger words in three searches (ASCII ones in two, the others in
//!   one, `anchored`). About 10 M instructions per MB of Chinese text
//!   without numbers, one to two and a half per pass and byte. Each search
//!   keeps its next hit for the whole haystack, so a search asked again
//!   after a match does not cover the same bytes twice. A numeral between
//!   two other ideographs (`一下`) is dropped by the numeral search itself.
//!   A gate the compiler vectorizes (SSE2) in front of the ASCII trigger
//!   searches, to pass over text without ASCII letters, cost more than
//!   the packed searches it would spare (Chinese text 9.9 M -> 11.3 M):
//!   they are the cheap gate already.
//! * **Work per number.** Chat text has a number every 16 bytes or so
//!   (time stamps, amounts, order numbers). Most are dismissed from their
//!   shape before any detector sees them ([`plain`]), and the rest of a
//!   clock time or date (`00:00:06`) goes with its first number. While no
//!   match found ahead (an address, a trigger word's match, a rule's) starts
//!   or is held before the next number, the loop does not consult those
//!   searches at all (the *horizon*). What is left, a few hundred
//!   instructions a number, bounds chat throughput.

pub(crate) mod context;
pub(crate) mod finder;
pub(crate) mod plain;
pub(crate) mod token;
pub(crate) mod units;

use crate::detect::Detectors;
use crate::detect::address::{Next, REACH_BACK_BYTES, Start};
use crate::detect::{anchored, custom};
use crate::matches::Match;
use finder::MIN_UNITS;
use token::{Read, Token};
use units::{digit_at, group_unit_before, incomplete_suffix, open_paren_at, plus_at, prev_char_start, sep_at};

/// Bytes past the end of what the token reader examined that a decision may
/// still read: the character after the number, or an extension such as
/// `转分机：123456`.
pub(crate) const LOOKAHEAD: usize = 40;

/// One result of [`step`].
#[derive(Debug)]
pub(crate) enum Step {
    /// The next match.
    Found(Match),
    /// No further match starts before the offset given: with `eof`, the end
    /// of the haystack; without, the first byte that may still turn out to
    /// be part of a match once more bytes arrive.
    Done(usize),
}

/// Per-haystack scratch space for [`step`]: the token buffer, the next
/// digits and the next address found so far (searched ahead of the scan,
/// valid until the scan passes them), and where the last match ended.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    tok: Token,
    digit: finder::DigitCache,
    address: Option<AddressCache>,
    anchored: Option<SearchCache<anchored::Found>>,
    anchored_starts: anchored::StartHits,
    custom: Option<CustomCache>,
    /// End of the last match, or where the text began: an address never
    /// reaches back past it. This, not the scan position, bounds the walk
    /// back over an address's names, so that the decision about an
    /// address word does not depend on where a scan resumed.
    floor: usize,
    /// While the floor stays where it is, no match found ahead starts,
    /// and no search ahead holds, before this offset (0: not known).
    horizon: usize,
}

impl Scratch {
    /// Forgets what was found in the previous haystack; in the next one,
    /// the last match ended (or the text began) at `floor`.
    pub(crate) fn reset(&mut self, floor: usize) {
        self.floor = floor;
        self.horizon = 0;
        self.address = None;
        self.anchored = None;
        self.anchored_starts = anchored::StartHits::default();
        self.custom = None;
        self.digit = finder::DigitCache::default();
    }
}

/// Finds the next match at or after `*pos`, and moves `*pos` past it.
///
/// Bytes before `*pos` are only read as context. With `eof == false` the
/// haystack may continue: the scan then stops at the first token whose
/// decision needs bytes past the end. `scratch` must be used with one
/// haystack only.
pub(crate) fn step(det: &Detectors, hay: &[u8], pos: &mut usize, eof: bool, scratch: &mut Scratch) -> Step {
    loop {
        let digits = finder::next_candidate(hay, *pos, &mut scratch.digit);
        let (anchored, custom) = if digits.is_some_and(|t| t < scratch.horizon) {
            // Nothing found ahead starts or is held before the next
            // number: what the searches ahead would answer is in their
            // caches, and `ahead` would let the number go first.
            (cached(&scratch.anchored), scratch.custom.map_or(Next::None, |c| c.next))
        } else {
            let address = next_address(det, hay, *pos, scratch.floor, eof, &mut scratch.address);
            let anchored =
                next_anchored(det, hay, *pos, scratch.floor, eof, &mut scratch.anchored, &mut scratch.anchored_starts);
            let custom = next_custom(det, hay, *pos, eof, &mut scratch.custom);
            scratch.horizon = if scratch.floor <= *pos {
                first_relevant(&address).min(first_relevant(&anchored)).min(first_relevant(&custom))
            } else {
                0
            };
            if !(matches!(address, Next::None) && matches!(anchored, Next::None) && matches!(custom, Next::None))
                && let Some(done) = ahead(det, hay, pos, digits, address, anchored, custom, scratch)
            {
                return done;
            }
            (anchored, custom)
        };
        let Some(t) = digits else {
            return Step::Done(if eof { hay.len() } else { tail_start(hay, *pos) });
        };
        if t == *pos
            && let Some(u) = digit_at(hay, t)
            && group_unit_before(hay, t, 0, u.script).is_some()
        {
            // Resuming inside a run of units: that can only be a run already
            // found to be too long to hold a match.
            *pos = token::skip_run(hay, t).max(t + 1);
            continue;
        }
        if det.kinds.contains(crate::Kind::LicensePlate) && crate::detect::contact::may_follow_plate_lead(hay, t) {
            // A plate is read from its serial's first number (see
            // `contact::plate_before`).
            match crate::detect::contact::plate_before(hay, t, scratch.floor, eof) {
                crate::detect::contact::Plate::Found(f) => {
                    *pos = f.end;
                    scratch.matched(f.end);
                    return Step::Found(f.to_match());
                }
                crate::detect::contact::Plate::NeedMore { from } => {
                    return Step::Done(from.min(prefix_start(hay, t, *pos)));
                }
                crate::detect::contact::Plate::No => {}
            }
        }
        if det.kinds.contains(crate::Kind::IpAddress) && may_start_ipv4(hay, t) {
            // An IPv4 address is read where its first number starts.
            match crate::detect::contact::ipv4_at(hay, t, eof) {
                crate::detect::contact::Read::Found(f) => {
                    *pos = f.end;
                    scratch.matched(f.end);
                    return Step::Found(f.to_match());
                }
                crate::detect::contact::Read::NeedMore => return Step::Done(prefix_start(hay, t, *pos)),
                crate::detect::contact::Read::No => {}
            }
        }
        if hay[t].is_ascii_digit()
            && let Some(end) = plain::dismiss(hay, t)
        {
            let end = dismiss_joined(det, hay, end, scratch.horizon);
            *pos = resume(det, hay, t, end, &anchored, &custom);
            continue;
        }
        let tok = &mut scratch.tok;
        match token::read(hay, t, tok) {
            Read::Long(end) => *pos = resume(det, hay, t, end, &anchored, &custom),
            Read::Token => {
                if !eof && !token_decided(hay, tok) {
                    return Step::Done(number_start(det, hay, t, *pos, scratch.floor));
                }
                if tok.n_units < MIN_UNITS {
                    *pos = resume(det, hay, t, tok.groups[tok.n_groups - 1].end, &anchored, &custom);
                    continue;
                }
                if let Some(m) = det.evaluate(hay, tok) {
                    *pos = m.end();
                    scratch.matched(m.end());
                    return Step::Found(m);
                }
                // The next group may start a match only if enough units
                // follow it (`2024-11-28 13` has 10 units, but the 6 after
                // `2024` can hold nothing): otherwise skip the whole token.
                let after_first = tok.n_units - tok.groups[0].len;
                *pos = if tok.closed && after_first < MIN_UNITS {
                    resume(det, hay, t, tok.groups[tok.n_groups - 1].end, &anchored, &custom)
                } else {
                    tok.groups[0].end
                };
            }
        }
    }
}

/// After a number dismissed up to `end`, the end of the numbers joined to
/// it by `:` or `/` (the rest of `00:00:06`, `2024/11/28`) that the loop
/// would dismiss one by one, each in a turn of its own: each starts before
/// `horizon` (so nothing found ahead has a say), may start neither an IPv4
/// address nor a licence plate's serial, and is dismissed. Clock times
/// head every line of a chat log: one turn instead of three.
fn dismiss_joined(det: &Detectors, hay: &[u8], mut end: usize, horizon: usize) -> usize {
    while let Some(b':' | b'/') = hay.get(end) {
        // The byte before `t` is the `:` or `/`, so `t` is where the
        // finder would report the next number's token to start, and no
        // licence plate's serial starts there (a letter, or a separator
        // after one, would come right before it).
        let t = end + 1;
        debug_assert!(!crate::detect::contact::may_follow_plate_lead(hay, t));
        if t >= horizon
            || !hay.get(t).is_some_and(u8::is_ascii_digit)
            || (det.kinds.contains(crate::Kind::IpAddress) && may_start_ipv4(hay, t))
        {
            break;
        }
        match plain::dismiss(hay, t) {
            Some(e) => end = e,
            None => break,
        }
    }
    end
}

/// Whether an IPv4 address may start at `t`: one to three ASCII digits and
/// a dot, then one to three digits and another dot unless the haystack
/// ends first, as `contact::ipv4_at` requires (`28.894Z` in a log's time
/// stamp is ruled out here).
#[inline]
fn may_start_ipv4(hay: &[u8], t: usize) -> bool {
    let mut i = t;
    while i < t + 3 && hay.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i > t && hay.get(i) == Some(&b'.') && second_part_may_follow(hay, i + 1)
}

/// Whether the second part of an IPv4 address may start at `s`: one to
/// three digits and a dot, unless the haystack ends first.
#[cold]
fn second_part_may_follow(hay: &[u8], s: usize) -> bool {
    let mut j = s;
    while j < s + 4 && hay.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    match hay.get(j) {
        None => true,
        Some(b'.') => j > s && j - s <= 3,
        Some(_) => false,
    }
}

/// The first offset a result found ahead makes a difference at: its
/// match's start or where it holds; `usize::MAX` for nothing.
fn first_relevant<F: Start>(next: &Next<F>) -> usize {
    match next {
        Next::Found(f) => f.start(),
        Next::Hold(x) => *x,
        Next::None => usize::MAX,
    }
}

/// The anchored result the cache holds (nothing without anchored kinds).
fn cached(cache: &Option<SearchCache<anchored::Found>>) -> Next<anchored::Found> {
    cache.as_ref().map_or(Next::None, |c| c.next)
}

/// Where the scan resumes after passing over the number `t..end` without
/// a match: at `end`, or earlier where a match starts among the number's
/// later groups: one found ahead (`IPv6 2001:db8::1` reads as the number
/// `6 2001`; a rule's `[0-9]{8}` in `2024-11-28 12345678`), or an IPv4 address (`1 241.61.95.224` reads as the number
/// `1 241`, which the dot ends), which is read where its first number
/// starts. Decided from the bytes alone, so a scan that resumed inside the
/// number decides the same.
#[inline]
fn resume(
    det: &Detectors,
    hay: &[u8],
    t: usize,
    end: usize,
    anchored: &Next<anchored::Found>,
    custom: &Next<custom::Hit>,
) -> usize {
    if let Next::Found(x) = anchored
        && x.start > t
        && x.start < end
    {
        return x.start;
    }
    if let Next::Found(h) = custom
        && h.start > t
        && h.start < end
    {
        return h.start;
    }
    if hay.get(end) == Some(&b'.') && det.kinds.contains(crate::Kind::IpAddress) {
        // The last group's digits, when a space or a dash comes before them.
        let mut s = end;
        while s > t + 1 && end - s < 3 && hay[s - 1].is_ascii_digit() {
            s -= 1;
        }
        if s < end && matches!(hay[s - 1], b' ' | b'-') {
            return s;
        }
    }
    end
}

impl Scratch {
    /// Records a match ending at `end`: the new floor for addresses.
    fn matched(&mut self, end: usize) {
        self.floor = end;
        self.horizon = 0;
    }
}

/// Decides between the matches searched ahead (addresses, anchored kinds,
/// the deployment's rules) and the next number token at `digits`: the
/// earliest match found ahead when nothing may start before it, or a hold
/// when something may. `None` when the token comes first.
///
/// Of two matches found ahead starting together, a rule's wins, then the
/// longer, then the address. Only the winner is made a [`Match`]: this
/// runs for most tokens of digit-dense text.
#[allow(clippy::too_many_arguments)]
fn ahead(
    det: &Detectors,
    hay: &[u8],
    pos: &mut usize,
    digits: Option<usize>,
    address: Next,
    anchored: Next<anchored::Found>,
    custom: Next<custom::Hit>,
    scratch: &mut Scratch,
) -> Option<Step> {
    #[derive(Clone, Copy)]
    enum Source {
        Address,
        Anchored,
        Custom,
    }
    let mut best: Option<(usize, usize, Source)> = None;
    let mut consider = |start: usize, end: usize, source: Source| {
        let wins =
            best.is_none_or(|(s, e, _)| start < s || start == s && (matches!(source, Source::Custom) || end > e));
        if wins {
            best = Some((start, end, source));
        }
    };
    if let Next::Found(a) = &address {
        consider(a.start, a.end, Source::Address);
    }
    if let Next::Found(x) = &anchored {
        consider(x.start, x.end, Source::Anchored);
    }
    if let Next::Found(h) = &custom {
        consider(h.start, h.end, Source::Custom);
    }
    let hold = finder::earliest(finder::earliest(address.held(), anchored.held()), custom.held());
    // Where the next number's match may start, worked out only when a
    // match or a hold has to be placed against it.
    let floor = scratch.floor;
    let number = |pos: usize| digits.map(|t| number_start(det, hay, t, pos, floor));
    if let Some((start, end, source)) = best
        && hold.is_none_or(|h| start < h)
        && digits.is_none_or(|t| start <= t)
        && number(*pos).is_none_or(|n| start <= n)
    {
        let m = match (source, address, anchored, custom) {
            (Source::Address, Next::Found(a), _, _) => det.address_match(&a),
            (Source::Anchored, _, Next::Found(x), _) => x.to_match(),
            (Source::Custom, _, _, Next::Found(h)) => h.to_match(),
            _ => unreachable!("the winner was found by its source"),
        };
        *pos = end;
        scratch.matched(end);
        return Some(Step::Found(m));
    }
    if let Some(x) = hold
        && digits.is_none_or(|t| x <= t)
    {
        // The number after the held text may own a `+` or bracket, or a
        // licence plate's first characters, before `x`.
        let number = number(*pos).unwrap_or(x);
        return Some(Step::Done(x.min(number).min(tail_start(hay, *pos))));
    }
    None
}

/// The earliest byte a match holding the number at `t` may start at: a
/// `+` or bracket before it ([`prefix_start`]), or the province character
/// of a licence plate whose serial it starts.
fn number_start(det: &Detectors, hay: &[u8], t: usize, pos: usize, floor: usize) -> usize {
    let s = prefix_start(hay, t, pos);
    if det.kinds.contains(crate::Kind::LicensePlate) && crate::detect::contact::may_follow_plate_lead(hay, t) {
        return crate::detect::contact::plate_start_before(hay, t, floor).map_or(s, |c| c.min(s));
    }
    s
}

/// The result of a search of the deployment's rules from `from`. Rules
/// read no bytes before a match but the context window, whatever the end of
/// the last match, so a result holds until the scan passes it.
#[derive(Clone, Copy, Debug)]
struct CustomCache {
    from: usize,
    next: Next<custom::Hit>,
}

/// The next match of a rule at or after `pos`, from the cache while it
/// still holds.
fn next_custom(
    det: &Detectors,
    hay: &[u8],
    pos: usize,
    eof: bool,
    cache: &mut Option<CustomCache>,
) -> Next<custom::Hit> {
    let Some(rules) = &det.custom else { return Next::None };
    if let Some(c) = cache
        && c.from <= pos
        && c.next.at_or_after(pos)
    {
        return c.next;
    }
    let next = rules.next(hay, pos, eof);
    *cache = Some(CustomCache { from: pos, next });
    next
}

/// The result of an address search from `from`, with the floor it used
/// and the lowest offset its floor-bounded reads looked at.
#[derive(Clone, Copy, Debug)]
struct AddressCache {
    from: usize,
    floor: usize,
    low: usize,
    next: Next,
}

/// The next address at or after `pos`, from the cache while it still holds.
fn next_address(
    det: &Detectors,
    hay: &[u8],
    pos: usize,
    floor: usize,
    eof: bool,
    cache: &mut Option<AddressCache>,
) -> Next {
    let Some(addresses) = &det.addresses else { return Next::None };
    let floor = floor.min(pos);
    if let Some(c) = cache.as_mut()
        && c.from <= pos
        && c.next.at_or_after(pos)
    {
        // A match may have ended since the search, moving the floor up.
        // The search's reads that the floor bounds stayed at or above `low`:
        // a floor no higher than that changes none of them.
        if c.floor == floor || c.low >= floor {
            c.floor = floor;
            return c.next;
        }
        // Otherwise only address words close enough after the new floor to
        // reach back to it can be decided differently: search again up to
        // there, and keep the result beyond.
        let limit = floor + REACH_BACK_BYTES;
        if c.next.at_or_after(limit) {
            let (near, low) = addresses.next(hay, pos, floor, eof, &det.hotwords, limit);
            if !matches!(near, Next::None) {
                c.next = near;
            }
            // Reads for the words past the limit stayed at or above the new
            // floor (they cannot reach it) and at or above the old `low`.
            c.low = low.min(c.low.max(floor));
            c.from = pos;
            c.floor = floor;
            return c.next;
        }
    }
    let (next, low) = addresses.next(hay, pos, floor, eof, &det.hotwords, usize::MAX);
    *cache = Some(AddressCache { from: pos, floor, low, next });
    next
}

/// The result of a search for anchored matches from `from`, with the floor
/// it used.
#[derive(Clone, Copy, Debug)]
struct SearchCache<F> {
    from: usize,
    floor: usize,
    next: Next<F>,
}

/// The next anchored match at or after `pos`, from the cache while it still
/// holds. A family reads at most [`anchored::MAX_BACK`] bytes before a
/// trigger, so when a match moves the floor only the triggers that close
/// after it are looked at again.
fn next_anchored(
    det: &Detectors,
    hay: &[u8],
    pos: usize,
    floor: usize,
    eof: bool,
    cache: &mut Option<SearchCache<anchored::Found>>,
    starts: &mut anchored::StartHits,
) -> Next<anchored::Found> {
    let Some(detectors) = &det.anchored else { return Next::None };
    let floor = floor.min(pos);
    if let Some(c) = cache.as_mut()
        && c.from <= pos
        && c.next.at_or_after(pos)
    {
        if c.floor == floor {
            return c.next;
        }
        let limit = floor + anchored::MAX_BACK;
        if c.next.at_or_after(limit) {
            let near = detectors.next(hay, pos, floor, eof, limit, starts);
            if !matches!(near, Next::None) {
                c.next = near;
            }
            c.from = pos;
            c.floor = floor;
            return c.next;
        }
    }
    let next = detectors.next(hay, pos, floor, eof, usize::MAX, starts);
    *cache = Some(SearchCache { from: pos, floor, next });
    next
}

/// Whether a decision about `tok` can be made from the bytes at hand: the
/// character that ended the token is complete, an extension after it
/// (`转123`, ` 转 8001`, `分机8001`) has had [`LOOKAHEAD`] bytes to arrive,
/// a decimal point has its next byte, and a word glued after it
/// (`13812345678ok`) has its end. A number followed by `，` is decided at
/// once.
fn token_decided(hay: &[u8], tok: &Token) -> bool {
    let e = tok.examined;
    let Some(&lead) = hay.get(e) else { return false };
    if units::utf8_len(lead).is_some_and(|len| e + len > hay.len()) {
        return false;
    }
    let last_end = tok.groups[tok.n_groups - 1].end;
    let rest = &hay[last_end..];
    for marker in ["转", " 转", "分机", " 分机"] {
        if rest.starts_with(marker.as_bytes()) {
            return last_end + LOOKAHEAD <= hay.len();
        }
        if marker.as_bytes().starts_with(rest) {
            return false;
        }
    }
    if rest.first().is_some_and(u8::is_ascii_alphabetic) {
        // A word glued to the number (`13812345678ok`) is read to its end
        // and the byte after it.
        let n = crate::detect::letter_run(rest);
        return n > crate::detect::MAX_TRAILING_GLUE || n < rest.len();
    }
    !(rest.first() == Some(&b'.') && rest.len() < 2)
}

/// The earliest byte of a span that may start with the unit at `t`: a `+`
/// and an opening bracket right before it belong to a phone number.
fn prefix_start(hay: &[u8], t: usize, floor: usize) -> usize {
    let mut s = t;
    for _ in 0..2 {
        match prev_char_start(hay, s, floor) {
            Some(c) if plus_at(hay, c).is_some() || open_paren_at(hay, c).is_some() => s = c,
            _ => break,
        }
    }
    s
}

/// Where the undecided tail of a haystack begins when no candidate is left:
/// a truncated character, a run of numerals too short to matter yet (it may
/// grow), and the `+` or bracket before them.
fn tail_start(hay: &[u8], pos: usize) -> usize {
    let end = hay.len() - incomplete_suffix(hay);
    if end <= pos {
        return pos.min(hay.len());
    }
    let mut i = end;
    let mut earliest_unit = None;
    let mut gap_chars = 0;
    while let Some(c) = prev_char_start(hay, i, pos) {
        if digit_at(hay, c).is_some_and(|u| c + usize::from(u.len) == i) {
            earliest_unit = Some(c);
            gap_chars = 0;
        } else if sep_at(hay, c).is_some_and(|(_, len)| c + len == i) && gap_chars < token::MAX_GAP_CHARS {
            gap_chars += 1;
        } else {
            break;
        }
        i = c;
    }
    prefix_start(hay, earliest_unit.unwrap_or(end), pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ipv4_gate_lets_through_whatever_ipv4_at_may_take() {
        // Every string of up to seven bytes over digits, dots and a letter:
        // where the gate says no, the reader says no, or (with more to
        // come) waits only because the digits run to the end, which holds
        // the number back anyway.
        let alphabet = b"0129.x";
        for len in 1..=7u32 {
            for mut n in 0..alphabet.len().pow(len) {
                let mut hay = Vec::new();
                for _ in 0..len {
                    hay.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                for t in (0..hay.len()).filter(|&t| hay[t].is_ascii_digit()) {
                    if !may_start_ipv4(&hay, t) {
                        for eof in [false, true] {
                            let read = crate::detect::contact::ipv4_at(&hay, t, eof);
                            let digits_to_end = hay[t..].iter().all(u8::is_ascii_digit);
                            assert!(
                                matches!(read, crate::detect::contact::Read::No)
                                    || !eof && digits_to_end && matches!(read, crate::detect::contact::Read::NeedMore),
                                "{hay:?} at {t}, eof {eof}"
                            );
                        }
                    }
                }
            }
        }
        assert!(may_start_ipv4(b"192.168.1.1", 0));
        assert!(
            !may_start_ipv4(b"28.894Z", 0) && !may_start_ipv4(b"2024.11", 0) && !may_start_ipv4("1.5元".as_bytes(), 0)
        );
    }

    #[test]
    fn tail_holds_what_may_grow() {
        let hold = |s: &str| tail_start(s.as_bytes(), 0);
        let text = "您好，请问有什么可以帮您？";
        assert_eq!(hold(text), text.len(), "plain text is never held");
        let text = "号码是一三八 一二";
        assert_eq!(hold(text), text.find('一').unwrap());
        let text = "号码是+";
        assert_eq!(hold(text), text.len() - 1);
        let text = "号码是（＋";
        assert_eq!(hold(text), text.find('（').unwrap());
        let bytes = "好的，".as_bytes();
        assert_eq!(tail_start(&bytes[..bytes.len() - 1], 0), bytes.len() - 3, "truncated character");
        assert_eq!(hold("你好 "), "你好 ".len(), "a trailing space alone is not held");
    }
}
