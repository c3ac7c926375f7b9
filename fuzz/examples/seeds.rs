//! Writes the seed corpora in `fuzz/seeds/`: lines of the labeled corpora
//! in `testdata/corpus/`, each behind a configuration header decoded the
//! way the targets decode it (a third with the default configuration, the
//! rest with varied ones).
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example seeds
//!
//! Rerun it when the input types in `src/lib.rs` change, and commit the
//! result.

use std::path::Path;

use arbitrary::{Arbitrary, Unstructured};
use tuomin_fuzz::{FfiInput, FuzzConfig, FuzzFeeding, FuzzFfiPlan, RedactInput, StreamInput};

/// Lines taken from each corpus file.
const PER_FILE: [(&str, usize); 2] = [("chat.txt", 34), ("address.txt", 26)];

/// The plain text of a labeled corpus line (`name<TAB>text with ⟦kind|...⟧`).
fn plain(line: &str) -> String {
    let text = line.split_once('\t').map_or(line, |(_, t)| t);
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('⟦') {
        out.push_str(&rest[..open]);
        let after = &rest[open + '⟦'.len_utf8()..];
        let bar = after.find('|').map_or(0, |b| b + 1);
        let close = after.find('⟧').unwrap_or(after.len());
        out.push_str(&after[bar..close]);
        rest = after.get(close + '⟧'.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// How many bytes of `header` the fields before the text take.
fn header_len(target: &str, header: &[u8]) -> usize {
    let mut u = Unstructured::new(header);
    FuzzConfig::arbitrary(&mut u).expect("config");
    if target != "redact" {
        FuzzFeeding::arbitrary(&mut u).expect("feeding");
    }
    if target == "ffi" {
        FuzzFfiPlan::arbitrary(&mut u).expect("plan");
    }
    header.len() - u.len()
}

/// The text the target decodes from `seed`.
fn decoded_text(target: &str, seed: &[u8]) -> Vec<u8> {
    let u = Unstructured::new(seed);
    match target {
        "redact" => RedactInput::arbitrary_take_rest(u).expect("decodes").text.to_vec(),
        "stream" => StreamInput::arbitrary_take_rest(u).expect("decodes").text.to_vec(),
        _ => FfiInput::arbitrary_take_rest(u).expect("decodes").text.to_vec(),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("fuzz/ is inside the repository");
    let mut lines = Vec::new();
    for (file, count) in PER_FILE {
        let text = std::fs::read_to_string(root.join("testdata/corpus").join(file)).expect("corpus file");
        let all: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let step = all.len() / count;
        lines.extend(all.iter().step_by(step).take(count).map(|l| plain(l)));
    }
    for (t, target) in ["redact", "stream", "ffi"].into_iter().enumerate() {
        let dir = root.join("fuzz/seeds").join(target);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("seed directory");
        for (i, line) in lines.iter().enumerate() {
            // Longer than any header, so that the header never runs out of bytes.
            let raw = if i % 3 == 0 { vec![0; 1024] } else { noise((t * 1000 + i) as u64, 1024) };
            let mut seed = raw[..header_len(target, &raw)].to_vec();
            seed.extend_from_slice(line.as_bytes());
            assert_eq!(decoded_text(target, &seed), line.as_bytes(), "{target} seed {i} decodes to its line");
            std::fs::write(dir.join(format!("{i:03}")), seed).expect("seed file");
        }
        println!("{}: {} seeds", dir.display(), lines.len());
    }
}
