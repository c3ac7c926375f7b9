//! One-shot redaction under a fuzzer-chosen configuration: `find_iter`,
//! `redact`, `redact_bytes`, `redact_into` and `redact_in_place` agree and
//! keep every documented rule (see `tests/invariants`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuomin_fuzz::RedactInput;

fuzz_target!(|input: RedactInput<'_>| {
    tuomin_fuzz::run(&input.case());
});
