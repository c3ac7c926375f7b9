//! Errors. None of them ever quotes input text.

use crate::kind::Kind;

/// Why building a redactor or redacting failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The context window is larger than the scanner supports.
    #[error("context window of {chars} characters is larger than the maximum of {max}")]
    ContextWindowTooLarge {
        /// The window asked for.
        chars: usize,
        /// The largest window accepted.
        max: usize,
    },
    /// A tag policy's text is too long.
    #[error("tag for {kind} is {len} bytes long; the maximum is {max}")]
    TagTooLong {
        /// The kind whose tag is too long.
        kind: Kind,
        /// Its length in bytes.
        len: usize,
        /// The longest tag accepted.
        max: usize,
    },
    /// A rule ([`Rule`](crate::Rule)) cannot be compiled: its name, one of
    /// its patterns or literals, or a setting is invalid.
    #[error("rule {rule:?}: {reason}")]
    Rule {
        /// The rule's name.
        rule: String,
        /// What is wrong, naming the pattern or literal by its position.
        reason: String,
    },
    /// More rules than one redactor accepts.
    #[error("{count} rules; the maximum is {max}")]
    TooManyRules {
        /// The rules given.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// In-place redaction was asked of a policy that changes the length.
    #[error("the policy for {kind} changes the length of the text, so it cannot redact in place")]
    NotLengthPreserving {
        /// The first kind whose policy is a tag or removal.
        kind: Kind,
    },
}
