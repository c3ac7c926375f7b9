//! Replays every case in `tests/fuzz-regressions/` through the checks the
//! fuzz targets run (`tests/invariants`). A case is a minimized fuzz input
//! that once failed, or a hand-written one for a contract worth pinning;
//! `fuzz/README.md` says how to turn a fuzz artifact into one.

mod invariants;

use std::path::Path;

use invariants::Case;

/// The cases, by file name.
fn cases() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "case") {
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            let case = Case::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            cases.push((name, case));
        }
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

#[test]
fn every_regression_case_passes() {
    let cases = cases();
    assert!(!cases.is_empty(), "no cases in tests/fuzz-regressions");
    let mut failed = Vec::new();
    for (name, case) in &cases {
        if std::panic::catch_unwind(|| case.run()).is_err() {
            failed.push(name.as_str());
        }
    }
    assert!(failed.is_empty(), "{} of {} cases failed: {failed:?}", failed.len(), cases.len());
}

#[test]
fn cases_round_trip_through_their_text_form() {
    for (name, case) in cases() {
        assert_eq!(Case::parse(&case.to_text()).as_ref(), Ok(&case), "{name}");
    }
}

#[test]
fn escaping_round_trips_every_byte() {
    let bytes: Vec<u8> = (0..=255u8).chain("手机１３８\"\\\n\u{3000}😀".bytes()).collect();
    assert_eq!(invariants::unescape(&invariants::escape(&bytes)), Ok(bytes));
}
