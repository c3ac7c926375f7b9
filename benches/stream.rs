//! Streaming throughput beside one-shot redaction, on the chat transcript
//! corpus (`corpora::Shape::Chat`: about 4% of lines carry personal
//! information, as in real contact-center traffic).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tuomin::{Piece, Redactor};

#[path = "corpora/mod.rs"]
mod corpora;

fn streaming(c: &mut Criterion) {
    let redactor = Redactor::new();
    let text = corpora::generate(corpora::Shape::Chat, 4 << 20);
    let mut group = c.benchmark_group("chat");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("one-shot", |b| {
        let mut out = Vec::with_capacity(text.len());
        b.iter(|| {
            out.clear();
            redactor.redact_into(black_box(&text), &mut out);
        })
    });
    for chunk in [16usize, 256, 4096, 65536] {
        group.bench_function(format!("stream/{chunk}"), |b| {
            let mut out = Vec::with_capacity(text.len());
            b.iter(|| {
                out.clear();
                let mut stream = redactor.stream();
                let mut sink = |p: Piece<'_>| -> Result<(), ()> {
                    out.extend_from_slice(p.bytes());
                    Ok(())
                };
                for piece in black_box(&text).chunks(chunk) {
                    stream.push(piece, &mut sink).unwrap();
                }
                stream.finish(&mut sink).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, streaming);
criterion_main!(benches);
