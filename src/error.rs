//! Errors. None of them ever quotes input text (an allow pattern is
//! configuration, and is quoted so that it can be found and fixed).

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
    /// An allow pattern is not a valid regular expression.
    #[error("allow pattern {pattern:?} for {kind} is not a valid regular expression: {message}")]
    AllowPattern {
        /// The kind the pattern was given for.
        kind: Kind,
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// A kind's policy is [`crate::Policy::Hash`] or [`crate::Policy::Fake`]
    /// but no key was given ([`crate::Builder::hash_key`]).
    #[error("the policy for {kind} needs a key (hash or fake), and none was given")]
    HashKeyMissing {
        /// The first kind whose policy is a hash.
        kind: Kind,
    },
    /// The key for [`crate::Policy::Hash`] or [`crate::Policy::Fake`] is too short to keep tokens
    /// from being reversed by trying every key.
    #[error("the hash key is {len} bytes long; at least {min} are needed")]
    HashKeyTooShort {
        /// Its length in bytes.
        len: usize,
        /// The fewest bytes accepted.
        min: usize,
    },
    /// In-place redaction was asked of a policy that changes the length.
    #[error("the policy for {kind} changes the length of the text, so it cannot redact in place")]
    NotLengthPreserving {
        /// The first kind whose policy is a tag or removal.
        kind: Kind,
    },
}
