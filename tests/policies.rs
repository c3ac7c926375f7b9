//! Deployment policies: audit counts, per-kind actions, allow lists,
//! report-only thresholds and keyed pseudonyms, one-shot and streamed.

use tuomin::{Action, Counts, Kind, KindCounts, Piece, Redactor};

/// Made-up numbers: a mobile number, an ID number with a valid check
/// character, a card that passes Luhn, a landline, an email address.
const CHAT: &str = "客户：手机13812345678，身份证11010519491231002X，卡号6222020200112345679，\
座机010-62345678，邮箱 zhangsan@example.com，再说一遍手机 138 1234 5678。";

/// (masked, reported, allowed).
fn triple(c: KindCounts) -> (u64, u64, u64) {
    (c.masked, c.reported, c.allowed)
}

/// Streams `text` in pieces of `size` bytes; returns the output and the
/// stream's counts.
fn streamed(r: &Redactor, text: &[u8], size: usize) -> (Vec<u8>, Counts) {
    let mut stream = r.stream();
    let mut out = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    for chunk in text.chunks(size) {
        stream.push(chunk, &mut sink).unwrap();
    }
    stream.finish(&mut sink).unwrap();
    (out, *stream.counts())
}

#[test]
fn counts_by_kind() {
    let r = Redactor::new();
    let counts = r.count(CHAT);
    assert_eq!(triple(counts.get(Kind::Phone)), (3, 0, 0));
    assert_eq!(counts.get(Kind::IdCard).masked, 1);
    assert_eq!(counts.get(Kind::BankCard).masked, 1);
    assert_eq!(counts.get(Kind::Email).masked, 1);
    assert_eq!(counts.get(Kind::Address).found(), 0);
    assert_eq!(counts.total().found(), 6);
    assert_eq!(counts.total().found(), r.find_iter(CHAT).count() as u64);
    let kinds: Vec<Kind> = counts.iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, [Kind::Phone, Kind::IdCard, Kind::BankCard, Kind::Email]);
    // The counts never show what was found.
    let debug = format!("{counts:?}");
    assert!(!debug.contains("138") && !debug.contains("example"), "{debug}");
}

#[test]
fn redact_counted_agrees_with_redact_and_count() {
    let r = Redactor::new();
    let (text, counts) = r.redact_counted(CHAT);
    assert_eq!(text, r.redact(CHAT));
    assert_eq!(counts, r.count(CHAT));
    let (same, none) = r.redact_counted("没有号码的一句话");
    assert!(matches!(same, std::borrow::Cow::Borrowed(_)));
    assert!(none.is_empty());

    let mut out = Vec::new();
    let mut sum = Counts::new();
    assert_eq!(r.redact_into_counted(CHAT.as_bytes(), &mut out, &mut sum), 6);
    assert_eq!(r.redact_into_counted(CHAT.as_bytes(), &mut out, &mut sum), 6);
    assert_eq!(sum.get(Kind::Phone).masked, 6);
    let mut twice = counts;
    twice += counts;
    assert_eq!(sum, twice);
}

#[test]
fn stream_counts_equal_one_shot_for_any_chunking() {
    let r = Redactor::new();
    let want = r.count(CHAT);
    for size in [1, 2, 3, 5, 7, 16, 64, CHAT.len()] {
        let (out, counts) = streamed(&r, CHAT.as_bytes(), size);
        assert_eq!(out, r.redact(CHAT).as_bytes(), "chunks of {size}");
        assert_eq!(counts, want, "chunks of {size}");
    }
}

#[test]
fn stream_counts_accumulate_across_messages_until_reset() {
    let r = Redactor::new();
    let mut stream = r.stream();
    let mut sink = |_: Piece<'_>| -> Result<(), ()> { Ok(()) };
    stream.push("手机13812345678".as_bytes(), &mut sink).unwrap();
    // Held back: the number may go on.
    assert_eq!(stream.counts().total().found(), 0);
    stream.end_message(&mut sink).unwrap();
    stream.push("手机13912345678".as_bytes(), &mut sink).unwrap();
    stream.end_message(&mut sink).unwrap();
    assert_eq!(stream.counts().get(Kind::Phone).masked, 2);
    let before = stream.reset_counts();
    assert_eq!(before.get(Kind::Phone).masked, 2);
    assert!(stream.counts().is_empty());
}

#[test]
fn writer_and_reader_expose_counts() {
    use std::io::{Read, Write};
    let r = Redactor::new();
    let mut w = tuomin::RedactWriter::new(&r, Vec::new());
    w.write_all(CHAT.as_bytes()).unwrap();
    w.end_message().unwrap();
    assert_eq!(*w.counts(), r.count(CHAT));
    let mut reader = tuomin::RedactReader::new(&r, CHAT.as_bytes());
    let mut out = String::new();
    reader.read_to_string(&mut out).unwrap();
    assert_eq!(*reader.counts(), r.count(CHAT));
}

#[test]
fn report_only_kinds_are_found_and_left_unchanged() {
    let r = Redactor::builder().action(Kind::Phone, Action::Report).build().unwrap();
    let out = r.redact(CHAT);
    assert!(out.contains("手机13812345678") && out.contains("010-62345678"), "{out}");
    assert!(out.contains("身份证1***************2X"), "{out}");
    let counts = r.count(CHAT);
    assert_eq!(triple(counts.get(Kind::Phone)), (0, 3, 0));
    assert_eq!(counts.get(Kind::IdCard).masked, 1);
    let actions: Vec<(Kind, Action)> = r.find_iter(CHAT).map(|m| (m.kind(), m.action())).collect();
    assert_eq!(actions[0], (Kind::Phone, Action::Report));
    assert_eq!(actions[1], (Kind::IdCard, Action::Mask));
    // In place too.
    let mut buf = CHAT.as_bytes().to_vec();
    assert_eq!(r.redact_in_place(&mut buf).unwrap(), 6);
    assert_eq!(buf, out.as_bytes());
    // Streams agree.
    for size in [1, 4, 9] {
        let (streamed_out, counts) = streamed(&r, CHAT.as_bytes(), size);
        assert_eq!(streamed_out, out.as_bytes());
        assert_eq!(counts, r.count(CHAT));
    }
}

#[test]
fn thresholds_report_matches_with_weaker_evidence() {
    use tuomin::Evidence;
    let text = "身份证11010519491231002X，旧身份证号 110105491231002，手机13812345678";
    let r = Redactor::builder().mask_threshold(Kind::IdCard, Evidence::Checksum).build().unwrap();
    let found: Vec<(Kind, Evidence, Action)> =
        r.find_iter(text).map(|m| (m.kind(), m.evidence(), m.action())).collect();
    assert_eq!(
        found,
        [
            (Kind::IdCard, Evidence::Checksum, Action::Mask),
            (Kind::IdCard, Evidence::Context, Action::Report),
            (Kind::Phone, Evidence::Pattern, Action::Mask),
        ]
    );
    assert_eq!(r.redact(text), "身份证1***************2X，旧身份证号 110105491231002，手机138****5678");
    assert_eq!(triple(r.count(text).get(Kind::IdCard)), (1, 1, 0));
    // A threshold on every kind: only checksum-validated numbers are masked.
    let strict = Kind::ALL.into_iter().fold(Redactor::builder(), |b, k| b.mask_threshold(k, Evidence::Checksum));
    let strict = strict.build().unwrap();
    assert_eq!(strict.redact(text), "身份证1***************2X，旧身份证号 110105491231002，手机13812345678");
    // A threshold does not turn a report-only kind back into masking.
    let r = Redactor::builder().action(Kind::IdCard, Action::Report).build().unwrap();
    assert!(r.find_iter(text).filter(|m| m.kind() == Kind::IdCard).all(|m| m.action() == Action::Report));
}

#[test]
fn allowed_values_are_left_unchanged_in_every_form() {
    let r = Redactor::builder().allow_value("400-820-8820").allow_value("13812345678").build().unwrap();
    for hotline in ["400-820-8820", "400 820 8820", "4008208820", "４００-８２０-８８２０", "400—820—8820"]
    {
        let text = format!("热线{hotline}，手机13912345678");
        let out = r.redact(&text);
        assert_eq!(out, format!("热线{hotline}，手机139****5678"), "{hotline}");
        let found: Vec<Action> = r.find_iter(&text).map(|m| m.action()).collect();
        assert_eq!(found, [Action::Allow, Action::Mask], "{hotline}");
        assert_eq!(triple(r.count(&text).get(Kind::Phone)), (1, 0, 1));
    }
    // The country code is not part of the number.
    assert_eq!(r.redact("电话 +86 138 1234 5678"), "电话 +86 138 1234 5678");
    // A different number is masked.
    assert_eq!(r.redact("热线400-820-8821"), "热线400-***-8821");
    // Streams agree, whatever the chunking.
    let text = "热线４００ ８２０ ８８２０，手机138 1234 5678，卡号6222020200112345679";
    for size in [1, 3, 10] {
        let (out, counts) = streamed(&r, text.as_bytes(), size);
        assert_eq!(out, r.redact(text).as_bytes(), "chunks of {size}");
        assert_eq!(counts, r.count(text), "chunks of {size}");
    }
    assert_eq!(triple(r.count(text).get(Kind::Phone)), (0, 0, 2));
}

#[test]
fn allowed_id_numbers_compare_the_check_character() {
    let r = Redactor::builder().allow_value("11010519491231002x").build().unwrap();
    assert_eq!(r.redact("身份证11010519491231002X"), "身份证11010519491231002X");
    assert_eq!(r.redact("身份证１１０１０５１９４９１２３１００２Ｘ"), "身份证１１０１０５１９４９１２３１００２Ｘ");
}

#[test]
fn allowed_text_values_compare_after_folding() {
    let r = Redactor::builder().allow_value("Service@Example.com").allow_value("kefu_01").build().unwrap();
    // Email addresses compare in lower case, and full-width forms fold.
    assert_eq!(r.redact("邮箱 service@example.COM"), "邮箱 service@example.COM");
    assert_eq!(r.redact("邮箱 ｓｅｒｖｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"), "邮箱 ｓｅｒｖｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ");
    assert_ne!(r.redact("邮箱 zhangsan@example.com"), "邮箱 zhangsan@example.com");
    // Other kinds compare case and all.
    let text = "微信号 kefu_01";
    assert_eq!(r.redact(text), text);
    assert_ne!(r.redact("微信号 KEFU_01"), "微信号 KEFU_01");
}

#[test]
fn allow_patterns_match_the_whole_match_of_their_kind() {
    let r = Redactor::builder()
        .allow_pattern(Kind::Phone, r"400[-\s]?820[-\s]?\d{4}")
        .allow_pattern(Kind::Email, r"[a-z]+@kefu\.example\.com")
        .build()
        .unwrap();
    let text = "热线400-820-1234，邮箱 service@kefu.example.com，客户 zhangsan@example.com，手机13812345678";
    let found: Vec<(Kind, Action)> = r.find_iter(text).map(|m| (m.kind(), m.action())).collect();
    assert_eq!(
        found,
        [
            (Kind::Phone, Action::Allow),
            (Kind::Email, Action::Allow),
            (Kind::Email, Action::Mask),
            (Kind::Phone, Action::Mask)
        ]
    );
    // The whole match must match: a pattern for part of it allows nothing.
    let partial = Redactor::builder().allow_pattern(Kind::Phone, "138").build().unwrap();
    assert_eq!(partial.redact("手机13812345678"), "手机138****5678");
    // A pattern for one kind does not allow another.
    let other = Redactor::builder().allow_pattern(Kind::BankCard, r"\d+").build().unwrap();
    assert_eq!(other.redact("手机13812345678"), "手机138****5678");
}

#[test]
fn bad_allow_patterns_are_build_errors_naming_the_pattern() {
    for bad in ["(", "[a-", "a)|(b", r"\p{NoSuchClass}", "a{99999999}"] {
        let err = Redactor::builder().allow_pattern(Kind::Phone, bad).build().unwrap_err();
        match &err {
            tuomin::Error::AllowPattern { kind, pattern, .. } => {
                assert_eq!((*kind, pattern.as_str()), (Kind::Phone, bad));
            }
            other => panic!("{bad:?}: {other:?}"),
        }
        assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
    }
}

#[test]
fn allowed_matches_are_left_in_place() {
    let r = Redactor::builder().allow_value("13812345678").build().unwrap();
    let mut buf = "手机13812345678，备用13912345678".as_bytes().to_vec();
    assert_eq!(r.redact_in_place(&mut buf).unwrap(), 2);
    assert_eq!(buf, "手机13812345678，备用139****5678".as_bytes());
}

const KEY: &[u8] = b"0123456789abcdef-demo-key";

fn hashing(key: &[u8]) -> Redactor {
    use tuomin::{Policy, Preset};
    Redactor::builder().preset(Preset::Hash).policy(Kind::Address, Policy::Full).hash_key(key).build().unwrap()
}

/// The tokens in `text`, in order.
fn tokens(text: &str) -> Vec<&str> {
    text.match_indices('[').map(|(i, _)| &text[i..i + text[i..].find(']').unwrap() + 1]).collect()
}

#[test]
fn hash_tokens_are_stable_across_redactors_with_one_key() {
    let a = hashing(KEY).redact(CHAT).into_owned();
    let b = hashing(KEY).redact(CHAT).into_owned();
    assert_eq!(a, b);
    let found = tokens(&a);
    assert_eq!(found.len(), 6, "{a}");
    // The same phone number, written two ways, gets one token; others differ.
    assert_eq!(found[0], found[5]);
    assert_eq!(found[0], "[PHONE:1cfe20ec3903d206]");
    let distinct: std::collections::HashSet<&&str> = found.iter().collect();
    assert_eq!(distinct.len(), 5);
    for t in &found {
        let (kind, hex) = t[1..t.len() - 1].split_once(':').unwrap();
        assert!(Kind::from_name(&kind.to_ascii_lowercase()).is_some(), "{t}");
        assert!(hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{t}");
    }
    assert!(!a.contains("13812345678") && !a.contains("zhangsan"), "{a}");
}

#[test]
fn hash_tokens_are_hmac_sha256_of_kind_and_normalised_value() {
    // Computed independently, with Python's hmac module:
    // hmac.new(KEY, b"id_card\x0011010519491231002X", hashlib.sha256).hexdigest()[:16]
    let r = hashing(KEY);
    assert_eq!(r.redact("身份证11010519491231002x"), "身份证[ID_CARD:767add8137790156]");
    assert_eq!(r.redact("身份证１１０１０５１９４９１２３１００２Ｘ"), "身份证[ID_CARD:767add8137790156]");
    assert_eq!(r.redact("邮箱 ZhangSan@Example.com"), "邮箱 [EMAIL:1873854b73155cc7]");
    for phone in
        ["13812345678", "138 1234 5678", "+86 138-1234-5678", "１３８１２３４５６７８", "幺三八 一二三四 五六七八"]
    {
        assert_eq!(r.redact(&format!("手机{phone}")), "手机[PHONE:1cfe20ec3903d206]", "{phone}");
    }
}

#[test]
fn different_keys_give_different_tokens() {
    let a = hashing(KEY).redact(CHAT).into_owned();
    let b = hashing(b"another key, also long enough").redact(CHAT).into_owned();
    let (ta, tb) = (tokens(&a), tokens(&b));
    assert_eq!(ta.len(), tb.len());
    for (x, y) in ta.iter().zip(&tb) {
        assert_ne!(x, y);
    }
}

#[test]
fn hash_needs_a_long_enough_key_and_never_shows_it() {
    use tuomin::{Error, Policy};
    let err = Redactor::builder().policy(Kind::Phone, Policy::Hash).build().unwrap_err();
    assert_eq!(err, Error::HashKeyMissing { kind: Kind::Phone });
    // A kind that is not looked for needs no key.
    let none = Redactor::builder().kinds(tuomin::KindSet::NONE.with(Kind::Email)).policy(Kind::Phone, Policy::Hash);
    assert!(none.build().is_ok());
    let err = Redactor::builder().policy(Kind::Phone, Policy::Hash).hash_key(b"short key").build().unwrap_err();
    assert_eq!(err, Error::HashKeyTooShort { len: 9, min: tuomin::MIN_HASH_KEY_LEN });
    let secret = b"super-secret-key-0123";
    let builder = Redactor::builder().policy(Kind::Phone, Policy::Hash).hash_key(secret);
    let redactor = builder.build().unwrap();
    for debug in [format!("{builder:?}"), format!("{redactor:?}")] {
        assert!(!debug.contains("super") && debug.contains("<secret>"), "{debug}");
    }
    assert!(!redactor.is_length_preserving());
    let mut buf = b"13812345678".to_vec();
    assert!(redactor.redact_in_place(&mut buf).is_err());
}

#[test]
fn hashed_streams_equal_one_shot() {
    let r = hashing(KEY);
    for size in [1, 2, 5, 13, 64] {
        let (out, counts) = streamed(&r, CHAT.as_bytes(), size);
        assert_eq!(out, r.redact(CHAT).as_bytes(), "chunks of {size}");
        assert_eq!(counts, r.count(CHAT));
    }
    // Room for the tokens: feed with max_output_len-sized buffers.
    let mut stream = r.stream();
    let mut dst = vec![0; stream.max_output_len(CHAT.len()).unwrap()];
    let (status, read, written) = stream.feed(CHAT.as_bytes(), &mut dst, true);
    assert_eq!((status, read), (tuomin::Status::InputEmpty, CHAT.len()));
    assert_eq!(&dst[..written], r.redact(CHAT).as_bytes());
}

fn faking(key: &[u8]) -> Redactor {
    use tuomin::Policy;
    Kind::ALL.into_iter().fold(Redactor::builder(), |b, k| b.policy(k, Policy::Fake)).hash_key(key).build().unwrap()
}

/// The ASCII digits and `X` of `s` (full-width ones as ASCII).
fn digits_of(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' | 'X' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            'Ｘ' => Some('X'),
            _ => None,
        })
        .collect()
}

fn luhn_ok(d: &str) -> bool {
    let sum: u32 = d
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let x = u32::from(b - b'0');
            if i % 2 == 1 { if x * 2 > 9 { x * 2 - 9 } else { x * 2 } } else { x }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn id_check_ok(d: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = d.bytes().take(17).zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    d.as_bytes()[17] == b"10X98765432"[(sum % 11) as usize]
}

#[test]
fn fakes_keep_length_layout_and_checks() {
    let r = faking(KEY);
    assert!(r.is_length_preserving());
    let text = "手机 138-1234-5678，身份证11010519491231002X，卡号6222 0202 0011 2345 679，座机010-62345678";
    let out = r.redact(text).into_owned();
    assert_eq!(out.len(), text.len());
    // Separators and the words around stay where they were.
    let shape = |s: &str| s.chars().map(|c| if c.is_ascii_digit() || c == 'X' { '#' } else { c }).collect::<String>();
    assert_eq!(shape(&out), shape(text), "{out}");
    let fakes: Vec<String> = r.find_iter(text).map(|m| digits_of(&out[m.range()])).collect();
    assert_eq!(fakes.len(), 4, "{out}");
    let (mobile, id, card, landline) = (&fakes[0], &fakes[1], &fakes[2], &fakes[3]);
    assert!(mobile.starts_with("154") && mobile.len() == 11, "{mobile}");
    assert!(id.starts_with("90") && id.len() == 18 && id_check_ok(id), "{id}");
    let year: u32 = id[6..10].parse().unwrap();
    assert!((1950..=1999).contains(&year), "{id}");
    assert!(card.starts_with('9') && card.len() == 19 && luhn_ok(card), "{card}");
    assert!(landline.starts_with("0100") && landline.len() == 11, "{landline}");
    assert_ne!(mobile, "13812345678");
    // Scanning the output again finds the card (it passes Luhn, after a
    // card word) but neither the fake mobile nor the fake ID number.
    let again: Vec<Kind> = Redactor::new().find_iter(&out).map(|m| m.kind()).collect();
    assert_eq!(again, [Kind::BankCard], "{out}");
    // In place gives the same.
    let mut buf = text.as_bytes().to_vec();
    r.redact_in_place(&mut buf).unwrap();
    assert_eq!(buf, out.as_bytes());
}

#[test]
fn fakes_are_deterministic_per_key_and_normalised_value() {
    let a = faking(KEY);
    let same = faking(KEY);
    let other = faking(b"another key, also long enough");
    let fake = |r: &Redactor, t: &str| digits_of(&r.redact(t));
    let base = fake(&a, "手机13812345678");
    assert_eq!(base, fake(&same, "手机13812345678"));
    assert_eq!(base, fake(&a, "手机 138 1234 5678"));
    assert_ne!(base, fake(&other, "手机13812345678"));
    // Full-width digits and numerals keep their script.
    let wide = a.redact("手机１３８１２３４５６７８").into_owned();
    assert_eq!(digits_of(&wide), base);
    assert!(wide.chars().skip(2).all(|c| ('０'..='９').contains(&c)), "{wide}");
    let spoken = a.redact("手机幺三八一二三四五六七八").into_owned();
    assert_eq!(spoken.len(), "手机幺三八一二三四五六七八".len());
    assert!(spoken.starts_with("手机一五四"), "{spoken}");
    // Other kinds are masked in full.
    assert_eq!(a.redact("邮箱 zhangsan@example.com"), "邮箱 ********@*******.***");
    // Streams agree.
    for size in [1, 3, 8] {
        let (out, _) = streamed(&a, CHAT.as_bytes(), size);
        assert_eq!(out, a.redact(CHAT).as_bytes());
    }
    let err = Redactor::builder().policy(Kind::Phone, tuomin::Policy::Fake).build().unwrap_err();
    assert_eq!(err, tuomin::Error::HashKeyMissing { kind: Kind::Phone });
}
