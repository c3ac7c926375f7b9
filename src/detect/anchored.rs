//! Detectors found from a *trigger*: a word or character that every match
//! of theirs is next to.
//!
//! Secrets follow a word announcing them (`验证码`, `密码`, `CVV`), other
//! identity documents and contact handles follow theirs (`护照`, `QQ`,
//! `微信`), an email address has an `@`, a name sits next to `我叫` or
//! `先生`. (Licence plates, whose province characters are too common to
//! search for, are read from their serial's digits by the number scan:
//! see `contact::plate_before`.) One automaton
//! finds the triggers of every family in one pass, and the family the
//! trigger belongs to decides from a bounded window around it:
//!
//! * at most [`MAX_BACK`] bytes before the trigger (a match may start
//!   there: the local part of an email address, a name before `先生`), and
//!   never before the end of the last match (the *floor*);
//! * at most [`AHEAD`] bytes after the trigger.
//!
//! That keeps decisions local, as streams need: a stream holds back a
//! trigger cut off by the end of its input, a trigger whose window is not
//! complete yet, and whatever a family says may be the start of a match
//! whose trigger has not arrived yet ([`Family::tail_hold`]).

use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::address::Next;
use super::start_chars::StartChars;
use super::{contact, document, name, secret};
use crate::kind::{Kind, KindSet, SubKind};
use crate::matches::{Evidence, Match};

/// Most bytes a match may start before its trigger.
pub(crate) const MAX_BACK: usize = 96;

/// Most bytes after the end of a trigger that a decision may read.
pub(crate) const AHEAD: usize = 160;

/// The families of anchored detectors; each lives in its own module and
/// provides its triggers and a `check` function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    /// Verification codes, passwords, card security codes, expiry dates
    /// (`secret.rs`).
    Secret,
    /// Passports, travel permits, Hong Kong, Macao and Taiwan ID numbers,
    /// officer IDs (`document.rs`).
    Document,
    /// Email, QQ, WeChat, IP addresses (`contact.rs`; licence plates live
    /// there too but are read from the number scan).
    Contact,
    /// Names (`name.rs`).
    Name,
}

impl Family {
    const ALL: [Family; 4] = [Family::Secret, Family::Document, Family::Contact, Family::Name];

    /// The kinds this family reports.
    fn kinds(self) -> &'static [Kind] {
        match self {
            Family::Secret => &[Kind::VerificationCode, Kind::Password, Kind::CardSecurityCode, Kind::CardExpiry],
            Family::Document => {
                &[Kind::Passport, Kind::TravelPermit, Kind::HkId, Kind::MacaoId, Kind::TaiwanId, Kind::MilitaryId]
            }
            Family::Contact => &[Kind::Email, Kind::Qq, Kind::WeChat, Kind::IpAddress, Kind::LicensePlate],
            Family::Name => &[Kind::Name],
        }
    }

    fn triggers(self) -> &'static [&'static str] {
        match self {
            Family::Secret => secret::TRIGGERS,
            Family::Document => document::TRIGGERS,
            Family::Contact => contact::TRIGGERS,
            Family::Name => name::TRIGGERS,
        }
    }

    fn check(self, cx: &Cx<'_>, t: Trigger) -> Option<Found> {
        match self {
            Family::Secret => secret::check(cx, t),
            Family::Document => document::check(cx, t),
            Family::Contact => contact::check(cx, t),
            Family::Name => name::check(cx, t),
        }
    }

    /// Where, in the unfinished tail of a haystack, a match of this family
    /// whose trigger has not arrived yet may start (`hay.len()` when
    /// nowhere).
    fn tail_hold(self, hay: &[u8], floor: usize) -> usize {
        match self {
            Family::Secret => secret::tail_hold(hay, floor),
            Family::Document => document::tail_hold(hay, floor),
            Family::Contact => contact::tail_hold(hay, floor),
            Family::Name => name::tail_hold(hay, floor),
        }
    }

    /// Whether the bytes after trigger `t` that have arrived already rule
    /// out a match, so that an unfinished haystack need not be held for it.
    fn rules_out(self, hay: &[u8], floor: usize, t: Trigger) -> bool {
        match self {
            Family::Contact => contact::rules_out(hay, floor, t),
            _ => false,
        }
    }
}

/// One trigger found in the haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Index of the trigger in its family's `TRIGGERS`.
    pub(crate) index: usize,
}

/// What a family's `check` sees.
pub(crate) struct Cx<'h> {
    /// The haystack (`hay[trigger.end..]` holds at least [`AHEAD`] bytes, or
    /// all there is when the text ends).
    pub(crate) hay: &'h [u8],
    /// No match may start before this offset (the end of the last match).
    pub(crate) floor: usize,
    /// The kinds asked for.
    pub(crate) kinds: KindSet,
}

/// A match a family found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) kind: Kind,
    pub(crate) sub_kind: SubKind,
    pub(crate) evidence: Evidence,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Bytes at the start that the conventional mask keeps (a name's
    /// surname), 0 otherwise.
    pub(crate) lead: usize,
}

impl Found {
    pub(crate) fn to_match(self) -> Match {
        Match::new(self.kind, self.sub_kind, self.evidence, self.start..self.end, self.lead.min(255) as u8)
    }
}

/// The triggers of every family with a kind asked for.
///
/// Finding them is the cost every byte of text pays, so it is done in two
/// steps. Vectorized searches (the packed "Teddy" searcher of
/// `aho-corasick`, or `memchr` for single bytes) look for where a trigger
/// may start: the first two characters of each trigger outside ASCII
/// (everyday Chinese text rarely matches six bytes), the first three bytes
/// of each ASCII trigger in every mix of cases, and single-byte triggers.
/// At each hit, an automaton anchored there says which trigger, if any,
/// starts there. (One automaton over all the triggers, unanchored, has no
/// prefilter that works for them and reads every byte, several times
/// slower.)
#[derive(Clone, Debug)]
pub(crate) struct Anchored {
    /// The triggers of the families asked for, shared by every redactor
    /// asking for the same families.
    triggers: Arc<Triggers>,
    kinds: KindSet,
}

/// The triggers of some families and the searches for them: built once per
/// process and set of families (building them costs about 3.4 M
/// instructions, a thousand times redacting a short message).
#[derive(Debug)]
struct Triggers {
    /// Every trigger, matched at a given offset (ASCII case-insensitive).
    automaton: AhoCorasick,
    /// Where a trigger may start.
    starts: Vec<Starts>,
    /// The first characters of what `starts` looks for, but for single
    /// bytes.
    start_chars: StartChars,
    /// Family and index of each pattern.
    patterns: Vec<(Family, usize)>,
    families: Vec<Family>,
    /// Longest trigger, in bytes.
    longest: usize,
    /// The triggers' proper prefixes, for a trigger cut off by the end.
    cut: CutPrefixes,
}

/// Most searches for trigger starts (single bytes in threes, ASCII
/// prefixes in thirty-twos, others in sixty-fours).
const MAX_STARTS: usize = 8;

/// One search for where triggers may start.
#[derive(Clone, Debug)]
enum Starts {
    /// Up to three single bytes.
    Bytes(Vec<u8>),
    /// Up to 64 short literals, and the length of the longest.
    Packed(aho_corasick::packed::Searcher, usize),
    /// Literals, where no vector searcher is available, and the length of
    /// the longest.
    Automaton(AhoCorasick, usize),
    /// One literal of a few bytes.
    Word(memchr::memmem::Finder<'static>),
}

impl Starts {
    fn build(literals: &[Vec<u8>]) -> Vec<Starts> {
        let mut out = Vec::new();
        let single: Vec<&Vec<u8>> = literals.iter().filter(|l| l.len() == 1).collect();
        for chunk in single.chunks(3) {
            out.push(Starts::Bytes(chunk.iter().map(|l| l[0]).collect()));
        }
        // Packed searchers for the literals starting with ASCII apart from
        // the others: each pass over the text costs a few instructions a
        // byte whatever it finds, so the fewer the better, but how many a
        // byte depends on the searcher. Measured on 1 MB corpora: the
        // sixty-odd ASCII literals cost less in two searchers of up to 32
        // (which take the packed searcher's narrower, cheaper variant) than
        // in one of 64 (chat 3.2 M -> 2.1 M instructions, logs 5.5 M ->
        // 4.1 M, Chinese text without numbers 1.7 M -> 1.9 M); the
        // forty-odd others cost less together (Chinese text 3.0 M against
        // 3.6 M split).
        for (ascii, per_searcher) in [(true, 32), (false, 64)] {
            let mut group: Vec<&Vec<u8>> = literals.iter().filter(|l| l.len() > 1 && (l[0] < 0x80) == ascii).collect();
            // A packed searcher fingerprints as many bytes as its shortest
            // literal has: one or two lone characters among the
            // two-character starts (`（`, `＠`) would cut that to three,
            // `EF BC` and a byte that full-width punctuation (`，`, `：`)
            // often shares. Searched on their own instead (chat 5.4 M ->
            // 3.4 M instructions for all of them; Chinese text without
            // numbers 2.5 M -> 2.8 M).
            let lone: Vec<&Vec<u8>> = group.iter().copied().filter(|l| is_one_char(l)).collect();
            if !ascii && (1..=2).contains(&lone.len()) && lone.len() < group.len() {
                out.extend(lone.iter().map(|l| Starts::Word(memchr::memmem::Finder::new(l.as_slice()).into_owned())));
                group.retain(|l| !is_one_char(l));
            }
            if !group.is_empty() {
                out.extend(Starts::packed(&group, per_searcher));
            }
        }
        out
    }

    /// Searchers for `literals`, as few as hold at most `per_searcher`
    /// each, evenly filled.
    fn packed(literals: &[&Vec<u8>], per_searcher: usize) -> Vec<Starts> {
        let mut out = Vec::new();
        let searchers = literals.len().div_ceil(per_searcher);
        for chunk in literals.chunks(literals.len().div_ceil(searchers)) {
            let mut config = aho_corasick::packed::Config::new();
            config.match_kind(aho_corasick::packed::MatchKind::LeftmostFirst);
            let mut builder = config.builder();
            for l in chunk {
                builder.add(l);
            }
            let longest = chunk.iter().map(|l| l.len()).max().unwrap_or(0);
            out.push(match builder.build() {
                Some(s) => Starts::Packed(s, longest),
                None => Starts::Automaton(
                    AhoCorasickBuilder::new().build(chunk).expect("the built-in trigger prefixes are few and valid"),
                    longest,
                ),
            });
        }
        out
    }

    /// Length of the longest literal.
    fn longest(&self) -> usize {
        match self {
            Starts::Bytes(_) => 1,
            Starts::Packed(_, n) | Starts::Automaton(_, n) => *n,
            Starts::Word(f) => f.needle().len(),
        }
    }

    /// The first literal that lies in `from..to`: where it starts and ends.
    fn find(&self, hay: &[u8], from: usize, to: usize) -> Option<(usize, usize)> {
        let span = &hay[from..to];
        let byte = match self {
            Starts::Bytes(b) => match b.as_slice() {
                [a] => memchr::memchr(*a, span),
                [a, b] => memchr::memchr2(*a, *b, span),
                [a, b, c, ..] => memchr::memchr3(*a, *b, *c, span),
                [] => None,
            },
            Starts::Packed(s, _) => {
                return s.find_in(hay, aho_corasick::Span::from(from..to)).map(|m| (m.start(), m.end()));
            }
            Starts::Automaton(a, _) => {
                return a.find(aho_corasick::Input::new(hay).range(from..to)).map(|m| (m.start(), m.end()));
            }
            Starts::Word(f) => return f.find(span).map(|k| (from + k, from + k + f.needle().len())),
        };
        byte.map(|k| (from + k, from + k + 1))
    }
}

/// Whether `literal` is one character.
fn is_one_char(literal: &[u8]) -> bool {
    crate::scan::units::utf8_len(literal[0]) == Some(literal.len())
}

/// Bytes of an ASCII trigger the search for its start looks for. Three, not
/// two: in ASCII text (logs, URLs) two letters such as `pa` (`path`) or
/// `pi` (`api`) are everywhere, and every hit costs a restart of the search
/// and a look with the automaton; three keep the literals within one packed
/// searcher.
const ASCII_PREFIX: usize = 3;

impl Triggers {
    /// The triggers of `families`; `None` when they have none.
    fn build(families: Vec<Family>) -> Option<Triggers> {
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        for &f in &families {
            for (i, w) in f.triggers().iter().enumerate() {
                words.push(*w);
                patterns.push((f, i));
            }
        }
        if words.is_empty() {
            return None;
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(&words)
            .expect("the built-in trigger words are few and valid");
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let literals = start_literals(&words);
        let starts = Starts::build(&literals);
        let longer: Vec<&Vec<u8>> = literals.iter().filter(|l| l.len() > 1).collect();
        let start_chars = StartChars::new(&longer);
        assert!(starts.len() <= MAX_STARTS, "{} searches for trigger starts", starts.len());
        let cut = CutPrefixes::new(&words);
        if families.contains(&Family::Document) {
            document::cut_prefixes();
        }
        Some(Triggers { automaton, starts, start_chars, patterns, families, longest, cut })
    }
}

/// The proper prefixes of some words, ASCII case folded and sorted: how
/// many of the last bytes of a haystack may be the start of a word that
/// its end cut off. Streams ask at the end of every chunk; a binary search
/// per length instead of a comparison with every word (a stream of 4 KiB
/// chunks spent more on that than on scanning).
#[derive(Debug)]
pub(crate) struct CutPrefixes {
    prefixes: Vec<Vec<u8>>,
    /// Longest prefix, in bytes.
    longest: usize,
    /// The bytes a word starts with, case folded: most bytes at the end
    /// are ruled out by this alone (every continuation byte of Chinese
    /// text, for one).
    first: [bool; 256],
}

impl CutPrefixes {
    pub(crate) fn new(words: &[&str]) -> CutPrefixes {
        let mut prefixes: Vec<Vec<u8>> =
            words.iter().flat_map(|w| (1..w.len()).map(|k| w.as_bytes()[..k].to_ascii_lowercase())).collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        let longest = prefixes.iter().map(Vec::len).max().unwrap_or(0);
        let mut first = [false; 256];
        for p in &prefixes {
            first[usize::from(p[0])] = true;
        }
        CutPrefixes { prefixes, longest, first }
    }

    /// The most bytes at the end of `hay`, none before `lo`, that are a
    /// proper prefix of a word (ASCII case aside).
    pub(crate) fn longest_at_end(&self, hay: &[u8], lo: usize) -> Option<usize> {
        let most = self.longest.min(hay.len().saturating_sub(lo));
        (1..=most).rev().find(|&k| {
            let tail = &hay[hay.len() - k..];
            self.first[usize::from(tail[0].to_ascii_lowercase())]
                && self
                    .prefixes
                    .binary_search_by(|p| p.iter().copied().cmp(tail.iter().map(u8::to_ascii_lowercase)))
                    .is_ok()
        })
    }
}

/// What each search for trigger starts found last in one haystack: a
/// search ahead is asked again after every match (the floor moves), and in
/// text dense with matches the searches whose next hit lies far ahead
/// would otherwise cover the same bytes again each time.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct StartHits {
    searches: [Option<Searched>; MAX_STARTS],
    /// The same for the walk with the table of first characters.
    chars: Option<Searched>,
}

/// The first hit of one search over `from..to`: where its literal starts
/// and ends.
#[derive(Clone, Copy, Debug)]
struct Searched {
    from: usize,
    to: usize,
    found: Option<(usize, usize)>,
}

impl Searched {
    /// What this search says of `from..to` when it answers it (`None`
    /// when it does not): nothing starts in `self.from..f`, so the hit at
    /// `f` is the first in `from..to` too when it ends by `to`, and there
    /// is none when `f` is past `to` or nothing lay in `self.from..self.to`.
    fn answer(&self, from: usize, to: usize) -> Option<Option<usize>> {
        if self.from > from {
            return None;
        }
        match self.found {
            Some((f, end)) if f >= from && end <= to => Some(Some(f)),
            Some((f, _)) if f >= to => Some(None),
            None if to <= self.to => Some(None),
            _ => None,
        }
    }
}

impl StartHits {
    /// The first offset in `from..to` where a literal of search `k`
    /// starts, from the last search when that answers it.
    fn find(&mut self, k: usize, starts: &Starts, hay: &[u8], from: usize, to: usize) -> Option<usize> {
        let mut search_from = from;
        if let Some(s) = self.searches[k] {
            if let Some(answer) = s.answer(from, to) {
                return answer;
            }
            // Nothing lies in `s.from..s.to`: only a literal that ends past
            // `s.to` can be new (searches bounded by a limit just past the
            // last match come one after another, each reaching a little
            // further).
            if s.from <= from && s.found.is_none() && from <= s.to {
                search_from = from.max((s.to + 1).saturating_sub(starts.longest()));
            }
        }
        let found = starts.find(hay, search_from, to);
        self.searches[k] = Some(Searched { from, to, found });
        found.map(|(f, _)| f)
    }

    /// The first offset in `from..to` where a literal may start, by the
    /// table of first characters ([`StartChars::first_in`]), from the last
    /// walk when that answers it: a message's searches are asked again
    /// after each of its matches.
    fn first_char(&mut self, chars: &StartChars, hay: &[u8], from: usize, to: usize) -> Option<usize> {
        if let Some(answer) = self.chars.and_then(|s| s.answer(from, to)) {
            return answer;
        }
        let found = chars.first_in(hay, from, to);
        // A character that may start a literal takes at least its first byte.
        self.chars = Some(Searched { from, to, found: found.map(|f| (f, f + 1)) });
        found
    }
}

/// What the searches for trigger starts look for: the first two characters
/// of a trigger that does not start with ASCII, the first three bytes of one
/// that does (its first byte alone when it is one byte long), in lower
/// case, upper case and capitalized.
fn start_literals(words: &[&str]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    for w in words {
        let bytes = w.as_bytes();
        let Some(&first) = bytes.first() else { continue };
        let prefix: &[u8] = if first < 0x80 {
            ascii_prefix(words, bytes)
        } else {
            // The first two characters: many triggers start with everyday
            // characters (`身份證`, `通行证`, `回乡证`), fewer with everyday
            // pairs.
            let one = crate::scan::units::utf8_len(first).unwrap_or(1).min(bytes.len());
            let two = bytes.get(one).and_then(|&b| crate::scan::units::utf8_len(b)).map_or(one, |n| one + n);
            &bytes[..two.min(bytes.len())]
        };
        // Triggers are written in lower case, upper case or capitalized
        // (`otp`, `OTP`, `Otp`); other mixes (`oTP`, `qQ`) are left out to
        // keep the ASCII literals within one packed searcher (`iPhone`
        // is not an `IP`).
        let lower = prefix.to_ascii_lowercase();
        let upper = prefix.to_ascii_uppercase();
        let mut capitalized = lower.clone();
        capitalized[0] = capitalized[0].to_ascii_uppercase();
        let variants = [lower, upper, capitalized];
        for v in variants {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    // A literal that starts with another is found by that one (`wxid_`
    // by `wx`).
    let all = out.clone();
    out.retain(|l| !all.iter().any(|m| m.len() < l.len() && l.starts_with(m)));
    out
}

/// The start an ASCII trigger is searched for by: its first
/// [`ASCII_PREFIX`] bytes, or its first two when other triggers share
/// those but not the third (`cvv`, `cvn`, `cvc`: `cv`; `wechat`, `weixin`:
/// `we`, which also finds the everyday `WeChat` and `WeiXin`), which keeps
/// the literals within one packed searcher.
fn ascii_prefix<'w>(words: &[&str], word: &'w [u8]) -> &'w [u8] {
    let long = &word[..word.len().min(ASCII_PREFIX)];
    if long.len() < ASCII_PREFIX {
        return long;
    }
    let mut longs: Vec<Vec<u8>> = words
        .iter()
        .map(|w| w.as_bytes())
        .filter(|w| w.len() >= ASCII_PREFIX && w[..2].eq_ignore_ascii_case(&word[..2]))
        .map(|w| w[..ASCII_PREFIX].to_ascii_lowercase())
        .collect();
    longs.sort();
    longs.dedup();
    if longs.len() > 1 { &word[..2] } else { long }
}

impl Anchored {
    /// The detectors for `kinds`; `None` when no anchored kind is asked for.
    pub(crate) fn new(kinds: KindSet) -> Option<Anchored> {
        let families: Vec<Family> =
            Family::ALL.into_iter().filter(|f| f.kinds().iter().any(|&k| kinds.contains(k))).collect();
        static SHARED: [OnceLock<Option<Arc<Triggers>>>; 1 << Family::ALL.len()] =
            [const { OnceLock::new() }; 1 << Family::ALL.len()];
        let set = families.iter().fold(0, |set, &f| set | 1 << f as usize);
        let triggers = SHARED[set].get_or_init(|| Triggers::build(families).map(Arc::new)).clone()?;
        Some(Anchored { triggers, kinds })
    }

    /// The first match whose trigger starts at or after `pos` and before
    /// `limit` (see `address::Addresses::next` for `limit` and the result).
    /// `searched` keeps what the searches for trigger starts found, for the
    /// next call on the same haystack.
    pub(crate) fn next(
        &self,
        hay: &[u8],
        pos: usize,
        floor: usize,
        eof: bool,
        limit: usize,
        searched: &mut StartHits,
    ) -> Next<Found> {
        let cx = Cx { hay, floor, kinds: self.kinds };
        // Only triggers starting before `limit` matter: search no further
        // than where the last of them could end.
        let to = limit.saturating_add(self.triggers.longest).min(hay.len());
        // The next hit of each search for trigger starts, kept until passed.
        let mut from = pos;
        let mut hits = [None; MAX_STARTS];
        // A short span (a chat message) is walked once with a table of the
        // first characters of the literals longer than a byte: most hold
        // none, and then only the searches for single bytes (`:`, `@`,
        // `(`, which a message often holds, and which memchr finds at
        // little cost) need start.
        let mut walked = None;
        for (k, (hit, starts)) in hits.iter_mut().zip(&self.triggers.starts).enumerate() {
            let wanted = from < to
                && (matches!(starts, Starts::Bytes(_))
                    || *walked.get_or_insert_with(|| {
                        searched.first_char(&self.triggers.start_chars, hay, from, to).is_some()
                    }));
            *hit = if wanted { searched.find(k, starts, hay, from, to) } else { None };
        }
        loop {
            if from >= to {
                break;
            }
            for (k, (hit, starts)) in hits.iter_mut().zip(&self.triggers.starts).enumerate() {
                if hit.is_some_and(|h| h < from) {
                    *hit = searched.find(k, starts, hay, from, to);
                }
            }
            let Some(at) = hits.iter().flatten().copied().min() else { break };
            if at >= limit {
                return Next::None;
            }
            let input = aho_corasick::Input::new(hay).range(at..to).anchored(aho_corasick::Anchored::Yes);
            let Some(m) = self.triggers.automaton.find(input) else {
                from = at + 1;
                continue;
            };
            let (family, index) = self.triggers.patterns[m.pattern().as_usize()];
            let t = Trigger { start: m.start(), end: m.end(), index };
            let next = m.start() + crate::scan::units::utf8_len(hay[m.start()]).unwrap_or(1);
            if !eof && m.end() + AHEAD > hay.len() {
                if family.rules_out(hay, floor, t) {
                    // What has arrived already settles it: nothing here.
                    from = next;
                    continue;
                }
                // The window after the trigger is not complete yet; a match
                // may start before the trigger, even before `pos`.
                return Next::Hold(m.start().saturating_sub(MAX_BACK).max(floor));
            }
            if let Some(found) = family.check(&cx, t).filter(|f| f.start >= floor && self.kinds.contains(f.kind)) {
                return Next::Found(found);
            }
            // Triggers may overlap (`支付密码` holds `密码`): go on from the
            // next character, not past the whole trigger.
            from = next;
        }
        if eof || limit < hay.len() {
            return Next::None;
        }
        Next::Hold(self.tail_start(hay, pos, floor))
    }

    /// Where the undecided tail of an unfinished haystack begins: a trigger
    /// cut off by its end, or what a family says may start a match.
    fn tail_start(&self, hay: &[u8], pos: usize, floor: usize) -> usize {
        // A trigger cut off by the end: the haystack ends with a proper
        // prefix of one.
        let mut hold = hay.len() - self.triggers.cut.longest_at_end(hay, pos).unwrap_or(0);
        for &f in &self.triggers.families {
            hold = hold.min(f.tail_hold(hay, floor));
        }
        hold.max(floor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_words() -> Vec<&'static str> {
        Family::ALL.iter().flat_map(|f| f.triggers().iter().copied()).collect()
    }

    #[test]
    fn the_first_character_table_never_hides_a_search_hit() {
        let triggers = Triggers::build(Family::ALL.to_vec()).expect("triggers");
        // Pieces of text: triggers and their first characters, ASCII pairs
        // around `::`, everyday characters, an emoji, stray bytes.
        let mut pieces: Vec<Vec<u8>> = all_words().iter().map(|w| w.as_bytes().to_vec()).collect();
        for w in all_words() {
            let first = w.chars().next().expect("a trigger has a character");
            pieces.push(first.to_string().into_bytes());
        }
        for p in ["::", ":", "0", "Pa", "pA", "的", "好", "，", "😀", " ", "\n"] {
            pieces.push(p.as_bytes().to_vec());
        }
        pieces.push(vec![0xE5]);
        pieces.push(vec![0xFF]);
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut hidden = 0;
        for _ in 0..20_000 {
            let mut hay = Vec::new();
            for _ in 0..1 + next(6) {
                // Mostly everyday text, now and then a trigger's piece.
                let piece =
                    if next(4) == 0 { &pieces[next(pieces.len())] } else { &pieces[pieces.len() - 13 + next(11)] };
                hay.extend_from_slice(piece);
            }
            let from = next(hay.len());
            let to = from + next(hay.len() - from + 1);
            if triggers.start_chars.first_in(&hay, from, to).is_some() {
                continue;
            }
            hidden += 1;
            for starts in &triggers.starts {
                if !matches!(starts, Starts::Bytes(_)) {
                    assert_eq!(
                        starts.find(&hay, from, to),
                        None,
                        "{:?} in {from}..{to}",
                        String::from_utf8_lossy(&hay)
                    );
                }
            }
        }
        assert!(hidden > 1_000, "the table rules spans out ({hidden})");
    }

    #[test]
    fn every_trigger_starts_with_a_searched_literal() {
        let words = all_words();
        let literals = start_literals(&words);
        for w in &words {
            let lower = w.to_ascii_lowercase();
            let upper = w.to_ascii_uppercase();
            let mut capitalized = lower.clone().into_bytes();
            capitalized[0] = capitalized[0].to_ascii_uppercase();
            for form in [lower.as_bytes(), upper.as_bytes(), &capitalized] {
                assert!(
                    literals.iter().any(|l| form.starts_with(l)),
                    "{w:?} written {:?}",
                    String::from_utf8_lossy(form)
                );
            }
        }
    }

    #[test]
    fn literals_fit_few_packed_searchers() {
        let literals = start_literals(&all_words());
        let ascii = literals.iter().filter(|l| l.len() > 1 && l[0] < 0x80).count();
        assert!(ascii <= 64, "{ascii} ASCII literals: more than two searchers");
        for kinds in [KindSet::DEFAULT, KindSet::ALL] {
            let anchored = Anchored::new(kinds).expect("anchored kinds");
            let packed = anchored.triggers.starts.iter().filter(|s| matches!(s, Starts::Packed(..))).count();
            assert!(packed <= 3 || kinds == KindSet::ALL, "{packed} packed searchers");
            let words = anchored.triggers.starts.iter().filter(|s| matches!(s, Starts::Word(_))).count();
            assert!(words <= 2, "{words} single-literal searches");
            assert!(anchored.triggers.starts.len() <= MAX_STARTS);
        }
        // Longer ASCII starts than two bytes where they stay apart: `path`
        // and `api` hold no start of a trigger.
        for text in ["path=/api/v1/items", "latency_ms=348 status=200"] {
            assert!(literals.iter().all(|l| !text.as_bytes().windows(l.len()).any(|w| w == l.as_slice())), "{text}");
        }
    }

    #[test]
    fn redactors_asking_for_the_same_families_share_their_triggers() {
        let a = Anchored::new(KindSet::DEFAULT).expect("anchored kinds");
        let b = Anchored::new(KindSet::DEFAULT).expect("anchored kinds");
        assert!(Arc::ptr_eq(&a.triggers, &b.triggers));
        let secrets = Anchored::new(KindSet::NONE.with(Kind::Password)).expect("a secret kind");
        let other_secrets = Anchored::new(KindSet::NONE.with(Kind::VerificationCode)).expect("a secret kind");
        assert!(Arc::ptr_eq(&secrets.triggers, &other_secrets.triggers), "one family, different kinds");
        assert!(!Arc::ptr_eq(&a.triggers, &secrets.triggers));
        assert_eq!(secrets.triggers.families, [Family::Secret]);
        assert!(Anchored::new(KindSet::NONE.with(Kind::Phone)).is_none());
    }

    #[test]
    fn cut_prefixes_find_what_a_comparison_with_every_word_finds() {
        let words = all_words();
        let cut = CutPrefixes::new(&words);
        let naive = |hay: &[u8], lo: usize| {
            (1..=hay.len() - lo).rev().find(|&k| {
                words.iter().any(|w| w.len() > k && w.as_bytes()[..k].eq_ignore_ascii_case(&hay[hay.len() - k..]))
            })
        };
        let text = "我的护照号码是，验证码 Verification co 请发到QQ 邮箱a@ 身份證 微信号 SMS cOdE 动态密".as_bytes();
        for end in 0..=text.len() {
            for lo in [0, end.saturating_sub(5), end] {
                assert_eq!(cut.longest_at_end(&text[..end], lo), naive(&text[..end], lo), "end {end}, lo {lo}");
            }
        }
    }

    #[test]
    fn remembered_start_hits_answer_as_fresh_searches() {
        let anchored = Anchored::new(KindSet::DEFAULT).expect("default kinds include anchored ones");
        let text = "验证码123456，QQ 12345678，护照E12345678 (x) A123456（7） a@b.cn c＠d.cn 密码abc PIN 1234 身份证 微信 wx_1".repeat(3);
        let hay = text.as_bytes();
        let mut searched = StartHits::default();
        let mut from = 0;
        let mut step = 0;
        while from < hay.len() {
            // Ranges that end early, late, and at the end of the haystack.
            for to in [from + 7, from + 40, hay.len()].map(|t| t.min(hay.len())) {
                for (k, starts) in anchored.triggers.starts.iter().enumerate() {
                    let fresh = starts.find(hay, from, to).map(|(f, _)| f);
                    assert_eq!(searched.find(k, starts, hay, from, to), fresh, "search {k} over {from}..{to}");
                }
            }
            step = step % 5 + 1;
            from += step;
        }
    }

    #[test]
    fn finds_triggers_in_ascii_text_and_not_lookalikes() {
        let anchored = Anchored::new(KindSet::DEFAULT).expect("default kinds include anchored ones");
        let text = "path=/api/v1/items?x=1 Password: hunter22 done";
        let found = anchored.next(text.as_bytes(), 0, 0, true, usize::MAX, &mut StartHits::default());
        match found {
            Next::Found(f) => assert_eq!(&text[f.start..f.end], "hunter22"),
            other => panic!("expected the password, got {other:?}"),
        }
    }
}
