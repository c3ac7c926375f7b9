//! Deciding what a token is.
//!
//! Given the groups read at a token start, every detector proposes
//! interpretations of groups `0..=j` for each `j` ([`Candidate`]). The
//! strongest one wins: checksum over pattern over context-only, then more
//! units over fewer, then ID over card over phone. It is accepted when the
//! characters around it allow it (not glued to letters, not an amount) and
//! the nearest context word agrees (a candidate that needs a context word
//! has it; an order or tracking number context rejects everything but a
//! checksum-valid ID number).

pub(crate) mod address;
pub(crate) mod anchored;
pub(crate) mod bank_card;
mod cjk_bits;
pub(crate) mod contact;
pub(crate) mod custom;
pub(crate) mod document;
pub(crate) mod gazetteer;
pub(crate) mod id_card;
pub(crate) mod name;
mod pattern_len;
pub(crate) mod phone;
pub(crate) mod secret;
mod start_chars;

use crate::date::Date;
use crate::kind::{Kind, KindSet, SubKind};
use crate::matches::{Evidence, Match};
use crate::scan::context::{Cue, Hotwords, Nearest};
use crate::scan::finder::MIN_UNITS;
use crate::scan::token::Token;
use crate::scan::units::{CHECK_X, Sep, open_paren_at, plus_at, prev_char_start, sep_at, unit_before};

/// Fewest units of a match that is not a phone number: a 15-digit ID (cards
/// have 16 or more).
pub(crate) const MIN_UNITS_UNLESS_PHONE: usize = 15;

/// Whether a phone number may start with the digit `d`: `0` (a landline's
/// trunk prefix, `0086`), `1` (mobile), `4` (400), `8` (800, `86`). The scan
/// dismisses shorter numbers starting with any other digit unread.
pub(crate) fn phone_may_start_with(d: u8) -> bool {
    matches!(d, 0 | 1 | 4 | 8)
}

/// What a candidate needs from its context to be accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    Nothing,
    /// The nearest hotword must announce this.
    Cue(Cue),
}

/// One interpretation of groups `0..=last_group` of a token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) kind: Kind,
    pub(crate) sub_kind: SubKind,
    pub(crate) evidence: Evidence,
    pub(crate) last_group: usize,
    /// Index of the first unit after a country code.
    pub(crate) national: usize,
    /// End of an extension written after the number, if any.
    pub(crate) extension_end: Option<usize>,
    pub(crate) need: Need,
}

impl Candidate {
    pub(crate) fn new(kind: Kind, sub_kind: SubKind, evidence: Evidence, last_group: usize) -> Candidate {
        let need = match (kind, evidence) {
            (Kind::IdCard, Evidence::Context) => Need::Cue(Cue::IdCard),
            (Kind::BankCard, Evidence::Context) => Need::Cue(Cue::BankCard),
            (_, Evidence::Context) => Need::Cue(Cue::Phone),
            _ => Need::Nothing,
        };
        Candidate { kind, sub_kind, evidence, last_group, national: 0, extension_end: None, need }
    }

    pub(crate) fn phone(
        sub_kind: SubKind,
        evidence: Evidence,
        national: usize,
        last_group: usize,
        extension_end: Option<usize>,
    ) -> Candidate {
        Candidate { national, extension_end, ..Candidate::new(Kind::Phone, sub_kind, evidence, last_group) }
    }

    pub(crate) fn needing(self, need: Need) -> Candidate {
        Candidate { need, ..self }
    }

    /// Ordering key: stronger evidence, then more units, then the more
    /// specific kind.
    fn rank(&self, units: usize) -> (Evidence, usize, u8) {
        let specificity = match self.kind {
            Kind::IdCard => 2,
            Kind::BankCard => 1,
            _ => 0,
        };
        (self.evidence, units, specificity)
    }

    /// Whether an order/tracking-number context overrides this candidate.
    /// Only a checksum-valid 18-character ID is too specific to be an order
    /// number.
    fn yields_to_business_context(&self) -> bool {
        !(self.kind == Kind::IdCard && self.evidence == Evidence::Checksum)
    }
}

/// Everything the detectors need, built once per redactor.
#[derive(Clone, Debug)]
pub(crate) struct Detectors {
    pub(crate) kinds: KindSet,
    pub(crate) hotwords: Hotwords,
    pub(crate) area_codes: phone::AreaCodes,
    pub(crate) today: Date,
    /// Characters before a number searched for a context word.
    pub(crate) window: usize,
    /// The address detector, when addresses are looked for.
    pub(crate) addresses: Option<std::sync::Arc<address::Addresses>>,
    /// The anchored detectors, when one of their kinds is looked for.
    pub(crate) anchored: Option<anchored::Anchored>,
    /// The deployment's own rules, when there are any.
    pub(crate) custom: Option<custom::Rules>,
}

/// How close (in characters) a business number label must be to overrule
/// a number: `订单号：`, `单号是 `, but not a label earlier in the sentence.
const BUSINESS_LABEL_REACH: usize = 6;

/// How close a business topic word must be: right before the number, with
/// at most a colon or space between (`订单 3427...`, not
/// `快递放驿站了，138...`).
const BUSINESS_TOPIC_REACH: usize = 1;

/// Candidates kept per token start. More than a few is rare (one per kind
/// per length that validates); past this many, the weakest is dropped.
const KEPT_CANDIDATES: usize = 8;

/// An unused candidate slot.
const NO_CANDIDATE: (Candidate, usize) = (
    Candidate {
        kind: Kind::Phone,
        sub_kind: SubKind::Mobile,
        evidence: Evidence::Context,
        last_group: 0,
        national: 0,
        extension_end: None,
        need: Need::Nothing,
    },
    0,
);

impl Detectors {
    /// The match for an address the address detector found.
    pub(crate) fn address_match(&self, a: &address::Found) -> Match {
        let evidence = if a.by_context { Evidence::Context } else { Evidence::Pattern };
        Match::new(Kind::Address, SubKind::Address, evidence, a.start..a.end, a.lead.min(255) as u8)
    }

    /// The match starting at the token's first group, if any.
    pub(crate) fn evaluate(&self, hay: &[u8], tok: &Token) -> Option<Match> {
        let first = tok.groups[0];
        let edge = LeftEdge::read(hay, first.start);
        if !edge.ok {
            return None;
        }
        let mut cands = [NO_CANDIDATE; KEPT_CANDIDATES];
        let mut n = 0;
        let mut units = 0;
        for j in 0..tok.n_groups {
            if j > 0 {
                let prev = tok.groups[j - 1];
                if tok.units[prev.first + prev.len - 1].value == CHECK_X {
                    // The check character ends an ID number; nothing
                    // continues past it.
                    break;
                }
            }
            units += tok.groups[j].len;
            if units < MIN_UNITS {
                continue;
            }
            let all = tok.units_through(j);
            // A complete card or ID number in one group is not extended by
            // what follows it (`6225880123450059 3月`).
            let whole_first = j > 0 && tok.groups[0].len >= 15;
            let proposals = [
                (self.kinds.contains(Kind::IdCard) && !whole_first)
                    .then(|| id_card::classify(all, j, self.today))
                    .flatten(),
                (self.kinds.contains(Kind::BankCard) && !whole_first)
                    .then(|| bank_card::classify(all, j, self.today))
                    .flatten(),
                self.kinds.contains(Kind::Phone).then(|| phone::classify(tok, j, &self.area_codes, hay)).flatten(),
            ];
            for c in proposals.into_iter().flatten() {
                if n < KEPT_CANDIDATES {
                    cands[n] = (c, units);
                    n += 1;
                } else if let Some(weakest) = cands.iter_mut().min_by_key(|(w, u)| w.rank(*u))
                    && weakest.0.rank(weakest.1) < c.rank(units)
                {
                    *weakest = (c, units);
                }
            }
        }
        let cands = &mut cands[..n];
        cands.sort_unstable_by_key(|c| core::cmp::Reverse(c.0.rank(c.1)));

        let mut nearest: Option<Option<Nearest>> = None;
        let group_before = joined_group_before(hay, first.start);
        for &(c, _) in cands.iter() {
            // A grouped reading with more groups on both sides is a slice of
            // a longer grouped number (`1101 0519 9001 0112 33`).
            let group_after = c.last_group + 1 < tok.n_groups || !tok.closed;
            if c.last_group > 0 && group_before && group_after {
                continue;
            }
            let start = span_start(&c, &edge, tok);
            let end = c.extension_end.unwrap_or(tok.groups[c.last_group].end);
            if !right_edge_ok(hay, end) {
                continue;
            }
            if c.need != Need::Nothing || c.yields_to_business_context() {
                let near = *nearest.get_or_insert_with(|| self.hotwords.nearest(hay, start, self.window, 0));
                let business = near.is_some_and(|n| match n.cue {
                    Cue::NotPersonal => n.distance <= BUSINESS_LABEL_REACH,
                    Cue::BusinessTopic => n.distance <= BUSINESS_TOPIC_REACH,
                    _ => false,
                });
                if c.yields_to_business_context() && business {
                    continue;
                }
                if let Need::Cue(wanted) = c.need
                    && near.map(|n| n.cue) != Some(wanted)
                {
                    continue;
                }
            }
            let lead = if c.national > 0 { tok.unit_pos[c.national] - start } else { 0 };
            return Some(Match::new(c.kind, c.sub_kind, c.evidence, start..end, lead as u8));
        }
        None
    }
}

/// Whether a group of units ends within a gap's reach before `start`.
fn joined_group_before(hay: &[u8], start: usize) -> bool {
    let mut i = start;
    for _ in 0..crate::scan::token::MAX_GAP_CHARS {
        match prev_char_start(hay, i, 0) {
            Some(c) if sep_at(hay, c).is_some_and(|(_, len)| c + len == i) => i = c,
            _ => break,
        }
        if unit_before(hay, i, 0).is_some() {
            return true;
        }
    }
    false
}

/// What sits right before a token's first unit.
struct LeftEdge {
    /// Whether the token may start a match at all.
    ok: bool,
    /// Offset of a `+`/`＋` right before the first unit.
    plus: Option<usize>,
    /// Offset of a `(`/`（` right before the `+` or the first unit.
    paren: Option<usize>,
}

/// ASCII words that may be glued to the front of a number without making
/// it part of a code (`tel13812345678`, `vx13812345678`).
/// Generic labels (`NO`, `id`) are left out: glued to digits they are far
/// more often part of a code (`激活码NO15986592123`).
const GLUE_WORDS: &[&str] =
    &["tel", "phone", "mobile", "mob", "cell", "call", "fax", "vx", "wx", "v", "wechat", "weixin", "qq", "sj", "dh"];

impl LeftEdge {
    fn read(hay: &[u8], first_unit: usize) -> LeftEdge {
        let mut s = first_unit;
        let plus = prev_char_start(hay, s, 0).filter(|&c| plus_at(hay, c).is_some_and(|l| c + l == s));
        if let Some(p) = plus {
            s = p;
        }
        let paren = prev_char_start(hay, s, 0).filter(|&c| open_paren_at(hay, c).is_some_and(|l| c + l == s));
        // The glue check looks at the character right before the digits: a
        // bracket or plus sign there is never glue, whatever precedes it.
        LeftEdge { ok: left_glue_ok(hay, first_unit), plus, paren }
    }
}

/// Whether the character before `s` lets a number start at `s`: not a
/// letter (unless a contact word like `tel`), not a digit, not the point or
/// currency sign of an amount, not an identifier underscore.
fn left_glue_ok(hay: &[u8], s: usize) -> bool {
    let Some(c) = s.checked_sub(1) else {
        return true;
    };
    let b = hay[c];
    if b.is_ascii_alphabetic() {
        let mut w = c;
        while w > 0 && hay[w - 1].is_ascii_alphabetic() && c - w < 12 {
            w -= 1;
        }
        if w > 0 && hay[w - 1].is_ascii_alphanumeric() {
            return false;
        }
        let word = &hay[w..s];
        return GLUE_WORDS.iter().any(|g| g.as_bytes().eq_ignore_ascii_case(word));
    }
    match b {
        b'0'..=b'9' | b'_' | b'$' => false,
        b'.' => !(c > 0 && hay[c - 1].is_ascii_digit()),
        _ => {
            // A currency sign, possibly followed by one space, makes an amount.
            let before = hay[..s].strip_suffix(b" ").unwrap_or(&hay[..s]);
            !["¥", "￥", "$"].iter().any(|sign| before.ends_with(sign.as_bytes()))
        }
    }
}

/// ASCII words that may be glued to the end of a number without making it
/// part of a code (`13812345678ok`, `13812345678THX`): words of chat, not
/// the letters a code ends with. Matched whole, in any case.
const TRAILING_GLUE_WORDS: &[&str] =
    &["ok", "okay", "okk", "thx", "thanks", "tks", "ty", "pls", "plz", "please", "sorry", "haha", "hhh"];

/// Letters in the longest of [`TRAILING_GLUE_WORDS`]: a longer run of
/// letters after a number is never one of them.
pub(crate) const MAX_TRAILING_GLUE: usize = 6;

/// Letters in the run of ASCII letters `rest` starts with, counting at most
/// one past [`MAX_TRAILING_GLUE`].
pub(crate) fn letter_run(rest: &[u8]) -> usize {
    rest.iter().take(MAX_TRAILING_GLUE + 1).take_while(|b| b.is_ascii_alphabetic()).count()
}

/// Whether `rest`, which starts with an ASCII letter, starts with a word of
/// [`TRAILING_GLUE_WORDS`] that ends there: not followed by a letter or
/// digit, nor by a character that would make it part of an address, a
/// handle or a link (`13812345678ok@qq.com`, `ok_1`, `ok.html`).
fn trailing_glue_ok(rest: &[u8]) -> bool {
    let n = letter_run(rest);
    let ends_word = rest.get(n).is_none_or(|&b| {
        !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'.' | b'-' | b'/' | b':' | b'=' | b'&' | b'%' | b'#'))
    });
    n <= MAX_TRAILING_GLUE
        && ends_word
        && TRAILING_GLUE_WORDS.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(&rest[..n]))
}

/// Whether a match may end at `end`: not followed by a letter (unless a
/// chat word like `ok`), a digit, a decimal part, or a unit of money or
/// percent.
fn right_edge_ok(hay: &[u8], end: usize) -> bool {
    let rest = &hay[end..];
    match rest.first() {
        None => true,
        Some(b) if b.is_ascii_alphabetic() => trailing_glue_ok(rest),
        Some(b) if b.is_ascii_digit() || *b == b'_' || *b == b'%' => false,
        Some(b'.') => !rest.get(1).is_some_and(u8::is_ascii_digit),
        Some(_) => !["元", "块", "万", "亿", "％"].iter().any(|w| rest.starts_with(w.as_bytes())),
    }
}

/// Where a candidate's span starts: at its first unit, or earlier to take in
/// a `+` before a country code and a bracket opening a country or area code
/// (`(+86)`, `(021)`).
fn span_start(c: &Candidate, edge: &LeftEdge, tok: &Token) -> usize {
    let first = tok.groups[0].start;
    if c.kind != Kind::Phone {
        return first;
    }
    let closes_first_group = tok.n_groups > 1 && tok.groups[1].gap_before.contains(Sep::Close);
    let mut s = first;
    if c.national > 0
        && let Some(p) = edge.plus
    {
        s = p;
    }
    let bracketed = c.national > 0 || c.sub_kind == SubKind::Landline;
    if bracketed
        && closes_first_group
        && let Some(p) = edge.paren
    {
        s = p;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::token::{Read, Token, read};
    use proptest::prelude::*;

    proptest! {
        /// The fast path of the scan (`scan::plain`) relies on this: a
        /// number shorter than an ID that does not start like a phone number
        /// is nothing, whatever its grouping and context.
        #[test]
        fn short_numbers_not_starting_like_phones_are_nothing(
            first in prop::sample::select(vec![2u8, 3, 5, 6, 7, 9]),
            rest in prop::collection::vec(0u8..10, 9..MIN_UNITS_UNLESS_PHONE - 1),
            cuts in prop::collection::vec((1usize..14, prop::sample::select(vec![" ", "-", "－", " - ", "）"])), 0..4),
            context in prop::sample::select(vec!["", "电话", "手机号：", "身份证号码", "卡号是", "座机 ", "拨打", "tel"]),
        ) {
            let digits: Vec<u8> = core::iter::once(first).chain(rest).collect();
            let mut number = String::new();
            for (k, d) in digits.iter().enumerate() {
                if let Some((_, sep)) = cuts.iter().find(|(at, _)| *at == k) {
                    number.push_str(sep);
                }
                number.push(char::from(b'0' + d));
            }
            let hay = format!("{context}{number}。");
            let redactor = crate::Redactor::new();
            let mut tok = Token::default();
            if let Read::Token = read(hay.as_bytes(), context.len(), &mut tok) {
                prop_assert!(redactor.detectors().evaluate(hay.as_bytes(), &tok).is_none(), "{hay}");
            }
        }
    }
    #[test]
    fn longest_trailing_glue_word() {
        let longest = TRAILING_GLUE_WORDS.iter().map(|w| w.len()).max();
        assert_eq!(longest, Some(MAX_TRAILING_GLUE));
    }

    #[test]
    fn trailing_glue_words_end_a_number_only_as_whole_words() {
        assert!(right_edge_ok(b"13812345678ok", 11));
        assert!(right_edge_ok("13812345678OK的".as_bytes(), 11));
        assert!(right_edge_ok(b"13812345678Thanks!", 11));
        assert!(!right_edge_ok(b"13812345678okay1", 11), "a code");
        assert!(!right_edge_ok(b"13812345678oka", 11), "not a listed word");
        assert!(!right_edge_ok(b"13812345678A", 11), "a code letter");
        assert!(!right_edge_ok(b"13812345678ok@qq.com", 11), "an email address");
        assert!(!right_edge_ok(b"13812345678ok.html", 11), "a link");
        assert!(!right_edge_ok(b"13812345678pleaseme", 11), "longer than any word");
    }
}
