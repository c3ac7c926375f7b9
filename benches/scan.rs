//! Throughput per corpus shape: tuomin's scan, redact, in-place and 4 KiB
//! streaming paths, per kind, cold and warm, side by side with a baseline
//! written the way a Rust user would: one `regex` alternation of equivalent
//! patterns plus the same validation.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tuomin::{Kind, KindSet, Piece, Redactor};

#[path = "corpora/mod.rs"]
mod corpora;

use corpora::{Shape, generate};

/// The baseline: a single regex with validation after each match.
struct RegexBaseline {
    re: regex::bytes::Regex,
}

impl RegexBaseline {
    fn new() -> RegexBaseline {
        let re = regex::bytes::Regex::new(
            r"(?x)
              (?P<id>[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])
            | (?P<card>(?:[3-6]|9)\d{15,18})
            | (?P<mobile>(?:\+?86[-\ ]?)?1[3-9]\d[-\ ]?\d{4}[-\ ]?\d{4})
            | (?P<landline>0\d{2,3}-\d{7,8})",
        )
        .expect("the baseline pattern compiles");
        RegexBaseline { re }
    }

    fn luhn(d: &[u8]) -> bool {
        let sum: u32 = d
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &c)| {
                let x = u32::from(c - b'0');
                if i % 2 == 1 { if x * 2 > 9 { x * 2 - 9 } else { x * 2 } } else { x }
            })
            .sum();
        sum.is_multiple_of(10)
    }

    fn mod11(d: &[u8]) -> bool {
        const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = d[..17].iter().zip(W).map(|(&c, w)| u32::from(c - b'0') * w).sum();
        b"10X98765432"[(sum % 11) as usize] == d[17].to_ascii_uppercase()
    }

    /// Redacts like tuomin's full mask, validating each regex match.
    fn redact(&self, hay: &[u8], out: &mut Vec<u8>) {
        let mut last = 0;
        for caps in self.re.captures_iter(hay) {
            let m = caps.get(0).expect("group 0 always matches");
            let valid = if let Some(id) = caps.name("id") {
                Self::mod11(id.as_bytes())
            } else if let Some(card) = caps.name("card") {
                Self::luhn(card.as_bytes())
            } else {
                true
            };
            if valid {
                out.extend_from_slice(&hay[last..m.start()]);
                out.extend(m.as_bytes().iter().map(|&b| if b.is_ascii_digit() { b'*' } else { b }));
                last = m.end();
            }
        }
        out.extend_from_slice(&hay[last..]);
    }
}

const SIZE: usize = 2 << 20;

fn by_shape(c: &mut Criterion) {
    let all = Redactor::new();
    let baseline = RegexBaseline::new();
    for shape in Shape::ALL {
        let text = generate(shape, SIZE);
        let mut group = c.benchmark_group(shape.name());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        let mut out = Vec::with_capacity(text.len() + 1024);
        group.bench_function("tuomin/redact", |b| {
            b.iter(|| {
                out.clear();
                all.redact_into(black_box(&text), &mut out)
            })
        });
        group.bench_function("tuomin/scan", |b| b.iter(|| all.find_iter(black_box(&text)).count()));
        let mut buf = text.clone();
        group.bench_function("tuomin/in-place", |b| {
            b.iter(|| {
                buf.copy_from_slice(&text);
                all.redact_in_place(black_box(&mut buf)).expect("default policies keep the length")
            })
        });
        group.bench_function("tuomin/stream-4KiB", |b| {
            b.iter(|| {
                out.clear();
                let mut stream = all.stream();
                let mut sink = |p: Piece<'_>| -> Result<(), ()> {
                    out.extend_from_slice(p.bytes());
                    Ok(())
                };
                for chunk in black_box(&text).chunks(4096) {
                    stream.push(chunk, &mut sink).unwrap();
                }
                stream.finish(&mut sink).unwrap();
            })
        });
        group.bench_function("regex-baseline/redact", |b| {
            b.iter(|| {
                out.clear();
                baseline.redact(black_box(&text), &mut out)
            })
        });
        group.finish();
    }
}

fn per_kind(c: &mut Criterion) {
    let text = generate(Shape::Chat, SIZE);
    let mut group = c.benchmark_group("chat-per-kind");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    let digit_kinds = KindSet::NONE.with(Kind::Phone).with(Kind::IdCard).with(Kind::BankCard);
    for (name, kinds) in [
        ("phone", KindSet::NONE.with(Kind::Phone)),
        ("id_card", KindSet::NONE.with(Kind::IdCard)),
        ("bank_card", KindSet::NONE.with(Kind::BankCard)),
        ("address", KindSet::NONE.with(Kind::Address)),
        ("digit-kinds", digit_kinds),
        ("all", KindSet::ALL),
    ] {
        let r = Redactor::builder().kinds(kinds).build().unwrap();
        let mut out = Vec::with_capacity(text.len());
        group.bench_with_input(BenchmarkId::new("redact", name), &text, |b, text| {
            b.iter(|| {
                out.clear();
                r.redact_into(black_box(text), &mut out)
            })
        });
    }
    group.finish();
}

/// Building a redactor and redacting one message, the first call of a new
/// redactor, and the warm call. The tables (gazetteer, hotwords, area and
/// region codes, searchers) are built once per process and shared, so after
/// the first iteration these measure the rest of the build; the cost of a
/// cold process is measured with instruction counts (BENCHMARKS.md).
fn cold_and_warm(c: &mut Criterion) {
    let message = "客户：我的手机是138 1234 5678，地址北京市朝阳区建国路88号院3号楼2单元1102".as_bytes();
    let mut group = c.benchmark_group("one-message");
    group.sample_size(10);
    group.bench_function("build-and-redact", |b| {
        b.iter(|| {
            let r = Redactor::builder().build().unwrap();
            r.redact_bytes(black_box(message)).len()
        })
    });
    group.bench_function("first-call", |b| {
        b.iter_batched(
            || Redactor::builder().build().unwrap(),
            |r| r.redact_bytes(black_box(message)).len(),
            criterion::BatchSize::SmallInput,
        )
    });
    let r = Redactor::new();
    group.bench_function("warm-redact", |b| b.iter(|| r.redact_bytes(black_box(message)).len()));
    group.finish();
}

criterion_group!(benches, by_shape, per_kind, cold_and_warm);
criterion_main!(benches);
