//! Identity documents besides the resident ID: passports, travel permits, Hong Kong, Macao and Taiwan ID numbers, officer IDs.
//!
//! Not written yet: no triggers, so the family never runs.

use super::anchored::{Cx, Found, Trigger};

/// Words or characters next to every match of this family.
pub(crate) const TRIGGERS: &[&str] = &[];

/// The match next to trigger `t`, if any.
pub(crate) fn check(_cx: &Cx<'_>, _t: Trigger) -> Option<Found> {
    None
}

/// Where a match whose trigger has not arrived yet may start in the
/// unfinished tail of `hay` (`hay.len()` when nowhere).
pub(crate) fn tail_hold(hay: &[u8], _floor: usize) -> usize {
    hay.len()
}
