//! Recall and precision on the labeled corpora (`testdata/corpus/`).
//!
//! Chat lines (`chat.txt`): a reported match is correct when a label of
//! the same kind has exactly its span; thresholds: recall ≥ 99.5% and
//! precision ≥ 99% for phone, ID and bank card numbers, recall ≥ 95% and
//! precision ≥ 95% for every other kind labeled or reported in the file
//! (verification codes, emails, QQ numbers, IP addresses and addresses
//! dropped into its lines), so a default kind that reports what is not
//! labeled fails too.
//!
//! Addresses (`address.txt`): a label is recalled when reported address
//! spans cover every one of its characters (so all of it gets masked), and
//! a reported address is correct when it overlaps a labeled one;
//! thresholds: recall ≥ 95%, precision ≥ 95%. Exact span agreement is
//! reported too.
//!
//! The other kinds (`kinds-*.txt`, one file per family of detectors, each
//! from its own `scripts/gen_kinds_*.py`): exact spans, recall ≥ 95% and
//! precision ≥ 95% for every kind labeled in the file, and at least 30
//! labels per kind.

mod common;

use std::collections::BTreeMap;

use common::{Label, case_lines, found, mark, parse_marked, redactor_for};
use tuomin::Kind;

#[derive(Default)]
struct Tally {
    labeled: usize,
    reported: usize,
    correct_reports: usize,
    recalled: usize,
    exact: usize,
}

fn covered(label: &Label, got: &[Label]) -> bool {
    let (kind, s, e) = *label;
    let mut at = s;
    for &(k, gs, ge) in got {
        if k == kind && gs <= at && ge > at {
            at = ge;
        }
    }
    at >= e
}

fn overlaps(a: &Label, b: &Label) -> bool {
    a.0 == b.0 && a.1 < b.2 && b.1 < a.2
}

/// Scores one corpus file; returns the table and the differing lines.
fn score(name: &str, text: &str, lenient: &[Kind]) -> (BTreeMap<Kind, Tally>, Vec<String>, usize) {
    let r = redactor_for(name);
    let mut tallies: BTreeMap<Kind, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut lines = 0;
    for (category, marked) in case_lines(text) {
        lines += 1;
        let (plain, want) = parse_marked(marked);
        let got = found(&r, &plain);
        for w in &want {
            let t = tallies.entry(w.0).or_default();
            t.labeled += 1;
            let ok = if lenient.contains(&w.0) { covered(w, &got) } else { got.contains(w) };
            t.recalled += usize::from(ok);
            t.exact += usize::from(got.contains(w));
        }
        for g in &got {
            let t = tallies.entry(g.0).or_default();
            t.reported += 1;
            let ok = if lenient.contains(&g.0) { want.iter().any(|w| overlaps(w, g)) } else { want.contains(g) };
            t.correct_reports += usize::from(ok);
        }
        if got != want {
            misses.push(format!("{category}\n  want {}\n  got  {}", mark(&plain, &want), mark(&plain, &got)));
        }
    }
    (tallies, misses, lines)
}

/// Least recall and precision a kind must reach, or `None` where the kind is
/// only reported on.
type Limits<'a> = &'a dyn Fn(Kind) -> Option<(f64, f64)>;

/// The same least recall and precision for each of `kinds`.
fn limits_for(kinds: &[Kind], min_recall: f64, min_precision: f64) -> impl Fn(Kind) -> Option<(f64, f64)> + '_ {
    move |k| kinds.contains(&k).then_some((min_recall, min_precision))
}

fn check(name: &str, text: &str, lenient: &[Kind], limits: Limits) {
    let (tallies, misses, lines) = score(name, text, lenient);
    let mut report = format!(
        "{name}: {lines} lines\n{:<18} {:>8} {:>8} {:>8} {:>9} {:>8}\n",
        "kind", "labeled", "reported", "recall", "precision", "exact"
    );
    let mut failed = false;
    for (kind, t) in &tallies {
        let recall = t.recalled as f64 / t.labeled.max(1) as f64;
        let precision = t.correct_reports as f64 / t.reported.max(1) as f64;
        if let Some((min_recall, min_precision)) = limits(*kind) {
            failed |= recall < min_recall || precision < min_precision;
        }
        report += &format!(
            "{:<18} {:>8} {:>8} {:>7.2}% {:>8.2}% {:>7.2}%\n",
            kind.name(),
            t.labeled,
            t.reported,
            recall * 100.0,
            precision * 100.0,
            t.exact as f64 * 100.0 / t.labeled.max(1) as f64
        );
    }
    println!("{report}");
    assert!(
        !failed,
        "{report}\n{} line(s) differ; first ones:\n{}",
        misses.len(),
        misses.iter().take(400).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn numbers_in_chat() {
    let text = include_str!("../testdata/corpus/chat.txt");
    assert!(case_lines(text).len() >= 1000, "the corpus must hold at least 1,000 lines");
    let numbers = [Kind::Phone, Kind::IdCard, Kind::BankCard];
    check("chat.txt", text, &[], &|k| match k {
        k if numbers.contains(&k) => Some((0.995, 0.99)),
        k if k.is_default() => Some((0.95, 0.95)),
        _ => None,
    });
}

/// The kinds beyond phone, ID and bank card numbers that `chat.txt` labels:
/// the decoys its generator drops into lines that are personal
/// information. A change to the generator that lost them would quietly
/// stop measuring these kinds on chat lines.
#[test]
fn chat_labels_the_other_kinds() {
    let text = include_str!("../testdata/corpus/chat.txt");
    let mut labeled: BTreeMap<Kind, usize> = BTreeMap::new();
    for (_, marked) in case_lines(text) {
        for l in parse_marked(marked).1 {
            *labeled.entry(l.0).or_default() += 1;
        }
    }
    for kind in [Kind::Address, Kind::VerificationCode, Kind::Email, Kind::Qq, Kind::IpAddress] {
        assert!(labeled.get(&kind).is_some_and(|&n| n >= 10), "chat.txt: {kind} labels: {:?}", labeled.get(&kind));
    }
}

#[test]
fn addresses_in_chat() {
    let text = include_str!("../testdata/corpus/address.txt");
    let lines = case_lines(text);
    let positives = lines.iter().filter(|(_, t)| t.contains("⟦address|")).count();
    assert!(positives >= 500 && lines.len() - positives >= 500, "500 address lines and 500 negatives");
    check("address.txt", text, &[Kind::Address], &limits_for(&[Kind::Address], 0.95, 0.95));
}

#[test]
fn other_kinds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the corpus directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("kinds-") && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable corpus file");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let mut labeled: BTreeMap<Kind, usize> = BTreeMap::new();
        for (_, marked) in case_lines(&text) {
            for l in parse_marked(marked).1 {
                *labeled.entry(l.0).or_default() += 1;
            }
        }
        for (kind, n) in &labeled {
            assert!(*n >= 30, "{name}: only {n} {kind} labels");
        }
        let kinds: Vec<Kind> = labeled.keys().copied().collect();
        check(&name, &text, &[], &limits_for(&kinds, 0.95, 0.95));
    }
}
