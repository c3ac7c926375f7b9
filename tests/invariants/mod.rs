//! Invariants that hold for every input and every configuration, and the
//! fuzz cases that exercise them.
//!
//! Shared by `tests/adversarial.rs`, `tests/fuzz_regressions.rs` and the
//! fuzz targets in `fuzz/` (which include this file by path), so that a
//! fuzz finding replays under `cargo test` through exactly the checks that
//! found it. Every check panics with a message naming the broken rule.
//!
//! The rules are those the crate documents:
//!
//! * matches are sorted, non-overlapping, inside the input, on character
//!   boundaries, and never contain invalid UTF-8;
//! * every byte outside a match is copied unchanged; a tag replaces the
//!   whole match, removal deletes it, and the masking policies keep the
//!   byte length, replacing a masked character by `*` or `＊` of the same
//!   length;
//! * which units a mask keeps: the first `head` and last `tail` digits
//!   (`Policy::Partial`), the conventional counts per number, none under
//!   `Policy::Full` but a `86`/`0086` country code, and for addresses every
//!   character but separators;
//! * a match whose action is `Report` or `Allow` (an allowed value, a
//!   report-only kind, evidence under the kind's mask threshold) keeps its
//!   bytes; a `Hash` token is `[NAME:` and 16 hex digits and `]`, a `Fake`
//!   keeps the length, the layout and every character that is not a digit,
//!   and both are the same for the same value;
//! * `redact`, `redact_bytes`, `redact_into` and `redact_in_place` agree;
//! * a stream gives the one-shot output and matches for any chunking, each
//!   `end_message` giving the output of redacting each message on its own,
//!   and holds back at most `MAX_HOLDBACK` bytes;
//! * the C functions honour their size contracts and agree with the Rust
//!   API, the GB18030 ones included (with the `gb18030` feature).

#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::CString;
use std::fmt::Write as _;

use tuomin::ffi::{
    tuomin_builder, tuomin_builder_add_allow_value, tuomin_builder_add_rule, tuomin_builder_build, tuomin_builder_free,
    tuomin_builder_new, tuomin_builder_set_action, tuomin_builder_set_context_window, tuomin_builder_set_hash_key,
    tuomin_builder_set_kinds, tuomin_builder_set_mask_threshold, tuomin_builder_set_policy, tuomin_builder_set_preset,
    tuomin_kind_name, tuomin_match, tuomin_redact, tuomin_redact_in_place, tuomin_redactor, tuomin_redactor_free,
    tuomin_redactor_new_default, tuomin_result, tuomin_result_message, tuomin_rule, tuomin_rule_add, tuomin_rule_free,
    tuomin_rule_new, tuomin_rule_part, tuomin_scan, tuomin_stream, tuomin_stream_end_message, tuomin_stream_feed,
    tuomin_stream_free, tuomin_stream_max_output_len, tuomin_stream_new,
};
use tuomin::{
    Action, Builder, Date, Error, Evidence, Kind, KindSet, MAX_ADDRESS_CHARS, MAX_CONTEXT_WINDOW, MAX_HOLDBACK,
    MAX_TAG_LEN, Match, Piece, Policy, Preset, Redactor, Rule, Status, SubKind,
};

/// The date the checks treat as today (birth dates in ID numbers must not
/// be later), so that a case gives the same result whenever it runs.
pub fn test_date() -> Date {
    Date::new(2026, 11, 29).expect("a valid date")
}

// ---------------------------------------------------------------------------
// Configuration

/// A redactor configuration, as a fuzz case chooses it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    /// The kinds to look for (may be empty; by default those a
    /// `Redactor::new()` looks for).
    pub kinds: KindSet,
    /// A preset, or the builder's default.
    pub preset: Option<Preset>,
    /// Per-kind policies overriding the preset, in `Kind::ALL` order.
    pub policies: [Option<Policy>; Kind::ALL.len()],
    /// A context window, or the default. May exceed the maximum.
    pub window: Option<usize>,
    /// Per-kind actions (`Builder::action`), in `Kind::ALL` order.
    pub actions: [Option<Action>; Kind::ALL.len()],
    /// Per-kind mask thresholds (`Builder::mask_threshold`).
    pub thresholds: [Option<Evidence>; Kind::ALL.len()],
    /// Allowed values (`Builder::allow_value`), from [`ALLOW_VALUES`].
    pub allow: Vec<String>,
    /// Whether [`HASH_KEY`] is set (`Builder::hash_key`).
    pub hash_key: bool,
    /// Rules added, by index into [`RULES`].
    pub rules: Vec<usize>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            kinds: KindSet::DEFAULT,
            preset: None,
            policies: Default::default(),
            window: None,
            actions: Default::default(),
            thresholds: Default::default(),
            allow: Vec::new(),
            hash_key: false,
            rules: Vec::new(),
        }
    }
}

/// Values a configuration may allow: a bank hotline, a mobile number (the
/// made-up one the tests use), an ID number, an email address, a 400
/// number written with separators.
pub const ALLOW_VALUES: [&str; 5] = ["95588", "13812345678", "11010519491231002X", "kefu@example.com", "400-820-8820"];

/// The key for `Policy::Hash` and `Policy::Fake` (a test key; real ones are
/// random secrets).
pub const HASH_KEY: &[u8] = b"tuomin-fuzz-test-key-0123456789";

/// A fixed custom rule: a name and a pattern, or a literal.
pub struct FixedRule {
    pub name: &'static str,
    pub pattern: Option<&'static str>,
    pub literal: Option<&'static str>,
}

/// Rules a configuration may add: a member ID pattern, and a literal that
/// is also a bank hotline (a rule's match wins over a built-in one that
/// starts at the same offset).
pub const RULES: [FixedRule; 2] = [
    FixedRule { name: "member_id", pattern: Some("M[0-9]{8}"), literal: None },
    FixedRule { name: "hotline", pattern: None, literal: Some("95588") },
];

impl FixedRule {
    pub fn rule(&self) -> Rule {
        let mut r = Rule::new(self.name);
        if let Some(p) = self.pattern {
            r = r.pattern(p);
        }
        if let Some(l) = self.literal {
            r = r.literal(l);
        }
        r
    }
}

/// The text form of actions and evidence (`action`/`threshold` lines).
fn action_name(a: Action) -> &'static str {
    match a {
        Action::Mask => "mask",
        Action::Report => "report",
        _ => "allow",
    }
}

fn evidence_name(e: Evidence) -> &'static str {
    match e {
        Evidence::Context => "context",
        Evidence::Pattern => "pattern",
        _ => "checksum",
    }
}

impl Config {
    /// The builder this configuration describes.
    pub fn builder(&self) -> Builder {
        let mut b = Redactor::builder().kinds(self.kinds);
        if let Some(p) = self.preset {
            b = b.preset(p);
        }
        for k in Kind::ALL {
            if let Some(p) = &self.policies[k.index_of()] {
                b = b.policy(k, p.clone());
            }
        }
        if let Some(w) = self.window {
            b = b.context_window(w);
        }
        for k in Kind::ALL {
            if let Some(a) = self.actions[k.index_of()] {
                b = b.action(k, a);
            }
            if let Some(e) = self.thresholds[k.index_of()] {
                b = b.mask_threshold(k, e);
            }
        }
        for v in &self.allow {
            b = b.allow_value(v.as_str());
        }
        if self.hash_key {
            b = b.hash_key(HASH_KEY);
        }
        for &i in &self.rules {
            b = b.rule(RULES[i].rule());
        }
        b
    }

    /// The error building must report, if any: an oversized window first,
    /// then the first kind whose tag is too long, then (without a key) the
    /// first kind looked for whose policy is `Hash` or `Fake`.
    pub fn expected_error(&self) -> Option<Error> {
        if let Some(w) = self.window.filter(|&w| w > MAX_CONTEXT_WINDOW) {
            return Some(Error::ContextWindowTooLarge { chars: w, max: MAX_CONTEXT_WINDOW });
        }
        let tag = Kind::ALL.into_iter().find_map(|k| match self.effective_policy(k) {
            Policy::Tag(t) if t.len() > MAX_TAG_LEN => {
                Some(Error::TagTooLong { kind: k, len: t.len(), max: MAX_TAG_LEN })
            }
            _ => None,
        });
        if tag.is_some() || self.hash_key {
            return tag;
        }
        let keyed = |k: Kind| matches!(self.effective_policy(k), Policy::Hash | Policy::Fake);
        // `Kind::Custom` is looked for only with rules (below).
        if let Some(kind) = self.kinds.without(Kind::Custom).iter().find(|&k| keyed(k)) {
            return Some(Error::HashKeyMissing { kind });
        }
        // Rules use the policy of `Kind::Custom` (or, under a tag preset,
        // their own tag), whichever kinds are looked for.
        if !self.rules.is_empty() && keyed(Kind::Custom) {
            return Some(Error::HashKeyMissing { kind: Kind::Custom });
        }
        None
    }

    /// The policy a redactor built from this configuration applies to `kind`.
    pub fn effective_policy(&self, kind: Kind) -> Policy {
        self.policies[kind.index_of()].clone().unwrap_or_else(|| self.preset.unwrap_or_default().policy(kind))
    }

    /// Builds the redactor with `date` as today; `None` when the
    /// configuration is invalid, after checking that building reports
    /// exactly the expected error.
    pub fn build(&self, date: Date) -> Option<Redactor> {
        let built = self.builder().reference_date(date).build();
        match (built, self.expected_error()) {
            (Ok(r), None) => {
                // `Kind::Custom` is looked for exactly when there are rules.
                let kinds = if self.rules.is_empty() {
                    self.kinds.without(Kind::Custom)
                } else {
                    self.kinds.with(Kind::Custom)
                };
                assert_eq!(r.kinds(), kinds, "redactor kinds");
                for k in Kind::ALL {
                    assert_eq!(r.policy(k), &self.effective_policy(k), "policy for {k}");
                }
                Some(r)
            }
            (Err(got), Some(want)) => {
                assert_eq!(got, want, "build error");
                None
            }
            (Ok(_), Some(want)) => panic!("building {self:?} succeeded; expected {want:?}"),
            (Err(got), None) => panic!("building {self:?} failed: {got:?}"),
        }
    }
}

/// `Kind::ALL` position of a kind.
trait KindIndex {
    fn index_of(self) -> usize;
}

impl KindIndex for Kind {
    fn index_of(self) -> usize {
        Kind::ALL.iter().position(|&k| k == self).expect("every kind is in Kind::ALL")
    }
}

// ---------------------------------------------------------------------------
// One-shot redaction

/// Runs every one-shot entry point on `input` and checks them against each
/// other and against the documented rules. Returns the matches.
pub fn check_redact(r: &Redactor, input: &[u8]) -> Vec<Match> {
    let matches: Vec<Match> = r.find_iter(input).collect();
    check_matches(r, input, &matches);

    let out = r.redact_bytes(input);
    assert_eq!(matches.is_empty(), matches!(out, Cow::Borrowed(_)), "borrowed exactly when nothing was found");
    check_output(r, input, &matches, &out);

    if let Ok(text) = std::str::from_utf8(input) {
        let str_matches: Vec<Match> = r.find_iter(text).collect();
        assert_eq!(str_matches, matches, "find_iter on &str and on &[u8]");
        assert_eq!(r.redact(text).as_bytes(), &out[..], "redact and redact_bytes");
    }

    let mut into = b"prefix".to_vec();
    assert_eq!(r.redact_into(input, &mut into), matches.len(), "redact_into count");
    assert_eq!(&into[6..], &out[..], "redact_into appends the redacted text");

    let mut buf = input.to_vec();
    match r.redact_in_place(&mut buf) {
        Ok(n) => {
            assert!(r.is_length_preserving(), "in place with a length-changing policy");
            assert_eq!(n, matches.len(), "redact_in_place count");
            assert_eq!(buf, &out[..], "in place equals copy");
        }
        Err(Error::NotLengthPreserving { kind }) => {
            let first = r.kinds().iter().find(|&k| !r.policy(k).is_length_preserving());
            assert_eq!(Some(kind), first, "the kind named by NotLengthPreserving");
            assert_eq!(buf, input, "a refused in-place redaction leaves the buffer alone");
        }
        Err(e) => panic!("redact_in_place: {e:?}"),
    }
    matches
}

/// Matches are sorted, non-overlapping, non-empty, inside the input, of an
/// enabled kind, on character boundaries, and valid UTF-8.
pub fn check_matches(r: &Redactor, input: &[u8], matches: &[Match]) {
    let utf8 = std::str::from_utf8(input).ok();
    let mut last = 0;
    for m in matches {
        assert!(m.start() >= last, "matches overlap or are out of order: {matches:?}");
        assert!(m.start() < m.end() && m.end() <= input.len(), "{m:?} outside the input of {} bytes", input.len());
        assert_eq!(m.len(), m.end() - m.start());
        assert!(r.kinds().contains(m.kind()), "{m:?} of a kind not asked for");
        let expected_kind = match m.sub_kind() {
            SubKind::Mobile | SubKind::Landline | SubKind::Service => Some(Kind::Phone),
            SubKind::Id18 | SubKind::Id15 => Some(Kind::IdCard),
            SubKind::Card => Some(Kind::BankCard),
            SubKind::Address => Some(Kind::Address),
            _ => None,
        };
        if let Some(kind) = expected_kind {
            assert_eq!(m.kind(), kind, "{m:?}: sub-kind of another kind");
        }
        let text = std::str::from_utf8(&input[m.range()]);
        assert!(text.is_ok(), "{m:?} contains invalid UTF-8");
        if m.kind() == Kind::Address {
            let chars = text.map_or(0, |t| t.chars().count());
            assert!(chars <= MAX_ADDRESS_CHARS, "{m:?}: an address of {chars} characters");
        }
        if let Some(s) = utf8 {
            assert!(s.is_char_boundary(m.start()) && s.is_char_boundary(m.end()), "{m:?} not on char boundaries");
        }
        last = m.end();
    }
}

/// What a keyed replacement (`Hash`, `Fake`) depends on: kind, sub-kind,
/// rule and the matched bytes.
type KeyedValue<'a> = (Kind, SubKind, Option<usize>, &'a [u8]);

/// Walks the output along the matches: the bytes between matches are the
/// input's, each match is replaced as its policy says.
pub fn check_output(r: &Redactor, input: &[u8], matches: &[Match], out: &[u8]) {
    let mut o = 0;
    let mut last = 0;
    // Keyed replacements seen so far, by kind, sub-kind (a fake mobile
    // number and a fake landline differ), rule and matched bytes: the same
    // value must get the same token or fake.
    let mut keyed: HashMap<KeyedValue<'_>, &[u8]> = HashMap::new();
    for m in matches {
        let gap = &input[last..m.start()];
        assert!(out.len() >= o + gap.len(), "output too short");
        assert!(out[o..o + gap.len()] == *gap, "bytes {}..{} outside every match changed", last, m.start());
        o += gap.len();
        let span = &input[m.range()];
        let policy = r.policy_for(m);
        if m.action() != Action::Mask {
            assert!(out.get(o..o + span.len()) == Some(span), "{m:?} is {:?} but was changed", m.action());
            o += span.len();
            last = m.end();
            continue;
        }
        let repl_len = match policy {
            Policy::Tag(t) => t.len(),
            Policy::Remove => 0,
            // A token ends at the first `]` (names and hex digits have none).
            Policy::Hash => out[o..].iter().position(|&b| b == b']').map_or(out.len() - o, |p| p + 1),
            _ => span.len(),
        };
        assert!(out.len() >= o + repl_len, "output too short for the replacement of {m:?}");
        let repl = &out[o..o + repl_len];
        match policy {
            Policy::Tag(t) => assert_eq!(repl, t.as_bytes(), "tag of {m:?}"),
            Policy::Remove => {}
            Policy::Hash => check_token(m, repl),
            Policy::Fake => check_fake(m, span, repl),
            p => check_mask(p, m, span, repl),
        }
        if matches!(policy, Policy::Hash | Policy::Fake) {
            let first = *keyed.entry((m.kind(), m.sub_kind(), m.rule(), span)).or_insert(repl);
            assert_eq!(first, repl, "{m:?}: the same value got another {policy:?} replacement");
        }
        o += repl_len;
        last = m.end();
    }
    assert!(out[o..] == input[last..], "bytes after the last match changed");
    if r.is_length_preserving() {
        assert_eq!(out.len(), input.len(), "a length-preserving redaction changed the length");
    }
    if std::str::from_utf8(input).is_ok() {
        assert!(std::str::from_utf8(out).is_ok(), "UTF-8 in, not UTF-8 out");
    }
}

/// A `Policy::Hash` token: `[`, a name of capitals, digits and `_`, `:`,
/// 16 lower-case hex digits, `]`.
fn check_token(m: &Match, token: &[u8]) {
    let show = || format!("{m:?}: token {:?}", String::from_utf8_lossy(token));
    let inner = token.strip_prefix(b"[").and_then(|t| t.strip_suffix(b"]"));
    let (name, hex) =
        inner.and_then(|t| t.split_at_checked(t.len().checked_sub(17)?)).unwrap_or_else(|| panic!("{}", show()));
    assert!(!name.is_empty(), "{}: no name", show());
    assert!(name.iter().all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'), "{}: name", show());
    assert!(hex[0] == b':' && hex[1..].iter().all(|&b| matches!(b, b'0'..=b'9' | b'a'..=b'f')), "{}: hex", show());
}

/// A `Policy::Fake` replacement: numbers keep their length and layout (each
/// character is kept, or is a digit replaced by a digit of the same byte
/// length); other kinds are masked as by `Policy::Full`.
fn check_fake(m: &Match, span: &[u8], repl: &[u8]) {
    if !matches!(m.kind(), Kind::Phone | Kind::IdCard | Kind::BankCard) {
        return check_mask(&Policy::Full, m, span, repl);
    }
    assert_eq!(repl.len(), span.len(), "a fake changed the length of {m:?}");
    let show = || format!("{m:?} {:?} faked as {:?}", String::from_utf8_lossy(span), String::from_utf8_lossy(repl));
    for (i, len) in chars(span) {
        let (a, b) = (&span[i..i + len], &repl[i..i + len]);
        if a == b {
            continue;
        }
        let unit = |s: &[u8]| std::str::from_utf8(s).ok().and_then(|t| t.chars().next()).and_then(unit_value);
        assert!(unit(a).is_some(), "{}: {:?}, not a digit, was changed", show(), String::from_utf8_lossy(a));
        assert!(unit(b).is_some(), "{}: a digit became {:?}", show(), String::from_utf8_lossy(b));
    }
}

/// The mask of a character `len` bytes long.
fn mask_of(len: usize) -> &'static [u8] {
    match len {
        1 => b"*",
        2 => b"**",
        3 => "＊".as_bytes(),
        _ => "＊*".as_bytes(),
    }
}

/// The characters of a (valid UTF-8) span: (offset, length).
fn chars(span: &[u8]) -> Vec<(usize, usize)> {
    let s = std::str::from_utf8(span).expect("matches are UTF-8");
    s.char_indices().map(|(i, c)| (i, c.len_utf8())).collect()
}

/// The digit a unit character stands for (10 for the check character X):
/// ASCII and full-width digits, the Chinese numerals read digit by digit,
/// and `X`, `x`, `Ｘ`, `ｘ`, `叉`.
pub fn unit_value(c: char) -> Option<u8> {
    Some(match c {
        '0'..='9' => c as u8 - b'0',
        '０'..='９' => (c as u32 - '０' as u32) as u8,
        '零' | '〇' | '洞' => 0,
        '一' | '幺' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' | '拐' => 7,
        '八' => 8,
        '九' => 9,
        'X' | 'x' | 'Ｘ' | 'ｘ' | '叉' => 10,
        _ => return None,
    })
}

/// Characters an address mask leaves in place.
fn is_address_separator(c: char) -> bool {
    matches!(c, ' ' | ',' | '，' | '、' | '\u{3000}')
}

/// Whether a character of the output is kept, masked, or (when the input
/// character already looks like its own mask) either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    Kept,
    Masked,
    Either,
}

impl Seen {
    fn fits(self, kept: bool) -> bool {
        self == Seen::Either || (self == Seen::Kept) == kept
    }
}

/// Checks a length-preserving replacement: each character is either kept
/// or replaced by a mask of its length, and the kept ones are those the
/// policy keeps.
fn check_mask(policy: &Policy, m: &Match, span: &[u8], repl: &[u8]) {
    assert_eq!(repl.len(), span.len(), "a mask changed the length of {m:?}");
    let show = || format!("{m:?} {:?} masked as {:?}", String::from_utf8_lossy(span), String::from_utf8_lossy(repl));
    // (char, seen) for every character of the span.
    let mut seen = Vec::new();
    for (i, len) in chars(span) {
        let (a, b) = (&span[i..i + len], &repl[i..i + len]);
        let mask = mask_of(len);
        let s = if a == mask {
            assert!(b == a, "{}: a character that looks like a mask was changed", show());
            Seen::Either
        } else if a == b {
            Seen::Kept
        } else if b == mask {
            Seen::Masked
        } else {
            panic!("{}: a character was replaced by something other than its mask", show())
        };
        let c = std::str::from_utf8(a).expect("one character").chars().next().expect("one character");
        seen.push((c, s));
    }
    match m.kind() {
        Kind::Address => check_address_mask(policy, &seen, &show),
        Kind::Phone | Kind::IdCard | Kind::BankCard => check_number_mask(policy, m, &seen, &show),
        // Other kinds: each character kept or masked, as checked above.
        _ => {}
    }
}

fn check_address_mask(policy: &Policy, seen: &[(char, Seen)], show: &dyn Fn() -> String) {
    let mut body = Vec::new();
    for &(c, s) in seen {
        if is_address_separator(c) {
            assert!(s.fits(true), "{}: a separator was masked", show());
        } else {
            body.push(s);
        }
    }
    let n = body.len();
    let fits = |head: usize, tail: usize| body.iter().enumerate().all(|(k, s)| s.fits(k < head || k + tail >= n));
    let ok = match policy {
        Policy::Full => fits(0, 0),
        Policy::Partial { head, tail } => {
            let (h, t) = (usize::from(*head), usize::from(*tail));
            if h + t < n { fits(h, t) } else { fits(0, 0) }
        }
        // The division names at the start stay (how many is the
        // detector's call); everything after them is masked, and something
        // is, since an address needs a detail below the district.
        Policy::Conventional => (0..n).any(|p| fits(p, 0)) && body.iter().any(|s| s.fits(false)),
        _ => unreachable!("not a mask"),
    };
    assert!(ok, "{}: the wrong characters were kept under {policy:?}", show());
}

fn check_number_mask(policy: &Policy, m: &Match, seen: &[(char, Seen)], show: &dyn Fn() -> String) {
    let mut units = Vec::new();
    for &(c, s) in seen {
        match unit_value(c) {
            Some(v) => units.push((v, s)),
            None => assert!(s.fits(true), "{}: {c:?}, not a digit, was masked", show()),
        }
    }
    let n = units.len();
    assert!(n > 0, "{}: a number without digits", show());
    let values: Vec<u8> = units.iter().map(|&(v, _)| v).collect();
    // A country code (`+86`, `0086`) leading a phone number stays visible
    // under every mask; the counts below apply to the number after it.
    let mut country = vec![0];
    if m.kind() == Kind::Phone {
        if values.starts_with(&[8, 6]) {
            country.push(2);
        }
        if values.starts_with(&[0, 0, 8, 6]) {
            country.push(4);
        }
    }
    let ok = country.iter().any(|&c| {
        let body = &values[c..];
        let (h, t) = match policy {
            Policy::Full => (0, 0),
            Policy::Partial { head, tail } => (usize::from(*head), usize::from(*tail)),
            Policy::Conventional => match m.sub_kind() {
                SubKind::Mobile | SubKind::Service => (3, 4),
                SubKind::Landline if body.len() >= 2 => (area_code_len(body[0], body[1]), 2),
                SubKind::Id18 | SubKind::Id15 => (1, 2),
                SubKind::Card => (6, 4),
                _ => (0, 0),
            },
            _ => unreachable!("not a mask"),
        };
        let (h, t) = if h + t >= body.len() { (0, 0) } else { (h, t) };
        units.iter().enumerate().all(|(k, &(_, s))| s.fits(k < c + h || k + t >= n))
    });
    assert!(ok, "{}: the wrong digits were kept under {policy:?}", show());
}

/// Length of a landline area code from its first two digits: the trunk
/// `0` if written, then two digits for `10` and `2x`, three otherwise.
fn area_code_len(first: u8, second: u8) -> usize {
    let (trunk, lead) = if first == 0 { (1, second) } else { (0, first) };
    trunk + if lead == 1 || lead == 2 { 2 } else { 3 }
}

// ---------------------------------------------------------------------------
// Streaming

/// How a text is cut into chunks.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Chunking {
    /// Chunks of this many bytes (0 counts as 1).
    Fixed(usize),
    /// Cuts at these offsets (taken modulo the length plus one, sorted;
    /// repeats give empty chunks).
    Cuts(Vec<usize>),
    /// Chunks of these sizes in turn (0 gives an empty chunk).
    Sizes(Vec<usize>),
}

impl Chunking {
    /// The chunks of a text of `len` bytes, as ranges covering it in order.
    pub fn ranges(&self, len: usize) -> Vec<(usize, usize)> {
        let mut ends = Vec::new();
        match self {
            Chunking::Fixed(n) => {
                let n = (*n).max(1);
                let mut at = 0;
                while at < len {
                    at = (at + n).min(len);
                    ends.push(at);
                }
            }
            Chunking::Cuts(cuts) => {
                ends.extend(cuts.iter().map(|c| c % (len + 1)));
                ends.sort_unstable();
            }
            Chunking::Sizes(sizes) => {
                if sizes.iter().any(|&s| s > 0) {
                    let mut at = 0;
                    for &s in sizes.iter().cycle() {
                        if at >= len {
                            break;
                        }
                        at = (at + s).min(len);
                        ends.push(at);
                    }
                }
            }
        }
        if ends.last() != Some(&len) {
            ends.push(len);
        }
        let mut start = 0;
        ends.into_iter()
            .map(|e| {
                let r = (start, e);
                start = e;
                r
            })
            .collect()
    }
}

/// How a text is fed to a stream: its chunks, after which chunks the
/// message ends, and the output buffer sizes `feed` gets in turn.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Feeding {
    pub chunking: Chunking,
    /// Bit `i % 32` set: `end_message` after chunk `i`.
    pub ends: u32,
    /// Output buffer sizes, used in turn; 0 first makes a call with no room
    /// (which must not lose anything), then one with a single byte.
    pub caps: Vec<usize>,
}

impl Default for Feeding {
    fn default() -> Feeding {
        Feeding { chunking: Chunking::Fixed(1), ends: 0, caps: vec![1] }
    }
}

impl Feeding {
    /// The chunks, each with whether a message ends after it.
    pub fn plan(&self, len: usize) -> Vec<(usize, usize, bool)> {
        self.chunking
            .ranges(len)
            .into_iter()
            .enumerate()
            .map(|(i, (s, e))| (s, e, self.ends >> (i % 32) & 1 == 1))
            .collect()
    }

    fn caps(&self) -> impl Iterator<Item = usize> + '_ {
        let caps: &[usize] = if self.caps.is_empty() { &[1] } else { &self.caps };
        caps.iter().copied().cycle()
    }
}

/// A match as streams and the one-shot API both report it.
pub type Found = (Kind, SubKind, tuomin::Evidence, Action, u64, u64);

/// What redacting each message on its own gives: the output and the
/// matches, with offsets from the start of the whole text.
pub fn expected_by_message(r: &Redactor, input: &[u8], plan: &[(usize, usize, bool)]) -> (Vec<u8>, Vec<Found>) {
    let mut bounds: Vec<usize> = plan.iter().filter(|c| c.2).map(|c| c.1).collect();
    bounds.push(input.len());
    let mut out = Vec::new();
    let mut found = Vec::new();
    let mut start = 0;
    for end in bounds {
        let msg = &input[start..end];
        out.extend_from_slice(&r.redact_bytes(msg));
        for m in r.find_iter(msg) {
            found.push((
                m.kind(),
                m.sub_kind(),
                m.evidence(),
                m.action(),
                (start + m.start()) as u64,
                (start + m.end()) as u64,
            ));
        }
        start = end;
    }
    (out, found)
}

/// Feeds `input` to streams of `r` through `push`, `feed` (with the given
/// output buffer sizes and with buffers sized by `max_output_len`) and
/// `RedactWriter`, and checks each against redacting every message on its
/// own.
pub fn check_stream(r: &Redactor, input: &[u8], feeding: &Feeding) {
    let plan = feeding.plan(input.len());
    let (want, want_found) = expected_by_message(r, input, &plan);
    let show = || format!("{:?} fed as {feeding:?}", String::from_utf8_lossy(input));

    // push / end_message / finish, collecting pieces.
    let mut stream = r.stream();
    let mut out = Vec::new();
    let mut found = Vec::new();
    // Input bytes the pieces so far stand for: pieces tile the input.
    let mut covered = 0usize;
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        match &p {
            Piece::Clean(bytes) => {
                let at = covered..covered + bytes.len();
                assert!(input.get(at) == Some(bytes), "a clean piece is not the input at {covered}");
                covered += bytes.len();
            }
            Piece::Redacted { found: m, original, replacement } => {
                let range = m.start() as usize..m.end() as usize;
                assert_eq!(range.start, covered, "a match does not start where the previous piece ended");
                assert!(input.get(range.clone()) == Some(original), "a match's original bytes are not the input's");
                assert_eq!(p.bytes(), *replacement);
                found.push((m.kind(), m.sub_kind(), m.evidence(), m.action(), m.start(), m.end()));
                covered = range.end;
            }
        }
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    for &(s, e, end) in &plan {
        stream.push(&input[s..e], &mut sink).expect("the sink never fails");
        assert!(stream.held_back() <= MAX_HOLDBACK, "held back {} bytes: {}", stream.held_back(), show());
        assert_eq!(stream.position() + stream.held_back() as u64, e as u64, "position plus held back is what was read");
        if end {
            stream.end_message(&mut sink).expect("the sink never fails");
            assert_eq!(stream.held_back(), 0, "end_message releases everything");
        }
    }
    stream.finish(&mut sink).expect("the sink never fails");
    assert_eq!(stream.held_back(), 0);
    assert_eq!(stream.position(), input.len() as u64);
    assert!(
        out == want,
        "push output differs from one-shot: {}\n got  {:?}\n want {:?}",
        show(),
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&want)
    );
    assert_eq!(found, want_found, "push matches differ from one-shot: {}", show());

    // feed with the chosen buffer sizes.
    let mut stream = r.stream();
    let mut caps = feeding.caps();
    let mut out = Vec::new();
    let mut dst = Vec::new();
    let mut call = |stream: &mut tuomin::Stream, src: &[u8], last: bool, out: &mut Vec<u8>| {
        let mut src = src;
        loop {
            let mut cap = caps.next().expect("cycled");
            if cap == 0 {
                let (status, read, written) = stream.feed(src, &mut [], last);
                assert_eq!(written, 0, "feed wrote into no room");
                assert!(read <= src.len());
                src = &src[read..];
                if status == Status::InputEmpty && src.is_empty() {
                    assert!(!last || stream.held_back() == 0);
                    return;
                }
                cap = 1;
            }
            dst.resize(cap, 0);
            let (status, read, written) = stream.feed(src, &mut dst, last);
            assert!(read <= src.len() && written <= cap, "feed read or wrote too much");
            assert!(read > 0 || written > 0 || status == Status::InputEmpty, "feed made no progress with room");
            out.extend_from_slice(&dst[..written]);
            src = &src[read..];
            if status == Status::InputEmpty {
                assert!(src.is_empty(), "InputEmpty with input left");
                return;
            }
        }
    };
    for &(s, e, end) in &plan {
        call(&mut stream, &input[s..e], false, &mut out);
        if end {
            call(&mut stream, &[], true, &mut out);
        }
    }
    call(&mut stream, &[], true, &mut out);
    assert!(out == want, "feed output differs from one-shot: {}\n got  {:?}", show(), String::from_utf8_lossy(&out));

    // feed with max_output_len-sized buffers: one call per chunk.
    let mut stream = r.stream();
    let mut out = Vec::new();
    let whole = |stream: &mut tuomin::Stream, src: &[u8], last: bool, out: &mut Vec<u8>| {
        let bound = stream.max_output_len(src.len()).expect("small inputs have a bound");
        let mut dst = vec![0; bound];
        let (status, read, written) = stream.feed(src, &mut dst, last);
        assert_eq!((status, read), (Status::InputEmpty, src.len()), "a max_output_len buffer was not enough");
        out.extend_from_slice(&dst[..written]);
    };
    for &(s, e, end) in &plan {
        whole(&mut stream, &input[s..e], false, &mut out);
        if end {
            whole(&mut stream, &[], true, &mut out);
        }
    }
    whole(&mut stream, &[], true, &mut out);
    assert!(out == want, "bounded feed output differs from one-shot: {}", show());

    // The writer adapter has no message boundaries.
    if feeding.ends == 0 {
        use std::io::Write;
        let mut w = tuomin::RedactWriter::new(r, Vec::new());
        for &(s, e, _) in &plan {
            w.write_all(&input[s..e]).expect("writing to a Vec");
            assert!(w.held_back() <= MAX_HOLDBACK);
        }
        assert!(w.finish().expect("writing to a Vec") == want, "RedactWriter output differs: {}", show());
    }
}

// ---------------------------------------------------------------------------
// C ABI

/// An output buffer size for a C call, relative to what the call needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cap {
    /// `(NULL, 0)`: ask for the size only.
    Null,
    /// Exactly the size needed.
    Exact,
    /// This many fewer (at least zero).
    Less(usize),
    /// This many more.
    More(usize),
    /// This size, whatever is needed.
    Fixed(usize),
}

impl Cap {
    fn resolve(self, needed: usize) -> Option<usize> {
        match self {
            Cap::Null => None,
            Cap::Exact => Some(needed),
            Cap::Less(k) => Some(needed.saturating_sub(k)),
            Cap::More(k) => Some(needed + k),
            Cap::Fixed(n) => Some(n),
        }
    }
}

/// What a fuzz case of the C ABI does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FfiPlan {
    /// Make the redactor with `tuomin_redactor_new_default` (the
    /// configuration is then ignored).
    pub default_ctor: bool,
    /// `dst` size for `tuomin_redact`.
    pub redact_cap: Cap,
    /// `matches` size for `tuomin_scan`.
    pub scan_cap: Cap,
    /// Chunks, message ends and `dst` sizes for `tuomin_stream_feed`.
    pub feeding: Feeding,
    /// A result code to describe with `tuomin_result_message`.
    pub code: u32,
}

/// The C spelling of a policy (`tuomin_builder_set_policy`).
pub fn policy_spec(p: &Policy) -> String {
    match p {
        Policy::Conventional => "conventional".into(),
        Policy::Full => "full".into(),
        Policy::Partial { head, tail } => format!("keep:{head}:{tail}"),
        Policy::Tag(t) => format!("tag:{t}"),
        Policy::Remove => "remove".into(),
        Policy::Hash => "hash".into(),
        Policy::Fake => "fake".into(),
        other => panic!("no C spelling for {other:?}"),
    }
}

/// The C code of a kind: the `TUOMIN_KIND_*` value `tuomin_kind_name`
/// names after it.
/// The C value of an evidence, as the header numbers them.
fn evidence_code(e: tuomin::Evidence) -> u32 {
    use tuomin::ffi::tuomin_evidence;
    match e {
        tuomin::Evidence::Context => tuomin_evidence::Context as u32,
        tuomin::Evidence::Pattern => tuomin_evidence::Pattern as u32,
        _ => tuomin_evidence::Checksum as u32,
    }
}

/// The C value of an action, as the header numbers them.
fn action_code(a: tuomin::Action) -> u32 {
    use tuomin::ffi::tuomin_action;
    match a {
        tuomin::Action::Mask => tuomin_action::Mask as u32,
        tuomin::Action::Report => tuomin_action::Report as u32,
        _ => tuomin_action::Allow as u32,
    }
}

fn kind_code(k: Kind) -> u32 {
    (0..256)
        .find(|&code| {
            let name = tuomin_kind_name(code);
            // SAFETY: a non-NULL result is a static NUL-terminated string.
            !name.is_null() && unsafe { std::ffi::CStr::from_ptr(name) }.to_bytes() == k.name().as_bytes()
        })
        .unwrap_or_else(|| panic!("no C code for {k:?}"))
}

fn c_string(s: &str) -> CString {
    CString::new(s).expect("no NUL in names and specs")
}

/// Makes a C redactor as `config` says, checking every setter's result;
/// returns it with the configuration the C library ended up with (setters
/// that must fail leave the builder as it was).
fn c_redactor(config: &Config, default_ctor: bool) -> (*mut tuomin_redactor, Config) {
    let mut r: *mut tuomin_redactor = core::ptr::null_mut();
    if default_ctor {
        // SAFETY: `r` is a valid place for the new handle.
        assert_eq!(unsafe { tuomin_redactor_new_default(&mut r) }, tuomin_result::Ok);
        return (r, Config::default());
    }
    let mut effective = Config::default();
    let mut b: *mut tuomin_builder = core::ptr::null_mut();
    // SAFETY: `b` is a valid place for the new handle.
    assert_eq!(unsafe { tuomin_builder_new(&mut b) }, tuomin_result::Ok);
    let names: Vec<&str> = config.kinds.iter().map(Kind::name).collect();
    let list = c_string(&names.join(","));
    // SAFETY: `b` is a live builder used only here; `list` is a C string.
    let res = unsafe { tuomin_builder_set_kinds(b, list.as_ptr()) };
    if config.kinds.is_empty() {
        assert_eq!(res, tuomin_result::InvalidParameter, "an empty kind list");
    } else {
        assert_eq!(res, tuomin_result::Ok, "set_kinds {names:?}");
        effective.kinds = config.kinds;
    }
    if let Some(p) = config.preset {
        let name = c_string(p.name());
        // SAFETY: as above.
        assert_eq!(unsafe { tuomin_builder_set_preset(b, name.as_ptr()) }, tuomin_result::Ok);
        effective.preset = Some(p);
    }
    for k in Kind::ALL {
        if let Some(p) = &config.policies[k.index_of()] {
            let spec = c_string(&policy_spec(p));
            // SAFETY: as above.
            let res = unsafe { tuomin_builder_set_policy(b, kind_code(k), spec.as_ptr()) };
            if matches!(p, Policy::Tag(t) if t.len() > MAX_TAG_LEN) {
                assert_eq!(res, tuomin_result::InvalidParameter, "an oversized tag");
            } else {
                assert_eq!(res, tuomin_result::Ok, "set_policy {spec:?}");
                effective.policies[k.index_of()] = Some(p.clone());
            }
        }
    }
    if let Some(w) = config.window {
        // SAFETY: as above.
        let res = unsafe { tuomin_builder_set_context_window(b, w) };
        if w > MAX_CONTEXT_WINDOW {
            assert_eq!(res, tuomin_result::InvalidParameter, "an oversized window");
        } else {
            assert_eq!(res, tuomin_result::Ok);
            effective.window = Some(w);
        }
    }
    for k in Kind::ALL {
        if let Some(a) = config.actions[k.index_of()] {
            // SAFETY: as above.
            assert_eq!(unsafe { tuomin_builder_set_action(b, kind_code(k), action_code(a)) }, tuomin_result::Ok);
            effective.actions[k.index_of()] = Some(a);
        }
        if let Some(e) = config.thresholds[k.index_of()] {
            // SAFETY: as above.
            let res = unsafe { tuomin_builder_set_mask_threshold(b, kind_code(k), evidence_code(e)) };
            assert_eq!(res, tuomin_result::Ok);
            effective.thresholds[k.index_of()] = Some(e);
        }
    }
    for v in &config.allow {
        let value = c_string(v);
        // SAFETY: as above.
        assert_eq!(unsafe { tuomin_builder_add_allow_value(b, value.as_ptr()) }, tuomin_result::Ok);
        effective.allow.push(v.clone());
    }
    if config.hash_key {
        // SAFETY: `b` is live; the key is readable for its length.
        assert_eq!(unsafe { tuomin_builder_set_hash_key(b, HASH_KEY.as_ptr(), HASH_KEY.len()) }, tuomin_result::Ok);
        effective.hash_key = true;
    }
    for &i in &config.rules {
        let fixed = &RULES[i];
        let mut rule: *mut tuomin_rule = core::ptr::null_mut();
        let name = c_string(fixed.name);
        // SAFETY: `name` is a C string; `rule` a valid place for the handle.
        assert_eq!(unsafe { tuomin_rule_new(name.as_ptr(), &mut rule) }, tuomin_result::Ok);
        for (part, value) in [(tuomin_rule_part::Pattern, fixed.pattern), (tuomin_rule_part::Literal, fixed.literal)] {
            if let Some(v) = value {
                let v = c_string(v);
                // SAFETY: `rule` is live and used only here; `v` a C string.
                assert_eq!(unsafe { tuomin_rule_add(rule, part as u32, v.as_ptr()) }, tuomin_result::Ok);
            }
        }
        // SAFETY: `b` and `rule` are live; no error buffer.
        let res = unsafe { tuomin_builder_add_rule(b, rule, core::ptr::null_mut(), 0) };
        assert_eq!(res, tuomin_result::Ok, "rule {}", fixed.name);
        effective.rules.push(i);
        // SAFETY: `rule` is live and not used again.
        unsafe { tuomin_rule_free(rule) };
    }
    // SAFETY: `b` is live; `r` is a valid place for the new handle.
    let res = unsafe { tuomin_builder_build(b, &mut r) };
    if effective.expected_error().is_some() {
        // A keyed policy without a key (the one build error the setters
        // above cannot catch).
        assert_eq!(res, tuomin_result::InvalidParameter, "building {effective:?}");
        // SAFETY: `b` is live and not used again.
        unsafe { tuomin_builder_free(b) };
        return (core::ptr::null_mut(), effective);
    }
    assert_eq!(res, tuomin_result::Ok, "building {effective:?}");
    // SAFETY: `b` is live and not used again.
    unsafe { tuomin_builder_free(b) };
    (r, effective)
}

/// A byte that no output contains where the check looks for it.
const SENTINEL: u8 = 0xA5;

/// Drives the C ABI on `input` and checks it against the Rust API built
/// from the same configuration.
pub fn check_ffi(config: &Config, plan: &FfiPlan, input: &[u8]) {
    let (r, effective) = c_redactor(config, plan.default_ctor);
    // The C API has no reference date: both sides use today.
    let Some(rust) = effective.build(Date::today()) else {
        assert!(r.is_null(), "the C builder accepted {effective:?}, which the Rust builder refuses");
        return;
    };
    let want = rust.redact_bytes(input).into_owned();
    let want_matches: Vec<Match> = rust.find_iter(input).collect();

    check_c_redact(r, input, plan.redact_cap, &want);
    check_c_scan(r, input, plan.scan_cap, &want_matches);

    // In place.
    let mut buf = input.to_vec();
    // SAFETY: `r` is live; `buf` is valid for `buf.len()` bytes.
    let res = unsafe { tuomin_redact_in_place(r, buf.as_mut_ptr(), buf.len()) };
    if rust.is_length_preserving() {
        assert_eq!(res, tuomin_result::Ok);
        assert_eq!(buf, want, "tuomin_redact_in_place differs from the Rust API");
    } else {
        assert_eq!(res, tuomin_result::NotLengthPreserving);
        assert_eq!(buf, input, "a refused in-place redaction changed the buffer");
    }

    // Streams.
    let items = plan.feeding.plan(input.len());
    let (want_stream, _) = expected_by_message(&rust, input, &items);
    check_c_stream(r, input, &plan.feeding, &items, &want_stream);
    #[cfg(feature = "gb18030")]
    check_c_gb18030(r, &rust, input, plan.redact_cap, &plan.feeding);

    // NULL arguments are rejected, not followed.
    let mut len = 0usize;
    let mut byte = [0u8; 1];
    // SAFETY: every non-NULL pointer is valid; NULL ones must be rejected
    // before use.
    unsafe {
        assert_eq!(
            tuomin_redact(core::ptr::null(), input.as_ptr(), input.len(), core::ptr::null_mut(), 0, &mut len),
            tuomin_result::NullParameter
        );
        assert_eq!(
            tuomin_redact(r, core::ptr::null(), 1, byte.as_mut_ptr(), 1, &mut len),
            tuomin_result::NullParameter
        );
        assert_eq!(
            tuomin_redact(r, input.as_ptr(), input.len(), core::ptr::null_mut(), 1, &mut len),
            tuomin_result::NullParameter
        );
        assert_eq!(
            tuomin_redact(r, input.as_ptr(), input.len(), byte.as_mut_ptr(), 1, core::ptr::null_mut()),
            tuomin_result::NullParameter
        );
        assert_eq!(tuomin_redact_in_place(r, core::ptr::null_mut(), 1), tuomin_result::NullParameter);
    }

    // Static strings never fail.
    assert!(!tuomin_result_message(plan.code).is_null());
    for k in Kind::ALL {
        assert!(!tuomin_kind_name(kind_code(k)).is_null());
    }
    assert_eq!(tuomin_kind_name(plan.code).is_null(), Kind::ALL.iter().all(|&k| kind_code(k) != plan.code));

    // SAFETY: `r` is live, used by no stream call any more, and not used
    // again; freeing NULL does nothing.
    unsafe {
        tuomin_redactor_free(r);
        tuomin_redactor_free(core::ptr::null_mut());
    }
}

fn check_c_redact(r: *const tuomin_redactor, input: &[u8], cap: Cap, want: &[u8]) {
    let mut dst = vec![SENTINEL; cap.resolve(want.len()).unwrap_or(0)];
    let dst_ptr = if cap == Cap::Null { core::ptr::null_mut() } else { dst.as_mut_ptr() };
    let mut out_len = usize::MAX;
    // SAFETY: `r` is live; `input` is readable; `dst_ptr` is NULL with
    // length 0 or valid for `dst.len()` bytes; `out_len` is writable.
    let res = unsafe { tuomin_redact(r, input.as_ptr(), input.len(), dst_ptr, dst.len(), &mut out_len) };
    assert_eq!(out_len, want.len(), "tuomin_redact reports the size needed ({res:?})");
    if want.len() <= dst.len() {
        assert_eq!(res, tuomin_result::Ok, "a {} byte dst for {} bytes", dst.len(), want.len());
        assert!(dst[..want.len()] == *want, "tuomin_redact differs from the Rust API");
        assert!(dst[want.len()..].iter().all(|&b| b == SENTINEL), "tuomin_redact wrote past its output");
    } else {
        assert_eq!(res, tuomin_result::InsufficientSize, "a {} byte dst for {} bytes", dst.len(), want.len());
        assert!(dst.iter().all(|&b| b == SENTINEL), "INSUFFICIENT_SIZE but dst was written");
        // Retry with the size reported.
        let mut dst = vec![SENTINEL; out_len];
        let mut len2 = 0;
        // SAFETY: as above, with `dst` valid for `out_len` bytes.
        let res = unsafe { tuomin_redact(r, input.as_ptr(), input.len(), dst.as_mut_ptr(), dst.len(), &mut len2) };
        assert_eq!((res, len2), (tuomin_result::Ok, want.len()), "retry with the size reported");
        assert!(dst == want, "tuomin_redact differs from the Rust API");
    }
    if !input.is_empty() {
        // `dst` overlapping `src` is refused before anything is written.
        let mut buf = input.to_vec();
        let p = buf.as_mut_ptr();
        // SAFETY: `p` is valid for `buf.len()` bytes for reading and writing;
        // the library must refuse the overlap before forming a mutable view.
        let res = unsafe { tuomin_redact(r, p, buf.len(), p, buf.len(), &mut out_len) };
        assert_eq!(res, tuomin_result::InvalidParameter, "overlapping src and dst");
        assert_eq!(buf, input);
    }
}

/// `tuomin_redact_gb18030` and a `tuomin_gb18030_stream` fed in chunks
/// agree with `Redactor::redact_gb18030`, for valid GB18030 and for bytes
/// that are not.
#[cfg(feature = "gb18030")]
fn check_c_gb18030(r: *const tuomin_redactor, rust: &Redactor, input: &[u8], cap: Cap, feeding: &Feeding) {
    use tuomin::EncodingError;
    use tuomin::ffi::{
        tuomin_gb18030_stream, tuomin_gb18030_stream_feed, tuomin_gb18030_stream_free, tuomin_gb18030_stream_new,
        tuomin_redact_gb18030,
    };
    let want = rust.redact_gb18030(input);
    let mut dst = vec![SENTINEL; cap.resolve(want.as_ref().map_or(0, Vec::len)).unwrap_or(0)];
    let dst_ptr = if cap == Cap::Null { core::ptr::null_mut() } else { dst.as_mut_ptr() };
    let mut out_len = usize::MAX;
    // SAFETY: `r` is live; `input` is readable; `dst_ptr` is NULL with
    // length 0 or valid for `dst.len()` bytes; `out_len` is writable.
    let res = unsafe { tuomin_redact_gb18030(r, input.as_ptr(), input.len(), dst_ptr, dst.len(), &mut out_len) };
    match &want {
        Ok(w) if w.len() <= dst.len() => {
            assert_eq!((res, out_len), (tuomin_result::Ok, w.len()), "tuomin_redact_gb18030");
            assert!(dst[..w.len()] == **w, "tuomin_redact_gb18030 differs from the Rust API");
            assert!(dst[w.len()..].iter().all(|&b| b == SENTINEL), "tuomin_redact_gb18030 wrote past its output");
        }
        Ok(w) => {
            assert_eq!((res, out_len), (tuomin_result::InsufficientSize, w.len()), "tuomin_redact_gb18030 size");
            assert!(dst.iter().all(|&b| b == SENTINEL), "INSUFFICIENT_SIZE but dst was written");
        }
        Err(EncodingError::Malformed { offset, .. } | EncodingError::Truncated { offset }) => {
            assert_eq!((res, out_len as u64), (tuomin_result::InvalidEncoding, *offset), "bad GB18030");
            assert!(dst.iter().all(|&b| b == SENTINEL), "INVALID_ENCODING but dst was written");
        }
        Err(e) => assert_eq!(res, tuomin_result::InvalidParameter, "{e}"),
    }

    let mut s: *mut tuomin_gb18030_stream = core::ptr::null_mut();
    // SAFETY: `r` is live; `s` is a valid place for the new handle.
    assert_eq!(unsafe { tuomin_gb18030_stream_new(r, &mut s) }, tuomin_result::Ok);
    let mut chunks = feeding.chunking.ranges(input.len());
    if chunks.is_empty() {
        chunks.push((0, 0));
    }
    // Buffers of at least one byte, which always make progress.
    let mut caps = feeding.caps.iter().map(|&c| c.max(1)).chain([64]).cycle();
    let mut out = Vec::new();
    let mut failed = None;
    'chunks: for (i, &(a, b)) in chunks.iter().enumerate() {
        let last = i + 1 == chunks.len();
        let mut src = &input[a..b];
        loop {
            let mut dst = vec![SENTINEL; caps.next().unwrap_or(64)];
            let (mut read, mut written) = (usize::MAX, usize::MAX);
            // SAFETY: `s` is live and used only here; `src` is readable;
            // `dst` is writable for its length; the outputs are writable.
            let res = unsafe {
                tuomin_gb18030_stream_feed(
                    s,
                    src.as_ptr(),
                    src.len(),
                    last,
                    dst.as_mut_ptr(),
                    dst.len(),
                    &mut read,
                    &mut written,
                )
            };
            match res {
                tuomin_result::Ok => {
                    assert_eq!(read, src.len(), "OK reads all of src");
                    out.extend_from_slice(&dst[..written]);
                    break;
                }
                tuomin_result::OutputFull => {
                    assert_eq!(written, dst.len(), "OUTPUT_FULL with room left");
                    out.extend_from_slice(&dst);
                    src = &src[read..];
                }
                other => {
                    if other == tuomin_result::InvalidEncoding {
                        out.extend_from_slice(&dst[..written]);
                    }
                    failed = Some(other);
                    break 'chunks;
                }
            }
        }
    }
    match &want {
        Ok(w) => {
            assert_eq!(failed, None, "the GB18030 stream failed on input one-shot redaction accepts");
            assert!(out == *w, "the GB18030 stream differs from one-shot redaction");
            let (mut read, mut written) = (0, 0);
            // SAFETY: as above, with an empty input and output.
            let res = unsafe {
                tuomin_gb18030_stream_feed(
                    s,
                    core::ptr::null(),
                    0,
                    true,
                    core::ptr::null_mut(),
                    0,
                    &mut read,
                    &mut written,
                )
            };
            assert_eq!(res, tuomin_result::AlreadyFinished);
        }
        Err(EncodingError::Malformed { .. } | EncodingError::Truncated { .. }) => {
            assert_eq!(failed, Some(tuomin_result::InvalidEncoding), "the GB18030 stream took bad input");
        }
        Err(_) => assert_eq!(failed, Some(tuomin_result::InvalidParameter)),
    }
    // SAFETY: `s` is live and not used again.
    unsafe { tuomin_gb18030_stream_free(s) };
}

fn check_c_scan(r: *const tuomin_redactor, input: &[u8], cap: Cap, want: &[Match]) {
    let blank = tuomin_match { kind: u32::MAX, rule: 0, start: usize::MAX, end: usize::MAX, evidence: 0, action: 0 };
    let mut slots = vec![blank; cap.resolve(want.len()).unwrap_or(0)];
    let ptr = if cap == Cap::Null { core::ptr::null_mut() } else { slots.as_mut_ptr() };
    let mut count = usize::MAX;
    // SAFETY: `r` is live; `input` is readable; `ptr` is NULL with length 0
    // or valid for `slots.len()` elements; `count` is writable.
    let res = unsafe { tuomin_scan(r, input.as_ptr(), input.len(), ptr, slots.len(), &mut count) };
    assert_eq!(count, want.len(), "tuomin_scan counts every match");
    let expected = if want.len() <= slots.len() { tuomin_result::Ok } else { tuomin_result::InsufficientSize };
    assert_eq!(res, expected, "{} slots for {} matches", slots.len(), want.len());
    for (i, slot) in slots.iter().enumerate() {
        match want.get(i) {
            Some(m) => assert_eq!(
                *slot,
                tuomin_match {
                    kind: kind_code(m.kind()),
                    rule: m.rule().map_or(u32::MAX, |i| i as u32),
                    start: m.start(),
                    end: m.end(),
                    evidence: evidence_code(m.evidence()),
                    action: action_code(m.action()),
                }
            ),
            None => assert_eq!(*slot, blank, "tuomin_scan wrote past the matches"),
        }
    }
}

/// Feeds `input` through a C stream twice, once with the plan's `dst`
/// sizes and once with `tuomin_stream_max_output_len`-sized buffers.
fn check_c_stream(
    r: *const tuomin_redactor,
    input: &[u8],
    feeding: &Feeding,
    items: &[(usize, usize, bool)],
    want: &[u8],
) {
    for bounded in [false, true] {
        let mut s: *mut tuomin_stream = core::ptr::null_mut();
        // SAFETY: `r` is live; `s` is a valid place for the new handle.
        assert_eq!(unsafe { tuomin_stream_new(r, &mut s) }, tuomin_result::Ok);
        let mut c = CStream { s, bounded, caps: Box::new(feeding.caps()), out: Vec::new() };
        for &(a, b, end) in items {
            c.feed(&input[a..b], false);
            if end {
                c.end_message();
            }
        }
        c.feed(&[], true);
        assert!(
            c.out == want,
            "C stream output differs (bounded: {bounded})\n got  {:?}\n want {:?}",
            String::from_utf8_lossy(&c.out),
            String::from_utf8_lossy(want)
        );
        let (mut read, mut written) = (0, 0);
        let mut byte = [0u8; 1];
        // SAFETY: `s` is live; the buffers and outputs are valid; `s` is not
        // used after it is freed.
        unsafe {
            let res = tuomin_stream_feed(s, b"1".as_ptr(), 1, true, byte.as_mut_ptr(), 1, &mut read, &mut written);
            assert_eq!(res, tuomin_result::AlreadyFinished);
            let res = tuomin_stream_end_message(s, byte.as_mut_ptr(), 1, &mut written);
            assert_eq!(res, tuomin_result::AlreadyFinished);
            tuomin_stream_free(s);
            tuomin_stream_free(core::ptr::null_mut());
        }
    }
}

/// A C stream being fed, and what it wrote.
struct CStream<'a> {
    s: *mut tuomin_stream,
    /// Size every `dst` with `tuomin_stream_max_output_len`, and expect each
    /// call to finish in one go.
    bounded: bool,
    caps: Box<dyn Iterator<Item = usize> + 'a>,
    out: Vec<u8>,
}

impl CStream<'_> {
    /// The `dst` sizes for the next call: with a 0 from the plan, a call
    /// with no room first, then one with a byte.
    fn caps(&mut self, src_len: usize) -> Vec<usize> {
        if self.bounded {
            let mut bound = 0;
            // SAFETY: `s` is live and used only here; `bound` is writable.
            assert_eq!(unsafe { tuomin_stream_max_output_len(self.s, src_len, &mut bound) }, tuomin_result::Ok);
            return vec![bound];
        }
        match self.caps.next().expect("cycled") {
            0 => vec![0, 1],
            n => vec![n],
        }
    }

    /// `tuomin_stream_feed` until all of `src` is read (and, with `last`,
    /// everything written).
    fn feed(&mut self, mut src: &[u8], last: bool) {
        loop {
            for cap in self.caps(src.len()) {
                let mut dst = vec![SENTINEL; cap];
                let dst_ptr = if cap == 0 { core::ptr::null_mut() } else { dst.as_mut_ptr() };
                let src_ptr = if src.is_empty() { core::ptr::null() } else { src.as_ptr() };
                let (mut read, mut written) = (usize::MAX, usize::MAX);
                // SAFETY: `s` is live and used only here; `src_ptr` is NULL
                // with length 0 or readable for `src.len()` bytes; `dst_ptr`
                // is NULL with length 0 or writable for `cap` bytes; the
                // outputs are writable.
                let res = unsafe {
                    tuomin_stream_feed(self.s, src_ptr, src.len(), last, dst_ptr, cap, &mut read, &mut written)
                };
                assert!(read <= src.len() && written <= cap, "feed read or wrote too much ({res:?})");
                assert!(dst[written..].iter().all(|&b| b == SENTINEL), "feed wrote past what it reported");
                self.out.extend_from_slice(&dst[..written]);
                src = &src[read..];
                match res {
                    tuomin_result::Ok => {
                        assert!(src.is_empty(), "OK with input left");
                        return;
                    }
                    tuomin_result::OutputFull => {
                        assert!(!self.bounded, "a max_output_len buffer was not enough");
                        assert!(cap == 0 || read > 0 || written > 0, "no progress with room");
                    }
                    other => panic!("tuomin_stream_feed: {other:?}"),
                }
            }
        }
    }

    /// `tuomin_stream_end_message` until everything is written.
    fn end_message(&mut self) {
        loop {
            for cap in self.caps(0) {
                let mut dst = vec![SENTINEL; cap];
                let dst_ptr = if cap == 0 { core::ptr::null_mut() } else { dst.as_mut_ptr() };
                let mut written = usize::MAX;
                // SAFETY: `s` is live and used only here; `dst_ptr` is NULL
                // with length 0 or writable for `cap` bytes.
                let res = unsafe { tuomin_stream_end_message(self.s, dst_ptr, cap, &mut written) };
                assert!(written <= cap, "end_message wrote too much ({res:?})");
                self.out.extend_from_slice(&dst[..written]);
                match res {
                    tuomin_result::Ok => return,
                    tuomin_result::OutputFull => {
                        assert!(!self.bounded, "a max_output_len buffer was not enough");
                        assert!(cap == 0 || written > 0, "no progress with room");
                    }
                    other => panic!("tuomin_stream_end_message: {other:?}"),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Fuzz cases and their text form

/// Which fuzz target a case belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Redact,
    Stream,
    Ffi,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Redact => "redact",
            Target::Stream => "stream",
            Target::Ffi => "ffi",
        }
    }
}

/// One fuzz input: everything a target does with it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Case {
    pub target: Target,
    pub config: Config,
    /// Streams (`stream`, `ffi`).
    pub feeding: Feeding,
    /// The C calls (`ffi`).
    pub ffi: FfiPlan,
    pub text: Vec<u8>,
}

impl Default for FfiPlan {
    fn default() -> FfiPlan {
        FfiPlan {
            default_ctor: false,
            redact_cap: Cap::Exact,
            scan_cap: Cap::Exact,
            feeding: Feeding::default(),
            code: 0,
        }
    }
}

impl Case {
    pub fn new(target: Target, text: &[u8]) -> Case {
        Case {
            target,
            config: Config::default(),
            feeding: Feeding::default(),
            ffi: FfiPlan::default(),
            text: text.to_vec(),
        }
    }

    /// Runs the target's checks on this case.
    pub fn run(&self) {
        self.run_with(|config| config.build(test_date()));
    }

    /// Runs the target's checks, getting the Rust redactor for a
    /// configuration from `build` (which may reuse one it built before).
    pub fn run_with(&self, build: impl FnOnce(&Config) -> Option<Redactor>) {
        match self.target {
            Target::Redact => {
                if let Some(r) = build(&self.config) {
                    check_redact(&r, &self.text);
                }
            }
            Target::Stream => {
                if let Some(r) = build(&self.config) {
                    check_stream(&r, &self.text, &self.feeding);
                }
            }
            Target::Ffi => {
                let plan = FfiPlan { feeding: self.feeding.clone(), ..self.ffi.clone() };
                check_ffi(&self.config, &plan, &self.text);
            }
        }
    }

    /// The text form read by [`Case::parse`]: one `key value` line per
    /// setting, the text last as an escaped string.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let c = &self.config;
        writeln!(s, "target {}", self.target.name()).unwrap();
        let names: Vec<&str> = c.kinds.iter().map(Kind::name).collect();
        writeln!(s, "kinds {}", if names.is_empty() { "none".to_string() } else { names.join(",") }).unwrap();
        if let Some(p) = c.preset {
            writeln!(s, "preset {}", p.name()).unwrap();
        }
        for k in Kind::ALL {
            if let Some(p) = &c.policies[k.index_of()] {
                writeln!(s, "policy {} {}", k.name(), escape(policy_spec(p).as_bytes())).unwrap();
            }
        }
        if let Some(w) = c.window {
            writeln!(s, "window {w}").unwrap();
        }
        for k in Kind::ALL {
            if let Some(a) = c.actions[k.index_of()] {
                writeln!(s, "action {} {}", k.name(), action_name(a)).unwrap();
            }
            if let Some(e) = c.thresholds[k.index_of()] {
                writeln!(s, "threshold {} {}", k.name(), evidence_name(e)).unwrap();
            }
        }
        for v in &c.allow {
            writeln!(s, "allow {}", escape(v.as_bytes())).unwrap();
        }
        if c.hash_key {
            writeln!(s, "hash-key").unwrap();
        }
        for &i in &c.rules {
            writeln!(s, "rule {}", RULES[i].name).unwrap();
        }
        if self.target != Target::Redact {
            let f = &self.feeding;
            let list = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
            match &f.chunking {
                Chunking::Fixed(n) => writeln!(s, "chunks fixed {n}"),
                Chunking::Cuts(v) => writeln!(s, "chunks cuts {}", list(v)),
                Chunking::Sizes(v) => writeln!(s, "chunks sizes {}", list(v)),
            }
            .unwrap();
            writeln!(s, "ends {:#x}", f.ends).unwrap();
            writeln!(s, "caps {}", list(&f.caps)).unwrap();
        }
        if self.target == Target::Ffi {
            let p = &self.ffi;
            if p.default_ctor {
                writeln!(s, "default-ctor").unwrap();
            }
            writeln!(s, "redact-cap {}", cap_text(p.redact_cap)).unwrap();
            writeln!(s, "scan-cap {}", cap_text(p.scan_cap)).unwrap();
            writeln!(s, "code {}", p.code).unwrap();
        }
        writeln!(s, "text {}", escape(&self.text)).unwrap();
        s
    }

    /// Reads the form [`Case::to_text`] writes; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Case, String> {
        let mut case = Case::new(Target::Redact, b"");
        let mut saw_text = false;
        for line in text.lines().map(str::trim_start).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            let bad = |what: &str| format!("bad {what} in {line:?}");
            let num = |v: &str| v.parse::<usize>().map_err(|_| bad("number"));
            let nums = |v: &str| v.split_whitespace().map(num).collect::<Result<Vec<_>, _>>();
            match key {
                "target" => {
                    case.target = match value {
                        "redact" => Target::Redact,
                        "stream" => Target::Stream,
                        "ffi" => Target::Ffi,
                        _ => return Err(bad("target")),
                    }
                }
                "kinds" => {
                    case.config.kinds =
                        if value == "none" { KindSet::NONE } else { value.parse().map_err(|_| bad("kinds"))? }
                }
                "preset" => case.config.preset = Some(Preset::from_name(value).ok_or_else(|| bad("preset"))?),
                "policy" => {
                    let (kind, spec) = value.split_once(' ').ok_or_else(|| bad("policy"))?;
                    let kind = Kind::from_name(kind).ok_or_else(|| bad("kind"))?;
                    let spec = String::from_utf8(unescape(spec)?).map_err(|_| bad("policy"))?;
                    case.config.policies[kind.index_of()] = Some(parse_policy(&spec).ok_or_else(|| bad("policy"))?);
                }
                "window" => case.config.window = Some(num(value)?),
                "action" | "threshold" => {
                    let (kind, name) = value.split_once(' ').ok_or_else(|| bad(key))?;
                    let at = Kind::from_name(kind).ok_or_else(|| bad("kind"))?.index_of();
                    if key == "action" {
                        let a =
                            [Action::Mask, Action::Report, Action::Allow].into_iter().find(|&a| action_name(a) == name);
                        case.config.actions[at] = Some(a.ok_or_else(|| bad("action"))?);
                    } else {
                        let e = [Evidence::Context, Evidence::Pattern, Evidence::Checksum]
                            .into_iter()
                            .find(|&e| evidence_name(e) == name);
                        case.config.thresholds[at] = Some(e.ok_or_else(|| bad("evidence"))?);
                    }
                }
                "allow" => case.config.allow.push(String::from_utf8(unescape(value)?).map_err(|_| bad("allow"))?),
                "hash-key" => case.config.hash_key = true,
                "rule" => {
                    case.config.rules.push(RULES.iter().position(|r| r.name == value).ok_or_else(|| bad("rule"))?)
                }
                "chunks" => {
                    let (how, rest) = value.split_once(' ').unwrap_or((value, ""));
                    case.feeding.chunking = match how {
                        "fixed" => Chunking::Fixed(num(rest)?),
                        "cuts" => Chunking::Cuts(nums(rest)?),
                        "sizes" => Chunking::Sizes(nums(rest)?),
                        _ => return Err(bad("chunks")),
                    }
                }
                "ends" => {
                    let hex = value.strip_prefix("0x").ok_or_else(|| bad("ends"))?;
                    case.feeding.ends = u32::from_str_radix(hex, 16).map_err(|_| bad("ends"))?;
                }
                "caps" => case.feeding.caps = nums(value)?,
                "default-ctor" => case.ffi.default_ctor = true,
                "redact-cap" => case.ffi.redact_cap = parse_cap(value).ok_or_else(|| bad("cap"))?,
                "scan-cap" => case.ffi.scan_cap = parse_cap(value).ok_or_else(|| bad("cap"))?,
                "code" => case.ffi.code = value.parse().map_err(|_| bad("code"))?,
                "text" => {
                    case.text = unescape(value)?;
                    saw_text = true;
                }
                _ => return Err(bad("key")),
            }
        }
        if saw_text { Ok(case) } else { Err("no text line".into()) }
    }
}

fn parse_policy(spec: &str) -> Option<Policy> {
    Some(match spec {
        "conventional" => Policy::Conventional,
        "full" => Policy::Full,
        "remove" => Policy::Remove,
        "hash" => Policy::Hash,
        "fake" => Policy::Fake,
        _ => {
            if let Some(t) = spec.strip_prefix("tag:") {
                Policy::tag(t.to_string())
            } else {
                let (h, t) = spec.strip_prefix("keep:")?.split_once(':')?;
                Policy::Partial { head: h.parse().ok()?, tail: t.parse().ok()? }
            }
        }
    })
}

fn cap_text(c: Cap) -> String {
    match c {
        Cap::Null => "null".into(),
        Cap::Exact => "exact".into(),
        Cap::Less(k) => format!("less {k}"),
        Cap::More(k) => format!("more {k}"),
        Cap::Fixed(n) => format!("fixed {n}"),
    }
}

fn parse_cap(s: &str) -> Option<Cap> {
    let (how, n) = s.split_once(' ').unwrap_or((s, ""));
    let n = || n.parse().ok();
    Some(match how {
        "null" => Cap::Null,
        "exact" => Cap::Exact,
        "less" => Cap::Less(n()?),
        "more" => Cap::More(n()?),
        "fixed" => Cap::Fixed(n()?),
        _ => return None,
    })
}

/// Bytes as a double-quoted string: printable UTF-8 as it is, `\\`, `\"`,
/// `\n`, `\r`, `\t` and `\xNN` for every other byte.
pub fn escape(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => s.push_str("\\\\"),
                '"' => s.push_str("\\\""),
                '\n' => s.push_str("\\n"),
                '\r' => s.push_str("\\r"),
                '\t' => s.push_str("\\t"),
                c if c.is_control() || c == '\u{FEFF}' || c == '\u{2028}' || c == '\u{2029}' => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        write!(s, "\\x{b:02x}").unwrap();
                    }
                }
                c => s.push(c),
            }
        }
        for b in chunk.invalid() {
            write!(s, "\\x{b:02x}").unwrap();
        }
    }
    s.push('"');
    s
}

/// Reads what [`escape`] writes.
pub fn unescape(s: &str) -> Result<Vec<u8>, String> {
    let inner =
        s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).ok_or_else(|| format!("not a quoted string: {s:?}"))?;
    let mut out = Vec::new();
    let mut it = inner.char_indices();
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match it.next().map(|(_, c)| c) {
            Some('\\') => out.push(b'\\'),
            Some('"') => out.push(b'"'),
            Some('n') => out.push(b'\n'),
            Some('r') => out.push(b'\r'),
            Some('t') => out.push(b'\t'),
            Some('0') => out.push(0),
            Some('x') => {
                let hex = inner.get(i + 2..i + 4).ok_or("short \\x escape")?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad \\x escape {hex:?}"))?);
                it.next();
                it.next();
            }
            other => return Err(format!("unknown escape {other:?}")),
        }
    }
    Ok(out)
}
