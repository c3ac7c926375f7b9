//! What a redactor does with each match it finds: mask it, only report it,
//! or leave it alone because it is allowed.
//!
//! The decision reads only the match and its own bytes, never the text
//! around it, so a stream decides exactly as one-shot redaction does.

use crate::kind::Kind;
use crate::matches::{Action, Evidence, Match};

/// The per-kind actions a redactor was built with.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    pub(crate) actions: [Action; Kind::ALL.len()],
    /// The weakest evidence a match of each kind needs to be masked;
    /// weaker matches are reported only.
    pub(crate) thresholds: [Evidence; Kind::ALL.len()],
}

impl Default for Rules {
    fn default() -> Rules {
        Rules { actions: [Action::Mask; Kind::ALL.len()], thresholds: [Evidence::Context; Kind::ALL.len()] }
    }
}

impl Rules {
    /// The action for a match whose bytes are `span`.
    pub(crate) fn decide(&self, m: &Match, _span: &[u8]) -> Action {
        let k = m.kind().index();
        match self.actions[k] {
            Action::Mask if m.evidence() < self.thresholds[k] => Action::Report,
            action => action,
        }
    }
}
