//! What a redactor does with each match it finds: mask it, only report it,
//! or leave it alone because it is allowed.
//!
//! The decision reads only the match and its own bytes, never the text
//! around it, so a stream decides exactly as one-shot redaction does.

use std::collections::HashSet;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

use crate::error::Error;
use crate::kind::Kind;
use crate::matches::{Action, Evidence, Match};
use crate::normalize::{digits, folded, is_numeric, normalize};

/// The per-kind actions, thresholds and allow lists a redactor was built
/// with.
#[derive(Clone, Debug)]
pub(crate) struct Actions {
    pub(crate) actions: [Action; Kind::ALL.len()],
    /// The weakest evidence a match of each kind needs to be masked;
    /// weaker matches are reported only.
    pub(crate) thresholds: [Evidence; Kind::ALL.len()],
    pub(crate) allow: AllowList,
}

impl Default for Actions {
    fn default() -> Actions {
        Actions {
            actions: [Action::Mask; Kind::ALL.len()],
            thresholds: [Evidence::Context; Kind::ALL.len()],
            allow: AllowList::default(),
        }
    }
}

impl Actions {
    /// The action for a match whose bytes are `span`.
    pub(crate) fn decide(&self, m: &Match, span: &[u8]) -> Action {
        if self.allow.allows(m, span) {
            return Action::Allow;
        }
        let k = m.kind().index();
        match self.actions[k] {
            Action::Mask if m.evidence() < self.thresholds[k] => Action::Report,
            action => action,
        }
    }
}

/// Values and patterns that are never masked.
#[derive(Clone, Debug, Default)]
pub(crate) struct AllowList {
    /// Digit forms of the allowed values, for phone, ID and card numbers.
    numeric: HashSet<Vec<u8>>,
    /// Folded forms of the allowed values, for the other kinds.
    text: HashSet<Vec<u8>>,
    /// Folded lower-case forms, for email addresses.
    lower: HashSet<Vec<u8>>,
    /// Per kind, one regex matching any of its allow patterns over the
    /// whole matched text.
    patterns: Vec<Option<Regex>>,
}

impl AllowList {
    /// Compiles the allow list.
    ///
    /// # Errors
    ///
    /// [`Error::AllowPattern`] for the first pattern that does not compile.
    pub(crate) fn new(values: &[String], patterns: &[(Kind, String)]) -> Result<AllowList, Error> {
        let mut list = AllowList::default();
        for value in values {
            let digits = digits(value.as_bytes(), true);
            if !digits.as_bytes().is_empty() {
                list.numeric.insert(digits.as_bytes().to_vec());
            }
            if !value.is_empty() {
                list.text.insert(folded(value.as_bytes(), false).as_bytes().to_vec());
                list.lower.insert(folded(value.as_bytes(), true).as_bytes().to_vec());
            }
        }
        if !patterns.is_empty() {
            list.patterns = vec![None; Kind::ALL.len()];
            for kind in Kind::ALL {
                let mine: Vec<&str> = patterns.iter().filter(|(k, _)| *k == kind).map(|(_, p)| p.as_str()).collect();
                if !mine.is_empty() {
                    list.patterns[kind.index()] = Some(compile(kind, &mine)?);
                }
            }
        }
        Ok(list)
    }

    fn allows(&self, m: &Match, span: &[u8]) -> bool {
        if let Some(Some(re)) = self.patterns.get(m.kind().index())
            && re.is_match(Input::new(span).anchored(Anchored::Yes))
        {
            return true;
        }
        if self.numeric.is_empty() && self.text.is_empty() {
            return false;
        }
        let value = normalize(m, span);
        let set = if is_numeric(m.kind()) {
            &self.numeric
        } else if m.kind() == Kind::Email {
            &self.lower
        } else {
            &self.text
        };
        set.contains(value.as_bytes())
    }
}

/// Whether `pattern` compiles as an allow pattern for `kind`.
///
/// # Errors
///
/// [`Error::AllowPattern`] when it does not.
pub(crate) fn check_pattern(kind: Kind, pattern: &str) -> Result<(), Error> {
    compile(kind, &[pattern]).map(|_| ())
}

/// One regex for a kind's allow patterns, each required to match the whole
/// text.
fn compile(kind: Kind, patterns: &[&str]) -> Result<Regex, Error> {
    let mut whole = Vec::with_capacity(patterns.len());
    for &p in patterns {
        // Compiling the pattern alone first both reports its own error and
        // proves it is a complete expression, so wrapping it in a group
        // cannot change what it means (`a)|(b` would escape the wrapper).
        Regex::new(p).map_err(|e| Error::AllowPattern { kind, pattern: p.to_string(), message: e.to_string() })?;
        whole.push(format!(r"(?:{p})\z"));
    }
    Regex::new_many(&whole).map_err(|e| Error::AllowPattern {
        kind,
        pattern: patterns.join(" | "),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_the_whole_text() {
        let re = compile(Kind::Phone, &["400-?820-?8820", r"95\d{3}"]).unwrap();
        let whole = |s: &str| re.is_match(Input::new(s).anchored(Anchored::Yes));
        assert!(whole("400-820-8820") && whole("4008208820") && whole("95588"));
        assert!(!whole("1400-820-8820") && !whole("400-820-88201") && !whole("955888"));
    }

    #[test]
    fn bad_patterns_name_themselves() {
        let err = compile(Kind::Email, &["ok", "(unclosed"]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("(unclosed") && text.contains("email"), "{text}");
        // A pattern that only parses once wrapped is still rejected.
        assert!(compile(Kind::Email, &["a)|(b"]).is_err());
    }
}
