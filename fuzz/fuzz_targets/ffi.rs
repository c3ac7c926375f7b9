//! The C ABI, called through its `extern "C"` functions: builder setters,
//! `tuomin_redact` and `tuomin_scan` with output buffers too small, exact
//! and too large (the INSUFFICIENT_SIZE contract), in-place redaction, and
//! streams fed with fuzzer-chosen chunks and `dst` sizes; every result must
//! equal the Rust API's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuomin_fuzz::FfiInput;

fuzz_target!(|input: FfiInput<'_>| {
    tuomin_fuzz::run(&input.case());
});
