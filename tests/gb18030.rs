//! GB18030 input: redacted in its own encoding, byte for byte outside
//! matches, for any chunking.
#![cfg(feature = "gb18030")]

use encoding_rs::GB18030;
use tuomin::{EncodingError, Gb18030Error, Kind, Piece, Policy, Preset, Redactor};

fn gb(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GB18030.encode(text);
    assert!(!unmappable, "{text:?} is GB18030 text");
    bytes.into_owned()
}

/// A finding: kind, start, end and the input bytes.
type Finding = (Kind, u64, u64, Vec<u8>);

/// Output and findings of pushing `input` in pieces of `size` bytes.
fn run_chunked(redactor: &Redactor, input: &[u8], size: usize) -> (Vec<u8>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut found = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        if let Piece::Redacted { found: m, original, .. } = &p {
            found.push((m.kind(), m.start(), m.end(), original.to_vec()));
        }
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    let mut stream = redactor.stream_gb18030();
    for chunk in input.chunks(size.max(1)) {
        stream.push(chunk, &mut sink).unwrap();
    }
    stream.finish(&mut sink).unwrap();
    (out, found)
}

const CHAT: &str = "客户：我的手机是13812345678，身份证11010519491231002X。\n\
                    坐席：好的，卡号6222020200112345679对吗？全角号码１３８１２３４５６７８也行。\n\
                    客户：地址是北京市朝阳区建国路88号，𠀀字也在，价格€5·折扣。\n";

#[test]
fn output_is_the_utf8_output_encoded() {
    let r = Redactor::new();
    let out = r.redact_gb18030(&gb(CHAT)).unwrap();
    assert_eq!(out, gb(&r.redact(CHAT)));
    assert_ne!(out, gb(CHAT), "something was masked");
}

#[test]
fn hand_checked_bytes() {
    let r = Redactor::new();
    // 手机 = CA D6 BB FA; a mobile number in ASCII digits.
    let input = b"\xCA\xD6\xBB\xFA13812345678";
    assert_eq!(r.redact_gb18030(input).unwrap(), b"\xCA\xD6\xBB\xFA138****5678");
    // Full-width digits (１ = A3 B1 ...) are masked with ＊ (A3 AA).
    let mut input = b"\xCA\xD6\xBB\xFA".to_vec();
    let mut expected = input.clone();
    for (i, d) in "13812345678".bytes().enumerate() {
        input.extend_from_slice(&[0xA3, 0xB0 + (d - b'0')]);
        if (3..7).contains(&i) {
            expected.extend_from_slice(&[0xA3, 0xAA]);
        } else {
            expected.extend_from_slice(&[0xA3, 0xB0 + (d - b'0')]);
        }
    }
    assert_eq!(r.redact_gb18030(&input).unwrap(), expected);
}

#[test]
fn bytes_that_do_not_round_trip_are_copied() {
    // 0x80 decodes to € but € encodes as A2 E3: the input byte must stay.
    let r = Redactor::new();
    let mut input = b"\x80 ".to_vec();
    input.extend(gb("手机13812345678 "));
    input.push(0x80);
    let out = r.redact_gb18030(&input).unwrap();
    let mut expected = b"\x80 ".to_vec();
    expected.extend(gb("手机138****5678 "));
    expected.push(0x80);
    assert_eq!(out, expected);
}

#[test]
fn any_chunking_gives_the_whole_input_output() {
    let r = Redactor::new();
    let input = gb(CHAT);
    let whole = run_chunked(&r, &input, input.len());
    for size in 1..=9 {
        assert_eq!(run_chunked(&r, &input, size), whole, "pieces of {size} bytes");
    }
    // Every single cut, so that each multi-byte sequence is split once.
    for cut in 0..=input.len() {
        let mut out = Vec::new();
        let mut sink = |p: Piece<'_>| -> Result<(), ()> {
            out.extend_from_slice(p.bytes());
            Ok(())
        };
        let mut stream = r.stream_gb18030();
        stream.push(&input[..cut], &mut sink).unwrap();
        stream.push(&input[cut..], &mut sink).unwrap();
        stream.finish(&mut sink).unwrap();
        assert_eq!(out, whole.0, "cut at {cut}");
    }
}

#[test]
fn plain_text_handed_out_inside_a_character_is_put_together() {
    // The scanner may hand out plain text up to a point inside a character;
    // the input bytes of that character follow with the next piece. Found
    // by random chunking (and on a 10 MB corpus, after an e-mail address).
    let parts = [4, 0, 6, 10, 7, 3, 6, 11, 0, 7, 6, 5, 0, 4, 10, 7, 10, 4, 6, 6, 11, 6, 1, 10];
    let input: Vec<u8> = parts.iter().flat_map(|&i| random_chunking::PARTS[i].iter().copied()).collect();
    let r = Redactor::new();
    let whole = r.redact_gb18030(&input).unwrap();
    for size in [1, 2, 3, 16, 17] {
        assert_eq!(run_chunked(&r, &input, size).0, whole, "pieces of {size} bytes");
    }
}

#[test]
fn offsets_count_input_bytes() {
    let r = Redactor::new();
    let input = gb(CHAT);
    let (_, found) = run_chunked(&r, &input, 5);
    let kinds: Vec<Kind> = found.iter().map(|f| f.0).collect();
    assert_eq!(kinds, [Kind::Phone, Kind::IdCard, Kind::BankCard, Kind::Phone, Kind::Address]);
    for (_, start, end, original) in &found {
        assert_eq!(&input[*start as usize..*end as usize], original.as_slice());
    }
    let phone_at = input.windows(11).position(|w| w == b"13812345678").unwrap() as u64;
    assert_eq!((found[0].1, found[0].2), (phone_at, phone_at + 11));
    // The full-width number is 11 characters of two bytes each.
    assert_eq!(found[3].2 - found[3].1, 22);
}

#[test]
fn tags_and_removal_are_written_in_gb18030() {
    let input = gb("手机13812345678。");
    let tagged = Redactor::builder().preset(Preset::TagChinese).build().unwrap();
    // [电话号码] = 5B B5 E7 BB B0 BA C5 C2 EB 5D.
    let mut expected = gb("手机");
    expected.extend_from_slice(b"[\xB5\xE7\xBB\xB0\xBA\xC5\xC2\xEB]");
    expected.extend(gb("。"));
    assert_eq!(tagged.redact_gb18030(&input).unwrap(), expected);
    let removed = Redactor::builder().preset(Preset::Remove).build().unwrap();
    assert_eq!(removed.redact_gb18030(&input).unwrap(), gb("手机。"));
    for size in 1..4 {
        assert_eq!(run_chunked(&tagged, &input, size).0, expected);
    }
}

#[test]
fn malformed_input_names_its_offset() {
    let r = Redactor::new();
    let prefix = gb("手机");
    let cases: [(&[u8], EncodingError); 4] = [
        (b"\xFF", EncodingError::Malformed { offset: 4, len: 1 }),
        // A lead byte followed by a byte that cannot trail it.
        (b"\x81\x20abc", EncodingError::Malformed { offset: 4, len: 1 }),
        // A four-byte form outside the ranges in use.
        (b"\xFE\x39\xFE\x39", EncodingError::Malformed { offset: 4, len: 4 }),
        (b"\xD6", EncodingError::Truncated { offset: 4 }),
    ];
    for (tail, expected) in cases {
        let mut input = prefix.clone();
        input.extend_from_slice(tail);
        assert_eq!(r.redact_gb18030(&input), Err(expected.clone()), "{tail:x?}");
        // Same error when the bytes arrive one at a time.
        let mut stream = r.stream_gb18030();
        let mut sink = |_: Piece<'_>| -> Result<(), ()> { Ok(()) };
        let err = input
            .iter()
            .try_for_each(|b| stream.push(core::slice::from_ref(b), &mut sink))
            .and_then(|()| stream.finish(&mut sink));
        assert_eq!(err, Err(Gb18030Error::Encoding(expected)), "{tail:x?} byte by byte");
    }
    let message = r.redact_gb18030(b"abc\xFF").unwrap_err().to_string();
    assert!(message.contains("byte offset 3"), "{message}");
}

#[test]
fn a_tag_gb18030_cannot_write_is_an_error() {
    // U+E5E5 is the one code point the GB18030 encoder refuses.
    let r = Redactor::builder().policy(Kind::Phone, Policy::tag("\u{E5E5}")).build().unwrap();
    let err = r.redact_gb18030(&gb("手机13812345678")).unwrap_err();
    assert_eq!(err, EncodingError::Unencodable { offset: 4, code: 0xE5E5 });
}

#[test]
fn offsets_go_on_counting_across_texts() {
    let r = Redactor::new();
    let input = gb("手机13812345678");
    let mut starts = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        if let Piece::Redacted { found, .. } = p {
            starts.push(found.start());
        }
        Ok(())
    };
    let mut stream = r.stream_gb18030();
    stream.push(&input, &mut sink).unwrap();
    stream.end_message(&mut sink).unwrap();
    assert_eq!(stream.position(), input.len() as u64);
    stream.push(&input, &mut sink).unwrap();
    stream.finish(&mut sink).unwrap();
    assert_eq!(starts, [4, 4 + input.len() as u64]);
}

#[test]
fn output_flows_before_the_input_ends() {
    // A live feed: what is decided is handed out; at most the holdback
    // (and a half character) waits.
    let r = Redactor::new();
    let input = gb(&"您好，请问有什么可以帮您？".repeat(200));
    let out = std::cell::RefCell::new(Vec::new());
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        out.borrow_mut().extend_from_slice(p.bytes());
        Ok(())
    };
    let mut stream = r.stream_gb18030();
    stream.push(&input[..input.len() - 1], &mut sink).unwrap();
    let len = out.borrow().len();
    assert!(len + tuomin::MAX_HOLDBACK + 1 >= input.len(), "{len} of {}", input.len());
    assert!(input.starts_with(&out.borrow()));
    stream.push(&input[input.len() - 1..], &mut sink).unwrap();
    stream.finish(&mut sink).unwrap();
    assert_eq!(out.into_inner(), input);
}

mod random_chunking {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of chat with characters of one, two and four bytes in
    /// GB18030, numbers, and the byte 0x80 (which does not round-trip).
    pub const PARTS: &[&[u8]] = &[
        b"\x80",
        b" ",
        b"\n",
        b"13812345678",
        b"6222020200112345679",
        b"11010519491231002X",
        b"\xCA\xD6\xBB\xFA",                                 // 手机
        b"\xC9\xED\xB7\xDD\xD6\xA4",                         // 身份证
        b"\x95\x32\x82\x36",                                 // 𠀀
        b"\xA3\xB1\xA3\xB3\xA3\xB8",                         // １３８
        b"\xB1\xB1\xBE\xA9\xCA\xD0\xB3\xAF\xD1\xF4\xC7\xF8", // 北京市朝阳区
        b"\xBD\xA8\xB9\xFA\xC2\xB7\x38\x38\xBA\xC5",         // 建国路88号
    ];

    proptest! {
        #[test]
        fn any_chunking_matches_the_whole(
            parts in proptest::collection::vec(0..PARTS.len(), 0..40),
            cuts in proptest::collection::vec(1usize..40, 1..20),
        ) {
            let input: Vec<u8> = parts.iter().flat_map(|&i| PARTS[i].iter().copied()).collect();
            let r = Redactor::new();
            let whole = r.redact_gb18030(&input).unwrap();
            let mut out = Vec::new();
            let mut sink = |p: Piece<'_>| -> Result<(), ()> {
                out.extend_from_slice(p.bytes());
                Ok(())
            };
            let mut stream = r.stream_gb18030();
            let mut rest = input.as_slice();
            for &n in cuts.iter().cycle() {
                if rest.is_empty() {
                    break;
                }
                let (chunk, tail) = rest.split_at(n.min(rest.len()));
                stream.push(chunk, &mut sink).unwrap();
                rest = tail;
            }
            stream.finish(&mut sink).unwrap();
            prop_assert_eq!(&out, &whole);
            // Without 0x80 (whose round trip changes it), the output is the
            // UTF-8 output encoded.
            if !input.contains(&0x80) {
                let text = GB18030.decode_without_bom_handling(&input).0.into_owned();
                prop_assert_eq!(whole, gb(&r.redact(&text)));
            }
        }
    }
}
