//! Detectors found from a *trigger*: a word or character that every match
//! of theirs is next to.
//!
//! Secrets follow a word announcing them (`验证码`, `密码`, `CVV`), other
//! identity documents and contact handles follow theirs (`护照`, `QQ`,
//! `微信`), an email address has an `@`, a licence plate starts with a
//! province character, a name sits next to `我叫` or `先生`. One automaton
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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::address::Next;
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
    /// Email, QQ, WeChat, IP addresses, licence plates (`contact.rs`).
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

/// The trigger automaton of every family with a kind asked for.
#[derive(Clone, Debug)]
pub(crate) struct Anchored {
    automaton: AhoCorasick,
    /// Family and index of each pattern.
    patterns: Vec<(Family, usize)>,
    families: Vec<Family>,
    kinds: KindSet,
    /// Longest trigger, in bytes.
    longest: usize,
}

impl Anchored {
    /// The detectors for `kinds`; `None` when no anchored kind is asked for.
    pub(crate) fn new(kinds: KindSet) -> Option<Anchored> {
        let families: Vec<Family> =
            Family::ALL.into_iter().filter(|f| f.kinds().iter().any(|&k| kinds.contains(k))).collect();
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
            .build(&words)
            .expect("the built-in trigger words are few and valid");
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Some(Anchored { automaton, patterns, families, kinds, longest })
    }

    /// The first match whose trigger starts at or after `pos` and before
    /// `limit` (see `address::Addresses::next` for `limit` and the result).
    pub(crate) fn next(&self, hay: &[u8], pos: usize, floor: usize, eof: bool, limit: usize) -> Next<Found> {
        let cx = Cx { hay, floor, kinds: self.kinds };
        let mut from = pos;
        while from < hay.len() {
            // Only triggers starting before `limit` matter: search no
            // further than where the last of them could end.
            let to = limit.saturating_add(self.longest).min(hay.len());
            if from >= to {
                break;
            }
            let Some(m) = self.automaton.find(aho_corasick::Input::new(hay).range(from..to)) else { break };
            if m.start() >= limit {
                return Next::None;
            }
            let (family, index) = self.patterns[m.pattern().as_usize()];
            if !eof && m.end() + AHEAD > hay.len() {
                // The window after the trigger is not complete yet.
                return Next::Hold(m.start().saturating_sub(MAX_BACK).max(pos).max(floor));
            }
            let t = Trigger { start: m.start(), end: m.end(), index };
            if let Some(found) = family.check(&cx, t).filter(|f| f.start >= floor && self.kinds.contains(f.kind)) {
                return Next::Found(found);
            }
            // Triggers may overlap (`支付密码` holds `密码`): go on from the
            // next character, not past the whole trigger.
            from = m.start() + crate::scan::units::utf8_len(hay[m.start()]).unwrap_or(1);
        }
        if eof || limit < hay.len() {
            return Next::None;
        }
        Next::Hold(self.tail_start(hay, pos, floor))
    }

    /// Where the undecided tail of an unfinished haystack begins: a trigger
    /// cut off by its end, or what a family says may start a match.
    fn tail_start(&self, hay: &[u8], pos: usize, floor: usize) -> usize {
        let mut hold = hay.len();
        // A trigger cut off by the end: the haystack ends with a proper
        // prefix of one.
        for k in 1..self.longest.min(hay.len() - pos + 1) {
            let tail = &hay[hay.len() - k..];
            let cut = self.automaton.patterns_len() > 0
                && self
                    .families
                    .iter()
                    .any(|f| f.triggers().iter().any(|w| w.len() > k && w.as_bytes()[..k].eq_ignore_ascii_case(tail)));
            if cut {
                hold = hay.len() - k;
            }
        }
        for &f in &self.families {
            hold = hold.min(f.tail_hold(hay, floor));
        }
        hold.max(pos)
    }
}
