//! Audit counts: how many matches of each kind were found, and what was
//! done with them, without keeping any matched text.

use core::fmt;
use core::ops::AddAssign;

use crate::kind::Kind;
use crate::matches::{Action, Match};

/// Counts for one kind (or for all kinds together).
///
/// `found() == masked + reported + allowed`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct KindCounts {
    /// Matches replaced by their kind's policy.
    pub masked: u64,
    /// Matches left as they were because their kind (or their evidence) is
    /// set to report only (see [`crate::Builder::action`] and
    /// [`crate::Builder::mask_threshold`]).
    pub reported: u64,
    /// Matches left as they were because an allow list or allow pattern
    /// accepts them (see [`crate::Builder::allow_value`]).
    pub allowed: u64,
}

impl KindCounts {
    /// Every match found, whatever was done with it.
    pub fn found(&self) -> u64 {
        self.masked + self.reported + self.allowed
    }

    fn add(&mut self, action: Action) {
        let slot = match action {
            Action::Mask => &mut self.masked,
            Action::Report => &mut self.reported,
            Action::Allow => &mut self.allowed,
        };
        *slot = slot.saturating_add(1);
    }
}

impl AddAssign for KindCounts {
    fn add_assign(&mut self, other: KindCounts) {
        self.masked = self.masked.saturating_add(other.masked);
        self.reported = self.reported.saturating_add(other.reported);
        self.allowed = self.allowed.saturating_add(other.allowed);
    }
}

/// Per-kind audit counts: what was found and what was done with it, for
/// compliance reports. Counts hold numbers only, never matched text.
///
/// Made by [`crate::Redactor::count`] and
/// [`crate::Redactor::redact_counted`], and accumulated by a
/// [`crate::Stream`] across its chunks ([`crate::Stream::counts`]). Counts
/// add up with `+=`, so a batch job can sum the counts of its messages.
///
/// ```
/// use tuomin::{Kind, Redactor};
///
/// let redactor = Redactor::new();
/// let (masked, counts) = redactor.redact_counted("手机13812345678，备用 139 8765 4321");
/// assert_eq!(masked, "手机138****5678，备用 139 **** 4321");
/// assert_eq!(counts.get(Kind::Phone).found(), 2);
/// assert_eq!(counts.get(Kind::Phone).masked, 2);
/// assert_eq!(counts.get(Kind::IdCard).found(), 0);
/// assert_eq!(counts.total().found(), 2);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    by_kind: [KindCounts; Kind::ALL.len()],
}

impl Counts {
    /// No match at all.
    pub fn new() -> Counts {
        Counts::default()
    }

    /// The counts of one kind.
    pub fn get(&self, kind: Kind) -> KindCounts {
        self.by_kind[kind.index()]
    }

    /// The counts of every kind added together.
    pub fn total(&self) -> KindCounts {
        let mut total = KindCounts::default();
        for c in self.by_kind {
            total += c;
        }
        total
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.total().found() == 0
    }

    /// The kinds with at least one match, in [`Kind::ALL`] order, with
    /// their counts.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, KindCounts)> + '_ {
        Kind::ALL.into_iter().map(|k| (k, self.get(k))).filter(|(_, c)| c.found() > 0)
    }

    /// Counts one match of `kind` under the action it was given (for
    /// callers that tally [`crate::StreamMatch`]es of their own).
    pub fn add(&mut self, kind: Kind, action: Action) {
        self.by_kind[kind.index()].add(action);
    }

    /// Counts one match.
    pub(crate) fn add_match(&mut self, m: &Match) {
        self.add(m.kind(), m.action());
    }
}

impl AddAssign<&Counts> for Counts {
    fn add_assign(&mut self, other: &Counts) {
        for (mine, theirs) in self.by_kind.iter_mut().zip(other.by_kind) {
            *mine += theirs;
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        *self += &other;
    }
}

impl fmt::Debug for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        let mut a = Counts::new();
        assert!(a.is_empty());
        a.add(Kind::Phone, Action::Mask);
        a.add(Kind::Phone, Action::Allow);
        a.add(Kind::Email, Action::Report);
        let mut b = Counts::new();
        b.add(Kind::Phone, Action::Mask);
        b += &a;
        assert_eq!((b.get(Kind::Phone).masked, b.get(Kind::Phone).reported, b.get(Kind::Phone).allowed), (2, 0, 1));
        assert_eq!(b.get(Kind::Phone).found(), 3);
        assert_eq!(b.get(Kind::Email).reported, 1);
        assert_eq!(b.total().found(), 4);
        assert_eq!(b.iter().map(|(k, _)| k).collect::<Vec<_>>(), [Kind::Phone, Kind::Email]);
        assert_eq!(format!("{b:?}").matches("Phone").count(), 1);
    }
}
