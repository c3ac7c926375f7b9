//! Properties that hold for every input: run on generated chat-like text and
//! on arbitrary bytes.

mod common;

use proptest::prelude::*;
use tuomin::{Kind, Policy, Preset, Redactor};

/// Pieces chat text is made of, including number forms the detectors find
/// and near-misses they must not.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "您好",
        "请问",
        "手机",
        "电话",
        "身份证号",
        "卡号",
        "订单号",
        "快递单号",
        "，",
        "。",
        "：",
        "（",
        "）",
        "(",
        ")",
        "+",
        "+86 ",
        "0086",
        " ",
        "-",
        "—",
        "　",
        "转",
        "分机",
        "X",
        "x",
        "Ｘ",
        "元",
        ".",
        "¥",
        "tel",
        "SF",
        "\n",
        "幺",
        "两",
        "拐",
        "洞",
        "零",
        "一",
        "三",
        "八",
        "😀",
        "é",
        "13812345678",
        "138 1234 5678",
        "１３８１２３４５６７８",
        "幺三八一二三四五六七八",
        "11010519491231002X",
        "110105 19491231 002X",
        "6222020200112345679",
        "6222 0202 0011 2345 679",
        "010-62345678",
        "(021)5555-1234",
        "400-820-8820",
        "110105491231002",
        "3427581938475629183",
        "2024-11-28 13:45:12",
        "北京市",
        "朝阳区",
        "建国路",
        "88号",
        "号院",
        "3号楼",
        "2单元",
        "1102",
        "室",
        "阳光花园",
        "栋",
        "王庄村",
        "3组",
        "地址是",
        "住在",
        "大道",
        "街道",
        "广东省深圳市南山区",
        "A座",
        "十八号",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed,
        2 => "[0-9]{1,20}",
        1 => "[0-9 -]{1,30}",
        1 => "[０-９]{1,12}",
        1 => "[一二三四五六七八九零幺两]{1,19}",
        1 => "\\PC{1,8}",
    ]
}

fn chat_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn redactor(policy: Policy) -> Redactor {
    let mut b = Redactor::builder().reference_date(common::test_date());
    for k in Kind::ALL {
        b = b.policy(k, policy.clone());
    }
    b.build().unwrap()
}

/// Whether the byte at `i` starts a digit or numeral character.
fn unit_at(s: &[u8], i: usize) -> bool {
    if s[i].is_ascii_digit() {
        return true;
    }
    let Some(rest) = s.get(i..) else { return false };
    let Some(c) = std::str::from_utf8(&rest[..rest.len().min(3)]).ok().and_then(|t| t.chars().next()) else {
        return false;
    };
    ('０'..='９').contains(&c) || "零〇洞一幺二两三四五六七拐八九".contains(c)
}

fn check_invariants(r: &Redactor, input: &[u8]) -> Result<(), TestCaseError> {
    let matches: Vec<_> = r.find_iter(input).collect();
    let mut last = 0;
    for m in &matches {
        prop_assert!(m.start() >= last, "sorted and non-overlapping");
        prop_assert!(m.start() < m.end() && m.end() <= input.len(), "inside the input");
        last = m.end();
    }
    let out = r.redact_bytes(input);
    if let Ok(s) = std::str::from_utf8(input) {
        for m in &matches {
            prop_assert!(s.is_char_boundary(m.start()) && s.is_char_boundary(m.end()));
        }
        prop_assert!(std::str::from_utf8(&out).is_ok(), "UTF-8 in, UTF-8 out");
    }
    let mut into = b"prefix".to_vec();
    prop_assert_eq!(r.redact_into(input, &mut into), matches.len());
    prop_assert_eq!(&into[6..], &out[..]);
    if r.is_length_preserving() {
        prop_assert_eq!(out.len(), input.len());
        let mut outside = 0;
        for (i, (a, b)) in input.iter().zip(out.iter()).enumerate() {
            while outside < matches.len() && matches[outside].end() <= i {
                outside += 1;
            }
            let inside = outside < matches.len() && matches[outside].start() <= i;
            if !inside {
                prop_assert_eq!(a, b, "byte {} outside every match changed", i);
            }
        }
        let mut in_place = input.to_vec();
        prop_assert_eq!(r.redact_in_place(&mut in_place).unwrap(), matches.len());
        prop_assert_eq!(&in_place[..], &out[..]);
    } else {
        // Rebuild the output from the pieces: unchanged bytes between
        // matches, the policy's replacement for each match.
        let mut expected = Vec::new();
        let mut last = 0;
        for m in &matches {
            expected.extend_from_slice(&input[last..m.start()]);
            if let Policy::Tag(t) = r.policy(m.kind()) {
                expected.extend_from_slice(t.as_bytes());
            }
            last = m.end();
        }
        expected.extend_from_slice(&input[last..]);
        prop_assert_eq!(&out[..], &expected[..]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn conventional_masks_keep_every_other_byte(text in chat_text()) {
        check_invariants(&redactor(Policy::Conventional), text.as_bytes())?;
    }

    #[test]
    fn full_mask_leaves_no_digit(text in chat_text()) {
        let r = redactor(Policy::Full);
        check_invariants(&r, text.as_bytes())?;
        let out = r.redact(&text);
        for m in r.find_iter(&text) {
            let span = &out.as_bytes()[m.range()];
            // Only a country code (`86`, `0086`) may stay visible.
            // The digits left, full-width ones as ASCII (a country code
            // may be typed in either width: `8６`).
            let left: String = (0..span.len())
                .filter(|&i| unit_at(span, i))
                .map(|i| match std::str::from_utf8(&span[i..]).ok().and_then(|t| t.chars().next()) {
                    Some(c @ '０'..='９') => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    Some(c) if c.is_ascii_digit() => c,
                    _ => '?',
                })
                .collect();
            prop_assert!(
                left.is_empty() || m.kind() == Kind::Phone && (left == "86" || left == "0086"),
                "digits {:?} survived a full mask in {:?}", left, &out[m.range()]
            );
        }
    }

    #[test]
    fn partial_and_tag_policies(text in chat_text(), head in 0u8..8, tail in 0u8..8) {
        check_invariants(&redactor(Policy::Partial { head, tail }), text.as_bytes())?;
        check_invariants(&redactor(Policy::tag("[PII]")), text.as_bytes())?;
        check_invariants(&redactor(Policy::Remove), text.as_bytes())?;
        let tagged = Redactor::builder().preset(Preset::TagEnglish).reference_date(common::test_date()).build().unwrap();
        check_invariants(&tagged, text.as_bytes())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_invariants(&redactor(Policy::Conventional), &bytes)?;
        check_invariants(&redactor(Policy::Full), &bytes)?;
    }

    #[test]
    fn digits_and_separators_never_panic(bytes in prop::collection::vec(prop::sample::select(b"0123456789 -,X()+".to_vec()), 0..256)) {
        check_invariants(&redactor(Policy::Conventional), &bytes)?;
    }
}
