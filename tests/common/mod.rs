//! Shared helpers for the integration tests.
#![allow(dead_code)]

use tuomin::{Date, Kind, Redactor};

/// A labeled span: kind and byte range in the plain text.
pub type Label = (Kind, usize, usize);

/// Splits `⟦kind|text⟧` markup off a line: the plain text and its labels.
pub fn parse_marked(marked: &str) -> (String, Vec<Label>) {
    let mut plain = String::with_capacity(marked.len());
    let mut labels = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('⟦') {
        plain.push_str(&rest[..open]);
        let after = &rest[open + '⟦'.len_utf8()..];
        let bar = after.find('|').expect("markup has a kind");
        let close = after.find('⟧').expect("markup is closed");
        let kind = Kind::from_name(&after[..bar]).unwrap_or_else(|| panic!("unknown kind in {marked:?}"));
        let start = plain.len();
        plain.push_str(&after[bar + 1..close]);
        labels.push((kind, start, plain.len()));
        rest = &after[close + '⟧'.len_utf8()..];
    }
    plain.push_str(rest);
    (plain, labels)
}

/// Renders labels back into markup, for readable failure messages.
pub fn mark(plain: &str, labels: &[Label]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(kind, s, e) in labels {
        out.push_str(&plain[last..s]);
        out.push_str(&format!("⟦{}|{}⟧", kind.name(), &plain[s..e]));
        last = e;
    }
    out.push_str(&plain[last..]);
    out
}

/// The date the tests treat as today, so that results do not depend on the
/// clock.
pub fn test_date() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// The default redactor with the test date.
pub fn redactor() -> Redactor {
    Redactor::builder().reference_date(test_date()).build().unwrap()
}

/// The redactor for a case or corpus file: the default one, or every kind
/// (names included) for files about names (`name.txt`, `kinds-name.txt`).
pub fn redactor_for(file: &str) -> Redactor {
    if file == "name.txt" || file == "kinds-name.txt" {
        Redactor::builder().kinds(tuomin::KindSet::ALL).reference_date(test_date()).build().unwrap()
    } else {
        redactor()
    }
}

/// What the redactor reports for `plain`, as labels.
pub fn found(r: &Redactor, plain: &str) -> Vec<Label> {
    r.find_iter(plain).map(|m| (m.kind(), m.start(), m.end())).collect()
}

/// Lines of a case file: (name, marked text), skipping comments and blanks.
pub fn case_lines(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap_or_else(|| panic!("case line without a tab: {l:?}")))
        .collect()
}
