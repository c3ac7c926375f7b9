//! Rules a deployment defines for its own identifiers.
//!
//! Every contact center has numbers of its own to hide: member numbers,
//! policy numbers, internal ticket IDs. A [`Rule`] describes one such kind
//! by a list of literal values, by regular expressions, or both, with
//! optional context words and a check-digit validator. Rules are compiled
//! into the redactor when it is built and run in the same scan as the
//! built-in detectors; their matches have [`Kind::Custom`](crate::Kind::Custom)
//! and carry the rule's index ([`Match::rule`](crate::Match::rule)).
//!
//! ```
//! use tuomin::{Policy, Redactor, Rule, Validator};
//!
//! let redactor = Redactor::builder()
//!     .rule(Rule::new("member_id").pattern(r"M[0-9]{8}").policy(Policy::tag("[会员号]")))
//!     .rule(Rule::new("policy_no").pattern(r"[0-9]{12}").context(["保单号", "保单"]).validator(Validator::Luhn))
//!     .build()?;
//! assert_eq!(redactor.redact("会员号M12345678，保单号 123456789015"), "会员号[会员号]，保单号 ************");
//! # Ok::<(), tuomin::Error>(())
//! ```
//!
//! # Bounded matches
//!
//! A stream holds back the bytes a match may still need, so every rule's
//! matches must have a bounded length: a pattern that can match more than
//! [`MAX_RULE_MATCH_LEN`] bytes (`[0-9]+`) is refused when the redactor is
//! built; write the repetition with bounds (`[0-9]{6,12}`).
//!
//! # Rules that could never match
//!
//! A rule that could not find anything is a mistake in it, so building
//! the redactor refuses it with [`Error::Rule`](crate::Error::Rule) and
//! says why rather than leaving it to find nothing: a pattern that no text
//! matches (`[^\s\S]`), and a context window too short to hold any of the
//! rule's context words (a window of 0 characters with context words).

use crate::policy::Policy;

/// Longest match a rule may produce, in bytes.
pub const MAX_RULE_MATCH_LEN: usize = 256;

/// Most rules one redactor accepts.
pub const MAX_RULES: usize = 64;

/// Largest context window of a rule, in characters.
pub const MAX_RULE_CONTEXT_WINDOW: usize = 64;

/// A check a rule's match must pass, computed over its digits (ASCII or
/// full width; other characters such as separators and letters are
/// skipped, except a final `X` where the check allows one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Validator {
    /// No check.
    #[default]
    None,
    /// The Luhn check (ISO/IEC 7812), as bank cards use.
    Luhn,
    /// ISO 7064 MOD 11-2, as resident ID numbers use: the last character is
    /// a check digit or `X` (for 10).
    Mod11_2,
    /// ISO 7064 MOD 97-10 over the digits, as IBANs use: the number read as
    /// an integer leaves a remainder of 1 when divided by 97.
    Mod97_10,
}

impl Validator {
    /// The stable name: `none`, `luhn`, `mod11-2`, `mod97-10`.
    pub const fn name(self) -> &'static str {
        match self {
            Validator::None => "none",
            Validator::Luhn => "luhn",
            Validator::Mod11_2 => "mod11-2",
            Validator::Mod97_10 => "mod97-10",
        }
    }

    /// Every validator.
    pub const ALL: [Validator; 4] = [Validator::None, Validator::Luhn, Validator::Mod11_2, Validator::Mod97_10];

    /// Parses a name produced by [`Validator::name`].
    pub fn from_name(name: &str) -> Option<Validator> {
        Validator::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// A user-defined kind: literal values and/or regular expressions, with
/// optional context words, a validator and a policy.
///
/// A rule's name is its machine-readable kind name (`member_id`): lower-case
/// ASCII letters, digits and `_`, starting with a letter, at most 32 bytes,
/// and not the name of a built-in kind. It appears in the CLI's JSON output
/// in place of a built-in kind's name, and upper-cased as the rule's tag
/// (`[MEMBER_ID]`) under the tag presets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub(crate) name: String,
    pub(crate) literals: Vec<String>,
    pub(crate) patterns: Vec<String>,
    pub(crate) case_insensitive: bool,
    pub(crate) context: Vec<String>,
    pub(crate) context_window: usize,
    pub(crate) validator: Validator,
    pub(crate) standalone: bool,
    pub(crate) policy: Option<Policy>,
}

impl Rule {
    /// A rule named `name`, with nothing to match yet.
    pub fn new(name: impl Into<String>) -> Rule {
        Rule {
            name: name.into(),
            literals: Vec::new(),
            patterns: Vec::new(),
            case_insensitive: false,
            context: Vec::new(),
            context_window: crate::redactor::DEFAULT_CONTEXT_WINDOW,
            validator: Validator::None,
            standalone: true,
            policy: None,
        }
    }

    /// The rule's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds a literal value to match exactly (a dictionary entry).
    pub fn literal(mut self, value: impl Into<String>) -> Rule {
        self.literals.push(value.into());
        self
    }

    /// Adds literal values to match exactly.
    pub fn literals<I, S>(mut self, values: I) -> Rule
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.literals.extend(values.into_iter().map(Into::into));
        self
    }

    /// Adds a regular expression in the syntax of the `regex` crate (no
    /// look-around, no backreferences). Its matches must be bounded in
    /// length (see [`MAX_RULE_MATCH_LEN`]) and never empty, and a pattern
    /// that no text can match (`[^\s\S]`) is refused when the redactor is
    /// built rather than left to find nothing.
    pub fn pattern(mut self, pattern: impl Into<String>) -> Rule {
        self.patterns.push(pattern.into());
        self
    }

    /// Whether literals and patterns match regardless of ASCII case
    /// (default: no). For patterns this is the `(?i)` flag, which also
    /// folds other scripts' case.
    pub fn case_insensitive(mut self, yes: bool) -> Rule {
        self.case_insensitive = yes;
        self
    }

    /// Words one of which must appear shortly before a match (within the
    /// [context window](Rule::context_window)); none by default, meaning a
    /// match needs no context. ASCII letters in context words match
    /// regardless of case.
    pub fn context<I, S>(mut self, words: I) -> Rule
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.context.extend(words.into_iter().map(Into::into));
        self
    }

    /// Characters before a match searched for a context word (default
    /// [`DEFAULT_CONTEXT_WINDOW`](crate::DEFAULT_CONTEXT_WINDOW), at most
    /// [`MAX_RULE_CONTEXT_WINDOW`]).
    ///
    /// A context word counts only when all of it lies within the window,
    /// so a rule with context words needs a window at least as long as the
    /// shortest of them: a smaller one (such as 0) could never let a match
    /// through, and building the redactor refuses it with
    /// [`Error::Rule`](crate::Error::Rule). Without context words the
    /// window is not used, and any size up to the maximum is accepted.
    ///
    /// ```
    /// use tuomin::{Redactor, Rule};
    ///
    /// let rule = Rule::new("policy_no").pattern("[0-9]{10}").context(["保单号"]);
    /// let redactor = Redactor::builder().rule(rule.clone().context_window(3)).build()?;
    /// assert_eq!(redactor.redact("保单号2024123456"), "保单号**********");
    /// let error = Redactor::builder().rule(rule.context_window(0)).build().unwrap_err();
    /// assert!(error.to_string().contains("could never match"));
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn context_window(mut self, chars: usize) -> Rule {
        self.context_window = chars;
        self
    }

    /// The check a match must pass (default [`Validator::None`]).
    pub fn validator(mut self, validator: Validator) -> Rule {
        self.validator = validator;
        self
    }

    /// Whether a match glued to an ASCII letter or digit on either side is
    /// refused (default: yes), so that `M[0-9]{8}` does not match inside
    /// `XM123456789`. Only applies where the match itself starts or ends
    /// with an ASCII letter or digit.
    pub fn standalone(mut self, yes: bool) -> Rule {
        self.standalone = yes;
        self
    }

    /// The policy for this rule's matches. Without one, the redactor's
    /// policy for [`Kind::Custom`](crate::Kind::Custom) applies when one was
    /// set, else its preset's (the tag presets use the rule's own tag).
    pub fn policy(mut self, policy: Policy) -> Rule {
        self.policy = Some(policy);
        self
    }

    /// The rule's tag under the tag presets: its name in upper case, in
    /// brackets (`[MEMBER_ID]`).
    pub fn tag(&self) -> String {
        format!("[{}]", self.name.to_ascii_uppercase())
    }
}
