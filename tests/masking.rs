//! Masking policies and presets, byte for byte.

mod common;

use std::borrow::Cow;

use tuomin::{Error, Kind, KindSet, Policy, Preset, Redactor};

fn with_policy(policy: Policy) -> Redactor {
    let mut b = Redactor::builder().reference_date(common::test_date());
    for k in Kind::ALL {
        b = b.policy(k, policy.clone());
    }
    b.build().unwrap()
}

#[test]
fn conventional_defaults() {
    let r = common::redactor();
    let cases = [
        ("手机13812345678", "手机138****5678"),
        ("手机 138 1234 5678 谢谢", "手机 138 **** 5678 谢谢"),
        ("+86 138-1234-5678", "+86 138-****-5678"),
        ("（+86）13812345678", "（+86）138****5678"),
        ("008613812345678", "0086138****5678"),
        ("１３８１２３４５６７８", "１３８＊＊＊＊５６７８"),
        ("幺三八一二三四五六七八", "幺三八＊＊＊＊五六七八"),
        ("1 3 8 1 2 3 4 5 6 7 8", "1 3 8 * * * * 5 6 7 8"),
        ("010-62345678", "010-******78"),
        ("(021)5555-1234", "(021)****-**34"),
        ("0755-86001234转8001", "0755-********转**01"),
        ("+86 10 6234 5678", "+86 10 **** **78"),
        ("400-820-8820", "400-***-8820"),
        ("11010519491231002X", "1***************2X"),
        ("110105 19491231 002x", "1***** ******** **2x"),
        ("老身份证110105491231002", "老身份证1************02"),
        ("6222020200112345679", "622202*********5679"),
        ("6222 0202 0011 2345 679", "6222 02** **** ***5 679"),
    ];
    for (input, want) in cases {
        assert_eq!(r.redact(input), want, "{input}");
        assert_eq!(r.redact(input).len(), input.len(), "{input}: byte length kept");
    }
}

#[test]
fn full_partial_tag_remove() {
    let text = "电话138-1234-5678，卡号6222020200112345679。";
    assert_eq!(with_policy(Policy::Full).redact(text), "电话***-****-****，卡号*******************。");
    assert_eq!(
        with_policy(Policy::Partial { head: 0, tail: 4 }).redact(text),
        "电话***-****-5678，卡号***************5679。"
    );
    assert_eq!(with_policy(Policy::tag("<x>")).redact(text), "电话<x>，卡号<x>。");
    assert_eq!(with_policy(Policy::Remove).redact(text), "电话，卡号。");
    // Keeping more units than the number has would show it whole: mask it all instead.
    assert_eq!(with_policy(Policy::Partial { head: 8, tail: 8 }).redact("13812345678"), "***********");
}

#[test]
fn presets() {
    let text = "13812345678 11010519491231002X 6222020200112345679";
    let run = |p: Preset| {
        Redactor::builder().preset(p).reference_date(common::test_date()).build().unwrap().redact(text).into_owned()
    };
    assert_eq!(run(Preset::TagChinese), "[电话号码] [身份证号] [银行卡号]");
    assert_eq!(run(Preset::TagEnglish), "[PHONE] [ID_CARD] [BANK_CARD]");
    assert_eq!(run(Preset::Remove), "  ");
    assert_eq!(run(Preset::Full), "*********** ****************** *******************");
    assert_eq!(run(Preset::Conventional), "138****5678 1***************2X 622202*********5679");
    for p in Preset::ALL {
        assert_eq!(Preset::from_name(p.name()), Some(p));
    }
}

#[test]
fn per_kind_policy_overrides_preset() {
    let r = Redactor::builder()
        .preset(Preset::TagEnglish)
        .policy(Kind::Phone, Policy::Conventional)
        .reference_date(common::test_date())
        .build()
        .unwrap();
    assert_eq!(r.redact("13812345678 6222020200112345679"), "138****5678 [BANK_CARD]");
}

#[test]
fn kinds_can_be_turned_off() {
    let r = Redactor::builder()
        .kinds(KindSet::NONE.with(Kind::IdCard))
        .reference_date(common::test_date())
        .build()
        .unwrap();
    assert_eq!(r.redact("13812345678 11010519491231002X"), "13812345678 1***************2X");
    let none = Redactor::builder().kinds(KindSet::NONE).build().unwrap();
    assert_eq!(none.find_iter("13812345678").count(), 0);
}

#[test]
fn borrowed_when_nothing_found() {
    let r = common::redactor();
    assert!(matches!(r.redact("您好，请问有什么可以帮您？"), Cow::Borrowed(_)));
    assert!(matches!(r.redact("手机13812345678"), Cow::Owned(_)));
}

#[test]
fn in_place_and_into_buffer() {
    let r = common::redactor();
    let mut buf = "手机13812345678，身份证11010519491231002X".as_bytes().to_vec();
    assert_eq!(r.redact_in_place(&mut buf), Ok(2));
    assert_eq!(std::str::from_utf8(&buf).unwrap(), "手机138****5678，身份证1***************2X");

    let mut out = Vec::new();
    assert_eq!(r.redact_into(b"a 13812345678 b", &mut out), 1);
    assert_eq!(out, b"a 138****5678 b");

    let tagging = with_policy(Policy::tag("[x]"));
    let mut buf = b"13812345678".to_vec();
    assert_eq!(tagging.redact_in_place(&mut buf), Err(Error::NotLengthPreserving { kind: Kind::Phone }));
    assert_eq!(buf, b"13812345678", "left untouched on error");
}

#[test]
fn invalid_utf8_passes_through() {
    let r = common::redactor();
    let input = b"\xff\xfe13812345678\xc3(\x80";
    let out = r.redact_bytes(input);
    assert_eq!(&out[..], b"\xff\xfe138****5678\xc3(\x80");
}

#[test]
fn build_errors_are_clear_and_quote_no_input() {
    let err = Redactor::builder().context_window(1000).build().unwrap_err();
    assert_eq!(err.to_string(), "context window of 1000 characters is larger than the maximum of 64");
    let err = Redactor::builder().policy(Kind::IdCard, Policy::tag("x".repeat(65))).build().unwrap_err();
    assert_eq!(err.to_string(), "tag for id_card is 65 bytes long; the maximum is 64");
}

#[test]
fn debug_output_never_shows_text() {
    let r = common::redactor();
    let m = r.find_iter("手机13812345678").next().unwrap();
    let debug = format!("{m:?}");
    assert!(!debug.contains("1381234"), "{debug}");
    assert!(debug.contains("Phone") && debug.contains("6..17"), "{debug}");
}

#[test]
fn redactor_is_shareable() {
    fn assert_traits<T: Send + Sync + Clone + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_traits::<Redactor>();
    let r = common::redactor();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let r = r.clone();
            std::thread::spawn(move || r.redact(&format!("线程{i}：13812345678")).into_owned())
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), format!("线程{i}：138****5678"));
    }
}

#[test]
fn addresses_keep_divisions_and_mask_the_rest() {
    let r = common::redactor();
    let cases = [
        ("寄到北京市朝阳区建国路88号院3号楼", "寄到北京市朝阳区＊＊＊**＊＊*＊＊"),
        ("住阳光花园3栋2单元502", "住＊＊＊＊*＊*＊＊***"),
        ("广东省，深圳市，福田区，福华路88号", "广东省，深圳市，福田区，＊＊＊**＊"),
        ("浙江省杭州市西湖区 文三路 478号", "浙江省杭州市西湖区 ＊＊＊ ***＊"),
    ];
    for (input, want) in cases {
        assert_eq!(r.redact(input), want, "{input}");
    }
    let full = Redactor::builder().policy(Kind::Address, Policy::Full).build().unwrap();
    assert_eq!(full.redact("北京市朝阳区建国路88号"), "＊＊＊＊＊＊＊＊＊**＊");
    let partial = Redactor::builder().policy(Kind::Address, Policy::Partial { head: 2, tail: 1 }).build().unwrap();
    assert_eq!(partial.redact("建国路88号院"), "建国＊**＊院");
    let tagged = Redactor::builder().preset(Preset::TagEnglish).build().unwrap();
    assert_eq!(tagged.redact("住阳光花园3栋2单元502，电话13812345678"), "住[ADDRESS]，电话[PHONE]");
}

#[test]
fn wechat_ids_are_masked_whole_but_for_their_ends() {
    let r = common::redactor();
    let cases = [
        // `_` and `-` are characters of the ID like its letters: left
        // visible, they would show its shape (`z****_****8`).
        ("微信 zhang_san88", "微信 z*********8"),
        ("加我vx：lucky-tiger_2024", "加我vx：l**************4"),
        ("wx: a_-_-_b", "wx: a*****b"),
    ];
    for (input, want) in cases {
        assert_eq!(r.redact(input), want, "{input}");
        assert_eq!(r.redact(input).len(), input.len(), "{input}: byte length kept");
    }
    let found: Vec<_> = r.find_iter("微信 zhang_san88").map(|m| m.kind()).collect();
    assert_eq!(found, [Kind::WeChat]);
}

#[test]
fn emails_keep_their_domain_after_either_at_sign() {
    let r = common::redactor();
    let cases = [
        ("邮箱zhangsan@qq.com", "邮箱z*******@qq.com"),
        ("邮箱zhangsan＠qq.com", "邮箱z*******＠qq.com"),
        ("发到 li.na88＠163.com 谢谢", "发到 l*.****＠163.com 谢谢"),
    ];
    for (input, want) in cases {
        assert_eq!(r.redact(input), want, "{input}");
        assert_eq!(r.redact(input).len(), input.len(), "{input}: byte length kept");
    }
    let found: Vec<_> = r.find_iter("邮箱zhangsan＠qq.com").map(|m| m.kind()).collect();
    assert_eq!(found, [Kind::Email]);
}
