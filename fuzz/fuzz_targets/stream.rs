//! Streaming under fuzzer-chosen chunk boundaries, message ends and output
//! buffer sizes: `push`, `feed` and `RedactWriter` give byte for byte what
//! redacting each message at once gives, with the same matches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuomin_fuzz::StreamInput;

fuzz_target!(|input: StreamInput<'_>| {
    tuomin_fuzz::run(&input.case());
});
