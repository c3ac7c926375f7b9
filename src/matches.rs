//! A finding: what was found where, and why.

use core::fmt;
use core::ops::Range;

use crate::kind::{Kind, SubKind};

/// Why a match was reported.
///
/// Ordered from weakest to strongest, so `evidence >= Evidence::Pattern`
/// selects matches that did not depend on a context word alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Evidence {
    /// The number has the right shape but could be something else, and a
    /// context word before it (`身份证`, `卡号`, `电话`) settled it.
    Context,
    /// The number fits a numbering plan exactly (mobile segment, area code
    /// with separators, 400/800 prefix).
    Pattern,
    /// A check digit or checksum holds (ISO 7064 MOD 11-2 with a valid birth
    /// date and region, or Luhn with a plausible issuer prefix).
    Checksum,
}

impl Evidence {
    /// The stable machine-readable name (`context`, `pattern`, `checksum`).
    pub const fn name(self) -> &'static str {
        match self {
            Evidence::Context => "context",
            Evidence::Pattern => "pattern",
            Evidence::Checksum => "checksum",
        }
    }

    /// Parses a name produced by [`Evidence::name`].
    pub fn from_name(name: &str) -> Option<Evidence> {
        [Evidence::Context, Evidence::Pattern, Evidence::Checksum].into_iter().find(|e| e.name() == name)
    }
}

/// What a redactor does with a match.
///
/// Every match is found and counted; its action says whether its bytes are
/// replaced. See [`crate::Builder::action`], [`crate::Builder::mask_threshold`]
/// and [`crate::Builder::allow_value`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// Replaced according to its kind's [`crate::Policy`] (the default).
    Mask,
    /// Reported (listed, counted) but left unchanged: its kind, or its
    /// evidence, is set to report only.
    Report,
    /// Left unchanged because an allow list or allow pattern accepts it
    /// (a company hotline, a test number).
    Allow,
}

impl Action {
    /// The stable machine-readable name (`mask`, `report`, `allow`).
    pub const fn name(self) -> &'static str {
        match self {
            Action::Mask => "mask",
            Action::Report => "report",
            Action::Allow => "allow",
        }
    }

    /// Parses a name produced by [`Action::name`].
    pub fn from_name(name: &str) -> Option<Action> {
        [Action::Mask, Action::Report, Action::Allow].into_iter().find(|a| a.name() == name)
    }
}

/// One piece of personal information found in a haystack.
///
/// Offsets are byte offsets into the haystack, end exclusive, and always on
/// character boundaries when the haystack is UTF-8. The `Debug` output shows
/// the kind and offsets only, never the matched text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Match {
    kind: Kind,
    sub_kind: SubKind,
    evidence: Evidence,
    start: usize,
    end: usize,
    /// Bytes at the start of the span that are a routing prefix rather than
    /// part of the number (`+86 `, `(+86)`), left alone by partial masks.
    lead: u8,
    /// Index of the rule that found a [`Kind::Custom`] match, else
    /// [`NO_RULE`].
    rule: u16,
    action: Action,
}

/// The `rule` of a match no rule found.
const NO_RULE: u16 = u16::MAX;

impl Match {
    pub(crate) fn new(kind: Kind, sub_kind: SubKind, evidence: Evidence, span: Range<usize>, lead: u8) -> Match {
        debug_assert!(span.start < span.end);
        Match { kind, sub_kind, evidence, start: span.start, end: span.end, lead, rule: NO_RULE, action: Action::Mask }
    }

    pub(crate) fn with_rule(self, rule: u16) -> Match {
        Match { rule, ..self }
    }

    /// For a [`Kind::Custom`] match, the index of the rule that found it,
    /// in the order the rules were added to the builder (see
    /// [`Redactor::rule`](crate::Redactor::rule)); `None` for the built-in
    /// kinds.
    pub fn rule(&self) -> Option<usize> {
        (self.rule != NO_RULE).then_some(usize::from(self.rule))
    }

    /// The kind of information.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The finer classification (mobile, landline, ...).
    pub fn sub_kind(&self) -> SubKind {
        self.sub_kind
    }

    /// Why this match was reported.
    pub fn evidence(&self) -> Evidence {
        self.evidence
    }

    /// What the redactor that found this match does with it: mask it,
    /// only report it, or leave it alone because it is allowed.
    pub fn action(&self) -> Action {
        self.action
    }

    pub(crate) fn set_action(&mut self, action: Action) {
        self.action = action;
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Always false: a match covers at least one byte. Present because
    /// `len` is.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub(crate) fn lead(&self) -> usize {
        usize::from(self.lead)
    }
}

impl fmt::Debug for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Match")
            .field("kind", &self.kind)
            .field("sub_kind", &self.sub_kind)
            .field("evidence", &self.evidence)
            .field("action", &self.action)
            .field("span", &(self.start..self.end))
            .field("rule", &self.rule())
            .finish()
    }
}
