//! The compiled form of the rules a deployment defines ([`crate::Rule`]).
//!
//! Each rule becomes one searcher: an Aho-Corasick automaton over its
//! literals and a `regex-automata` regex over its patterns (both with
//! their own vectorized prefilters where the literals allow). A candidate
//! is then checked in order: not glued to letters or digits (unless the
//! rule allows it), a context word within the window before it, the
//! validator. A refused candidate moves that rule's search on by one
//! character, so a refused match never hides a later one.
//!
//! Streams need every decision to depend on bounded bytes: a match is at
//! most [`MAX_RULE_MATCH_LEN`] bytes long (checked when the rule is
//! compiled, from the pattern's syntax tree by `pattern_len`), so a
//! candidate starting further than that (plus the character after it) from
//! the end of an unfinished haystack is decided, and the rest is held.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::address::{Next, Start};
use super::pattern_len::match_len;
use crate::error::Error;
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;
use crate::rule::{MAX_RULE_CONTEXT_WINDOW, MAX_RULE_MATCH_LEN, MAX_RULES, Rule, Validator};
use crate::scan::units::{prev_char_start, utf8_len};

/// Bytes after a match that a decision reads: the character that must not
/// be glued to it.
const AFTER: usize = 4;

/// Every rule of a redactor, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    rules: Vec<Compiled>,
    /// Longest match any rule may produce, in bytes.
    max_len: usize,
    /// Bytes before a match that a decision may read.
    lookbehind: usize,
}

#[derive(Clone, Debug)]
struct Compiled {
    literals: Option<AhoCorasick>,
    regex: Option<Regex>,
    context: Option<AhoCorasick>,
    /// Context window, in characters.
    window: usize,
    validator: Validator,
    standalone: bool,
    evidence: Evidence,
}

/// A match of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) evidence: Evidence,
    /// Index of the rule in the redactor's rules.
    pub(crate) rule: u16,
}

impl Start for Hit {
    fn start(&self) -> usize {
        self.start
    }
}

impl Hit {
    pub(crate) fn to_match(self) -> crate::matches::Match {
        crate::matches::Match::new(Kind::Custom, SubKind::Custom, self.evidence, self.start..self.end, 0)
            .with_rule(self.rule)
    }
}

/// A candidate of one rule.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    start: usize,
    end: usize,
}

impl Rules {
    /// Compiles `rules`; `None` when there are none.
    pub(crate) fn new(rules: &[Rule]) -> Result<Option<Rules>, Error> {
        if rules.is_empty() {
            return Ok(None);
        }
        if rules.len() > MAX_RULES {
            return Err(Error::TooManyRules { count: rules.len(), max: MAX_RULES });
        }
        let mut compiled = Vec::with_capacity(rules.len());
        let mut max_len = 0;
        let mut lookbehind = 0;
        for (i, rule) in rules.iter().enumerate() {
            check_name(rule)?;
            if rules[..i].iter().any(|r| r.name == rule.name) {
                return Err(rule_error(rule, "another rule has the same name"));
            }
            let (c, len) = compile(rule)?;
            max_len = max_len.max(len);
            // The window's characters, four bytes at most each.
            lookbehind = lookbehind.max(if c.context.is_some() { c.window * 4 } else { 0 });
            compiled.push(c);
        }
        Ok(Some(Rules { rules: compiled, max_len, lookbehind: lookbehind + AFTER }))
    }

    /// Bytes before a match that a decision may read.
    pub(crate) fn lookbehind(&self) -> usize {
        self.lookbehind
    }

    /// The first match at or after `pos`: the earliest start, the longest
    /// where several start together, the first rule where they also end
    /// together. Without `eof`, candidates close enough to the end to grow
    /// with more bytes are held.
    pub(crate) fn next(&self, hay: &[u8], pos: usize, eof: bool) -> Next<Hit> {
        // Candidates starting before `decided` are complete: all their
        // bytes and the character after them are here.
        let decided = if eof { hay.len() } else { hay.len().saturating_sub(self.max_len + AFTER) };
        let mut best: Option<(Candidate, usize)> = None;
        for (index, rule) in self.rules.iter().enumerate() {
            let limit = best.map_or(hay.len(), |(b, _)| b.start + 1).min(hay.len());
            if let Some(c) = rule.first(hay, pos, limit)
                && best.is_none_or(|(b, _)| c.start < b.start || c.start == b.start && c.end > b.end)
            {
                best = Some((c, index));
            }
        }
        match best {
            Some((c, _)) if c.start >= decided => Next::Hold(decided.max(pos)),
            Some((c, index)) => Next::Found(Hit {
                start: c.start,
                end: c.end,
                evidence: self.rules[index].evidence,
                rule: u16::try_from(index).expect("at most MAX_RULES rules"),
            }),
            None if eof => Next::None,
            None => Next::Hold(decided.max(pos)),
        }
    }
}

impl Compiled {
    /// The first accepted candidate starting in `from..limit`.
    fn first(&self, hay: &[u8], mut from: usize, limit: usize) -> Option<Candidate> {
        while from < limit {
            let c = self.search(hay, from)?;
            if c.start >= limit {
                return None;
            }
            if self.accepts(hay, c) {
                return Some(c);
            }
            from = c.start + hay.get(c.start).and_then(|&b| utf8_len(b)).unwrap_or(1);
        }
        None
    }

    /// The leftmost candidate of the literals and the patterns starting at
    /// or after `from` (the longer where both start together).
    fn search(&self, hay: &[u8], from: usize) -> Option<Candidate> {
        let lit = self.literals.as_ref().and_then(|a| a.find(aho_corasick::Input::new(hay).range(from..)));
        let re = self.regex.as_ref().and_then(|r| r.find(regex_automata::Input::new(hay).range(from..)));
        let lit = lit.map(|m| Candidate { start: m.start(), end: m.end() });
        // An empty match is never a finding; search on past it.
        let re = re.and_then(|m| {
            if m.is_empty() {
                let next = m.start() + 1;
                (next <= hay.len())
                    .then(|| self.regex.as_ref()?.find(regex_automata::Input::new(hay).range(next..)))
                    .flatten()
                    .filter(|m| !m.is_empty())
            } else {
                Some(m)
            }
        });
        let re = re.map(|m| Candidate { start: m.start(), end: m.end() });
        match (lit, re) {
            (Some(a), Some(b)) => Some(if b.start < a.start || b.start == a.start && b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    fn accepts(&self, hay: &[u8], c: Candidate) -> bool {
        if c.end - c.start > MAX_RULE_MATCH_LEN {
            return false;
        }
        if self.standalone && glued(hay, c) {
            return false;
        }
        if let Some(words) = &self.context {
            let lo = window_start(hay, c.start, self.window);
            if words.find(aho_corasick::Input::new(&hay[..c.start]).range(lo..)).is_none() {
                return false;
            }
        }
        validate(self.validator, &hay[c.start..c.end])
    }
}

/// Where the context window before `start` begins: `chars` characters back
/// (fewer at the start of the haystack).
fn window_start(hay: &[u8], start: usize, chars: usize) -> usize {
    let mut i = start;
    for _ in 0..chars {
        match prev_char_start(hay, i, 0) {
            Some(c) => i = c,
            None => break,
        }
    }
    i
}

/// Whether the candidate continues an ASCII letter or digit run on either
/// side.
fn glued(hay: &[u8], c: Candidate) -> bool {
    let alnum = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let before = alnum(hay.get(c.start)) && c.start > 0 && alnum(hay.get(c.start - 1));
    let after = c.end > 0 && alnum(hay.get(c.end - 1)) && alnum(hay.get(c.end));
    before || after
}

/// The digit values in `text`, ASCII or full width, and whether it ends
/// with `X` or `x` (ASCII or full width) after its last digit.
fn digits(text: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(text.len());
    let mut x_last = false;
    let mut i = 0;
    while i < text.len() {
        match &text[i..] {
            [b @ b'0'..=b'9', ..] => {
                out.push(b - b'0');
                x_last = false;
                i += 1;
            }
            [0xEF, 0xBC, b @ 0x90..=0x99, ..] => {
                out.push(b - 0x90);
                x_last = false;
                i += 3;
            }
            [b'X' | b'x', ..] => {
                x_last = true;
                i += 1;
            }
            [0xEF, 0xBC, 0xB8, ..] | [0xEF, 0xBD, 0x98, ..] => {
                x_last = true;
                i += 3;
            }
            _ => {
                x_last = false;
                i += 1;
            }
        }
    }
    (out, x_last)
}

/// Whether `text` passes `validator`.
pub(crate) fn validate(validator: Validator, text: &[u8]) -> bool {
    let (d, x_last) = digits(text);
    match validator {
        Validator::None => true,
        Validator::Luhn => !x_last && d.len() >= 2 && crate::detect::bank_card::luhn(&d),
        Validator::Mod11_2 => {
            // The check character is the last digit, or the final X.
            let (body, check) = if x_last {
                (&d[..], 10)
            } else {
                match d.split_last() {
                    Some((&c, body)) => (body, u32::from(c)),
                    None => return false,
                }
            };
            if body.is_empty() {
                return false;
            }
            // ISO 7064 MOD 11-2: weights 2^(n - i) mod 11, from the left.
            let mut weight = 1u32;
            let mut sum = 0u32;
            for &v in body.iter().rev() {
                weight = weight * 2 % 11;
                sum = (sum + u32::from(v) * weight) % 11;
            }
            (12 - sum % 11) % 11 == check
        }
        Validator::Mod97_10 => {
            !x_last && d.len() >= 3 && d.iter().fold(0u32, |r, &v| (r * 10 + u32::from(v)) % 97) == 1
        }
    }
}

fn longest(words: &[String]) -> usize {
    words.iter().map(String::len).max().unwrap_or(0)
}

fn rule_error(rule: &Rule, reason: impl Into<String>) -> Error {
    Error::Rule { rule: rule.name.clone(), reason: reason.into() }
}

fn check_name(rule: &Rule) -> Result<(), Error> {
    let name = rule.name.as_str();
    let ok = !name.is_empty()
        && name.len() <= 32
        && name.as_bytes()[0].is_ascii_lowercase()
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !ok {
        return Err(Error::Rule {
            rule: name.chars().take(40).collect(),
            reason: "a rule name is 1 to 32 lower-case ASCII letters, digits and '_', starting with a letter".into(),
        });
    }
    if Kind::from_name(name).is_some() || name == "default" || name == "all" {
        return Err(rule_error(rule, "the name of a built-in kind cannot name a rule"));
    }
    Ok(())
}

/// Compiles one rule; also returns the longest match it may produce.
fn compile(rule: &Rule) -> Result<(Compiled, usize), Error> {
    if rule.literals.is_empty() && rule.patterns.is_empty() {
        return Err(rule_error(rule, "the rule has no literal and no pattern"));
    }
    if rule.context_window > MAX_RULE_CONTEXT_WINDOW {
        return Err(rule_error(
            rule,
            format!("context window of {} characters; the maximum is {MAX_RULE_CONTEXT_WINDOW}", rule.context_window),
        ));
    }
    let mut max_len = 0;
    let literals = if rule.literals.is_empty() {
        None
    } else {
        if let Some(k) = rule.literals.iter().position(String::is_empty) {
            return Err(rule_error(rule, format!("literal {} is empty", k + 1)));
        }
        if let Some(l) = rule.literals.iter().find(|l| l.len() > MAX_RULE_MATCH_LEN) {
            return Err(rule_error(
                rule,
                format!("a literal is {} bytes long; the maximum is {MAX_RULE_MATCH_LEN}", l.len()),
            ));
        }
        max_len = longest(&rule.literals);
        Some(
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(rule.case_insensitive)
                .build(&rule.literals)
                .map_err(|e| rule_error(rule, format!("literals: {e}")))?,
        )
    };
    let regex = if rule.patterns.is_empty() {
        None
    } else {
        let config = syntax::Config::new().case_insensitive(rule.case_insensitive);
        for (k, p) in rule.patterns.iter().enumerate() {
            let hir = syntax::parse_with(p, &config)
                .map_err(|e| rule_error(rule, format!("pattern {}: {}", k + 1, first_line(&e.to_string()))))?;
            let Some(len) = match_len(&hir) else {
                return Err(rule_error(rule, format!("pattern {} can never match: no text fits it", k + 1)));
            };
            match len.max {
                Some(n) if n <= MAX_RULE_MATCH_LEN => max_len = max_len.max(n),
                _ => {
                    return Err(rule_error(
                        rule,
                        format!(
                            "pattern {} may match more than {MAX_RULE_MATCH_LEN} bytes; bound its repetitions \
                             ({{6,12}} rather than + or *)",
                            k + 1
                        ),
                    ));
                }
            }
            if len.min == 0 {
                return Err(rule_error(rule, format!("pattern {} matches the empty string", k + 1)));
            }
        }
        Some(
            Regex::builder()
                .syntax(config)
                .build_many(&rule.patterns)
                .map_err(|e| rule_error(rule, format!("patterns: {}", first_line(&e.to_string()))))?,
        )
    };
    let context = if rule.context.is_empty() {
        None
    } else {
        if rule.context.iter().any(String::is_empty) {
            return Err(rule_error(rule, "a context word is empty"));
        }
        check_context_window(rule)?;
        Some(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&rule.context)
                .map_err(|e| rule_error(rule, format!("context words: {e}")))?,
        )
    };
    let evidence = if rule.validator != Validator::None {
        Evidence::Checksum
    } else if context.is_some() {
        Evidence::Context
    } else {
        Evidence::Pattern
    };
    let compiled = Compiled {
        literals,
        regex,
        context,
        window: rule.context_window,
        validator: rule.validator,
        standalone: rule.standalone,
        evidence,
    };
    Ok((compiled, max_len))
}

/// Whether the rule's context window can hold one of its context words:
/// a word must lie wholly within the window, so a window shorter than
/// every word (0 characters, always) would refuse every candidate. Without
/// context words the window is not used, and any size up to the maximum is
/// accepted.
pub(crate) fn check_context_window(rule: &Rule) -> Result<(), Error> {
    let shortest = rule.context.iter().map(|w| w.chars().count()).min();
    match shortest {
        Some(n) if n > rule.context_window => Err(rule_error(
            rule,
            format!(
                "context window too short for any context word, so the rule could never match: the window is {} \
                 characters, the shortest word {n}; widen the window or drop the context words",
                rule.context_window
            ),
        )),
        _ => Ok(()),
    }
}

fn first_line(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validators() {
        assert!(validate(Validator::Luhn, b"4111 1111 1111 1111"));
        assert!(!validate(Validator::Luhn, b"4111 1111 1111 1112"));
        assert!(validate(Validator::Mod11_2, b"11010519491231002X"));
        assert!(!validate(Validator::Mod11_2, b"110105194912310021"));
        assert!(validate(Validator::Mod11_2, "１１０１０５１９４９１２３１００２ｘ".as_bytes()));
        // ISO 7064 MOD 97-10: the digits of GB82 WEST 1234 5698 7654 32
        // rearranged as IBANs are checked.
        assert!(validate(Validator::Mod97_10, b"3214282912345698765432161182"));
        assert!(!validate(Validator::Mod97_10, b"3214282912345698765432161183"));
        assert!(validate(Validator::None, b"anything"));
    }
}
