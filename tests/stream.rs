//! Streaming: for every chunking, the output equals one-shot redaction.

mod common;

use proptest::prelude::*;
use tuomin::{Kind, MAX_HOLDBACK, Piece, Policy, Preset, Redactor, Status, Stream};

/// (output, matches as (kind, start, end)) from a stream fed `chunks`.
fn run_stream(r: &Redactor, chunks: &[&[u8]]) -> (Vec<u8>, Vec<(Kind, u64, u64)>) {
    let mut stream = r.stream();
    let mut out = Vec::new();
    let mut found = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        if let Piece::Redacted { found: m, .. } = &p {
            found.push((m.kind(), m.start(), m.end()));
        }
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    for chunk in chunks {
        stream.push(chunk, &mut sink).unwrap();
        assert!(stream.held_back() <= MAX_HOLDBACK, "held back {} bytes", stream.held_back());
    }
    stream.finish(&mut sink).unwrap();
    assert_eq!(stream.held_back(), 0);
    (out, found)
}

fn one_shot(r: &Redactor, text: &[u8]) -> (Vec<u8>, Vec<(Kind, u64, u64)>) {
    let found = r.find_iter(text).map(|m| (m.kind(), m.start() as u64, m.end() as u64)).collect();
    (r.redact_bytes(text).into_owned(), found)
}

fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for text in [
        include_str!("../testdata/corpus/chat.txt"),
        include_str!("../testdata/corpus/address.txt"),
        include_str!("cases/phone.txt"),
        include_str!("cases/id_card.txt"),
        include_str!("cases/bank_card.txt"),
        include_str!("cases/address.txt"),
        include_str!("cases/negatives.txt"),
    ] {
        for (_, marked) in common::case_lines(text) {
            lines.push(common::parse_marked(marked).0);
        }
    }
    lines
}

#[test]
fn every_split_point_of_every_corpus_line() {
    let r = common::redactor();
    let mut checked = 0;
    for line in corpus_lines() {
        let bytes = line.as_bytes();
        let want = one_shot(&r, bytes);
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            let got = run_stream(&r, &[a, b]);
            assert!(
                got == want,
                "split at {cut} of {line:?}:\n got  {:?}\n want {:?}",
                String::from_utf8_lossy(&got.0),
                String::from_utf8_lossy(&want.0)
            );
            checked += 1;
        }
    }
    assert!(checked > 100_000, "{checked} splits");
}

/// Every line of every case file (`tests/cases/*.txt`), with names asked
/// for too, split at every point and fed one byte at a time.
#[test]
fn every_case_line_at_every_split_point() {
    let r = Redactor::builder().kinds(tuomin::KindSet::ALL).reference_date(common::test_date()).build().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut lines = 0;
    for entry in std::fs::read_dir(dir).expect("the cases directory") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a case file");
        for (_, marked) in common::case_lines(&text) {
            let plain = common::parse_marked(marked).0;
            let bytes = plain.as_bytes();
            let want = one_shot(&r, bytes);
            for cut in 0..=bytes.len() {
                let (a, b) = bytes.split_at(cut);
                assert_eq!(run_stream(&r, &[a, b]), want, "split at {cut} of {plain:?}");
            }
            let chunks: Vec<&[u8]> = bytes.chunks(1).collect();
            assert_eq!(run_stream(&r, &chunks), want, "one byte at a time: {plain:?}");
            lines += 1;
        }
    }
    assert!(lines > 300, "{lines} case lines");
}

#[test]
fn one_byte_at_a_time() {
    let r = common::redactor();
    for line in corpus_lines().iter().step_by(3) {
        let bytes = line.as_bytes();
        let chunks: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(run_stream(&r, &chunks), one_shot(&r, bytes), "{line:?}");
    }
}

/// Address words repeated past the longest address: the decision about
/// each address word must not depend on where a stream resumed (it once
/// did: the walk back over names stopped at the resume point).
#[test]
fn repeated_address_chains_in_small_chunks() {
    let r = Redactor::new();
    for unit in ["建国路88号", "北京市朝阳区建国路88号", "3号楼603室", "幸福村3组", "东区3栋", "阳光花园3栋2单元"]
    {
        for n in [10, 20, 50] {
            let text = unit.repeat(n);
            let bytes = text.as_bytes();
            for size in [1, 7, 13] {
                let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
                assert_eq!(run_stream(&r, &chunks), one_shot(&r, bytes), "{unit} x {n}, chunks of {size}");
            }
        }
    }
}

/// An address whose number the scan passed before its address word
/// arrived (`9` in `6)9号庭8期`): the stream must not have handed the number
/// out as clean text meanwhile.
#[test]
fn address_numbers_passed_before_their_word_arrives() {
    let r = Redactor::new();
    for text in ["6)9号庭8期", "【0755】58号星河滨江庭5期"] {
        let bytes = text.as_bytes();
        for size in 1..=5 {
            let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
            assert_eq!(run_stream(&r, &chunks), one_shot(&r, bytes), "{text}, chunks of {size}");
        }
    }
}

#[test]
fn whole_corpus_as_one_stream_in_odd_chunks() {
    let r = common::redactor();
    let text = corpus_lines().join("\n");
    let bytes = text.as_bytes();
    let want = one_shot(&r, bytes);
    for size in [1usize, 7, 64, 513, 4096, 65536] {
        let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
        assert!(run_stream(&r, &chunks) == want, "chunk size {size}");
    }
}

#[test]
fn plain_text_is_not_held_back() {
    let r = common::redactor();
    let mut stream = r.stream();
    let mut out = Vec::new();
    stream
        .push("您好，请问有什么可以帮您？".as_bytes(), &mut |p: Piece<'_>| -> Result<(), ()> {
            out.extend_from_slice(p.bytes());
            Ok(())
        })
        .unwrap();
    assert_eq!(stream.held_back(), 0);
    assert_eq!(out, "您好，请问有什么可以帮您？".as_bytes());
}

#[test]
fn numbers_split_across_chunks_are_masked() {
    let r = common::redactor();
    let (out, found) = run_stream(&r, &["手机1381".as_bytes(), b"2345678", "联系".as_bytes()]);
    assert_eq!(String::from_utf8(out).unwrap(), "手机138****5678联系");
    assert_eq!(found, [(Kind::Phone, 6, 17)]);
}

#[test]
fn invalid_utf8_and_cuts_inside_characters_pass_through() {
    let r = common::redactor();
    let text = b"\xff\xfe\xe6\x89\x8b\xe6\x9c\xba13812345678\xc3(\x00";
    let want = one_shot(&r, text);
    for cut in 0..=text.len() {
        let (a, b) = text.split_at(cut);
        assert_eq!(run_stream(&r, &[a, b]), want);
    }
    assert_eq!(&want.0[..], b"\xff\xfe\xe6\x89\x8b\xe6\x9c\xba138****5678\xc3(\x00");
}

#[test]
fn holdback_stays_bounded_on_adversarial_input() {
    let r = common::redactor();
    let shapes: Vec<Vec<u8>> = vec![
        b"1".repeat(200_000),
        b"1 ".repeat(100_000),
        b"1-".repeat(100_000),
        "一".repeat(50_000).into_bytes(),
        "一 ".repeat(50_000).into_bytes(),
        "北京市朝阳区".repeat(10_000).into_bytes(),
        "路88号".repeat(20_000).into_bytes(),
        "阳光花园3栋".repeat(20_000).into_bytes(),
        "１２３".repeat(30_000).into_bytes(),
        vec![b' '; 100_000],
    ];
    for shape in &shapes {
        for size in [1usize, 100, 4096] {
            let mut stream = r.stream();
            let mut max_held = 0;
            let mut sink = |_: Piece<'_>| -> Result<(), ()> { Ok(()) };
            for chunk in shape.chunks(size).take(20_000) {
                stream.push(chunk, &mut sink).unwrap();
                max_held = max_held.max(stream.held_back());
            }
            assert!(
                max_held <= MAX_HOLDBACK,
                "held {max_held} bytes of {:?}...",
                String::from_utf8_lossy(&shape[..12])
            );
        }
    }
}

#[test]
fn messages_are_redacted_on_their_own() {
    let r = common::redactor();
    let mut stream = r.stream();
    let mut out = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    stream.push("手机138".as_bytes(), &mut sink).unwrap();
    stream.end_message(&mut sink).unwrap();
    assert_eq!(stream.held_back(), 0, "the message boundary releases held bytes");
    stream.push("12345678".as_bytes(), &mut sink).unwrap();
    stream.finish(&mut sink).unwrap();
    // Two messages, neither holding a whole phone number.
    assert_eq!(out, "手机13812345678".as_bytes());
}

/// Runs `feed` with the given chunk and output-buffer sizes.
fn run_feed(stream: &mut Stream, input: &[u8], chunk: usize, dst_len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut dst = vec![0u8; dst_len];
    let chunks: Vec<&[u8]> = if input.is_empty() { vec![] } else { input.chunks(chunk).collect() };
    for (i, c) in chunks.iter().enumerate() {
        let last = i + 1 == chunks.len();
        let mut src = *c;
        loop {
            let (status, read, written) = stream.feed(src, &mut dst, last);
            out.extend_from_slice(&dst[..written]);
            src = &src[read..];
            assert!(read > 0 || written > 0 || status == Status::InputEmpty, "no progress");
            if status == Status::InputEmpty {
                break;
            }
        }
    }
    loop {
        let (status, _, written) = stream.feed(b"", &mut dst, true);
        out.extend_from_slice(&dst[..written]);
        if status == Status::InputEmpty {
            break;
        }
    }
    out
}

#[test]
fn feed_with_tiny_buffers_equals_one_shot() {
    let tag = Redactor::builder().preset(Preset::TagEnglish).reference_date(common::test_date()).build().unwrap();
    let conventional = common::redactor();
    for r in [&conventional, &tag] {
        for line in corpus_lines().iter().step_by(11) {
            let bytes = line.as_bytes();
            let want = r.redact_bytes(bytes).into_owned();
            for (chunk, dst) in [(1, 1), (3, 2), (16, 5), (1000, 7), (5, 1000)] {
                let mut stream = r.stream();
                assert_eq!(run_feed(&mut stream, bytes, chunk, dst), want, "{line:?} chunk {chunk} dst {dst}");
            }
        }
    }
}

#[test]
fn max_output_len_bounds_feed() {
    let r = Redactor::builder().policy(Kind::Phone, Policy::tag("[a rather long phone tag]")).build().unwrap();
    let mut stream = r.stream();
    let input = "电话13812345678和13987654321".as_bytes();
    let bound = stream.max_output_len(input.len()).unwrap();
    let mut dst = vec![0u8; bound];
    let (status, read, written) = stream.feed(input, &mut dst, true);
    assert_eq!((status, read), (Status::InputEmpty, input.len()));
    assert!(written <= bound);
    assert_eq!(&dst[..written], "电话[a rather long phone tag]和[a rather long phone tag]".as_bytes());
}

#[test]
fn stream_outlives_its_redactor() {
    let mut stream = Redactor::new().stream();
    let mut out = Vec::new();
    stream
        .push(b"13812345678", &mut |p: Piece<'_>| -> Result<(), ()> {
            out.extend_from_slice(p.bytes());
            Ok(())
        })
        .unwrap();
    stream
        .finish(&mut |p: Piece<'_>| -> Result<(), ()> {
            out.extend_from_slice(p.bytes());
            Ok(())
        })
        .unwrap();
    assert_eq!(out, b"138****5678");
}

fn chat_text() -> impl Strategy<Value = Vec<u8>> {
    let lines = corpus_lines();
    prop::collection::vec(prop::sample::select(lines), 1..8).prop_map(|v| v.join("\n").into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_chunkings_equal_one_shot(text in chat_text(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12)) {
        let r = common::redactor();
        let mut points: Vec<usize> = cuts.iter().map(|i| i.index(text.len() + 1)).collect();
        points.sort_unstable();
        let mut chunks = Vec::new();
        let mut last = 0;
        for p in points {
            chunks.push(&text[last..p]);
            last = p;
        }
        chunks.push(&text[last..]);
        prop_assert!(run_stream(&r, &chunks) == one_shot(&r, &text));
    }
}

#[test]
fn writer_and_reader_adapters() {
    use std::io::{Read, Write};
    let r = common::redactor();
    let text = corpus_lines().join("\n");
    let want = r.redact_bytes(text.as_bytes()).into_owned();

    let mut w = tuomin::RedactWriter::new(&r, Vec::new());
    for chunk in text.as_bytes().chunks(37) {
        w.write_all(chunk).unwrap();
        w.flush().unwrap();
        assert!(w.held_back() <= MAX_HOLDBACK);
    }
    assert_eq!(w.finish().unwrap(), want);

    let mut out = Vec::new();
    tuomin::RedactReader::new(&r, text.as_bytes()).read_to_end(&mut out).unwrap();
    assert_eq!(out, want);

    // Dropping a writer releases what it held back.
    let mut sink = Vec::new();
    {
        let mut w = tuomin::RedactWriter::new(&r, &mut sink);
        w.write_all(b"13812345678").unwrap();
    }
    assert_eq!(sink, b"138****5678");
}

#[test]
fn streams_are_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Stream>();
    assert_send::<tuomin::RedactWriter<Vec<u8>>>();
    assert_send::<tuomin::RedactReader<&[u8]>>();
}

#[test]
fn finished_messages_are_released_at_once() {
    let r = common::redactor();
    for (text, want) in [
        ("客户：手机13812345678，谢谢\n", "客户：手机138****5678，谢谢\n"),
        ("寄到北京市朝阳区建国路88号，谢谢\n", "寄到北京市朝阳区＊＊＊**＊，谢谢\n"),
        ("身份证11010519491231002X。", "身份证1***************2X。"),
    ] {
        let mut stream = r.stream();
        let mut out = Vec::new();
        stream
            .push(text.as_bytes(), &mut |p: Piece<'_>| -> Result<(), ()> {
                out.extend_from_slice(p.bytes());
                Ok(())
            })
            .unwrap();
        assert_eq!(stream.held_back(), 0, "{text}");
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}

/// Streams cut at every byte, in two pieces and one byte at a time, give
/// the one-shot output.
fn agrees_at_every_cut(r: &Redactor, text: &[u8]) {
    let (whole, _) = one_shot(r, text);
    for cut in 0..=text.len() {
        let (out, _) = run_stream(r, &[&text[..cut], &text[cut..]]);
        assert_eq!(out, whole, "{:?} cut at {cut}", String::from_utf8_lossy(text));
    }
    let bytes: Vec<&[u8]> = text.chunks(1).collect();
    assert_eq!(run_stream(r, &bytes).0, whole, "{:?} byte by byte", String::from_utf8_lossy(text));
}

#[test]
fn plates_and_rooms_cut_anywhere() {
    // A chunk ending inside a full-width letter after a province character;
    // a serial after a separator whose number an address word holds; a
    // room number whose decimal point ends a chunk.
    let r = common::redactor();
    for text in
        ["京Ａ12345", "京B.Ａ5678", "京A.12345转", "京A·12345转", "车牌京A 12345，路5号123.4", "幸福路5号1192.168"]
    {
        agrees_at_every_cut(&r, text.as_bytes());
    }
    assert_eq!(r.redact("京A.12345转"), "京A.****5转");
}

#[test]
fn rules_inside_numbers_passed_over() {
    let r = Redactor::builder()
        .rule(tuomin::Rule::new("member_id").pattern("[0-9]{8}"))
        .rule(tuomin::Rule::new("short").literal("0013"))
        .reference_date(common::test_date())
        .build()
        .unwrap();
    assert_eq!(r.redact("2024-11-28 12345678"), "2024-11-28 ********");
    assert_eq!(r.redact("会员号3 12345678"), "会员号3 ********");
    for text in ["2024-11-28 12345678", "我有2 12345678", "138 0013.5", "44-00 12344号-04"] {
        agrees_at_every_cut(&r, text.as_bytes());
    }
    let glued = Redactor::builder()
        .rule(tuomin::Rule::new("m").literals(["1234", "12345678"]).standalone(false))
        .reference_date(common::test_date())
        .build()
        .unwrap();
    agrees_at_every_cut(&glued, "44-00 12344号-04".as_bytes());
}
