//! Table-driven detector cases: `tests/cases/*.txt`, one case per line.
//!
//! Each line is `NAME<TAB>TEXT`, where TEXT marks every expected match as
//! `⟦kind|span⟧`. A line without markup is a hard negative. Every `.txt`
//! file in the directory is run; the core kinds' files are named below so
//! that removing one fails.

mod common;

use common::{case_lines, found, mark, parse_marked, redactor_for};

fn run(file: &str, text: &str) {
    let r = redactor_for(file);
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

#[test]
fn every_case_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the cases directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for core in ["phone.txt", "id_card.txt", "bank_card.txt", "address.txt", "negatives.txt"] {
        assert!(names.iter().any(|n| n == core), "{core} is missing");
    }
    for name in names.iter().filter(|n| {
        !["phone.txt", "id_card.txt", "bank_card.txt", "address.txt", "negatives.txt"].contains(&n.as_str())
    }) {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("a readable case file");
        run(name, &text);
    }
}
