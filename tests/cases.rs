//! Table-driven detector cases: `tests/cases/*.txt`, one case per line.
//!
//! Each line is `NAME<TAB>TEXT`, where TEXT marks every expected match as
//! `⟦kind|span⟧`. A line without markup is a hard negative.

mod common;

use common::{case_lines, found, mark, parse_marked, redactor};

fn run(file: &str, text: &str) {
    let r = redactor();
    let mut names = std::collections::HashSet::new();
    let mut failures = Vec::new();
    for (name, marked) in case_lines(text) {
        assert!(names.insert(name), "{file}: duplicate case name {name}");
        let (plain, want) = parse_marked(marked);
        let got = found(&r, &plain);
        if got != want {
            failures.push(format!("{file}:{name}\n  want {}\n  got  {}", mark(&plain, &want), mark(&plain, &got)));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn phone_cases() {
    run("phone.txt", include_str!("cases/phone.txt"));
}

#[test]
fn id_card_cases() {
    run("id_card.txt", include_str!("cases/id_card.txt"));
}

#[test]
fn bank_card_cases() {
    run("bank_card.txt", include_str!("cases/bank_card.txt"));
}

#[test]
fn hard_negatives() {
    run("negatives.txt", include_str!("cases/negatives.txt"));
}

#[test]
fn address_cases() {
    run("address.txt", include_str!("cases/address.txt"));
}
