//! Rules a deployment defines: literals, patterns, context, validators,
//! policies, precedence against the built-in kinds, errors, streams.

mod common;

use tuomin::{Error, Evidence, Kind, MAX_RULES, Piece, Policy, Preset, Redactor, Rule, Validator};

fn build(rules: impl IntoIterator<Item = Rule>) -> Redactor {
    rules.into_iter().fold(Redactor::builder().reference_date(common::test_date()), |b, r| b.rule(r)).build().unwrap()
}

/// (name the match is reported under, matched text) for every match.
fn found(r: &Redactor, text: &str) -> Vec<(String, String)> {
    r.find_iter(text).map(|m| (r.kind_name(&m).to_string(), text[m.range()].to_string())).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn build_err(rule: Rule) -> Error {
    Redactor::builder().rule(rule).build().unwrap_err()
}

#[test]
fn literals_match_exactly_or_regardless_of_case() {
    let r = build([Rule::new("vip_word").literals(["金卡会员", "Gold Member"])]);
    assert_eq!(found(&r, "您是金卡会员吗"), pairs(&[("vip_word", "金卡会员")]));
    assert_eq!(found(&r, "a Gold Member here"), pairs(&[("vip_word", "Gold Member")]));
    assert!(found(&r, "a gold member here").is_empty(), "case matters by default");
    let r = build([Rule::new("vip_word").literal("Gold Member").case_insensitive(true)]);
    assert_eq!(found(&r, "a gOLD mEMBER"), pairs(&[("vip_word", "gOLD mEMBER")]));
}

#[test]
fn patterns_match_with_the_rule_name_as_kind() {
    let r = build([Rule::new("member_id").pattern("M[0-9]{8}"), Rule::new("ticket").pattern("TK-[0-9]{6}")]);
    let text = "会员M12345678的工单TK-000123已关闭";
    assert_eq!(found(&r, text), pairs(&[("member_id", "M12345678"), ("ticket", "TK-000123")]));
    let ms: Vec<_> = r.find_iter(text).collect();
    assert_eq!(
        ms.iter().map(|m| (m.kind(), m.rule())).collect::<Vec<_>>(),
        [(Kind::Custom, Some(0)), (Kind::Custom, Some(1))]
    );
    assert_eq!(r.rule(1).map(Rule::name), Some("ticket"));
    assert_eq!(r.rules().count(), 2);
    assert!(r.kinds().contains(Kind::Custom));
    assert!(!common::redactor().kinds().contains(Kind::Custom), "no rules, no custom kind");
    assert_eq!(ms[0].evidence(), Evidence::Pattern);
}

#[test]
fn glued_matches_are_refused_unless_allowed() {
    let rule = Rule::new("member_id").pattern("M[0-9]{8}");
    let r = build([rule.clone()]);
    assert!(found(&r, "XM12345678").is_empty());
    assert!(found(&r, "M123456789").is_empty(), "a longer number is something else");
    assert_eq!(found(&r, "号码:M12345678。").len(), 1);
    assert_eq!(found(&r, "会员M12345678号").len(), 1, "Chinese characters around it are fine");
    let r = build([rule.standalone(false)]);
    assert_eq!(found(&r, "XM123456789"), pairs(&[("member_id", "M12345678")]));
}

#[test]
fn a_refused_candidate_does_not_hide_a_later_one() {
    let r = build([Rule::new("code").pattern("[A-Z]{2}[0-9]{4}")]);
    // `XAB1234` is glued; `AB1234` further on is not.
    assert_eq!(found(&r, "XAB1234 和 CD5678"), pairs(&[("code", "CD5678")]));
}

#[test]
fn context_words_must_come_shortly_before() {
    let r = build([Rule::new("policy_no").pattern("[0-9]{10}").context(["保单号", "policy"]).context_window(8)]);
    assert_eq!(found(&r, "保单号：2024123456"), pairs(&[("policy_no", "2024123456")]));
    assert_eq!(found(&r, "Policy: 2024123456").len(), 1, "context words ignore ASCII case");
    assert!(found(&r, "订单号：2024123456").is_empty());
    assert!(found(&r, "保单号是这个我查一下啊2024123456").is_empty(), "outside the window");
    assert!(found(&r, "2024123456 是保单号").is_empty(), "context comes before");
    assert_eq!(r.find_iter("保单号2024123456").next().map(|m| m.evidence()), Some(Evidence::Context));
}

#[test]
fn validators_check_the_digits() {
    let luhn = build([Rule::new("card_like").pattern("[0-9]{12}").validator(Validator::Luhn)]);
    assert_eq!(found(&luhn, "号 123456789015 号"), pairs(&[("card_like", "123456789015")]));
    assert!(found(&luhn, "号 123456789016 号").is_empty());
    assert_eq!(luhn.find_iter("123456789015").next().map(|m| m.evidence()), Some(Evidence::Checksum));

    let mod11 = build([Rule::new("staff_id").pattern("S[0-9]{7}[0-9X]").validator(Validator::Mod11_2)]);
    // Weights 2^7..2^1 mod 11 over 1 2 3 4 5 6 7: check digit 9.
    let digits = [1u32, 2, 3, 4, 5, 6, 7];
    let sum: u32 = digits.iter().enumerate().map(|(i, d)| d * (1 << (7 - i)) % 11).sum();
    let check = (12 - sum % 11) % 11;
    let good = format!("S1234567{}", if check == 10 { "X".to_string() } else { check.to_string() });
    assert_eq!(found(&mod11, &good).len(), 1, "{good}");
    let bad = format!("S1234567{}", (check + 1) % 10);
    assert!(found(&mod11, &bad).is_empty());

    let mod97 = build([Rule::new("account").pattern("[0-9]{8}").validator(Validator::Mod97_10)]);
    // 97 * 1030928 + 1 = 100000017.
    let ok = (0..100_000_000u64).step_by(97).nth(200_000).map(|n| n + 1).unwrap();
    assert_eq!(found(&mod97, &format!("账户 {ok:08}")).len(), 1);
    assert!(found(&mod97, &format!("账户 {:08}", ok + 1)).is_empty());
}

#[test]
fn a_rule_wins_over_a_built_in_kind_starting_at_the_same_offset() {
    // A deployment's member numbers happen to look like mobile numbers.
    let r = build([Rule::new("member_no").pattern("1[0-9]{10}").context(["会员号"])]);
    assert_eq!(found(&r, "会员号13812345678"), pairs(&[("member_no", "13812345678")]));
    assert_eq!(found(&r, "手机13812345678"), pairs(&[("phone", "13812345678")]));
    // A rule matching inside a phone number starts later: the phone wins.
    let r = build([Rule::new("tail").pattern("5678")]);
    assert_eq!(found(&r, "手机 138 1234 5678 尾号 5678"), pairs(&[("phone", "138 1234 5678"), ("tail", "5678")]));
}

#[test]
fn policies_of_rules() {
    let text = "会员M12345678";
    let r = build([Rule::new("member_id").pattern("M[0-9]{8}")]);
    assert_eq!(r.redact(text), "会员*********", "every letter and digit by default");
    let r = build([Rule::new("member_id").pattern("M[0-9]{8}").policy(Policy::Partial { head: 1, tail: 2 })]);
    assert_eq!(r.redact(text), "会员M******78");
    let r = Redactor::builder()
        .preset(Preset::TagEnglish)
        .rule(Rule::new("member_id").pattern("M[0-9]{8}"))
        .build()
        .unwrap();
    assert_eq!(r.redact(text), "会员[MEMBER_ID]", "tag presets use the rule's tag");
    let r = Redactor::builder()
        .policy(Kind::Custom, Policy::tag("[内部编号]"))
        .rule(Rule::new("member_id").pattern("M[0-9]{8}"))
        .rule(Rule::new("ticket").pattern("TK[0-9]{4}").policy(Policy::Remove))
        .build()
        .unwrap();
    assert_eq!(r.redact("会员M12345678，工单TK1234"), "会员[内部编号]，工单");
    assert_eq!(r.policy_for(&r.find_iter(text).next().unwrap()), &Policy::tag("[内部编号]"));
    let mut buf = text.as_bytes().to_vec();
    assert_eq!(r.redact_in_place(&mut buf), Err(Error::NotLengthPreserving { kind: Kind::Custom }));
    assert!(!r.is_length_preserving());
    let r = build([Rule::new("member_id").pattern("M[0-9]{8}")]);
    let mut buf = text.as_bytes().to_vec();
    assert_eq!(r.redact_in_place(&mut buf), Ok(1));
    assert_eq!(buf, "会员*********".as_bytes());
}

#[test]
fn bad_rules_are_build_errors_naming_the_rule() {
    let reason = |e: Error| match e {
        Error::Rule { rule, reason } => (rule, reason),
        other => panic!("{other:?}"),
    };
    let (rule, why) = reason(build_err(Rule::new("order_no").pattern("[0-9]+")));
    assert_eq!(rule, "order_no");
    assert!(why.contains("256 bytes") && why.contains("pattern 1"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").pattern("A[0-9]{3}").pattern("M[0-9")));
    assert!(why.starts_with("pattern 2:"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").pattern("[0-9]{0,3}")));
    assert!(why.contains("empty string"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no")));
    assert!(why.contains("no literal and no pattern"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").literal("")));
    assert!(why.contains("literal 1 is empty"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").literal("x").context([""])));
    assert!(why.contains("context word"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").literal("x").context_window(65)));
    assert!(why.contains("context window"), "{why}");
    let (_, why) = reason(build_err(Rule::new("order_no").pattern(r"[^\s\S]")));
    assert!(why.contains("pattern 1 can never match") && !why.contains("256"), "{why}");
    for name in ["", "Order", "order no", "9lives", "订单", "phone", "custom", "default", &"x".repeat(33)] {
        let (_, why) = reason(build_err(Rule::new(name).literal("x")));
        assert!(why.contains("name"), "{name:?}: {why}");
    }
    let e = Redactor::builder().rule(Rule::new("a").literal("x")).rule(Rule::new("a").literal("y")).build();
    assert!(matches!(e, Err(Error::Rule { ref reason, .. }) if reason.contains("same name")), "{e:?}");
    let many = (0..=MAX_RULES).fold(Redactor::builder(), |b, i| b.rule(Rule::new(format!("r{i}")).literal("x")));
    assert_eq!(many.build().unwrap_err(), Error::TooManyRules { count: MAX_RULES + 1, max: MAX_RULES });
    // A rule hashed without a key, whatever the kinds asked for.
    let keyless = Redactor::builder()
        .kinds(tuomin::KindSet::NONE.with(Kind::Phone))
        .policy(Kind::Custom, Policy::Hash)
        .rule(Rule::new("member_id").pattern("M[0-9]{8}"))
        .build();
    assert_eq!(keyless.unwrap_err(), Error::HashKeyMissing { kind: Kind::Custom });
    let keyless = Redactor::builder().rule(Rule::new("member_id").pattern("M[0-9]{8}").policy(Policy::Fake)).build();
    assert_eq!(keyless.unwrap_err(), Error::HashKeyMissing { kind: Kind::Custom });
    let keyed = Redactor::builder()
        .rule(Rule::new("member_id").pattern("M[0-9]{8}").policy(Policy::Hash))
        .hash_key([7u8; 32])
        .build()
        .unwrap();
    let out = keyed.redact("会员M12345678");
    assert!(out.starts_with("会员[") && out.ends_with(']') && out != "会员M12345678", "{out}");
    assert_eq!(keyed.redact("会员M12345678"), out, "the same value, the same token");
    let long_tag = Rule::new("a").literal("x").policy(Policy::tag("x".repeat(65)));
    assert!(matches!(build_err(long_tag), Error::TagTooLong { kind: Kind::Custom, .. }));
    // check_rule reports the same errors before build.
    let b = Redactor::builder().rule(Rule::new("a").literal("x"));
    assert!(b.check_rule(&Rule::new("b").literal("y")).is_ok());
    assert!(b.check_rule(&Rule::new("a").literal("y")).is_err());
}

#[test]
fn streams_agree_with_one_shot_at_every_split_point() {
    let r = build([
        Rule::new("member_id").pattern("M[0-9]{8}"),
        Rule::new("policy_no").pattern("[0-9]{10}").context(["保单号"]),
        Rule::new("vip_word").literal("金卡会员").policy(Policy::tag("[VIP]")),
        // Bounded once the branch that matches nothing is left out.
        Rule::new("ticket").pattern(r"TK[0-9]{6}|[^\s\S]"),
    ]);
    let text = "金卡会员M12345678，保单号2024123456，手机13812345678，XM12345678，M1234567，工单TK123456";
    let whole = r.redact(text).into_owned();
    assert_eq!(whole, "[VIP]*********，保单号**********，手机138****5678，XM12345678，M1234567，工单********");
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        for second in [cut, (cut + 7).min(bytes.len())] {
            let mut stream = r.stream();
            let mut out = Vec::new();
            let mut sink = |p: Piece<'_>| -> Result<(), ()> {
                out.extend_from_slice(p.bytes());
                Ok(())
            };
            stream.push(&bytes[..cut], &mut sink).unwrap();
            stream.push(&bytes[cut..second], &mut sink).unwrap();
            stream.push(&bytes[second..], &mut sink).unwrap();
            stream.finish(&mut sink).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "cut at {cut} and {second}");
        }
    }
}

#[test]
fn streams_report_the_rule() {
    let r = build([Rule::new("member_id").pattern("M[0-9]{8}")]);
    let mut rules = Vec::new();
    let mut stream = r.stream();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        if let Piece::Redacted { found, .. } = p {
            rules.push((found.kind(), found.rule()));
        }
        Ok(())
    };
    stream.push("会员M12345678".as_bytes(), &mut sink).unwrap();
    stream.finish(&mut sink).unwrap();
    assert_eq!(rules, [(Kind::Custom, Some(0))]);
}

#[test]
fn long_runs_stay_linear_and_bounded() {
    // A rule refused at every offset of a long run (glued) must not make
    // the scan quadratic or hold the stream without bound.
    let r = build([Rule::new("digits8").pattern("[0-9]{8}")]);
    let text = "1".repeat(200_000);
    assert_eq!(r.find_iter(&text).count(), 0);
    let mut stream = r.stream();
    let mut sink = |_: Piece<'_>| -> Result<(), ()> { Ok(()) };
    for chunk in text.as_bytes().chunks(4096) {
        stream.push(chunk, &mut sink).unwrap();
        assert!(stream.held_back() <= tuomin::MAX_HOLDBACK);
    }
    stream.finish(&mut sink).unwrap();
}

#[test]
fn patterns_no_text_can_match_are_refused_as_such() {
    let reason = |rule: Rule| match build_err(rule) {
        Error::Rule { rule, reason } => format!("{rule}: {reason}"),
        other => panic!("{other:?}"),
    };
    // The empty class, alone, inside a sequence, repeated, under (?i).
    for pattern in [r"[^\s\S]", r"M[^\s\S][0-9]{4}", r"(?:[^\s\S]){2,3}", r"[^\d\D]"] {
        let why = reason(Rule::new("member_id").pattern("M[0-9]{8}").pattern(pattern));
        assert_eq!(why, "member_id: pattern 2 can never match: no text fits it", "{pattern}");
        let why = reason(Rule::new("member_id").pattern(pattern).case_insensitive(true));
        assert!(why.contains("pattern 1 can never match"), "{pattern}: {why}");
    }
    // Unbounded patterns keep their own message.
    let why = reason(Rule::new("member_id").pattern("M[0-9]+"));
    assert!(why.contains("more than 256 bytes") && !why.contains("never match"), "{why}");
    // A pattern with one branch that can match is fine, and finds it.
    let r = build([Rule::new("member_id").pattern(r"M[0-9]{8}|[^\s\S]")]);
    assert_eq!(found(&r, "会员M12345678"), pairs(&[("member_id", "M12345678")]));
    let r = build([Rule::new("member_id").pattern(r"M[0-9]{8}[^\s\S]?")]);
    assert_eq!(found(&r, "会员M12345678"), pairs(&[("member_id", "M12345678")]));
}

#[test]
fn a_context_window_must_hold_a_context_word() {
    let reason = |rule: Rule| match build_err(rule) {
        Error::Rule { rule, reason } => format!("{rule}: {reason}"),
        other => panic!("{other:?}"),
    };
    let rule = || Rule::new("policy_no").pattern("[0-9]{10}");
    let why = reason(rule().context(["保单号", "policy"]).context_window(0));
    assert_eq!(
        why,
        "policy_no: context window too short for any context word, so the rule could never match: the window \
         is 0 characters, the shortest word 3; widen the window or drop the context words"
    );
    let why = reason(rule().context(["保单号"]).context_window(2));
    assert!(why.contains("window is 2 characters") && why.contains("shortest word 3"), "{why}");
    // check_rule says the same before build.
    let e = Redactor::builder().check_rule(&rule().context(["保单号"]).context_window(0)).unwrap_err();
    assert!(e.to_string().contains("could never match"), "{e}");

    // A window exactly as long as a word lets it count.
    let r = build([rule().context(["保单号", "保单"]).context_window(2)]);
    assert_eq!(found(&r, "保单2024123456"), pairs(&[("policy_no", "2024123456")]));
    assert!(found(&r, "保单：2024123456").is_empty(), "保单 is three characters back");
    let r = build([rule().context(["保单号"]).context_window(3)]);
    assert_eq!(found(&r, "保单号2024123456"), pairs(&[("policy_no", "2024123456")]));

    // Without context words the window is not used: 0 is accepted.
    let r = build([rule().context_window(0)]);
    assert_eq!(found(&r, "订单 2024123456"), pairs(&[("policy_no", "2024123456")]));
}
