//! The `tuomin` program, run as a user would run it.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tuomin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tuomin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tuomin binary runs");
    // The program may exit before reading its input (usage errors).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).unwrap()
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).unwrap()
}

const SAMPLE: &str = "客户：手机13812345678\n坐席：身份证号 11010519491231002X 对吗？\n";

#[test]
fn redact_reads_stdin_and_keeps_other_bytes() {
    let o = tuomin(&["redact"], SAMPLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "客户：手机138****5678\n坐席：身份证号 1***************2X 对吗？\n");
}

#[test]
fn redact_reads_a_file_and_dash_means_stdin() {
    let dir = std::env::temp_dir().join(format!("tuomin-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chat.txt");
    std::fs::write(&path, SAMPLE).unwrap();
    let from_file = tuomin(&["redact", path.to_str().unwrap()], b"");
    let from_dash = tuomin(&["redact", "-"], SAMPLE.as_bytes());
    assert!(from_file.status.success());
    assert_eq!(from_file.stdout, from_dash.stdout);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn redact_passes_invalid_utf8_through() {
    let o = tuomin(&["redact"], b"\xff13812345678\xfe\n");
    assert!(o.status.success());
    assert_eq!(o.stdout, b"\xff138****5678\xfe\n");
}

#[test]
fn scan_prints_json_lines_with_byte_offsets() {
    let o = tuomin(&["scan"], SAMPLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    let phone_at = SAMPLE.find("138").unwrap();
    let id_at = SAMPLE.find("1101").unwrap();
    assert_eq!(
        lines,
        [
            format!(
                r#"{{"kind":"phone","start":{phone_at},"end":{},"sub_kind":"mobile","evidence":"pattern","action":"mask"}}"#,
                phone_at + 11
            ),
            format!(
                r#"{{"kind":"id_card","start":{id_at},"end":{},"sub_kind":"id18","evidence":"checksum","action":"mask"}}"#,
                id_at + 18
            ),
        ]
    );
    assert!(!stdout(&o).contains("13812345678"), "text only with --show-text");
}

#[test]
fn scan_shows_text_only_when_asked() {
    let o = tuomin(&["scan", "--show-text", "--kinds", "phone"], SAMPLE.as_bytes());
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).contains(r#""text":"13812345678""#));
}

#[test]
fn scan_text_format_gives_lines() {
    let o = tuomin(&["scan", "--format", "text"], SAMPLE.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("line 1, bytes "), "{out}");
    assert!(out.lines().nth(1).unwrap().starts_with("line 2, bytes "), "{out}");
    assert!(out.contains("id_card (id18, checksum, mask)"), "{out}");
}

#[test]
fn policies_and_presets_apply() {
    let o = tuomin(&["redact", "--preset", "tag-en", "--policy", "phone=keep:0:4"], SAMPLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "客户：手机*******5678\n坐席：身份证号 [ID_CARD] 对吗？\n");
    let o = tuomin(&["redact", "--policy", "id_card=tag:<ID>", "--policy", "phone=tag"], SAMPLE.as_bytes());
    assert_eq!(stdout(&o), "客户：手机[电话号码]\n坐席：身份证号 <ID> 对吗？\n");
}

#[test]
fn scan_summary_counts_by_kind_without_values() {
    let text = "手机13812345678，又是13812345678\n身份证11010519491231002X\n";
    let o = tuomin(&["scan", "--summary"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        concat!(
            r#"{"kind":"phone","found":2,"masked":2,"reported":0,"allowed":0}"#,
            "\n",
            r#"{"kind":"id_card","found":1,"masked":1,"reported":0,"allowed":0}"#,
            "\n",
            r#"{"kind":"all","found":3,"masked":3,"reported":0,"allowed":0}"#,
            "\n",
        )
    );
    let o = tuomin(&["scan", "--summary", "--format", "text", "--report-only", "phone"], text.as_bytes());
    assert_eq!(
        stdout(&o),
        "phone: 2 found, 0 masked, 2 reported, 0 allowed\nid_card: 1 found, 1 masked, 0 reported, 0 allowed\n\
         total: 3 found, 1 masked, 2 reported, 0 allowed\n"
    );
    let o = tuomin(&["scan", "--summary"], "没有号码".as_bytes());
    assert_eq!(stdout(&o), "{\"kind\":\"all\",\"found\":0,\"masked\":0,\"reported\":0,\"allowed\":0}\n");
}

#[test]
fn redact_summary_goes_to_stderr() {
    let o = tuomin(&["redact", "--summary"], SAMPLE.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "客户：手机138****5678\n坐席：身份证号 1***************2X 对吗？\n");
    assert_eq!(
        stderr(&o),
        "phone: 1 found, 1 masked, 0 reported, 0 allowed\nid_card: 1 found, 1 masked, 0 reported, 0 allowed\n\
         total: 2 found, 2 masked, 0 reported, 0 allowed\n"
    );
}

#[test]
fn report_only_and_thresholds_leave_matches_unchanged() {
    let o = tuomin(&["redact", "--report-only", "phone"], SAMPLE.as_bytes());
    assert_eq!(stdout(&o), "客户：手机13812345678\n坐席：身份证号 1***************2X 对吗？\n");
    // The mobile number's evidence is its numbering plan, not a checksum.
    let o = tuomin(&["scan", "--mask-threshold", "all=checksum"], SAMPLE.as_bytes());
    let out = stdout(&o);
    assert!(out.lines().next().unwrap().ends_with(r#""evidence":"pattern","action":"report"}"#), "{out}");
    assert!(out.lines().nth(1).unwrap().ends_with(r#""evidence":"checksum","action":"mask"}"#), "{out}");
}

#[test]
fn allow_values_files_and_patterns() {
    let text = "热线４００ ８２０ ８８２０，客服95588，手机13812345678，邮箱 kefu@corp.example.cn\n";
    let o = tuomin(
        &["redact", "--allow", "400-820-8820", "--allow-pattern", r"email=\w+@corp\.example\.cn"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "热线４００ ８２０ ８８２０，客服95588，手机138****5678，邮箱 kefu@corp.example.cn\n");

    let dir = std::env::temp_dir().join(format!("tuomin-cli-allow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("allow.txt");
    std::fs::write(&path, "# company numbers\r\n\r\n  13812345678  \r\n400 820 8820\n").unwrap();
    let o = tuomin(&["scan", "--summary", "--allow-file", path.to_str().unwrap()], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with(r#"{"kind":"phone","found":2,"masked":0,"reported":0,"allowed":2}"#),
        "{}",
        stdout(&o)
    );

    std::fs::write(&path, b"\xff\n").unwrap();
    let o = tuomin(&["redact", "--allow-file", path.to_str().unwrap()], text.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).unwrap();

    let o = tuomin(&["redact", "--allow-pattern", "phone=(400"], text.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(r#""(400""#), "{}", stderr(&o));
}

#[test]
fn hash_policy_with_a_key_file() {
    let dir = std::env::temp_dir().join(format!("tuomin-cli-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key");
    // A final line break is not part of the key.
    std::fs::write(&key, "0123456789abcdef-demo-key\n").unwrap();
    let text = "手机13812345678，又是 138 1234 5678\n";
    let o = tuomin(&["redact", "--policy", "phone=hash", "--key-file", key.to_str().unwrap()], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "手机[PHONE:1cfe20ec3903d206]，又是 [PHONE:1cfe20ec3903d206]\n");
    let o = tuomin(&["redact", "--preset", "hash"], text.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a key"), "{}", stderr(&o));
    let o = tuomin(&["redact", "--policy", "phone=fake", "--key-file", key.to_str().unwrap()], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.len(), text.len());
    assert!(out.starts_with("手机154") && out.contains("，又是 154 "), "{out}");
    std::fs::write(&key, "short\n").unwrap();
    let o = tuomin(&["redact", "--preset", "hash", "--key-file", key.to_str().unwrap()], text.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at least 16"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("short"), "the key is never printed");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_usage_exits_2_with_one_clear_line_and_no_output() {
    for args in [
        &["scan", "--kinds", "phone,e-mail"][..],
        &["redact", "--preset", "blur"],
        &["redact", "--policy", "phone=keep:3"],
        &["redact", "--frobnicate"],
        &["redact", "/nonexistent/tuomin/input.txt"],
        &["redact", "--context-window", "1000"],
        &["redact", "--mask-threshold", "id_card=strong"],
        &["redact", "--report-only", "telephone"],
        &["redact", "--allow-pattern", "phone=[0-9"],
        &["redact", "--allow-pattern", "[0-9]+"],
        &["redact", "--allow-file", "/nonexistent/tuomin/allow.txt"],
    ] {
        let o = tuomin(args, SAMPLE.as_bytes());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?} wrote output");
        let first = stderr(&o).lines().next().unwrap_or("");
        assert!(first.starts_with("error:") || first.starts_with("tuomin:"), "{args:?}: {first}");
        assert!(!stderr(&o).contains("13812345678"), "errors never quote input");
    }
}

#[test]
fn bundled_sample_redacts() {
    let sample = include_bytes!("../examples/chat.txt");
    let o = tuomin(&["redact", "examples/chat.txt"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout.len(), sample.len(), "conventional masks keep the length");
    assert_ne!(o.stdout, sample.to_vec(), "the sample contains personal information");
}

#[test]
fn output_starts_before_the_input_ends() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tuomin"))
        .arg("redact")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all("客户：手机13812345678，谢谢\n".as_bytes()).unwrap();
    stdin.flush().unwrap();
    // Read the first message's output while stdin is still open.
    let mut stdout = child.stdout.take().unwrap();
    let want = "客户：手机138****5678，谢谢\n".as_bytes();
    let mut got = vec![0u8; want.len()];
    stdout.read_exact(&mut got).unwrap();
    assert_eq!(got, want);
    drop(stdin);
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
    assert!(child.wait().unwrap().success());
}

#[test]
fn scan_offsets_count_from_the_start_of_a_large_input() {
    let filler = "您好，请问有什么可以帮您？\n".repeat(10_000);
    let input = format!("{filler}手机13812345678\n");
    let o = tuomin(&["scan", "--format", "text"], input.as_bytes());
    assert!(o.status.success());
    let start = filler.len() + "手机".len();
    assert_eq!(stdout(&o), format!("line 10001, bytes {start}..{}: phone (mobile, pattern, mask)\n", start + 11));
}

/// `text` in GB18030, encoded by encoding_rs.
fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn redact_gb18030_writes_gb18030_and_keeps_other_bytes() {
    // 手机 = CA D6 BB FA; 0x80 (€ when decoded) must stay 0x80.
    let mut input = b"\x80\xCA\xD6\xBB\xFA13812345678\n".to_vec();
    input.extend(gb18030("身份证号 11010519491231002X，地址北京市朝阳区建国路88号\n"));
    let o = tuomin(&["redact", "--encoding", "gb18030"], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut expected = b"\x80\xCA\xD6\xBB\xFA138****5678\n".to_vec();
    expected.extend(gb18030("身份证号 1***************2X，地址北京市朝阳区＊＊＊**＊\n"));
    assert_eq!(o.stdout, expected);
    let tagged = tuomin(&["redact", "--encoding", "gbk", "--preset", "tag"], &input);
    assert!(tagged.stdout.starts_with(&gb18030_with_prefix(b"\x80", "手机[电话号码]\n")), "{:x?}", tagged.stdout);
}

fn gb18030_with_prefix(prefix: &[u8], text: &str) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.extend(gb18030(text));
    v
}

#[test]
fn redact_gb18030_streams_large_input_across_reads() {
    // Over 64 KiB, with characters of two and four bytes at every
    // position relative to the read size, and a number at the very end.
    let line = "您好，请问𠀀有什么可以帮您？a\n";
    let filler: String = (0..6000).map(|i| &line[..line.len() - (i % 3)]).collect::<Vec<_>>().join("");
    let text = format!("{filler}手机13812345678\n");
    let o = tuomin(&["redact", "--encoding", "gb18030"], &gb18030(&text));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(gb18030(&text).len() > 2 * 64 * 1024);
    assert_eq!(o.stdout, gb18030(&format!("{filler}手机138****5678\n")));
}

#[test]
fn scan_gb18030_gives_input_offsets_and_utf8_listing() {
    let input = gb18030("客户：手机13812345678\n");
    let o = tuomin(&["scan", "--encoding", "gb18030", "--show-text", "--format", "text"], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    // 客户：手机 is five characters of two bytes.
    assert_eq!(stdout(&o), "line 1, bytes 10..21: phone (mobile, pattern, mask): 13812345678\n");
}

#[test]
fn malformed_gb18030_is_an_error_naming_the_offset() {
    let mut input = gb18030("手机13812345678\n");
    input.extend_from_slice(b"ok\xFF");
    let o = tuomin(&["redact", "--encoding", "gb18030"], &input);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("malformed GB18030 input at byte offset 18"), "{}", stderr(&o));
    let o = tuomin(&["redact", "--encoding", "gb18030"], b"\xCA\xD6\xBB");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ends inside a character that starts at byte offset 2"), "{}", stderr(&o));
}

const TRANSCRIPT: &str = concat!(
    r#"{"id":1,"text":"手机13812345678","agent":"13812345678"}"#,
    "\n",
    r#"{"id":2, "message": {"body": "卡号 6222020200112345679", "text": "13812345678"}}"#,
    "\r\n",
    "\n",
    r#"{"turns":[{"text":"身份证11010519491231002X"},{"who":"a"},{"text":"好的"}],"text":null}"#,
    "\n",
    r#"{"text":"\u624b\u673a\u0031\u0033\u0038\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038 \"ok\" \ud83d\ude00"}"#,
    "\n",
    r#"{"text":13812345678,"n":[1,2.5e3,true]}"#,
);

#[test]
fn redact_jsonl_masks_only_the_fields_and_keeps_every_other_byte() {
    let o = tuomin(
        &["redact", "--jsonl", "--field", "text", "--field", "message.body", "--field", "turns.text"],
        TRANSCRIPT.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = concat!(
        r#"{"id":1,"text":"手机138****5678","agent":"13812345678"}"#,
        "\n",
        r#"{"id":2, "message": {"body": "卡号 622202*********5679", "text": "13812345678"}}"#,
        "\r\n",
        "\n",
        r#"{"turns":[{"text":"身份证1***************2X"},{"who":"a"},{"text":"好的"}],"text":null}"#,
        "\n",
        // The number was found through its escapes; the match is written
        // back plainly, the rest of the string keeps its escapes.
        r#"{"text":"\u624b\u673a138****5678 \"ok\" \ud83d\ude00"}"#,
        "\n",
        r#"{"text":13812345678,"n":[1,2.5e3,true]}"#,
    );
    assert_eq!(stdout(&o), expected);
}

#[test]
fn jsonl_masks_never_break_the_json() {
    let o = tuomin(
        &["redact", "--jsonl", "--field", "text", "--policy", r#"phone=tag:"\PHONE""#],
        br#"{"text":"call 13812345678"}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), r#"{"text":"call \"\\PHONE\""}"#);
    let o = tuomin(&["redact", "--jsonl", "--field", "text", "--preset", "remove"], br#"{"text":"call 13812345678"}"#);
    assert_eq!(stdout(&o), r#"{"text":"call "}"#);
}

#[test]
fn scan_jsonl_names_line_and_field() {
    let o = tuomin(
        &["scan", "--jsonl", "--field", "text", "--field", "message.body", "--field", "turns.text"],
        TRANSCRIPT.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = stdout(&o).lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"line":1,"field":"text","kind":"phone","start":6,"end":17,"sub_kind":"mobile","evidence":"pattern","action":"mask"}"#,
            r#"{"line":2,"field":"message.body","kind":"bank_card","start":7,"end":26,"sub_kind":"card","evidence":"checksum","action":"mask"}"#,
            r#"{"line":4,"field":"turns[0].text","kind":"id_card","start":9,"end":27,"sub_kind":"id18","evidence":"checksum","action":"mask"}"#,
            r#"{"line":5,"field":"text","kind":"phone","start":6,"end":17,"sub_kind":"mobile","evidence":"pattern","action":"mask"}"#,
        ]
    );
}

#[test]
fn invalid_jsonl_stops_with_the_line_number_or_reads_as_plain_text() {
    let input = "{\"text\":\"a\"}\n{\"text\": 13812345678\n{\"text\":\"13812345678\"}\n";
    let o = tuomin(&["redact", "--jsonl", "--field", "text"], input.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "{\"text\":\"a\"}\n", "lines before the bad one are written");
    assert!(stderr(&o).starts_with("tuomin: line 2: not JSON at byte 20 of the line"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("13812345678"), "errors never quote input");
    let o = tuomin(&["redact", "--jsonl", "--field", "text", "--invalid-lines", "plain"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "{\"text\":\"a\"}\n{\"text\": 138****5678\n{\"text\":\"138****5678\"}\n");
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let o = tuomin(&["scan", "--jsonl", "--field", "text", "--invalid-lines", "plain"], input.as_bytes());
    assert!(stdout(&o).starts_with(r#"{"line":2,"field":null,"kind":"phone","start":9,"end":20,"#), "{}", stdout(&o));
    let o = tuomin(&["redact", "--jsonl", "--field", "text"], b"{\"text\":\"\xff\"}\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 1: not UTF-8 at byte 9"), "{}", stderr(&o));
}

#[test]
fn jsonl_options_are_checked() {
    for args in [
        &["redact", "--jsonl"][..],
        &["redact", "--field", "text"],
        &["redact", "--jsonl", "--field", "a..b"],
        &["redact", "--jsonl", "--field", "text", "--encoding", "gb18030"],
        &["redact", "--encoding", "latin1"],
    ] {
        let o = tuomin(args, b"{}");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn jsonl_finds_numbers_written_entirely_in_unicode_escapes() {
    // 手机幺三八一二三四五六七八，１３８１２３４５６７８ with every character
    // escaped: Chinese numerals and full-width digits are numbers once
    // decoded.
    let text = "手机幺三八一二三四五六七八，１３８１２３４５６７８";
    let escaped: String = text.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
    let o = tuomin(&["redact", "--jsonl", "--field", "text"], format!(r#"{{"text":"{escaped}"}}"#).as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        r#"{"text":"\u624b\u673a幺三八＊＊＊＊五六七八\uff0c１３８＊＊＊＊５６７８"}"#,
        "the matches are written plainly, the rest keeps its escapes"
    );
}

#[test]
fn rules_from_the_command_line_are_listed_under_their_name() {
    let text = "会员M12345678，手机13812345678\n";
    let o = tuomin(&["scan", "--rule", "member_id=M[0-9]{8}"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let kinds: Vec<&str> = stdout(&o).lines().map(|l| &l[l.find(r#""kind":""#).unwrap() + 8..]).collect();
    assert!(kinds[0].starts_with(r#"member_id","start":6,"end":15,"sub_kind":"custom""#), "{kinds:?}");
    assert!(kinds[1].starts_with(r#"phone""#), "{kinds:?}");
    let o = tuomin(&["redact", "--rule", "member_id=M[0-9]{8}", "--policy", "custom=tag:[会员]"], text.as_bytes());
    assert_eq!(stdout(&o), "会员[会员]，手机138****5678\n");
    let o = tuomin(&["redact", "--rule", "member_id=M[0-9]{8}"], text.as_bytes());
    assert_eq!(stdout(&o), "会员*********，手机138****5678\n");
}

#[test]
fn bad_rules_exit_2_naming_the_rule() {
    for (arg, says) in [
        ("member_id=M[0-9]+", "256 bytes"),
        ("member_id=M[^\\s\\S]", "pattern 1 can never match"),
        ("member_id=M[0-9", "pattern 1"),
        ("Member=M[0-9]{8}", "rule name"),
        ("phone=1[0-9]{10}", "built-in kind"),
        ("member_id", "NAME=PATTERN"),
    ] {
        let o = tuomin(&["redact", "--rule", arg], b"x\n");
        assert_eq!(o.status.code(), Some(2), "{arg}");
        assert!(o.stdout.is_empty(), "{arg}");
        assert!(stderr(&o).contains(says), "{arg}: {}", stderr(&o));
    }
}

#[test]
fn config_files_configure_and_their_errors_name_the_line() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tuomin.toml");
    let o = tuomin(&["redact", "--config", example], "会员M12345678，卡号6222021234567890128\n".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "会员[会员号]，卡号***************0128\n");
    let dir = std::env::temp_dir().join(format!("tuomin-cli-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "kinds = \"phone\"\n[policy]\nphone = \"keep:3\"\n").unwrap();
    let o = tuomin(&["redact", "--config", bad.to_str().unwrap()], b"x\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("bad.toml: line 3, column 9: expected keep:HEAD:TAIL"), "{}", stderr(&o));
    let o = tuomin(&["redact", "--config", example, "--kinds", "phone"], b"x\n");
    assert_eq!(o.status.code(), Some(2), "--config and --kinds do not mix");
    std::fs::remove_dir_all(&dir).unwrap();
}
