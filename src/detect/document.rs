//! Identity documents besides the resident ID: passports, travel permits,
//! Hong Kong, Macao and Taiwan ID numbers, officer IDs.
//!
//! # Formats and words
//!
//! | kind | number | found after |
//! |---|---|---|
//! | passport | `E` + 8 digits (2012–2017), `E` + letter other than `I`/`O` + 7 digits (since 5 April 2017: `EA`, `EF` …), `G` + 8 digits (before 2012), `D`/`S`/`P` + 7 or 8 digits, `DE`/`SE`/`PE` + 7 digits (diplomatic, service, public affairs), `K` + 8 and `KJ` + 7 (Hong Kong SAR), `MA` + 7 (Macao SAR) | `护照`, `護照`, `passport` |
//! | permit of Hong Kong and Macao residents (`回乡证`) | `H` (Hong Kong) or `M` (Macao) + the 8-digit lifelong number, optionally followed by the 2-digit issue count | `通行证`, `回乡证`, `permit` |
//! | Exit-Entry permit (`往来港澳通行证`, `双程证`) | `C` + 8 characters: a digit or a letter other than `I`/`O`, then 7 digits | `通行证`, `双程证`, `permit` |
//! | permit of Taiwan residents (`台胞证`) | 8 digits | `台胞证`; `通行证` with `台湾` or `台胞` shortly before it (not `往来台湾`) |
//! | Hong Kong ID | 1–2 letters, 6 digits, check character `0`–`9` or `A`: `A123456(3)`, `A1234563` | `香港身份证`, `HKID`, `身份證`, `居民身份证` with `香港` before it; the bracketed form alone (see below) |
//! | Macao ID | `1`, `5` or `7`, 6 digits, check digit: `1234567(8)`, `12345678`, older `1/234567/8` | `澳门身份证`; `身份證` or `居民身份证` with `澳门`/`澳門` before it |
//! | Taiwan ID | letter, `1`/`2` (nationals) or `8`/`9` (resident certificates since 2021), 8 digits, check digit; or letter, `A`–`D`, 8 digits (older resident certificates) | `台湾身份证`, `身分證` (the Taiwanese spelling), `身份證` |
//! | officer ID | a character, `字第`, 4–8 letters or digits, `号` (`南字第1234567号`); or 6–8 digits | `军官证`, `士兵证`, `士官证`, `文职干部证`, `文职人员证`, `武警警官证` |
//!
//! Letters may be lower case or full-width; digits ASCII, full-width, or
//! read out in Chinese numerals (`E幺二三四五六七八`), in groups or one per
//! space (`E 1 2 3 4 5 6 7 8`, two letters too: `E A 1 2 3 4 5 6 7`; an
//! officer's serial `南字第 1 2 3 4 5 6 7`). A value follows its word with at most 12
//! characters between (`护照号码是：E12345678`, `passport no. E12345678`),
//! no sentence end (`。！；`) and no label of another number (`订单`,
//! `快递`, `手机` …) among them; or it comes right before the word,
//! written compactly, with at most a few characters such as `是我的`
//! between (`C12345678是我的通行证`). Its edges are not glued to letters
//! or digits, and no train-number, amount or line suffix follows it (`次`,
//! `元`, `号线`). A value is cut between two digit groups only where a
//! space separates groups of two or more digits (`E12345678 13812345678`),
//! never inside digits read out one by one. The number of digits must be
//! exactly one the format allows.
//!
//! The word `身份证` alone is not a trigger: it is the mainland ID's word,
//! common in chat, and the mainland ID belongs to the number scan; a
//! trigger would also hold a stream back after every `身份证`. A Hong Kong
//! ID after it is still found by its bracket.
//!
//! # Check characters
//!
//! * Hong Kong: letters count `A` = 10 … `Z` = 35, digits their value; a
//!   one-letter number is preceded by a space worth 36. The eight values,
//!   weighted 9, 8, … 2, plus the check value (`A` = 10) sum to a multiple
//!   of 11: a remainder of 0 gives `0`, of 1 gives `A`, else 11 minus it.
//! * Taiwan: the letter becomes a two-digit code, `A`–`H` 10–17, `J`–`N`
//!   18–22, `P`–`V` 23–29, `X` 30, `Y` 31, `W` 32, `Z` 33, `I` 34, `O` 35;
//!   its two digits and the nine others, weighted 1, 9, 8, 7, 6, 5, 4, 3,
//!   2, 1, 1, sum to a multiple of 10. An older resident certificate's
//!   second letter counts as the last digit of its code (`A` 0 … `D` 3).
//! * Macao: no check algorithm is published, so the number needs its word
//!   and the Macao region. Passports, permits and officer IDs have no
//!   public check character either and always need their word.
//!
//! # Without a word: the bracketed Hong Kong ID
//!
//! A Hong Kong ID in its standard form, `A123456(3)` (ASCII upper-case
//! letters, the check character in brackets), is found without any word:
//! the opening bracket (`(` or `（`) is the trigger, the letters and six
//! digits are read back from it (at most 9 bytes, never before the last
//! match), and the check character must hold. Exactly one or two capitals
//! glued to exactly six digits and a bracketed digit is a rare shape in
//! chat, one string in eleven of it passes the check by chance, and a
//! business label right before it (`订单号`, `运单号`, `型号`, `货号`, with at
//! most a colon and a space between) rejects it.
//! A stream holds back a trailing `A123456` whose bracket has not arrived.
//! The brackets are the family's only short triggers; checking one costs
//! a few byte reads. Every other form and kind needs its word: a Taiwan ID
//! is a letter and nine digits, the shape of many order and tracking
//! numbers, and its check digit passes one time in ten.
//!
//! # Spans and masks
//!
//! A span covers the number as written, brackets and separators included
//! (`A123456(3)`, `E 1234 5678`), but not the word. An officer ID's span
//! runs from the issuing character to the last digit, so the conventional
//! mask (first character and last two kept) shows `南＊＊*****67号`.
//!
//! # Sources
//!
//! * Passports: the numbering of ordinary, service, diplomatic and SAR
//!   passports as described at zh.wikipedia.org/wiki/中华人民共和国护照
//!   and in public summaries of the 5 April 2017 change to `E` + letter +
//!   7 digits.
//! * Permits of Hong Kong and Macao residents: the Exit-Entry
//!   Administration's number rules (公安部出入境管理局, reported by China
//!   News Service on 10 March 2010: 11 characters, `H`/`M`, 8-digit
//!   lifelong number, 2-digit issue count).
//! * Exit-Entry permits: the notice on electronic permit numbers,
//!   www.gov.cn/fuwu/2018-12/10/content_5347351.htm.
//! * Hong Kong ID: the Immigration Department's description of the number
//!   (`@123456(#)`, check character `0`–`9` or `A`), the OECD's Hong Kong
//!   TIN sheet, and the published worked examples `A123456(3)`,
//!   `E364912(5)`, `CA182361(1)`, `Z437626(A)`.
//! * Taiwan ID: zh.wikipedia.org/wiki/中華民國國民身分證 (letter codes and
//!   weights); resident certificate numbers, new (`A800000014`) and old
//!   (`AC01234567`), as checked by public validators.
//! * Macao ID: zh.wikipedia.org/wiki/澳門居民身份證 (`X/NNNNNN/Y` since 1992,
//!   `XNNNNNN(Y)` on smart cards, X = 1, 5 or 7).
//! * Officer IDs: the numbers as printed on the cards (`X字第NNNNNNN号`,
//!   the character naming the issuing command) and the shape public form
//!   validators accept (4–8 letters or digits).

use std::sync::OnceLock;

use super::anchored::{AHEAD, CutPrefixes, Cx, Found, MAX_BACK, Trigger};
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;
use crate::scan::units::{
    Script, Sep, digit_at, incomplete_suffix, is_numeral_at, prev_char_start, sep_at, unit_before, utf8_len,
};

/// What a trigger word announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// `护照`, `passport`.
    Passport,
    /// `通行证`, `permit`: any travel permit, told apart by its letter.
    Permit,
    /// `回乡证`: the permit of Hong Kong and Macao residents.
    HomeReturn,
    /// `双程证`: the Exit-Entry permit.
    TwoWay,
    /// `台胞证`: the permit of Taiwan residents.
    Compatriot,
    /// `身份證` (traditional characters, as Hong Kong and Macao residents
    /// write it): a Hong Kong, Taiwan or Macao ID.
    IdCard,
    /// `居民身份证`: a Hong Kong or Macao ID when `香港` or `澳门` precedes
    /// it (`香港永久性居民身份证`); the mainland ID otherwise, left to the
    /// number scan.
    ResidentCard,
    /// `香港身份证`, `HKID`: a Hong Kong ID.
    HkCard,
    /// `澳门身份证`: a Macao ID.
    MacaoCard,
    /// `台湾身份证`, `身分證` (the Taiwanese spelling): a Taiwan ID.
    TaiwanCard,
    /// `军官证`, `士兵证`: an officer ID.
    Officer,
    /// `(`: the check character of a bracketed Hong Kong ID.
    Bracket,
}

/// The trigger words and what each announces.
const WORDS: [(&str, Word); 26] = [
    ("护照", Word::Passport),
    ("護照", Word::Passport),
    ("passport", Word::Passport),
    ("通行证", Word::Permit),
    ("通行證", Word::Permit),
    ("permit", Word::Permit),
    ("回乡证", Word::HomeReturn),
    ("回鄉證", Word::HomeReturn),
    ("双程证", Word::TwoWay),
    ("台胞证", Word::Compatriot),
    ("台胞證", Word::Compatriot),
    ("身份證", Word::IdCard),
    ("居民身份证", Word::ResidentCard),
    ("香港身份证", Word::HkCard),
    ("HKID", Word::HkCard),
    ("澳门身份证", Word::MacaoCard),
    ("台湾身份证", Word::TaiwanCard),
    ("身分證", Word::TaiwanCard),
    ("军官证", Word::Officer),
    ("士兵证", Word::Officer),
    ("士官证", Word::Officer),
    ("文职干部证", Word::Officer),
    ("文职人员证", Word::Officer),
    ("武警警官证", Word::Officer),
    ("(", Word::Bracket),
    ("（", Word::Bracket),
];

/// Words or characters next to every match of this family.
pub(crate) const TRIGGERS: &[&str] = &{
    let mut out = [""; WORDS.len()];
    let mut i = 0;
    while i < WORDS.len() {
        out[i] = WORDS[i].0;
        i += 1;
    }
    out
};

/// Most characters between a word and the value after it.
const MAX_GAP_CHARS: usize = 12;

/// Most bytes between a word and the value after it, so that every value
/// ends well inside the [`AHEAD`] window.
const MAX_GAP_BYTES: usize = 48;

/// Most characters between a value and the word after it.
const MAX_BACK_GAP_CHARS: usize = 6;

/// Most bytes of a value read back from the word after it: 12 full-width
/// characters (`ＸＤ４７４２８４（８）`).
const MAX_BACK_VALUE: usize = 36;

/// Most digits read in a value.
const MAX_DIGITS: usize = 12;

/// Bytes before a word searched for the region it belongs to (`澳门` in
/// `澳门特别行政区永久性居民身份证`).
const REGION_REACH: usize = 48;

/// The match next to trigger `t`, if any.
pub(crate) fn check(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    let word = WORDS[t.index].1;
    let lo = cx.floor.max(t.start.saturating_sub(MAX_BACK));
    let limit = cx.hay.len().min(t.end + AHEAD);
    if word == Word::Bracket {
        return bracketed_hkid(cx, t, lo, limit);
    }
    let r = Reader { hay: cx.hay, lo, limit, cx, word_start: t.start };
    if let Some(found) = r.before(word, t.start) {
        return Some(found);
    }
    let at = skip_gap(cx.hay, t.end, limit.min(t.end + MAX_GAP_BYTES))?;
    r.value_at(word, at)
}

/// Reads values for one trigger: bytes `lo..limit` of the haystack.
struct Reader<'a, 'h> {
    hay: &'h [u8],
    lo: usize,
    limit: usize,
    cx: &'a Cx<'h>,
    word_start: usize,
}

/// Which region a word's surroundings name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Region {
    hong_kong: bool,
    macao: bool,
    /// `台湾` (a Taiwan resident's document), not `往来台湾` (a mainland
    /// resident's).
    taiwan: bool,
}

impl Reader<'_, '_> {
    fn wants(&self, kind: Kind) -> bool {
        self.cx.kinds.contains(kind)
    }

    fn region(&self) -> Region {
        region_before(self.hay, self.lo, self.word_start)
    }

    /// The value starting at `at` that `word` announces.
    fn value_at(&self, word: Word, at: usize) -> Option<Found> {
        if word == Word::Officer
            && let Some(found) = self.officer_serial(at)
        {
            return Some(found);
        }
        if !left_edge_ok(self.hay, at, self.lo) {
            return None;
        }
        let v = read_value(self.hay, at, self.limit)?;
        self.classify(word, &v, None)
    }

    /// The compact value right before the word at `word_start`, with at most
    /// a few words such as `是我的` between (`C12345678是我的通行证`).
    fn before(&self, word: Word, word_start: usize) -> Option<Found> {
        if word == Word::Officer {
            return None;
        }
        let hay = self.hay;
        let mut end = word_start;
        for _ in 0..MAX_BACK_GAP_CHARS {
            match prev_char_start(hay, end, self.lo) {
                Some(c) if is_back_filler(hay, c, end) => end = c,
                _ => break,
            }
        }
        let mut start = compact_run_start(hay, end, self.lo)?;
        while let Some(open) = open_bracket(hay, start).filter(|&o| start + o < end) {
            start += open;
        }
        if start == end
            || !left_edge_ok(hay, start, self.lo)
            || digits_before(hay, start, self.lo)
            || business_before(hay, start, self.lo)
        {
            return None;
        }
        let v = read_value(hay, start, end)?;
        self.classify(word, &v, Some(end))
    }

    /// The first kind `word` announces that the value has the shape of;
    /// with `want_end`, the value must end exactly there.
    fn classify(&self, word: Word, v: &Value, want_end: Option<usize>) -> Option<Found> {
        let limit = want_end.unwrap_or(self.limit);
        let shapes: &[Shape] = match word {
            Word::Passport => &[Shape::Passport],
            Word::Permit => &[Shape::HkMacaoPermit, Shape::ExitEntryPermit, Shape::TaiwanPermit],
            Word::HomeReturn => &[Shape::HkMacaoPermit],
            Word::TwoWay => &[Shape::ExitEntryPermit],
            Word::Compatriot => &[Shape::TaiwanPermit],
            Word::IdCard => &[Shape::HkId, Shape::TaiwanId, Shape::MacaoId],
            Word::ResidentCard => &[Shape::HkId, Shape::MacaoId],
            Word::HkCard => &[Shape::HkId],
            Word::MacaoCard => &[Shape::MacaoId],
            Word::TaiwanCard => &[Shape::TaiwanId],
            Word::Officer => &[Shape::OfficerDigits],
            Word::Bracket => &[],
        };
        for &shape in shapes {
            let (kind, sub_kind) = shape.kind();
            if !self.wants(kind) {
                continue;
            }
            let allowed = match shape {
                Shape::TaiwanPermit => word == Word::Compatriot || self.region().taiwan,
                Shape::MacaoId => word == Word::MacaoCard || self.region().macao,
                Shape::HkId => word != Word::ResidentCard || self.region().hong_kong,
                _ => true,
            };
            if !allowed {
                continue;
            }
            let Some((end, evidence)) = shape.read(self.hay, v, limit) else { continue };
            if want_end.is_some_and(|w| w != end) || (want_end.is_none() && !right_edge_ok(self.hay, end, limit)) {
                continue;
            }
            return Some(Found { kind, sub_kind, evidence, start: v.start, end, lead: 0 });
        }
        None
    }

    /// An officer ID serial at `at`: `南字第1234567号` (the span ends at the
    /// last digit).
    fn officer_serial(&self, at: usize) -> Option<Found> {
        if !self.wants(Kind::MilitaryId) {
            return None;
        }
        let hay = self.hay;
        let unit = hay.get(at..at + 3)?;
        if !is_cjk(unit) || digit_at(hay, at).is_some() {
            return None;
        }
        let mut i = at + 3;
        if !hay.get(i..self.limit)?.starts_with("字第".as_bytes()) {
            return None;
        }
        i += "字第".len();
        // A serial read out one digit per space may start after a space
        // (`南字第 1 2 3 4 5 6 7 号`).
        if let Some((Sep::Space, len)) = sep_at(hay, i)
            && digit_at(hay, i + len).is_some()
        {
            i += len;
        }
        let mut n = 0;
        let mut script: Option<Script> = None;
        // Digits since the last space: a space only separates single
        // digits, so `南字第1234567 13812345678` still ends at the serial.
        let mut run = 0;
        let mut end = i;
        while i < self.limit && n < 9 {
            if let Some(u) = digit_at(hay, i)
                && script.is_none_or(|s| s.joins(u.script))
                && i + usize::from(u.len) <= self.limit
            {
                script = Some(u.script);
                i += usize::from(u.len);
                run += 1;
            } else if hay[i].is_ascii_alphabetic() && script != Some(Script::Numeral) {
                i += 1;
                run += 1;
            } else if script == Some(Script::Numeral)
                && let Some((Sep::Space, len)) = sep_at(hay, i)
                && is_numeral_at(hay, i + len)
            {
                // Numerals read out one by one: `南字第一 二 三 …`.
                i += len;
                continue;
            } else if let Some(s) = script.filter(|_| run == 1)
                && let Some((Sep::Space, len)) = sep_at(hay, i)
                && digit_at(hay, i + len).is_some_and(|u| s.joins(u.script))
            {
                // Digits read out one by one: `南字第1 2 3 …`.
                i += len;
                run = 0;
                continue;
            } else {
                break;
            }
            n += 1;
            end = i;
        }
        if !(4..=8).contains(&n) || !right_edge_ok(hay, end, self.limit) {
            return None;
        }
        Some(Found {
            kind: Kind::MilitaryId,
            sub_kind: SubKind::MilitaryId,
            evidence: Evidence::Context,
            start: at,
            end,
            lead: 0,
        })
    }
}

/// The shapes of value this family knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Passport,
    HkMacaoPermit,
    ExitEntryPermit,
    TaiwanPermit,
    HkId,
    MacaoId,
    TaiwanId,
    OfficerDigits,
}

impl Shape {
    fn kind(self) -> (Kind, SubKind) {
        match self {
            Shape::Passport => (Kind::Passport, SubKind::Passport),
            Shape::HkMacaoPermit => (Kind::TravelPermit, SubKind::HkMacaoPermit),
            Shape::ExitEntryPermit => (Kind::TravelPermit, SubKind::ExitEntryPermit),
            Shape::TaiwanPermit => (Kind::TravelPermit, SubKind::TaiwanPermit),
            Shape::HkId => (Kind::HkId, SubKind::HkId),
            Shape::MacaoId => (Kind::MacaoId, SubKind::MacaoId),
            Shape::TaiwanId => (Kind::TaiwanId, SubKind::TaiwanId),
            Shape::OfficerDigits => (Kind::MilitaryId, SubKind::MilitaryId),
        }
    }

    /// Where the value ends when it has this shape, and the evidence.
    fn read(self, hay: &[u8], v: &Value, limit: usize) -> Option<(usize, Evidence)> {
        let letters = v.letters();
        let context = |counts: &[usize]| v.end_with(counts).map(|e| (e, Evidence::Context));
        match self {
            Shape::Passport => match letters {
                [b'E' | b'G' | b'K'] => context(&[8]),
                [b'D' | b'S' | b'P'] => context(&[7, 8]),
                [b'E', second] if !matches!(second, b'I' | b'O') => context(&[7]),
                [b'D' | b'S' | b'P', b'E'] | [b'K', b'J'] | [b'M', b'A'] => context(&[7]),
                _ => None,
            },
            Shape::HkMacaoPermit => match letters {
                [b'H' | b'M'] => context(&[8, 10]),
                _ => None,
            },
            Shape::ExitEntryPermit => match letters {
                [b'C'] => context(&[8]),
                [b'C', second] if !matches!(second, b'I' | b'O') => context(&[7]),
                _ => None,
            },
            Shape::TaiwanPermit => match letters {
                [] => context(&[8]),
                _ => None,
            },
            Shape::OfficerDigits => match letters {
                [] => context(&[6, 7, 8]),
                _ => None,
            },
            Shape::HkId => hkid_in_value(hay, v, limit).map(|e| (e, Evidence::Checksum)),
            Shape::TaiwanId => {
                let end = v.end_with(if letters.len() == 1 { &[9] } else { &[8] })?;
                let ok = match letters {
                    [first] => matches!(v.digits[0], 1 | 2 | 8 | 9) && taiwan_ok(*first, &v.digits[..9]),
                    [first, second @ b'A'..=b'D'] => {
                        let mut d = [0u8; 9];
                        d[0] = taiwan_code(*second)? % 10;
                        d[1..].copy_from_slice(&v.digits[..8]);
                        taiwan_ok(*first, &d)
                    }
                    _ => false,
                };
                ok.then_some((end, Evidence::Checksum))
            }
            Shape::MacaoId => {
                if !letters.is_empty() || !matches!(v.digits[0], 1 | 5 | 7) {
                    return None;
                }
                macao_in_value(hay, v, limit).map(|e| (e, Evidence::Context))
            }
        }
    }
}

/// A value as read: up to two letters, then digits in groups.
#[derive(Clone, Copy, Debug, Default)]
struct Value {
    start: usize,
    letters: [u8; 2],
    n_letters: usize,
    digits: [u8; MAX_DIGITS],
    n_digits: usize,
    ends: [GroupEnd; MAX_DIGITS],
    n_ends: usize,
    /// Whether more digits follow the last group read (too many to read),
    /// and how many of them were read in an unfinished group.
    open: bool,
    open_len: usize,
}

/// Where a group of digits ends.
#[derive(Clone, Copy, Debug, Default)]
struct GroupEnd {
    /// Digits read up to here.
    count: usize,
    /// Byte offset.
    at: usize,
    /// Digits in the group.
    len: usize,
    /// Whether a space (not a dash) separates it from a next group.
    spaced: bool,
}

impl Value {
    fn letters(&self) -> &[u8] {
        &self.letters[..self.n_letters]
    }

    /// The end of the longest reading with one of `counts` digits: the end
    /// of the last group, or of an earlier group of two or more digits that
    /// a space separates from a next group of two or more
    /// (`E12345678 13812345678`, not a cut inside digits read out one by
    /// one).
    fn end_with(&self, counts: &[usize]) -> Option<usize> {
        let ends = &self.ends[..self.n_ends];
        (0..ends.len()).rev().find_map(|k| {
            let e = ends[k];
            let next_len = ends.get(k + 1).map_or(self.open_len, |next| next.len);
            let last = k + 1 == ends.len() && !self.open;
            let cut = last || (e.spaced && e.len >= 2 && next_len >= 2);
            (cut && counts.contains(&e.count)).then_some(e.at)
        })
    }

    /// Byte offset where the first `n` digits end, if a group ends there.
    fn group_end(&self, n: usize) -> Option<usize> {
        self.ends[..self.n_ends].iter().find(|e| e.count == n).map(|e| e.at)
    }
}

/// Reads a value at `i`: letters, an optional separator, digit groups
/// separated by single spaces or dashes. `None` when it has three letters
/// or more, or no digit.
fn read_value(hay: &[u8], i: usize, limit: usize) -> Option<Value> {
    let mut v = Value { start: i, ..Value::default() };
    let mut j = i;
    while let Some((l, len)) = letter_at(hay, j).filter(|&(_, len)| j + len <= limit) {
        if v.n_letters == 2 {
            return None;
        }
        v.letters[v.n_letters] = l;
        v.n_letters += 1;
        j += len;
        // Letters read out one by one too (`E A 1 2 3 4 5 6 7`): a space
        // after the first letter, then a second one that digits follow.
        if v.n_letters == 1
            && let Some((Sep::Space, space)) = sep_at(hay, j)
            && let Some((_, second)) = letter_at(hay, j + space)
            && j + space + second < limit
            && starts_digits(hay, j + space + second)
        {
            j += space;
        }
    }
    if v.n_letters > 0
        && let Some((Sep::Space | Sep::Dash, len)) = sep_at(hay, j)
        && j + len < limit
        && digit_at(hay, j + len).is_some()
    {
        j += len;
    }
    let mut script: Option<Script> = None;
    let mut group_start = 0;
    loop {
        let unit =
            digit_at(hay, j).filter(|u| j + usize::from(u.len) <= limit && script.is_none_or(|s| s.joins(u.script)));
        if let Some(u) = unit {
            if v.n_digits == MAX_DIGITS {
                // Too long a group: no reading ends inside it.
                v.open = true;
                v.open_len = v.n_digits - group_start;
                break;
            }
            v.digits[v.n_digits] = u.value;
            v.n_digits += 1;
            script = Some(u.script);
            j += usize::from(u.len);
            continue;
        }
        if v.n_digits == 0 {
            return None;
        }
        let next = sep_at(hay, j)
            .filter(|&(_, len)| j + len < limit)
            .filter(|&(_, len)| digit_at(hay, j + len).is_some_and(|u| script.is_none_or(|s| s.joins(u.script))));
        v.ends[v.n_ends] = GroupEnd {
            count: v.n_digits,
            at: j,
            len: v.n_digits - group_start,
            spaced: matches!(next, Some((Sep::Space, _))),
        };
        v.n_ends += 1;
        group_start = v.n_digits;
        match next {
            Some((Sep::Space | Sep::Dash, len)) if v.n_ends < MAX_DIGITS => j += len,
            Some((Sep::Space | Sep::Dash, _)) => {
                v.open = true;
                break;
            }
            _ => break,
        }
    }
    (v.n_ends > 0).then_some(v)
}

/// Whether digits start at `i`, perhaps after one space or dash.
fn starts_digits(hay: &[u8], i: usize) -> bool {
    let i = match sep_at(hay, i) {
        Some((Sep::Space | Sep::Dash, len)) => i + len,
        _ => i,
    };
    digit_at(hay, i).is_some()
}

/// Where a Hong Kong ID in `v` ends, when its check character holds:
/// `A123456(3)`, `A123456 (3)`, `A1234563`, `Z437626A`.
fn hkid_in_value(hay: &[u8], v: &Value, limit: usize) -> Option<usize> {
    let letters = v.letters();
    if letters.is_empty() || v.n_digits < 6 {
        return None;
    }
    let six: [u8; 6] = v.digits[..6].try_into().ok()?;
    let want = hkid_check(letters, &six);
    let end6 = v.group_end(6);
    if let Some(end6) = end6 {
        // The check character in brackets, or an `A` right after.
        let mut i = end6;
        if let Some((Sep::Space, len)) = sep_at(hay, i) {
            i += len;
        }
        if let Some(open) = open_bracket(hay, i) {
            let c = i + open;
            let (value, len) = check_char_at(hay, c)?;
            let close = close_bracket(hay, c + len)?;
            let end = c + len + close;
            return (value == want && end <= limit).then_some(end);
        }
        if let Some((b'A', len)) = letter_at(hay, end6)
            && end6 + len <= limit
        {
            return (want == 10).then_some(end6 + len);
        }
    }
    // The check digit as the seventh digit.
    let end7 = v.end_with(&[7])?;
    (v.digits[6] == want).then_some(end7)
}

/// Where a Macao ID in `v` ends: `1234567(8)`, `12345678`, `1/234567/8`.
fn macao_in_value(hay: &[u8], v: &Value, limit: usize) -> Option<usize> {
    if let Some(end7) = v.group_end(7) {
        let mut i = end7;
        if let Some((Sep::Space, len)) = sep_at(hay, i) {
            i += len;
        }
        if let Some(open) = open_bracket(hay, i) {
            i += open;
            let u = digit_at(hay, i)?;
            i += usize::from(u.len);
            let end = i + close_bracket(hay, i)?;
            return (end <= limit).then_some(end);
        }
    }
    if v.n_ends == 1
        && v.n_digits == 1
        && hay.get(v.ends[0].at) == Some(&b'/')
        && let Some(rest) = read_value(hay, v.ends[0].at + 1, limit)
        && rest.n_ends == 1
        && rest.n_digits == 6
        && hay.get(rest.ends[0].at) == Some(&b'/')
        && let Some(check) = digit_at(hay, rest.ends[0].at + 1)
    {
        let end = rest.ends[0].at + 1 + usize::from(check.len);
        return (end <= limit && digit_at(hay, end).is_none()).then_some(end);
    }
    v.end_with(&[8])
}

/// A bracketed Hong Kong ID whose bracket is at `t`: `A123456(3)`, read
/// back from the bracket.
fn bracketed_hkid(cx: &Cx<'_>, t: Trigger, lo: usize, limit: usize) -> Option<Found> {
    if !cx.kinds.contains(Kind::HkId) {
        return None;
    }
    let hay = cx.hay;
    // Forward first: a check character and a closing bracket.
    let c = *hay.get(t.end)?;
    let check = match c {
        b'0'..=b'9' => c - b'0',
        b'A' => 10,
        _ => return None,
    };
    let end = t.end + 1 + close_bracket(hay, t.end + 1)?;
    if end > limit || hay.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    // Back: an optional space, six digits, an optional space, one or two
    // letters.
    let mut i = t.start;
    if i > lo && hay[i - 1] == b' ' {
        i -= 1;
    }
    let mut six = [0u8; 6];
    for k in (0..6).rev() {
        if i <= lo || !hay[i - 1].is_ascii_digit() {
            return None;
        }
        i -= 1;
        six[k] = hay[i] - b'0';
    }
    if i > lo && hay[i - 1] == b' ' {
        i -= 1;
    }
    let mut letters = [0u8; 2];
    let mut n = 0;
    while i > lo && hay[i - 1].is_ascii_uppercase() {
        if n == 2 {
            return None;
        }
        i -= 1;
        n += 1;
        letters[2 - n] = hay[i];
    }
    if n == 0 || (i > lo && (hay[i - 1].is_ascii_alphanumeric() || hay[i - 1] == b'_')) || business_before(hay, i, lo) {
        return None;
    }
    (hkid_check(&letters[2 - n..], &six) == check).then_some(Found {
        kind: Kind::HkId,
        sub_kind: SubKind::HkId,
        evidence: Evidence::Checksum,
        start: i,
        end,
        lead: 0,
    })
}

/// The Hong Kong ID check value (`A` = 10) for one or two letters and six
/// digits.
pub(crate) fn hkid_check(letters: &[u8], digits: &[u8; 6]) -> u8 {
    let value = |l: u8| u32::from(l - b'A') + 10;
    let (first, second) = match *letters {
        [a] => (36, value(a)),
        [a, b] => (value(a), value(b)),
        _ => return u8::MAX,
    };
    let mut sum = first * 9 + second * 8;
    for (k, &d) in digits.iter().enumerate() {
        sum += u32::from(d) * (7 - k as u32);
    }
    match sum % 11 {
        0 => 0,
        r => (11 - r) as u8,
    }
}

/// The two-digit code of a Taiwan ID's letter.
fn taiwan_code(letter: u8) -> Option<u8> {
    const CODES: [u8; 26] =
        [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];
    CODES.get(usize::from(letter.checked_sub(b'A')?)).copied()
}

/// Whether a Taiwan ID's letter and nine digits (check digit last) hold.
pub(crate) fn taiwan_ok(letter: u8, digits: &[u8]) -> bool {
    let Some(code) = taiwan_code(letter) else { return false };
    if digits.len() != 9 {
        return false;
    }
    let mut sum = u32::from(code / 10) + u32::from(code % 10) * 9;
    for (k, &d) in digits.iter().enumerate() {
        sum += u32::from(d) * (8u32.saturating_sub(k as u32)).max(1);
    }
    sum % 10 == 0
}

/// An ASCII or full-width Latin letter at `i`: its upper-case ASCII value
/// and byte length.
fn letter_at(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    match hay.get(i..)? {
        [b, ..] if b.is_ascii_alphabetic() => Some((b.to_ascii_uppercase(), 1)),
        [0xEF, 0xBC, c @ 0xA1..=0xBA, ..] => Some((b'A' + (c - 0xA1), 3)),
        [0xEF, 0xBD, c @ 0x81..=0x9A, ..] => Some((b'A' + (c - 0x81), 3)),
        _ => None,
    }
}

/// Whether `hay[i..]` starts with a character that may be part of a
/// compact value: an ASCII or full-width letter or digit, a bracket, or the
/// slash of an older Macao ID (`1/234567/8`).
fn compact_char_len(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b, ..] if b.is_ascii_alphanumeric() || matches!(b, b'(' | b')' | b'/') => Some(1),
        // Full-width digits, letters and brackets.
        [0xEF, 0xBC, 0x88 | 0x89 | 0x90..=0x99 | 0xA1..=0xBA, ..] | [0xEF, 0xBD, 0x81..=0x9A, ..] => Some(3),
        _ => None,
    }
}

/// Where the run of compact-value characters ending at `end` starts; `None`
/// when it is longer than a value.
fn compact_run_start(hay: &[u8], end: usize, lo: usize) -> Option<usize> {
    let mut i = end;
    while let Some(c) = prev_char_start(hay, i, lo) {
        if compact_char_len(hay, c) != Some(i - c) {
            break;
        }
        i = c;
        if end - i > MAX_BACK_VALUE {
            return None;
        }
    }
    Some(i)
}

/// Characters allowed between a compact value and the word after it.
fn is_back_filler(hay: &[u8], c: usize, end: usize) -> bool {
    const FILLERS: [&str; 24] = [
        "是", "为", "為", "这", "這", "就", "我", "的", "您", "你", "他", "她", "新", "旧", "（", "　", "香", "港",
        "澳", "门", "門", "台", "湾", "灣",
    ];
    let ch = &hay[c..end];
    ch == b" " || ch == b"(" || FILLERS.iter().any(|f| f.as_bytes() == ch)
}

/// Whether a business-number label sits right before `start`, with at
/// most a colon and a space between (`订单C12345678`, `型号 A123456(3)`,
/// `订单号： A123456(3)`).
fn business_before(hay: &[u8], start: usize, lo: usize) -> bool {
    const LABELS: [&str; 10] = ["单号", "订单", "运单", "快递", "车次", "航班", "型号", "编码", "货号", "款号"];
    let strip = |b: &'_ [u8], ends: [&str; 2]| -> usize {
        ends.iter().find(|e| b.ends_with(e.as_bytes())).map_or(0, |e| e.len())
    };
    let mut before = &hay[lo.max(start.saturating_sub(15))..start];
    before = &before[..before.len() - strip(before, [" ", "　"])];
    before = &before[..before.len() - strip(before, [":", "："])];
    LABELS.iter().any(|l| before.ends_with(l.as_bytes()))
}

/// Whether a value may start at `i`: the character before it is not a
/// letter, digit or underscore.
fn left_edge_ok(hay: &[u8], i: usize, lo: usize) -> bool {
    let Some(c) = prev_char_start(hay, i, lo) else { return true };
    !(hay[c].is_ascii_alphanumeric() || hay[c] == b'_' || letter_at(hay, c).is_some() || full_width_digit(hay, c))
}

/// Whether digits (any script, numerals included) end right before `i` or
/// one separator before it (`一二三12345678`, `123 12345678`). A value
/// read back from its word never continues a number: the number scan
/// reads such a run as one token, and a stream decides the token before
/// the word arrives.
fn digits_before(hay: &[u8], i: usize, lo: usize) -> bool {
    if unit_before(hay, i, lo).is_some() {
        return true;
    }
    match prev_char_start(hay, i, lo) {
        Some(c) => sep_at(hay, c).is_some_and(|(_, len)| c + len == i) && unit_before(hay, c, lo).is_some(),
        None => false,
    }
}

fn full_width_digit(hay: &[u8], i: usize) -> bool {
    matches!(hay.get(i..), Some([0xEF, 0xBC, 0x90..=0x99, ..]))
}

/// Whether a value may end at `end`: not glued to a letter, digit or
/// underscore, not a train number, amount or metro line (`G1234次`,
/// `12345678元`, `8号线`). `None`-safe near `limit`: a value this close to
/// the end of the window is not decided.
fn right_edge_ok(hay: &[u8], end: usize, limit: usize) -> bool {
    if end == hay.len() {
        return true;
    }
    if limit < hay.len() && end + 6 > limit {
        return false;
    }
    let rest = &hay[end..];
    let b = rest[0];
    if b.is_ascii_alphanumeric()
        || b == b'_'
        || b == b'%'
        || letter_at(hay, end).is_some()
        || full_width_digit(hay, end)
    {
        return false;
    }
    if b == b'.' && rest.get(1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    !["次", "元", "块", "号线", "％", "万"].iter().any(|w| rest.starts_with(w.as_bytes()))
}

fn open_bracket(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b'(', ..] => Some(1),
        [0xEF, 0xBC, 0x88, ..] => Some(3),
        _ => None,
    }
}

fn close_bracket(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b')', ..] => Some(1),
        [0xEF, 0xBC, 0x89, ..] => Some(3),
        _ => None,
    }
}

/// A Hong Kong ID check character at `i`: a digit (any script) or `A`.
fn check_char_at(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    if let Some(u) = digit_at(hay, i) {
        return Some((u.value, usize::from(u.len)));
    }
    match letter_at(hay, i)? {
        (b'A', len) => Some((10, len)),
        _ => None,
    }
}

/// Whether three bytes are one CJK ideograph (U+4E00–U+9FFF).
fn is_cjk(c: &[u8]) -> bool {
    matches!(c, [0xE4..=0xE9, 0x80..=0xBF, 0x80..=0xBF]) && !(c[0] == 0xE4 && c[1] < 0xB8)
}

/// The region named in the few characters before a word, back to the last
/// sentence end.
fn region_before(hay: &[u8], lo: usize, word_start: usize) -> Region {
    let from = lo.max(word_start.saturating_sub(REGION_REACH));
    let mut before = &hay[from..word_start];
    for end in ["。", "！", "？", "；", "\n", "!", "?"] {
        if let Some(p) = find(before, end.as_bytes()) {
            before = &before[p + end.len()..];
        }
    }
    let has = |w: &str| find(before, w.as_bytes()).is_some();
    let has_ci = |w: &str| before.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes()));
    Region {
        hong_kong: has("香港") || has_ci("hong kong"),
        macao: has("澳门") || has("澳門") || has_ci("macao") || has_ci("macau"),
        taiwan: (has("台湾") || has("台灣") || has("台胞") || has_ci("taiwan")) && !has("往来台湾") && !has("赴台"),
    }
}

/// The last occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Where the value after a word starts: past the words, spaces and
/// punctuation that usually sit between (`号码是：`, `number is `), at the
/// first letter, digit or numeral. `None` at a sentence end, a word for a
/// number of another kind, or after [`MAX_GAP_CHARS`] characters.
fn skip_gap(hay: &[u8], from: usize, limit: usize) -> Option<usize> {
    const FILLER_WORDS: [&str; 9] = ["no", "nr", "num", "number", "is", "id", "card", "of", "the"];
    const PUNCTUATION: [&str; 15] =
        ["：", "，", "、", "（", "）", "“", "”", "「", "」", "【", "】", "　", "－", "·", "？"];
    const OTHER_NUMBERS: [&str; 28] = [
        "订单",
        "单号",
        "运单",
        "快递",
        "物流",
        "车次",
        "航班",
        "高铁",
        "列车",
        "火车",
        "动车",
        "手机",
        "电话",
        "卡号",
        "账号",
        "验证码",
        "密码",
        "工号",
        "型号",
        "尾号",
        "訂單",
        "單號",
        "運單",
        "快遞",
        "手機",
        "電話",
        "帳號",
        "型號",
    ];
    let mut i = from;
    let mut chars = 0;
    while i < limit {
        if chars == MAX_GAP_CHARS {
            return None;
        }
        chars += 1;
        let b = hay[i];
        if b.is_ascii_alphabetic() {
            let mut w = i;
            while w < limit && hay[w].is_ascii_alphabetic() {
                w += 1;
            }
            if FILLER_WORDS.iter().any(|f| f.as_bytes().eq_ignore_ascii_case(&hay[i..w])) {
                i = w;
                continue;
            }
            return Some(i);
        }
        if b.is_ascii_digit() || letter_at(hay, i).is_some() || full_width_digit(hay, i) {
            return Some(i);
        }
        if is_numeral_at(hay, i) {
            // Numerals start a value when another follows (`一二三…`,
            // `一 二 三…`); alone they are words (`看一下`, `两本`).
            let mut next = i + 3;
            if let Some((Sep::Space, len)) = sep_at(hay, next) {
                next += len;
            }
            if is_numeral_at(hay, next) {
                return Some(i);
            }
            i += 3;
            continue;
        }
        if matches!(b, b' ' | b'\t' | b':' | b',' | b'.' | b'#' | b'(' | b')' | b'[' | b']' | b'"' | b'=' | b'-' | b'?')
        {
            i += 1;
            continue;
        }
        let len = utf8_len(b)?;
        let ch = hay.get(i..i + len)?;
        if PUNCTUATION.iter().any(|p| p.as_bytes() == ch) {
            i += len;
            continue;
        }
        if len != 3 || !is_cjk(ch) {
            return None;
        }
        let rest = &hay[i..limit];
        if rest.len() >= 9 && &rest[3..9] == "字第".as_bytes() {
            return Some(i);
        }
        if OTHER_NUMBERS.iter().any(|w| rest.starts_with(w.as_bytes())) {
            return None;
        }
        i += len;
    }
    None
}

/// The proper prefixes of this family's triggers, built once per process
/// (by the first redactor that asks for documents, so that its first
/// stream does not pay for it).
pub(crate) fn cut_prefixes() -> &'static CutPrefixes {
    static CUT: OnceLock<CutPrefixes> = OnceLock::new();
    CUT.get_or_init(|| CutPrefixes::new(TRIGGERS))
}

/// Where a match whose trigger has not arrived yet may start in the
/// unfinished tail of `hay` (`hay.len()` when nowhere): a compact value at
/// the end, possibly followed by a few filler characters, that a word may
/// still follow (`C12345678是我的`, or `A123456` before its bracket).
pub(crate) fn tail_hold(hay: &[u8], floor: usize) -> usize {
    let mut end = hay.len() - incomplete_suffix(hay);
    // A word cut off by the end (`是我的护`): what precedes it may be its
    // value.
    if let Some(k) = cut_prefixes().longest_at_end(hay, floor) {
        end = end.min(hay.len() - k);
    }
    if end <= floor {
        return hay.len();
    }
    for _ in 0..MAX_BACK_GAP_CHARS {
        match prev_char_start(hay, end, floor) {
            Some(c) if is_back_filler(hay, c, end) => end = c,
            _ => break,
        }
    }
    match compact_run_start(hay, end, floor) {
        Some(start) if start < end => start,
        _ => hay.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Redactor};

    fn digits<const N: usize>(s: &str) -> [u8; N] {
        let v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        v.try_into().unwrap()
    }

    #[test]
    fn hong_kong_check_characters() {
        // Published examples: A123456(3), E364912(5), CA182361(1),
        // Z437626(A), D288754(2).
        assert_eq!(hkid_check(b"A", &digits("123456")), 3);
        assert_eq!(hkid_check(b"E", &digits("364912")), 5);
        assert_eq!(hkid_check(b"CA", &digits("182361")), 1);
        assert_eq!(hkid_check(b"Z", &digits("437626")), 10);
        assert_eq!(hkid_check(b"D", &digits("288754")), 2);
        // A000000 sums 36*9 + 10*8 = 404 = 11*36 + 8, so its check is 3;
        // A000007 adds 14 (remainder 0: check 0), A000002 adds 4
        // (remainder 1: check A).
        assert_eq!(hkid_check(b"A", &digits("000000")), 3);
        assert_eq!(hkid_check(b"A", &digits("000007")), 0);
        assert_eq!(hkid_check(b"A", &digits("000002")), 10);
    }

    #[test]
    fn taiwan_check_digits() {
        assert!(taiwan_ok(b'A', &digits::<9>("123456789")));
        assert!(!taiwan_ok(b'A', &digits::<9>("123456788")));
        // Worked by hand: B = 11 gives 1 + 9; 2 * 8 = 16; check 4 makes 30.
        assert!(taiwan_ok(b'B', &digits::<9>("200000004")));
        // I = 34 gives 3 + 36; 1 * 8 = 8; check 3 makes 50.
        assert!(taiwan_ok(b'I', &digits::<9>("100000003")));
        assert!(!taiwan_ok(b'I', &digits::<9>("100000004")));
        // Resident certificates: new (second digit 8/9) and old (A–D).
        assert!(taiwan_ok(b'A', &digits::<9>("800000014")));
        assert!(!taiwan_ok(b'A', &digits::<9>("800000015")));
        let mut old = [0u8; 9];
        old[0] = taiwan_code(b'C').unwrap() % 10;
        old[1..].copy_from_slice(&digits::<8>("01234567"));
        assert!(taiwan_ok(b'A', &old), "AC01234567");
        // The irregular letters: I = 34, O = 35, W = 32, Z = 33.
        assert_eq!(taiwan_code(b'I'), Some(34));
        assert_eq!(taiwan_code(b'O'), Some(35));
        assert_eq!(taiwan_code(b'W'), Some(32));
        assert_eq!(taiwan_code(b'Z'), Some(33));
        assert_eq!(taiwan_code(b'J'), Some(18));
    }

    fn found(text: &str) -> Vec<(Kind, &str)> {
        Redactor::new().find_iter(text).map(|m| (m.kind(), &text[m.range()])).collect()
    }

    #[test]
    fn finds_each_kind() {
        assert_eq!(found("护照号码：E12345678"), [(Kind::Passport, "E12345678")]);
        assert_eq!(found("港澳通行证C12345678"), [(Kind::TravelPermit, "C12345678")]);
        assert_eq!(found("回乡证 H12345678"), [(Kind::TravelPermit, "H12345678")]);
        assert_eq!(found("台胞证号12345678"), [(Kind::TravelPermit, "12345678")]);
        assert_eq!(found("A123456(3)"), [(Kind::HkId, "A123456(3)")]);
        assert_eq!(found("澳门身份证1234567(8)"), [(Kind::MacaoId, "1234567(8)")]);
        assert_eq!(found("台湾身份证A123456789"), [(Kind::TaiwanId, "A123456789")]);
        assert_eq!(found("军官证南字第1234567号"), [(Kind::MilitaryId, "南字第1234567")]);
    }

    #[test]
    fn sub_kinds_of_permits() {
        let r = Redactor::new();
        let sub = |text: &str| r.find_iter(text).next().map(|m| m.sub_kind());
        assert_eq!(sub("通行证H1234567801"), Some(SubKind::HkMacaoPermit));
        assert_eq!(sub("通行证CA1234567"), Some(SubKind::ExitEntryPermit));
        assert_eq!(sub("台湾居民来往大陆通行证12345678"), Some(SubKind::TaiwanPermit));
        assert_eq!(sub("通行证12345678"), None, "8 digits need Taiwan");
    }

    #[test]
    fn cuts_only_between_real_groups() {
        assert_eq!(found("护照E12345678 13812345678"), [(Kind::Passport, "E12345678"), (Kind::Phone, "13812345678")]);
        assert_eq!(found("回乡证H12345678 01"), [(Kind::TravelPermit, "H12345678 01")]);
        // Digits read out one by one are one number: no cut inside.
        assert_eq!(found("台胞证 1 3 8 1 2 3 4 5 6 7 8"), [(Kind::Phone, "1 3 8 1 2 3 4 5 6 7 8")]);
        assert_eq!(found("台胞证 1 2 3 4 5 6 7 8"), [(Kind::TravelPermit, "1 2 3 4 5 6 7 8")]);
        // A dash glues a longer run on.
        assert!(found("护照E12345678-1234567890123").is_empty());
        assert_eq!(found("护照E12345678 1234567890123"), [(Kind::Passport, "E12345678")]);
    }

    #[test]
    fn reads_values_back_from_their_word() {
        assert_eq!(found("E12345678是我的护照号"), [(Kind::Passport, "E12345678")]);
        assert_eq!(found("E12345678（护照）"), [(Kind::Passport, "E12345678")]);
        assert_eq!(found("1/234567/8是我的澳门身份证"), [(Kind::MacaoId, "1/234567/8")]);
        // Not the tail of a longer number, not after a business label.
        assert!(found("一二三12345678是我的台胞证").is_empty());
        assert!(found("123 12345678是我的台胞证").is_empty());
        assert!(found("订单C12345678是通行证的").is_empty());
        assert!(found("E12345678，护照").is_empty());
    }

    #[test]
    fn leaves_wrong_check_characters() {
        assert!(found("A123456(4)").is_empty());
        assert!(found("香港身份证A123456(4)").is_empty());
        assert!(found("台湾身份证A123456788").is_empty());
        assert!(found("XA123456(3)").is_empty(), "three letters");
        assert!(found("a123456(3)").is_empty(), "lower case needs a word");
        assert!(found("A123456789").is_empty(), "a Taiwan ID needs a word");
    }

    #[test]
    fn masks_keep_first_one_and_last_two() {
        let r = Redactor::new();
        assert_eq!(r.redact("护照E12345678"), "护照E******78");
        assert_eq!(r.redact("A123456(3)"), "A*****6(3)");
        assert_eq!(r.redact("军官证南字第1234567号"), "军官证南＊＊*****67号");
        assert_eq!(r.redact("护照号ＥＦ１２３４５６７"), "护照号Ｅ＊＊＊＊＊＊６７");
        assert_eq!(r.redact("台胞证号码：12345678"), "台胞证号码：1*****78");
    }

    const VALUES: [&str; 14] = [
        "E12345678",
        "A123456",
        "A123456(3)",
        "C12345678",
        "H1234567801",
        "1234567(8)",
        "A123456789",
        "12345678",
        "一二三四五六七八",
        "Ｅ１２３４５６７８",
        "5/123456/7",
        "南字第1234567",
        "13812345678",
        "1 2 3 4 5 6 7 8",
    ];
    const FILLERS: [&str; 8] = ["", "是我的", "是", " ", "，", "。", "号码是", "号"];
    const WORDS: [&str; 13] = [
        "护照",
        "通行证",
        "台胞证",
        "香港身份证",
        "澳门身份证",
        "身分證",
        "身份證",
        "军官证",
        "居民身份证",
        "澳门",
        "台湾",
        "(3)",
        "（3）",
    ];

    fn phrase() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        (select(&VALUES[..]), select(&FILLERS[..]), select(&WORDS[..]), proptest::bool::ANY)
            .prop_map(|(v, f, w, back)| if back { format!("{v}{f}{w}") } else { format!("{w}{f}{v}") })
    }

    proptest::proptest! {
        /// Values next to this family's words, either way round: no panic,
        /// matches on character boundaries, and a stream cut anywhere gives
        /// the one-shot result.
        #[test]
        fn phrases_stream_like_whole_text(
            parts in proptest::collection::vec(phrase(), 1..4),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let text: String = parts.concat();
            let bytes = text.as_bytes();
            let cut = cut.index(bytes.len() + 1);
            // This family's kinds alone too: other detectors' holds must not
            // hide a missing one here.
            let own: crate::KindSet =
                [Kind::Passport, Kind::TravelPermit, Kind::HkId, Kind::MacaoId, Kind::TaiwanId, Kind::MilitaryId]
                    .into_iter()
                    .collect();
            for r in [Redactor::new(), Redactor::builder().kinds(own).build().unwrap()] {
                for m in r.find_iter(bytes) {
                    proptest::prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
                }
                let mut stream = r.stream();
                let mut out = Vec::new();
                let mut sink = |p: crate::Piece<'_>| -> Result<(), ()> {
                    out.extend_from_slice(p.bytes());
                    Ok(())
                };
                stream.push(&bytes[..cut], &mut sink).unwrap();
                stream.push(&bytes[cut..], &mut sink).unwrap();
                stream.finish(&mut sink).unwrap();
                let want = r.redact_bytes(bytes).into_owned();
                proptest::prop_assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(&want),
                    "cut at {}",
                    cut
                );
            }
        }
    }

    #[test]
    fn holds_a_tail_that_may_become_a_match() {
        let hold = |s: &str| tail_hold(s.as_bytes(), 0);
        let s = "号码A123456";
        assert_eq!(hold(s), s.find('A').unwrap());
        let s = "C12345678是我的";
        assert_eq!(hold(s), 0);
        let s = "您好，请问有什么可以帮您";
        assert_eq!(hold(s), s.len(), "plain text is never held");
        let s = "是我的";
        assert_eq!(hold(s), s.len(), "fillers alone are not held");
        let long = "A".repeat(40);
        assert_eq!(hold(&long), long.len());
    }
}
