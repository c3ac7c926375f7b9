//! Streaming throughput beside one-shot redaction, on a chat transcript
//! built from the labeled corpora: lines with personal information make up
//! about 4% of it, as in real contact-center traffic.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tuomin::{Piece, Redactor};

/// A deterministic transcript of about `bytes` bytes.
fn transcript(bytes: usize) -> Vec<u8> {
    let mut plain = Vec::new();
    let mut personal = Vec::new();
    for text in [include_str!("../testdata/corpus/chat.txt"), include_str!("../testdata/corpus/address.txt")] {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((_, marked)) = line.split_once('\t') else { continue };
            let mut clean = String::new();
            let mut rest = marked;
            while let Some(open) = rest.find('⟦') {
                clean.push_str(&rest[..open]);
                let after = &rest[open + '⟦'.len_utf8()..];
                let bar = after.find('|').unwrap();
                let close = after.find('⟧').unwrap();
                clean.push_str(&after[bar + 1..close]);
                rest = &after[close + '⟧'.len_utf8()..];
            }
            clean.push_str(rest);
            if marked.contains('⟦') { personal.push(clean) } else { plain.push(clean) }
        }
    }
    // A small linear congruential generator keeps the mix deterministic.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut out = Vec::with_capacity(bytes + 256);
    let mut second = 0;
    while out.len() < bytes {
        second += next() % 40 + 1;
        let line = if next() % 100 < 4 { &personal[next() % personal.len()] } else { &plain[next() % plain.len()] };
        let speaker = if next() % 2 == 0 { "客户" } else { "坐席" };
        out.extend_from_slice(
            format!(
                "[2024-11-28 {:02}:{:02}:{:02}] {speaker}：{line}\n",
                second / 3600 % 24,
                second / 60 % 60,
                second % 60
            )
            .as_bytes(),
        );
    }
    out
}

fn streaming(c: &mut Criterion) {
    let redactor = Redactor::new();
    let text = transcript(4 << 20);
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
