//! How long the matches of a rule's pattern can be, read from its syntax
//! tree.
//!
//! regex-syntax has these lengths as `Properties::minimum_len` and
//! `maximum_len`, but they give no answer for a whole alternation or
//! repetition as soon as one part of it matches no text at all
//! (`M[0-9]{8}|[^\s\S]`), so they cannot tell a pattern that matches nothing
//! from an unbounded one, nor see that such a pattern is bounded. This walk
//! leaves out the parts that match nothing instead.
//!
//! Look-around assertions count as matching the empty string, so a pattern
//! whose assertions can never all hold (`a\bb`) is taken to match.

use regex_syntax::hir::{Hir, HirKind};

/// The shortest and longest match of a pattern, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MatchLen {
    pub(crate) min: usize,
    /// `None` when matches can be any length.
    pub(crate) max: Option<usize>,
}

impl MatchLen {
    const EMPTY: MatchLen = MatchLen { min: 0, max: Some(0) };

    fn exactly(n: usize) -> MatchLen {
        MatchLen { min: n, max: Some(n) }
    }
}

/// The lengths of `hir`'s matches; `None` when no text matches it.
///
/// The recursion is as deep as the pattern's nesting, which the parser
/// limits.
pub(crate) fn match_len(hir: &Hir) -> Option<MatchLen> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(MatchLen::EMPTY),
        HirKind::Literal(literal) => Some(MatchLen::exactly(literal.0.len())),
        // An empty class has neither length.
        HirKind::Class(class) => Some(MatchLen { min: class.minimum_len()?, max: Some(class.maximum_len()?) }),
        HirKind::Capture(capture) => match_len(&capture.sub),
        HirKind::Repetition(rep) => match match_len(&rep.sub) {
            // Zero times is the only way through.
            None => (rep.min == 0).then_some(MatchLen::EMPTY),
            Some(sub) => {
                let times = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
                let max = match (sub.max, rep.max) {
                    (Some(0), _) => Some(0),
                    // Too long to count is as good as unbounded.
                    (Some(m), Some(n)) => m.checked_mul(times(n)),
                    _ => None,
                };
                Some(MatchLen { min: sub.min.saturating_mul(times(rep.min)), max })
            }
        },
        HirKind::Concat(parts) => parts.iter().try_fold(MatchLen::EMPTY, |sum, part| {
            let part = match_len(part)?;
            let max = sum.max.zip(part.max).and_then(|(a, b)| a.checked_add(b));
            Some(MatchLen { min: sum.min.saturating_add(part.min), max })
        }),
        HirKind::Alternation(branches) => branches
            .iter()
            .filter_map(match_len)
            .reduce(|a, b| MatchLen { min: a.min.min(b.min), max: a.max.zip(b.max).map(|(a, b)| a.max(b)) }),
    }
}

#[cfg(test)]
mod tests {
    use regex_automata::util::syntax;

    use super::*;

    fn len(pattern: &str) -> Option<MatchLen> {
        match_len(&syntax::parse(pattern).unwrap())
    }

    #[test]
    fn agrees_with_regex_syntax_where_every_part_can_match() {
        for pattern in [
            "M[0-9]{8}",
            "[0-9]{6,12}",
            "[0-9]+",
            "a*",
            "会员号?[A-Z]{2}",
            r"(?i)k\b",
            "(ab|cde){2,3}",
            "(?:x{0})y",
            r"\p{Han}{2}|\w",
            "(a|b+)c",
            "",
        ] {
            let props = syntax::parse(pattern).unwrap();
            let props = props.properties();
            let ours = len(pattern).unwrap();
            assert_eq!((Some(ours.min), ours.max), (props.minimum_len(), props.maximum_len()), "{pattern}");
        }
    }

    #[test]
    fn parts_that_match_nothing_are_left_out() {
        for pattern in [r"[^\s\S]", r"a[^\s\S]", r"([^\s\S]|[^\d\D]){1,2}", r"(?i)[^\s\S]"] {
            assert_eq!(len(pattern), None, "{pattern}");
        }
        assert_eq!(len(r"M[0-9]{8}|[^\s\S]"), Some(MatchLen::exactly(9)));
        assert_eq!(len(r"x|[^\s\S]+b"), Some(MatchLen::exactly(1)));
        assert_eq!(len(r"M[0-9]{8}[^\s\S]?"), Some(MatchLen::exactly(9)));
        assert_eq!(len(r"M[0-9]{8}[^\s\S]*"), Some(MatchLen::exactly(9)));
        assert_eq!(len(r"[^\s\S]*"), Some(MatchLen::EMPTY));
    }

    #[test]
    fn lengths_too_large_to_count_are_unbounded() {
        let huge = len("a{4294967295}{4294967295}{4294967295}").unwrap();
        assert_eq!(huge, MatchLen { min: usize::MAX, max: None });
    }
}
