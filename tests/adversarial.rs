//! Adversarial inputs: long runs of digits and separators, a megabyte
//! without a newline, repeated address fragments, every three-byte UTF-8
//! character and a sample of four-byte ones, invalid UTF-8 and NUL bytes
//! next to and inside numbers, full-width and ASCII digits mixed at every
//! position. Each input goes through the checks the fuzz targets run
//! (`tests/invariants`): bytes outside matches unchanged, lengths kept,
//! every one-shot entry point agreeing, and streams in odd chunk sizes
//! giving the one-shot output. Where the outcome is clear, the detections
//! are checked too.
//!
//! Sizes stay around a megabyte so that the debug build runs each test in
//! seconds; `scripts/adversarial.sh` runs the same shapes at 1, 10 and
//! 100 MB through the release program, and `scripts/linearity.sh` checks
//! that the work grows linearly with the input.

mod invariants;

use invariants::{Chunking, Feeding, check_redact, check_stream, test_date};
use tuomin::{Kind, MAX_HOLDBACK, Match, Piece, Preset, Redactor, SubKind};

const MB: usize = 1 << 20;

fn redactor(preset: Preset) -> Redactor {
    Redactor::builder().preset(preset).reference_date(test_date()).build().expect("a valid configuration")
}

/// `unit` repeated up to `len` bytes (whole copies only).
fn repeat(unit: &str, len: usize) -> Vec<u8> {
    unit.repeat(len / unit.len()).into_bytes()
}

/// A deterministic byte generator (xorshift64*).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() >> 33) as usize % n
    }

    /// `len` bytes, each a random choice from `alphabet`.
    fn pick(&mut self, alphabet: &[&str], len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(alphabet[self.below(alphabet.len())].as_bytes());
        }
        out
    }
}

/// Pushes `input` to a stream in chunks of each size and compares with
/// one-shot redaction; checks the held-back bound after every chunk.
fn stream_equals_one_shot(r: &Redactor, input: &[u8], sizes: &[usize]) {
    let want = r.redact_bytes(input);
    let want_found: Vec<(u64, u64)> = r.find_iter(input).map(|m| (m.start() as u64, m.end() as u64)).collect();
    for &size in sizes {
        let mut stream = r.stream();
        let mut out = Vec::with_capacity(input.len());
        let mut found = Vec::new();
        let mut sink = |p: Piece<'_>| -> Result<(), ()> {
            if let Piece::Redacted { found: m, .. } = &p {
                found.push((m.start(), m.end()));
            }
            out.extend_from_slice(p.bytes());
            Ok(())
        };
        for chunk in input.chunks(size) {
            stream.push(chunk, &mut sink).expect("the sink never fails");
            assert!(stream.held_back() <= MAX_HOLDBACK, "held back {} bytes", stream.held_back());
        }
        stream.finish(&mut sink).expect("the sink never fails");
        assert!(out == *want, "chunks of {size} bytes: streamed output differs from one-shot");
        assert_eq!(found, want_found, "chunks of {size} bytes: streamed matches differ");
    }
}

/// Every check on a large input: the one-shot invariants under the
/// conventional masks on all of it and under full masks and English tags
/// on a prefix, a stream in odd chunks of 4 KB on all of it and of 61 bytes
/// on a prefix, and the whole streaming check (push, feed with small
/// buffers, message ends) on a shorter prefix.
fn check_large(input: &[u8]) -> Vec<Match> {
    let r = redactor(Preset::Conventional);
    let matches = check_redact(&r, input);
    let prefix = &input[..input.len().min(32 * 1024)];
    check_redact(&redactor(Preset::Full), prefix);
    check_redact(&redactor(Preset::TagEnglish), prefix);
    stream_equals_one_shot(&r, input, &[4093]);
    stream_equals_one_shot(&r, &input[..input.len().min(128 * 1024)], &[61]);
    let prefix = &input[..input.len().min(16 * 1024)];
    let feeding = Feeding { chunking: Chunking::Sizes(vec![1, 13, 1021]), ends: 1 << 20, caps: vec![0, 3, 64] };
    check_stream(&r, prefix, &feeding);
    matches
}

/// Every check on a short input, with one-byte chunks.
fn check_small(r: &Redactor, input: &[u8]) -> Vec<Match> {
    let matches = check_redact(r, input);
    check_stream(r, input, &Feeding { chunking: Chunking::Fixed(1), ends: 0, caps: vec![0, 1, 7] });
    matches
}

#[test]
fn digits_only() {
    check_large(&repeat("1", MB));
    check_large(&repeat("13812345678", MB / 4));
    check_large(&Noise(1).pick(&["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], MB / 4));
    // A long run of digits is one token: no phone, ID or card inside it.
    assert!(check_large(&repeat("6222020200112345679", MB / 4)).is_empty(), "numbers inside a digit run");
}

#[test]
fn digits_and_separators_alternating() {
    // One digit per separator is the costliest shape per byte (every digit
    // starts a number that might go on for 24 digits), so these stay
    // small here; scripts/linearity.sh checks them at 1 and 4 MB.
    for unit in ["1 ", "1-", "1，", "1,", "1\u{3000}", "1—", "12 ", "138 ", "1 3 8 ", "一 ", "一1", "幺3八"] {
        check_large(&repeat(unit, 8 * 1024));
    }
    let alphabet = ["0", "1", "3", "8", "9", " ", "-", "，", "—", "\u{3000}", "(", ")", "+86", "转", "X"];
    check_large(&Noise(2).pick(&alphabet, 64 * 1024));
}

#[test]
fn one_long_line_without_a_newline() {
    let unit = "客户：我的手机是13812345678，身份证11010519491231002X，谢谢。";
    let input = repeat(unit, MB);
    let matches = check_large(&input);
    let copies = input.len() / unit.len();
    assert_eq!(matches.len(), 2 * copies, "every number in every copy");
    let phone = unit.find("138").unwrap();
    let id = unit.find("110105").unwrap();
    for (i, pair) in matches.chunks(2).enumerate() {
        let base = i * unit.len();
        assert_eq!((pair[0].kind(), pair[0].start(), pair[0].end()), (Kind::Phone, base + phone, base + phone + 11));
        assert_eq!((pair[1].kind(), pair[1].start(), pair[1].end()), (Kind::IdCard, base + id, base + id + 18));
    }
}

#[test]
fn repeated_division_names_are_not_an_address() {
    let matches = check_large(&repeat("北京市朝阳区", MB));
    assert!(matches.is_empty(), "division names alone were reported: {:?}", &matches[..matches.len().min(3)]);
}

#[test]
fn repeated_road_and_house_numbers() {
    for unit in ["路88号", "建国路88号", "北京市朝阳区建国路88号", "阳光花园3栋2单元", "88号"] {
        let matches = check_large(&repeat(unit, 16 * 1024));
        for m in &matches {
            assert_eq!(m.kind(), Kind::Address);
        }
    }
}

#[test]
fn every_three_byte_character() {
    let chars: Vec<char> = ('\u{800}'..='\u{FFFF}').collect();
    assert_eq!(chars.len(), 0xF800 - 0x800, "surrogates are not characters");
    let mut all = String::new();
    let mut with_digits = String::new();
    let mut around_numbers = String::new();
    for (i, &c) in chars.iter().enumerate() {
        all.push(c);
        with_digits.push(c);
        with_digits.push(char::from(b'0' + (i % 10) as u8));
        // Numerals are left out here: glued to digits they form a number of
        // their own, which `full_width_and_ascii_digits_at_every_position`
        // and the fuzz targets cover.
        if i % 64 == 0 && invariants::unit_value(c).is_none() {
            around_numbers.push(c);
            around_numbers.push_str("13812345678");
        }
    }
    check_large(all.as_bytes());
    check_large(with_digits.as_bytes());
    check_large(around_numbers.as_bytes());

    // Delimited by punctuation, the number is found whatever comes before
    // the punctuation.
    let r = redactor(Preset::Conventional);
    let mut text = String::new();
    for &c in chars.iter().step_by(7) {
        text.push(c);
        text.push_str("，13812345678。");
    }
    let found: Vec<(usize, usize)> = r.find_iter(&text).map(|m| (m.start(), m.end())).collect();
    let want: Vec<(usize, usize)> = text.match_indices("13812345678").map(|(i, _)| (i, i + 11)).collect();
    assert_eq!(found, want, "a delimited phone number after some character was missed");
}

#[test]
fn four_byte_characters_among_digits() {
    let mut text = String::new();
    for (i, c) in ('\u{10000}'..='\u{10FFFF}').step_by(5).enumerate() {
        text.push(c);
        if i % 3 == 0 {
            text.push(char::from(b'0' + (i % 10) as u8));
        }
        if i % 101 == 0 {
            text.push_str("手机13812345678，");
        }
    }
    let matches = check_large(text.as_bytes());
    let phones = text.matches("手机13812345678，").count();
    assert_eq!(matches.iter().filter(|m| m.kind() == Kind::Phone).count(), phones, "delimited phone numbers");
}

#[test]
fn invalid_utf8_and_nul_bytes_around_and_inside_numbers() {
    let r = redactor(Preset::Conventional);
    let phone = b"13812345678";
    let id = b"11010519491231002X";
    let mut odd: Vec<u8> = vec![0x00, 0x01, 0x7F];
    odd.extend(0x80..=0xFF);
    for &b in &odd {
        // Around: the number is still found, the odd byte passes through.
        for number in [&phone[..], &id[..]] {
            let mut text = "号码".as_bytes().to_vec();
            text.push(b);
            let start = text.len();
            text.extend_from_slice(number);
            text.push(b);
            text.extend_from_slice("，谢谢".as_bytes());
            let matches = check_small(&r, &text);
            let spans: Vec<(usize, usize)> = matches.iter().map(|m| (m.start(), m.end())).collect();
            assert_eq!(spans, [(start, start + number.len())], "{number:?} next to byte {b:#04x}");
        }
        // Inside: whatever is read, the invariants hold and the odd byte is
        // not part of a match.
        for at in 1..phone.len() {
            let mut text = b"tel ".to_vec();
            text.extend_from_slice(&phone[..at]);
            text.push(b);
            text.extend_from_slice(&phone[at..]);
            for m in check_small(&r, &text) {
                assert!(!text[m.range()].contains(&b) || b.is_ascii_digit(), "byte {b:#04x} inside a match");
            }
        }
    }
    let mut noise = Noise(3);
    let bytes: Vec<u8> = (0..MB).map(|_| noise.next() as u8).collect();
    check_large(&bytes);
    let alphabet = ["1", "3", "8", "\u{0}", "\u{ff}", "１", " ", "手机"];
    let mut mixed = noise.pick(&alphabet, MB);
    for i in (0..mixed.len()).step_by(17) {
        mixed[i] = 0xFF;
    }
    check_large(&mixed);
}

/// The full-width form of an ASCII digit or X.
fn wide(b: u8) -> char {
    char::from_u32(u32::from(b) - 0x21 + 0xFF01).expect("a full-width form")
}

/// `number` with the positions whose bit is set in `mask` written full-width.
fn mixed(number: &str, mask: u64) -> String {
    number.bytes().enumerate().map(|(i, b)| if mask >> i & 1 == 1 { wide(b) } else { char::from(b) }).collect()
}

#[test]
fn full_width_and_ascii_digits_at_every_position() {
    let r = redactor(Preset::Conventional);
    let full = redactor(Preset::Full);
    let phone = "13812345678";
    for mask in 0..1u64 << phone.len() {
        let number = mixed(phone, mask);
        let text = format!("手机{number}，谢谢");
        // Every mix one-shot; streamed byte by byte, those with one
        // full-width run.
        let run = mask.checked_shr(mask.trailing_zeros()).unwrap_or(0);
        let one_run = run & (run + 1) == 0;
        let matches = if one_run { check_small(&r, text.as_bytes()) } else { check_redact(&r, text.as_bytes()) };
        let start = "手机".len();
        let spans: Vec<_> = matches.iter().map(|m| (m.sub_kind(), m.start(), m.end())).collect();
        assert_eq!(spans, [(SubKind::Mobile, start, start + number.len())], "{text}");
        // Kept: the first three and last four digits, each in its own width.
        let masked = r.redact(&text);
        let want: String =
            number.chars().enumerate().map(|(i, c)| if (3..7).contains(&i) { mask_of(c) } else { c }).collect();
        assert_eq!(masked, format!("手机{want}，谢谢"));
        check_redact(&full, text.as_bytes());
    }
    let id = "11010519491231002X";
    let mut noise = Noise(4);
    let mut masks: Vec<u64> = (0..id.len()).map(|i| 1 << i).collect();
    masks.extend((0..=id.len()).map(|i| (1 << i) - 1));
    masks.extend((0..256).map(|_| noise.next() & ((1 << id.len()) - 1)));
    for mask in masks {
        let number = mixed(id, mask);
        let text = format!("身份证号{number}。");
        let matches = check_small(&r, text.as_bytes());
        let start = "身份证号".len();
        let spans: Vec<_> = matches.iter().map(|m| (m.sub_kind(), m.start(), m.end())).collect();
        assert_eq!(spans, [(SubKind::Id18, start, start + number.len())], "{text}");
        check_redact(&full, text.as_bytes());
    }
}

/// The mask character for a digit of this width.
fn mask_of(c: char) -> char {
    if c.is_ascii() { '*' } else { '＊' }
}
