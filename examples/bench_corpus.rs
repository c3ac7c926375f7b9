//! Writes a benchmark corpus to standard output:
//! `cargo run --release --example bench_corpus -- chat 3000000 > chat.txt`.
//! Shapes: chat, tickets, dense, cjk, logs.

#[path = "../benches/corpora/mod.rs"]
mod corpora;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().and_then(|s| corpora::Shape::from_name(&s));
    let bytes = args.next().and_then(|s| s.parse::<usize>().ok());
    let (Some(shape), Some(bytes)) = (shape, bytes) else {
        eprintln!("usage: bench_corpus chat|tickets|dense|cjk|logs BYTES");
        std::process::exit(2);
    };
    let text = corpora::generate(shape, bytes);
    std::io::stdout().lock().write_all(&text).expect("writing the corpus");
}
