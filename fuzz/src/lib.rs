//! Fuzz inputs for the targets in `fuzz_targets/`.
//!
//! Each input is decoded from the fuzzer's bytes with `arbitrary`: a
//! configuration and (for streams and the C ABI) chunking and buffer sizes
//! first, each a fixed number of bytes, then the text, which takes the
//! rest. The checks themselves live in `tests/invariants` (included here by
//! path), so that `tests/fuzz_regressions.rs` replays a saved case through
//! exactly the same code.
//!
//! An input's `Debug` form is the case's text form: `cargo fuzz fmt TARGET
//! ARTIFACT` prints a file for `tests/fuzz-regressions/`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use arbitrary::Arbitrary;
use tuomin::{Action, Evidence, Kind, KindSet, Policy, Preset, Redactor};

#[path = "../../tests/invariants/mod.rs"]
pub mod invariants;

use invariants::{ALLOW_VALUES, Cap, Case, Chunking, Config, Feeding, FfiPlan, RULES, Target};

/// Tag texts a policy may use: empty, ASCII, Chinese, with a four-byte
/// character, the longest allowed and one byte too long.
pub const TAGS: [&str; 6] = [
    "",
    "[PII]",
    "[电话号码]",
    "😀x",
    "0123456789012345678901234567890123456789012345678901234567890123",
    "01234567890123456789012345678901234567890123456789012345678901234",
];

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum FuzzPreset {
    Default,
    Conventional,
    Full,
    TagChinese,
    TagEnglish,
    Remove,
    Hash,
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum FuzzPolicy {
    Conventional,
    Full,
    Partial { head: u8, tail: u8 },
    Tag(u8),
    Remove,
    Hash,
    Fake,
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum FuzzAction {
    Mask,
    Report,
    Allow,
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum FuzzEvidence {
    Context,
    Pattern,
    Checksum,
}

/// A redactor configuration. Zero bytes decode to the default one.
///
/// New fields go at the end: the input after the configuration is the
/// text, and a field the input has no bytes left for decodes as if from
/// zeros, to the default.
#[derive(Arbitrary, Clone, Debug)]
pub struct FuzzConfig {
    /// Bit `i` set: kind `i` of `Kind::ALL` is left out.
    kinds_off: u32,
    preset: FuzzPreset,
    policies: [Option<FuzzPolicy>; Kind::ALL.len()],
    /// 0: default; 1 to 70: that minus one (66 and up are refused).
    window: u8,
    /// Per-kind actions (report-only, allow), in `Kind::ALL` order.
    actions: [Option<FuzzAction>; Kind::ALL.len()],
    /// Per-kind mask thresholds.
    thresholds: [Option<FuzzEvidence>; Kind::ALL.len()],
    /// Bit `i` set: `ALLOW_VALUES[i]` is allowed.
    allow: u8,
    /// Whether the test key for `Hash` and `Fake` is set (without it, a
    /// kind with either policy makes building fail).
    hash_key: bool,
    /// Bit `i` set: `RULES[i]` is added.
    rules: u8,
}

impl FuzzConfig {
    pub fn config(&self) -> Config {
        let kinds = Kind::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.kinds_off >> i & 1 == 0)
            .fold(KindSet::NONE, |set, (_, &k)| set.with(k));
        let preset = match self.preset {
            FuzzPreset::Default => None,
            FuzzPreset::Conventional => Some(Preset::Conventional),
            FuzzPreset::Full => Some(Preset::Full),
            FuzzPreset::TagChinese => Some(Preset::TagChinese),
            FuzzPreset::TagEnglish => Some(Preset::TagEnglish),
            FuzzPreset::Remove => Some(Preset::Remove),
            FuzzPreset::Hash => Some(Preset::Hash),
        };
        let policies = self.policies.map(|p| {
            p.map(|p| match p {
                FuzzPolicy::Conventional => Policy::Conventional,
                FuzzPolicy::Full => Policy::Full,
                // Beyond a number's length every count behaves alike; keep
                // the counts small so that configurations repeat.
                FuzzPolicy::Partial { head, tail } => Policy::Partial { head: head % 24, tail: tail % 24 },
                FuzzPolicy::Tag(i) => Policy::tag(TAGS[usize::from(i) % TAGS.len()]),
                FuzzPolicy::Remove => Policy::Remove,
                FuzzPolicy::Hash => Policy::Hash,
                FuzzPolicy::Fake => Policy::Fake,
            })
        });
        let window = match self.window {
            w @ 1..=70 => Some(usize::from(w - 1)),
            _ => None,
        };
        let actions = self.actions.map(|a| {
            a.map(|a| match a {
                FuzzAction::Mask => Action::Mask,
                FuzzAction::Report => Action::Report,
                FuzzAction::Allow => Action::Allow,
            })
        });
        let thresholds = self.thresholds.map(|e| {
            e.map(|e| match e {
                FuzzEvidence::Context => Evidence::Context,
                FuzzEvidence::Pattern => Evidence::Pattern,
                FuzzEvidence::Checksum => Evidence::Checksum,
            })
        });
        let allow = ALLOW_VALUES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.allow >> i & 1 == 1)
            .map(|(_, v)| v.to_string())
            .collect();
        let rules: Vec<usize> = (0..RULES.len()).filter(|i| self.rules >> i & 1 == 1).collect();
        Config { kinds, preset, policies, window, actions, thresholds, allow, hash_key: self.hash_key, rules }
    }
}

#[derive(Arbitrary, Clone, Debug)]
pub enum FuzzChunking {
    Fixed(u8),
    Cuts([u16; 8]),
    Sizes([u8; 6]),
}

/// Chunks, message ends and output buffer sizes. Zero bytes decode to one
/// byte at a time, no message ends, and buffers of no room then one byte.
#[derive(Arbitrary, Clone, Debug)]
pub struct FuzzFeeding {
    chunking: FuzzChunking,
    ends: u32,
    caps: [u8; 4],
}

impl FuzzFeeding {
    pub fn feeding(&self) -> Feeding {
        let chunking = match &self.chunking {
            FuzzChunking::Fixed(n) => Chunking::Fixed(usize::from(*n)),
            FuzzChunking::Cuts(c) => Chunking::Cuts(c.iter().map(|&c| usize::from(c)).collect()),
            FuzzChunking::Sizes(s) => Chunking::Sizes(s.iter().map(|&s| usize::from(s)).collect()),
        };
        Feeding { chunking, ends: self.ends, caps: self.caps.iter().map(|&c| usize::from(c)).collect() }
    }
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum FuzzCap {
    Null,
    Exact,
    Less(u8),
    More(u8),
    Fixed(u16),
}

impl FuzzCap {
    fn cap(self) -> Cap {
        match self {
            FuzzCap::Null => Cap::Null,
            FuzzCap::Exact => Cap::Exact,
            FuzzCap::Less(k) => Cap::Less(usize::from(k)),
            FuzzCap::More(k) => Cap::More(usize::from(k)),
            FuzzCap::Fixed(n) => Cap::Fixed(usize::from(n)),
        }
    }
}

#[derive(Arbitrary, Clone, Debug)]
pub struct FuzzFfiPlan {
    default_ctor: bool,
    redact_cap: FuzzCap,
    scan_cap: FuzzCap,
    code: u8,
}

/// Input of the `redact` target. The text takes every byte after the
/// configuration.
#[derive(Arbitrary, Clone)]
pub struct RedactInput<'a> {
    pub config: FuzzConfig,
    pub text: &'a [u8],
}

/// Input of the `stream` target.
#[derive(Arbitrary, Clone)]
pub struct StreamInput<'a> {
    pub config: FuzzConfig,
    pub feeding: FuzzFeeding,
    pub text: &'a [u8],
}

/// Input of the `ffi` target.
#[derive(Arbitrary, Clone)]
pub struct FfiInput<'a> {
    pub config: FuzzConfig,
    pub feeding: FuzzFeeding,
    pub plan: FuzzFfiPlan,
    pub text: &'a [u8],
}

impl RedactInput<'_> {
    pub fn case(&self) -> Case {
        Case { config: self.config.config(), ..Case::new(Target::Redact, self.text) }
    }
}

impl StreamInput<'_> {
    pub fn case(&self) -> Case {
        Case { config: self.config.config(), feeding: self.feeding.feeding(), ..Case::new(Target::Stream, self.text) }
    }
}

impl FfiInput<'_> {
    pub fn case(&self) -> Case {
        let p = &self.plan;
        let ffi = FfiPlan {
            default_ctor: p.default_ctor,
            redact_cap: p.redact_cap.cap(),
            scan_cap: p.scan_cap.cap(),
            feeding: Feeding::default(),
            // Mostly codes that exist, sometimes one that does not.
            code: u32::from(p.code % 12),
        };
        Case { config: self.config.config(), feeding: self.feeding.feeding(), ffi, ..Case::new(Target::Ffi, self.text) }
    }
}

macro_rules! debug_as_case {
    ($($t:ident),*) => {$(
        impl fmt::Debug for $t<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.case().to_text())
            }
        }
    )*};
}

debug_as_case!(RedactInput, StreamInput, FfiInput);

/// Runs a case, reusing redactors already built for its configuration
/// (building one costs far more than checking a short text).
pub fn run(case: &Case) {
    thread_local! {
        static BUILT: RefCell<HashMap<Config, Option<Redactor>>> = RefCell::new(HashMap::new());
    }
    case.run_with(|config| {
        BUILT.with(|built| {
            let mut built = built.borrow_mut();
            if built.len() >= 256 {
                built.clear();
            }
            built.entry(config.clone()).or_insert_with(|| config.build(invariants::test_date())).clone()
        })
    });
}
