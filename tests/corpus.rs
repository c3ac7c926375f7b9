//! Recall and precision on the labeled chat corpus (`testdata/corpus/`).
//!
//! A reported match counts as correct when a label of the same kind has
//! exactly its span. Thresholds per kind: recall ≥ 99.5%, precision ≥ 99%.

mod common;

use std::collections::BTreeMap;

use common::{case_lines, found, mark, parse_marked, redactor};
use tuomin::Kind;

const MIN_RECALL: f64 = 0.995;
const MIN_PRECISION: f64 = 0.99;

#[derive(Default)]
struct Tally {
    labeled: usize,
    reported: usize,
    correct: usize,
}

#[test]
fn corpus_recall_and_precision() {
    let r = redactor();
    let text = include_str!("../testdata/corpus/chat.txt");
    let mut tallies: BTreeMap<Kind, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut lines = 0;
    for (category, marked) in case_lines(text) {
        lines += 1;
        let (plain, want) = parse_marked(marked);
        let got = found(&r, &plain);
        for &(kind, ..) in &want {
            tallies.entry(kind).or_default().labeled += 1;
        }
        for g in &got {
            let t = tallies.entry(g.0).or_default();
            t.reported += 1;
            if want.contains(g) {
                t.correct += 1;
            }
        }
        if got != want {
            misses.push(format!("{category}\n  want {}\n  got  {}", mark(&plain, &want), mark(&plain, &got)));
        }
    }
    assert!(lines >= 1000, "the corpus must hold at least 1,000 lines");

    let mut report = format!(
        "{lines} lines\n{:<10} {:>8} {:>8} {:>8} {:>8} {:>9}\n",
        "kind", "labeled", "reported", "correct", "recall", "precision"
    );
    let mut failed = false;
    for (kind, t) in &tallies {
        let recall = t.correct as f64 / t.labeled.max(1) as f64;
        let precision = t.correct as f64 / t.reported.max(1) as f64;
        failed |= recall < MIN_RECALL || precision < MIN_PRECISION;
        report += &format!(
            "{:<10} {:>8} {:>8} {:>8} {:>7.2}% {:>8.2}%\n",
            kind.name(),
            t.labeled,
            t.reported,
            t.correct,
            recall * 100.0,
            precision * 100.0
        );
    }
    println!("{report}");
    assert!(
        !failed,
        "{report}\n{} line(s) differ; first ones:\n{}",
        misses.len(),
        misses.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}
