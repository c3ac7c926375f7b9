//! Configuration files: the bundled example, every key, and errors that
//! point at the line at fault.
#![cfg(feature = "config")]

mod common;

use tuomin::config::{ConfigError, parse};
use tuomin::{Action, Kind, KindSet, Policy};

fn error(text: &str) -> ConfigError {
    parse(text).map(|_| ()).unwrap_err()
}

#[test]
fn the_bundled_example_configures_kinds_policies_and_rules() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tuomin.toml");
    let r = tuomin::config::load(path).unwrap().reference_date(common::test_date()).build().unwrap();
    assert!(r.kinds().contains(Kind::Name));
    assert!(r.kinds().contains(Kind::Custom));
    assert_eq!(r.policy(Kind::BankCard), &Policy::Partial { head: 0, tail: 4 });
    assert_eq!(r.rules().map(|r| r.name()).collect::<Vec<_>>(), ["member_id", "policy_no", "vip_level"]);
    let text = "会员M12345678是diamond member，保单号123456789015，卡号6222021234567890128";
    assert_eq!(r.redact(text), "会员[会员号]是[VIP_LEVEL]，保单号************，卡号***************0128");
}

#[test]
fn every_key_is_read() {
    let b = parse(
        r#"
kinds = "phone, id_card"
preset = "tag-en"
context_window = 20
[policy]
phone = "keep:3:4"
custom = "full"
[[rule]]
name = "ticket"
literals = ["TK-A"]
patterns = ['TK-[0-9]{6}']
case_insensitive = true
context = ["工单"]
context_window = 30
validator = "none"
standalone = false
"#,
    )
    .unwrap();
    let r = b.build().unwrap();
    assert_eq!(r.kinds(), KindSet::NONE.with(Kind::Phone).with(Kind::IdCard).with(Kind::Custom));
    assert_eq!(r.policy(Kind::IdCard), &Policy::tag("[ID_CARD]"));
    assert_eq!(r.policy(Kind::Phone), &Policy::Partial { head: 3, tail: 4 });
    // Letters and digits are masked; separators stay, as in numbers.
    assert_eq!(r.redact("工单tk-123456，工单号XTK-000001"), "工单**-******，工单号X**-******");
    assert_eq!(r.redact("TK-123456"), "TK-123456", "no context word");
    // An empty file is the default configuration.
    let r = parse("").unwrap().build().unwrap();
    assert_eq!(r.kinds(), KindSet::DEFAULT);
}

#[test]
fn errors_give_the_line_and_column_and_what_is_accepted() {
    let cases: [(&str, usize, &str); 15] = [
        ("kinds = \"phone,emial\"", 1, "unknown kind \"emial\""),
        ("kinds = []", 1, "no kind"),
        ("\npreset = \"blurred\"", 2, "unknown preset"),
        ("context_window = 65", 1, "0 to 64"),
        ("context_window = -1", 1, "0 to 64"),
        ("[policy]\nphone = \"keep:3\"", 2, "keep:HEAD:TAIL"),
        ("[policy]\nfone = \"full\"", 2, "unknown kind \"fone\""),
        ("kind = \"phone\"", 1, "unknown field `kind`"),
        ("kinds = \"phone\"\nkinds = \"id_card\"", 2, "duplicate key"),
        ("[[rule]]\nname = \"order_no\"\npatterns = ['[0-9]+']", 2, "256 bytes"),
        ("[[rule]]\nname = \"order_no\"\npatterns = ['[^\\s\\S]']", 2, "pattern 1 can never match"),
        (
            "[[rule]]\nname = \"order_no\"\npatterns = ['[0-9]{6}']\ncontext = [\"订单号\"]\ncontext_window = 0",
            5,
            "context window too short for any context word, so the rule could never match: the window is 0",
        ),
        (
            "[[rule]]\nname = \"order_no\"\npatterns = ['[0-9]{6}']\ncontext = [\"订单号\", \"单号\"]\ncontext_window = 1",
            5,
            "could never match",
        ),
        ("[[rule]]\nname = \"order_no\"\nvalidator = \"crc\"\nliterals = [\"x\"]", 3, "unknown validator"),
        ("[[rule]]\nname = \"o\"\nliterals = [\"x\"]\ncolour = \"red\"", 4, "unknown field `colour`"),
    ];
    for (text, line, says) in cases {
        let e = error(text);
        assert_eq!(e.line, Some(line), "{text:?}: {e}");
        assert!(e.message.contains(says), "{text:?}: {e}");
        assert!(e.to_string().starts_with(&format!("line {line}, column ")), "{e}");
    }
    let e = tuomin::config::load("/nonexistent/tuomin.toml").map(|_| ()).unwrap_err();
    assert_eq!(e.line, None);
    assert!(e.to_string().contains("cannot read /nonexistent/tuomin.toml"), "{e}");
}

#[test]
fn a_rule_window_of_0_is_accepted_without_context_words() {
    let text = "[[rule]]\nname = \"ticket\"\npatterns = ['TK-[0-9]{6}']\ncontext_window = 0\n";
    let r = parse(text).unwrap().build().unwrap();
    assert_eq!(r.redact("工单TK-123456"), "工单**-******");
}

#[test]
fn actions_allow_lists_and_keys_from_a_file_next_to_it() {
    let dir = std::env::temp_dir().join(format!("tuomin-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("allow.txt"), "# hotlines\n95588\n\n400-820-8820\n").unwrap();
    std::fs::write(dir.join("key"), "0123456789abcdef0123456789abcdef\n").unwrap();
    let config = dir.join("tuomin.toml");
    std::fs::write(
        &config,
        r#"
report_only = ["qq"]
key_file = "key"
[policy]
id_card = "hash"
[mask_threshold]
bank_card = "checksum"
[allow]
values = ["13900000000"]
files = ["allow.txt"]
[allow.patterns]
phone = ['0755-?8600[0-9]{4}']
"#,
    )
    .unwrap();
    let r = tuomin::config::load(&config).unwrap().reference_date(common::test_date()).build().unwrap();
    let text = "热线4008208820，客户13900000000，公司0755-86001234，QQ号 12345678，身份证11010519491231002X";
    let out = r.redact(text);
    assert!(
        out.starts_with("热线4008208820，客户13900000000，公司0755-86001234，QQ号 12345678，身份证[ID_CARD:"),
        "{out}"
    );
    let actions: Vec<(Kind, Action)> = r.find_iter(text).map(|m| (m.kind(), m.action())).collect();
    assert_eq!(
        actions,
        [
            (Kind::Phone, Action::Allow),
            (Kind::Phone, Action::Allow),
            (Kind::Phone, Action::Allow),
            (Kind::Qq, Action::Report),
            (Kind::IdCard, Action::Mask)
        ]
    );
    // The same key gives the same pseudonym from a redactor built in code.
    let key = std::fs::read(dir.join("key")).unwrap();
    let same = tuomin::Redactor::builder()
        .policy(Kind::IdCard, Policy::Hash)
        .hash_key(tuomin::config::trim_line_break(&key))
        .reference_date(common::test_date())
        .build()
        .unwrap();
    assert_eq!(same.redact("身份证11010519491231002X"), out[out.find("身份证").unwrap()..]);
    // Errors in these keys point at them.
    let e = error("[mask_threshold]\nphone = \"strong\"");
    assert_eq!((e.line, e.message.contains("unknown evidence")), (Some(2), true), "{e}");
    let e = error("[allow.patterns]\nphone = ['(']");
    assert_eq!((e.line, e.message.contains("allow pattern")), (Some(2), true), "{e}");
    let e = error("key_file = \"/nonexistent/key\"");
    assert_eq!((e.line, e.message.contains("cannot read /nonexistent/key")), (Some(1), true), "{e}");
    let e = error("[allow]\nfiles = [\"/nonexistent/allow.txt\"]");
    assert_eq!(e.line, Some(2), "{e}");
    // A hash policy without a key is found when building.
    let built = parse("[policy]\nphone = \"hash\"").unwrap().build();
    assert_eq!(built.unwrap_err(), tuomin::Error::HashKeyMissing { kind: Kind::Phone });
    std::fs::remove_dir_all(&dir).unwrap();
}
