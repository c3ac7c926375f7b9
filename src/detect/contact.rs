//! Contact handles: email addresses, QQ numbers, WeChat IDs, IP addresses
//! and vehicle licence plates.
//!
//! Every kind here but IPv4 is found from a trigger (see
//! [`anchored`](super::anchored)): a word announcing a handle, a character
//! inside it, or the character it starts with. Every decision reads at most
//! [`MAX_BACK`] bytes before the trigger and [`AHEAD`] bytes after it.
//!
//! # Email
//!
//! Found from its `@` (or a full-width `＠`, as Chinese input methods type
//! it): the local part is read back from it, the domain forward. Both
//! follow the common shape of addresses people type, not every form RFC
//! 5322 allows (quoted local parts and address literals are left out): a
//! local part of letters, digits and `._%+-`, at most 64 characters,
//! neither starting nor ending with a dot; a domain of at least two labels
//! of letters, digits and hyphens, the last all letters and not a file
//! extension (`screenshot@2x.png` is a file). Labels may be joined by a
//! full-width `．` as well (`abc＠gmail．com`, typed in full-width mode),
//! and the `@` may have one space on each side (`wangqiang @ 163.com`).
//! Chinese text glued to either side (`邮箱abc@qq.com谢谢`) is not part of
//! it. An address at a common mail service (`qq.com`, `163.com`,
//! `gmail.com` ... see [`MAIL_DOMAINS`]) is also found with `#` for its `@`
//! (`xiaohong#qq.com`), as people write it to get past filters on contact
//! details. (` at ` and `(at)` are left out: as triggers they would cost
//! every text with English in it, logs most, several per cent more time.)
//!
//! # QQ numbers
//!
//! A QQ number is only a number: it is reported right after a word
//! announcing it, `QQ` (also `ＱＱ`, `ｑｑ`), `扣扣` or `企鹅`, with at most
//! a label between them (`号`, `号码`, `账号`, `是`, `搜`, `吧`, `：`, spaces,
//! `（`).
//! The number has 5 to 11 digits and does not start with 0 (Tencent numbers
//! accounts from 10000 up). It may be written the way numbers are spoken or
//! typed here: ASCII or full-width digits, Chinese numerals
//! (`QQ 一二三四五六七八九`), groups (`1234 5678`), one digit per space or
//! comma (`扣扣号 3 8 5 7 2 9 1 6`). A number followed by a letter, a
//! decimal part or a unit (`元`, `个`, `级` ...) is something else.
//!
//! After `QQ` any other word rejects the number: `QQ音乐`, `QQ邮箱`,
//! `QQ等级 LV32`, `QQ钱包 500元`. **QQ group numbers (`QQ群 123456789`)
//! are not reported**: a group number names a group, often one a shop
//! publishes for its customers, not a person. A number shaped like a
//! mobile number (11 digits, `13` to `19` first) is left to the phone
//! detector, which reports it as a phone number (`QQ13812345678`): people
//! give their mobile number where a QQ number is asked for, and QQ accounts
//! log in with one.
//!
//! # WeChat IDs
//!
//! A WeChat ID (微信号) has 6 to 20 characters, starts with a letter and
//! holds letters, digits, `_` and `-` (WeChat's own rule for IDs people
//! choose). It is reported after `微信`, `薇信`, `威信`, `V信`, `VX`, `WX`,
//! `weixin` or `wechat`, with the same labels between as for QQ
//! (`加个微信吧 abc123`), and on
//! its own when it is one of the IDs WeChat assigns (`wxid_` followed by
//! letters and digits). The ASCII words only count as words: not glued to
//! other letters or digits (`C5GF8XXWXD4`, `VXEQ-8231`), and not followed
//! by a letter.
//!
//! WeChat also finds people by mobile number, so the value after a WeChat
//! word is often one (`微信 138 1234 5678`, `vx13812345678`). Such a value
//! does not start with a letter and is left to the phone detector, which
//! reports it as a phone number. A value that is an English word chat uses
//! around WeChat (`wechat account`, `online`, `thanks`) and a value glued to
//! `@` or a domain (`weixin.qq.com`) is not an ID. `微信支付`, `微信转账`,
//! `微信号被封了`, `微信公众号`, `微信名` are not followed by an ID.
//!
//! `加我` (add me) announces either: a value starting with a letter is a
//! WeChat ID, a number a QQ number (a mobile number is left to the phone
//! detector, as after a QQ word). A lone `Q` or `V` with a label after it
//! may stand between (`加我Q 917364825`, `加我V：xiaomei520`).
//!
//! # IP addresses
//!
//! An IPv4 address has no trigger: the number scan calls [`ipv4_at`] at
//! every number that starts with an ASCII digit followed by a dot. Four
//! numbers 0–255 without leading zeros, not glued to letters, digits or
//! more dots, and not a version number (`v1.2.3.4`, `版本 1.2.3.4`,
//! `version: 1.2.3.4`, and after a system or firmware name: `鸿蒙
//! 4.2.0.121`, `固件 1.0.3.45`, `build 10.2.0.128`).
//!
//! IPv6 addresses (RFC 4291 text forms, RFC 5952 for the compressed one)
//! have two triggers, chosen so that chat text does not call them often:
//!
//! * `::`, for compressed addresses (`fe80::1c2b:3d4e`, `2408:8207::1`,
//!   `::ffff:192.0.2.1`): the address is read back from it and forward.
//! * the word `IP` (`IP`, `IPv6`, `ip地址`), for addresses written in full
//!   (eight groups, `240e:388:8a1c:9d00:1c5b:2e0f:4d3a:6b7c`, as Chinese
//!   broadband hands them out), which have no `::`: the address follows
//!   the word, after a label (`地址`, `是`, `：`).
//!
//! A single `:` after a hex digit would find full addresses without the
//! word too, but chat lines are full of times (`[19:56:08]`), each of which
//! would stop the trigger search; a full address with no word before it is
//! therefore not found.
//!
//! Groups have 1 to 4 hex digits; without `::` there are exactly eight,
//! with `::` at most seven; an IPv4 tail counts as two. A compressed
//! address needs two groups or more, at least one digit, and a group of
//! three or four characters, a hex letter or an IPv4 tail, which leaves
//! out the loopback `::1`, times typed with a double colon (`12::30`) and
//! code (`std::string`, `Foo::Bar`, `a::b`: glued to letters, or no
//! digit). Times (`12:30:45`) and MAC addresses (`00:1A:2B:3C:4D:5E`, six
//! groups) are not IPv6 addresses and are not reported: a MAC address names
//! a device, which is not one of the kinds here. The address may be
//! followed by a zone (`%eth0`), a prefix length (`/64`) or a bracket and
//! port (`]:8080`), which are not part of it. An address starting with a
//! digit a space after another number (`v6 2001:db8::1`) is only taken
//! after `IPv6`: the number scan reads `6 2001` as one number, and a
//! stream could not otherwise decide it the same way whatever the chunks.
//!
//! # Licence plates
//!
//! The plate format is that of GA 36-2018 (机动车号牌, the standard for
//! motor vehicle plates): the abbreviation of the province (one of
//! 京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼), the letter
//! of the issuing office (A–Z but I and O), an optional separator (`·`,
//! `・`, `•`, `.`, `-` or a space) and the serial (序号), in which I and O are
//! never used:
//!
//! * ordinary plates: five letters or digits (`京A12345`, `粤B·8AB88`); at
//!   most two of them letters, as plates are issued (the serial is mostly
//!   digits), which also keeps English words glued to a province character
//!   out;
//! * new-energy plates: six: small vehicles `D` or `F` (electric or not)
//!   first, then a letter or digit, then four digits (`沪AD12345`,
//!   `粤BDA1234`); large vehicles five digits, then `D` or `F`
//!   (`粤B12345D`);
//! * plates with a suffix character: four letters or digits, then `警`
//!   (police), `学` (driving school), `挂` (trailer), `领` (consulate),
//!   `试` (test), `超` (oversize), `港` or `澳` (Hong Kong, Macao vehicles).
//!
//! Embassy plates (`使` first) and military plates are left out. Letters
//! may be typed lower case or full width, digits full width or as Chinese
//! numerals (`京A幺二三四五`), and the serial may be read out one character
//! per space (`粤B 1 2 3 4 5`). A plate glued to more letters or digits
//! (`京A123456789`) is not one, and `川A`, `鲁A1234`, `沪深300`, `京东E卡`
//! never get that far.
//!
//! The province characters are common in Chinese text (`京东`, `新的`,
//! `太贵了`), far too common to search for: a search for them costs about
//! as much as all the other triggers together. Every serial holds at least
//! two digits, though, and the number scan stops at every digit anyway, so
//! a plate is read from there instead ([`plate_before`]): when the
//! character before a number is a letter, a space or a separator, the few
//! characters before it are looked at for a province character and an
//! issuing letter. Most numbers follow a Chinese character or punctuation
//! and cost one byte test.
//!
//! # Streams
//!
//! A stream holds back what a trigger still to come may claim
//! ([`tail_hold`]): the local part of an email address before its `@`, the
//! first groups of an IPv6 address before its `::`, and a plate being
//! written (a province character, alone or followed by its letter and the
//! start of a serial; a province character followed by anything else is
//! not held). [`rules_out`] tells from the bytes that have arrived that a
//! trigger leads nowhere (`QQ群`, `VXEQ`), so that what follows it need
//! not wait for the trigger's whole window.

use super::anchored::{AHEAD, Cx, Found, MAX_BACK, Trigger};
use super::cjk_bits::CjkBits;
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;
use crate::scan::token::MAX_GAP_CHARS;
use crate::scan::units::{Script, digit_at, prev_char_start, sep_at, unit_before};

/// What a trigger announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The `@` of an email address.
    At,
    /// An `@` written as `#`.
    AtSpelled,
    /// A QQ word.
    Qq,
    /// A WeChat word.
    WeChat,
    /// The start of an ID WeChat assigned (`wxid_`).
    WxId,
    /// `加我`: a WeChat ID or a QQ number.
    AddMe,
    /// The `::` of a compressed IPv6 address.
    Colons,
    /// The word `IP`.
    Ip,
}

/// Declares the triggers and, index for index, their roles.
macro_rules! triggers {
    ($($word:literal => $role:ident,)*) => {
        /// Words or characters next to every match of this family.
        pub(crate) const TRIGGERS: &[&str] = &[$($word),*];
        /// The role of each trigger.
        const ROLES: &[Role] = &[$(Role::$role),*];
    };
}

triggers! {
    "@" => At,
    "＠" => At,
    "#" => AtSpelled,
    "QQ" => Qq,
    "ＱＱ" => Qq,
    "ｑｑ" => Qq,
    "扣扣" => Qq,
    "企鹅" => Qq,
    "微信" => WeChat,
    "薇信" => WeChat,
    "V信" => WeChat,
    "威信" => WeChat,
    "VX" => WeChat,
    "WX" => WeChat,
    "weixin" => WeChat,
    "wechat" => WeChat,
    "wxid_" => WxId,
    "加我" => AddMe,
    "::" => Colons,
    "IP" => Ip,
}

/// The match next to trigger `t`, if any.
pub(crate) fn check(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    // Forward reads stop where the window does.
    let w = Window {
        hay: &cx.hay[..(t.end + AHEAD).min(cx.hay.len())],
        lo: cx.floor.max(t.start.saturating_sub(MAX_BACK)),
    };
    match ROLES[t.index] {
        Role::At => email(cx, t),
        Role::AtSpelled => email_spelled(cx, t),
        Role::Qq => qq(cx, &w, t),
        Role::WeChat => wechat(cx, &w, t),
        Role::WxId => wxid(cx, &w, t),
        Role::AddMe => add_me(cx, &w, t),
        Role::Colons => ipv6_around(cx, &w, t),
        Role::Ip => ipv6_after_word(cx, &w, t),
    }
}

/// Whether the bytes that have arrived after trigger `t` already rule out a
/// match, however the text goes on: `check` would find nothing there. For
/// the framework to skip such a trigger in an unfinished haystack instead
/// of holding the text after it (a QQ or WeChat word is mostly part of
/// another word, and holding what follows every one of them would delay
/// those messages).
pub(crate) fn rules_out(hay: &[u8], floor: usize, t: Trigger) -> bool {
    match ROLES[t.index] {
        Role::Qq | Role::WeChat => {
            let w = Window { hay, lo: floor.max(t.start.saturating_sub(MAX_BACK)) };
            !stands_alone(&w, t)
        }
        _ => false,
    }
}

/// The part of the haystack a decision may read: `hay` ends where the
/// window does, and nothing before `lo` is read.
struct Window<'h> {
    hay: &'h [u8],
    lo: usize,
}

impl Window<'_> {
    /// The byte before `at`, unless that is outside the window.
    fn before(&self, at: usize) -> Option<u8> {
        (at > self.lo).then(|| self.hay[at - 1])
    }
}

fn found(kind: Kind, sub_kind: SubKind, evidence: Evidence, start: usize, end: usize) -> Option<Found> {
    Some(Found { kind, sub_kind, evidence, start, end, lead: 0 })
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

/// Longest local part (RFC 5321).
const MAX_LOCAL: usize = 64;

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The email address around the `@` at `t`.
fn email(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::Email) {
        return None;
    }
    let hay = cx.hay;
    // One space on each side of the `@`, as some people type it
    // (`wangqiang @ 163.com`); one space on one side only is more often a
    // mention after a word (`cc @li.lei`).
    let spaced = t.start > cx.floor && hay[t.start - 1] == b' ' && hay.get(t.end) == Some(&b' ');
    let (local_end, domain_start) = if spaced { (t.start - 1, t.end + 1) } else { (t.start, t.end) };
    let start = local_part_before(hay, cx.floor, local_end)?;
    let end = domain_after(hay, domain_start, (t.end + AHEAD).min(hay.len()))?;
    found(Kind::Email, SubKind::Email, Evidence::Pattern, start, end)
}

/// The start of the local part ending at `end`, if there is one.
fn local_part_before(hay: &[u8], floor: usize, end: usize) -> Option<usize> {
    let mut start = end;
    while start > floor && is_local_byte(hay[start - 1]) {
        start -= 1;
        if end - start > MAX_LOCAL {
            return None;
        }
    }
    // Dots and hyphens that open a sentence fragment are not part of it
    // (`...abc@qq.com`).
    while start < end && matches!(hay[start], b'.' | b'-') {
        start += 1;
    }
    let local = &hay[start..end];
    if local.is_empty() || local.ends_with(b".") || local.windows(2).any(|w| w == b"..") {
        return None;
    }
    Some(start)
}

/// The end of the domain starting at `start`, if one does: labels joined
/// by single dots, ASCII or full width (`gmail．com`, typed with the input
/// method in full-width mode), read no further than `limit`.
fn domain_after(hay: &[u8], start: usize, limit: usize) -> Option<usize> {
    let mut end = start;
    let mut labels = 0;
    let mut last_label = (start, start);
    loop {
        let label_start = end;
        while end < limit && (hay[end].is_ascii_alphanumeric() || hay[end] == b'-') {
            end += 1;
        }
        if end == label_start || hay[label_start] == b'-' || hay[end - 1] == b'-' {
            // An empty label, or one with a hyphen at an end: the domain
            // stops before it.
            break;
        }
        labels += 1;
        last_label = (label_start, end);
        let dot = match &hay[end..limit] {
            [b'.', ..] => 1,
            [0xEF, 0xBC, 0x8E, ..] => 3, // ．
            _ => break,
        };
        if hay.get(end + dot).is_some_and(u8::is_ascii_alphanumeric) && end + dot < limit {
            end += dot;
        } else {
            break;
        }
    }
    let tld = &hay[last_label.0..last_label.1];
    if labels < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) || is_file_extension(tld) {
        return None;
    }
    let end = last_label.1;
    // Glued to a longer run of ASCII word characters, it is part of
    // something else (a URL path, a code).
    if hay.get(end).is_some_and(|&b| b == b'@' || b == b'_') {
        return None;
    }
    Some(end)
}

/// Mail services whose addresses people write with `#` for the `@`
/// (`xiaohong#163.com`, often with `#换成@` after it) to get past filters
/// on contact details. Without the `@`, only such a domain makes the text
/// an address: `#` is otherwise a hashtag or a number sign.
const MAIL_DOMAINS: &[&str] = &[
    "qq.com",
    "vip.qq.com",
    "foxmail.com",
    "163.com",
    "vip.163.com",
    "126.com",
    "yeah.net",
    "188.com",
    "sina.com",
    "sina.cn",
    "vip.sina.com",
    "sohu.com",
    "139.com",
    "189.cn",
    "wo.cn",
    "aliyun.com",
    "tom.com",
    "21cn.com",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
];

/// Fewest characters of a local part before a `#` written for `@`.
const MIN_SPELLED_LOCAL: usize = 3;

/// An email address whose `@` is written `#` at `t`, at one of the
/// [`MAIL_DOMAINS`].
fn email_spelled(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::Email) {
        return None;
    }
    let hay = cx.hay;
    let start = local_part_before(hay, cx.floor, t.start)?;
    // One or two characters before a `#` are more often a name of their
    // own (`C#`, `1#` for building 1) than an account.
    if t.start - start < MIN_SPELLED_LOCAL {
        return None;
    }
    let end = domain_after(hay, t.end, (t.end + AHEAD).min(hay.len()))?;
    let domain = &hay[t.end..end];
    if !MAIL_DOMAINS.iter().any(|d| domain.eq_ignore_ascii_case(d.as_bytes())) {
        return None;
    }
    found(Kind::Email, SubKind::Email, Evidence::Pattern, start, end)
}

/// Whether a would-be top-level domain is a file extension chat names
/// files by: `screenshot@2x.png` and `logo@3x.jpg` are image files (the
/// `@2x` of high-resolution icons), not addresses. `.zip` and `.mov` are
/// registered top-level domains too, but no mail is read there.
fn is_file_extension(tld: &[u8]) -> bool {
    const EXTENSIONS: &[&str] = &[
        "png", "jpg", "jpeg", "gif", "bmp", "webp", "heic", "svg", "ico", "pdf", "doc", "docx", "xls", "xlsx", "ppt",
        "pptx", "txt", "csv", "log", "zip", "rar", "apk", "ipa", "exe", "mp3", "mp4", "mov", "avi", "wav", "json",
        "xml", "js", "css", "html", "htm",
    ];
    EXTENSIONS.iter().any(|e| tld.eq_ignore_ascii_case(e.as_bytes()))
}

// ---------------------------------------------------------------------------
// QQ and WeChat
// ---------------------------------------------------------------------------

/// Labels that may stand between a QQ or WeChat word and the value, longest
/// first where one starts another. ASCII ones match in any case.
const LABELS: &[&str] = &[
    "号码", "号", "账号", "帐号", "ID", "是", "为", "就是", "也是", "搜索", "搜", "吧", "：", ":", " ", "　", "\t",
    "（", "(",
];

/// Labels after `加我`, besides [`LABELS`].
const ADD_ME_LABELS: &[&str] = &["好友", "一下"];

/// Most label bytes skipped between a word and its value.
const MAX_LABEL: usize = 24;

/// The end of the labels at `i` (`i` when there are none).
fn skip_labels(hay: &[u8], mut i: usize, extra: &[&str]) -> usize {
    let start = i;
    'labels: while i - start < MAX_LABEL {
        for l in LABELS.iter().chain(extra) {
            let l = l.as_bytes();
            if hay.get(i..i + l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)) {
                i += l.len();
                continue 'labels;
            }
        }
        break;
    }
    i
}

/// Whether a byte glued before an ASCII word makes it part of something
/// longer (`C5GF8XXWXD4`, `@qq.com`, `?wx=`).
fn glues_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@' | b'-' | b'=')
}

/// Whether the trigger `t` stands as a word: a trigger starting with an
/// ASCII letter must not be glued to a word before it, and one ending with
/// an ASCII letter must not be followed by a letter (`QQmusic`, `VXEQ`), an
/// underscore or a dot (`qq.com`, `wx.qq.com`). `V信` may touch an ID.
fn stands_alone(w: &Window<'_>, t: Trigger) -> bool {
    let glued_before = w.hay[t.start].is_ascii() && w.before(t.start).is_some_and(glues_word);
    let glued_after = w.hay[t.end - 1].is_ascii()
        && w.hay.get(t.end).is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'.' | b'@'));
    !glued_before && !glued_after
}

/// Fewest and most digits of a QQ number.
const QQ_DIGITS: (usize, usize) = (5, 11);

/// A reading of the digits after a QQ word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Number {
    end: usize,
    units: usize,
}

/// A separator inside a spoken or grouped number, and whether it is a
/// comma (which only separates single digits, as speech recognition writes
/// pauses).
fn number_sep(hay: &[u8], i: usize) -> Option<(usize, bool)> {
    match hay.get(i..)? {
        [b' ' | b'\t' | b'-', ..] => Some((1, false)),
        [b',', ..] => Some((1, true)),
        [0xE3, 0x80, 0x80, ..] => Some((3, false)), // ideographic space
        [0xE3, 0x80, 0x81, ..] | [0xEF, 0xBC, 0x8C, ..] => Some((3, true)), // 、，
        _ => None,
    }
}

/// Reads the digits at `i`, groups joined by single separators, and gives
/// two readings: the whole run (unless a comma joins groups of several
/// digits: commas only separate digits read out one by one, `一，二，三`),
/// and its longest start of groups of two or more digits joined by spaces
/// or dashes (`1234 5678` in `1234 5678 2个`), or else its first group.
/// Digits and Chinese numerals do not mix. Also returns the first two
/// digits.
fn read_number(hay: &[u8], i: usize) -> Option<(Option<Number>, Number, [u8; 2])> {
    let first = digit_at(hay, i)?;
    let numeral = first.script == Script::Numeral;
    let same = |at: usize| digit_at(hay, at).filter(|u| (u.script == Script::Numeral) == numeral);
    let (mut j, mut units, mut groups) = (i, 0, 0);
    let mut prefix = Number { end: i, units: 0 };
    let mut lead = [first.value, 0];
    let (mut all_single, mut in_prefix, mut comma) = (true, true, false);
    loop {
        let mut len = 0;
        while let Some(u) = same(j) {
            j += usize::from(u.len);
            len += 1;
            units += 1;
            if units == 2 {
                lead[1] = u.value;
            }
            if units > 2 * QQ_DIGITS.1 {
                // Far too long whatever the reading.
                return None;
            }
        }
        groups += 1;
        all_single &= len == 1;
        in_prefix &= (len >= 2 && !comma) || groups == 1;
        if in_prefix {
            prefix = Number { end: j, units };
        }
        in_prefix &= len >= 2;
        let Some((sep, is_comma)) = number_sep(hay, j) else { break };
        if same(j + sep).is_none() {
            break;
        }
        comma |= is_comma;
        j += sep;
    }
    let whole = (!comma || all_single).then_some(Number { end: j, units });
    Some((whole, prefix, lead))
}

/// Words right after a number that make it a quantity, an amount, a date or
/// a level rather than an account.
const UNIT_WORDS: &[&str] = &[
    "元", "块", "万", "亿", "千", "百", "个", "级", "岁", "天", "次", "位", "人", "条", "年", "月", "日", "分", "秒",
    "点", "号", "％", "斤", "件", "张", "只", "台", "毛", "角", "米", "倍", "名", "楼", "层", "期", "周", "小时",
    "公里",
];

/// Whether a number may end at `end`: not followed by a letter, another
/// ASCII word character, a decimal part or a unit word (after at most one
/// space).
fn number_end_ok(hay: &[u8], end: usize) -> bool {
    let rest = &hay[end..];
    match rest.first() {
        None => return true,
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b'%') => return false,
        Some(b'.') if rest.get(1).is_some_and(u8::is_ascii_alphanumeric) => return false,
        _ => {}
    }
    if full_width_alnum(rest).is_some() {
        return false;
    }
    let rest = rest.strip_prefix(b" ").or_else(|| rest.strip_prefix("　".as_bytes())).unwrap_or(rest);
    !UNIT_WORDS.iter().any(|u| rest.starts_with(u.as_bytes()))
}

/// The QQ number at `i`, if one is written there: the whole run of
/// digits, or else its start (see [`read_number`]). A number shaped like a
/// mobile number (11 digits, `13` to `19` first) is left to the phone
/// detector: people give their mobile number where a QQ number is asked
/// for, and QQ accounts log in with one.
fn qq_number(hay: &[u8], i: usize) -> Option<Number> {
    let (whole, prefix, lead) = read_number(hay, i)?;
    if lead[0] == 0 {
        return None;
    }
    let ok = |n: &Number| (QQ_DIGITS.0..=QQ_DIGITS.1).contains(&n.units) && number_end_ok(hay, n.end);
    let n = whole.filter(ok).or_else(|| Some(prefix).filter(ok))?;
    let mobile = n.units == 11 && lead[0] == 1 && lead[1] >= 3;
    (!mobile).then_some(n)
}

/// A QQ number after a QQ word.
fn qq(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::Qq) || !stands_alone(w, t) {
        return None;
    }
    let at = skip_labels(w.hay, t.end, &[]);
    let n = qq_number(w.hay, at)?;
    found(Kind::Qq, SubKind::Qq, Evidence::Context, at, n.end)
}

/// Fewest and most characters of a WeChat ID.
const WECHAT_CHARS: (usize, usize) = (6, 20);

/// Most characters of an ID WeChat assigned: `wxid_` and, as seen, 12 to
/// 16 letters and digits, allowing a few more.
const MAX_WXID: usize = 24;

/// Fewest characters after `wxid_` of an ID found without a WeChat word.
const MIN_WXID_TAIL: usize = 8;

/// English words chat puts after a WeChat word that are not IDs (`微信
/// cannot login`, `wechat account`), lower case, of six letters or more
/// (shorter ones are too short to be IDs anyway).
const NOT_IDS: &[&str] = &[
    "account", "accounts", "already", "android", "banned", "blocked", "broken", "cannot", "contact", "crashed",
    "customer", "deleted", "friend", "friends", "frozen", "groups", "iphone", "logout", "message", "messages",
    "mobile", "moments", "number", "official", "offline", "online", "password", "payment", "please", "problem",
    "qrcode", "refund", "removed", "search", "service", "support", "thanks", "transfer", "unable", "update", "updated",
    "upgrade", "verify", "version", "wallet", "wechat", "weixin", "working",
];

/// A full-width letter or digit at the start of `rest`: its ASCII twin.
fn full_width_alnum(rest: &[u8]) -> Option<u8> {
    match rest {
        [0xEF, 0xBC, c @ 0x90..=0x99, ..] => Some(b'0' + (c - 0x90)),
        [0xEF, 0xBC, c @ 0xA1..=0xBA, ..] => Some(b'A' + (c - 0xA1)),
        [0xEF, 0xBD, c @ 0x81..=0x9A, ..] => Some(b'a' + (c - 0x81)),
        _ => None,
    }
}

/// A letter or digit, ASCII or full width, at `i`: its ASCII twin and byte
/// length.
fn alnum_at(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    let rest = hay.get(i..)?;
    match rest.first()? {
        b if b.is_ascii_alphanumeric() => Some((*b, 1)),
        _ => full_width_alnum(rest).map(|c| (c, 3)),
    }
}

/// A character of a WeChat ID at `i`: letters, digits, `_`, `-` (ASCII or
/// full width).
fn id_char_at(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    match hay.get(i..)? {
        [b @ (b'_' | b'-'), ..] => Some((*b, 1)),
        [0xEF, 0xBC, 0xBF, ..] => Some((b'_', 3)),
        [0xEF, 0xBC, 0x8D, ..] => Some((b'-', 3)),
        _ => alnum_at(hay, i),
    }
}

/// The WeChat ID of at most `max` characters starting at `i`, if one does:
/// its end.
fn wechat_id(hay: &[u8], i: usize, max: usize) -> Option<usize> {
    let (c, len) = alnum_at(hay, i)?;
    if !c.is_ascii_alphabetic() {
        return None;
    }
    let mut ascii = [0u8; MAX_WXID];
    ascii[0] = c.to_ascii_lowercase();
    let (mut j, mut n) = (i + len, 1);
    // End and length without trailing hyphens, which are punctuation.
    let (mut end, mut kept) = (j, 1);
    while let Some((c, len)) = id_char_at(hay, j) {
        if n == max.min(MAX_WXID) {
            // Longer than any ID: part of something else.
            return None;
        }
        ascii[n] = c.to_ascii_lowercase();
        j += len;
        n += 1;
        if c != b'-' {
            (end, kept) = (j, n);
        }
    }
    if kept < WECHAT_CHARS.0 {
        return None;
    }
    // Glued to `@` or to a domain: an email address or a web address.
    match hay.get(j..) {
        Some([b'@', ..]) => return None,
        Some([b'.', b, ..]) if b.is_ascii_alphanumeric() => return None,
        _ => {}
    }
    let word = &ascii[..kept];
    if NOT_IDS.iter().any(|s| s.as_bytes() == word) {
        return None;
    }
    Some(end)
}

/// A WeChat ID after a WeChat word. A value that does not start with a
/// letter (a mobile number: WeChat finds people by it) is left to the phone
/// detector.
fn wechat(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::WeChat) || !stands_alone(w, t) {
        return None;
    }
    let at = skip_labels(w.hay, t.end, &[]);
    let end = wechat_id(w.hay, at, WECHAT_CHARS.1)?;
    found(Kind::WeChat, SubKind::WeChat, Evidence::Context, at, end)
}

/// An ID WeChat assigned (`wxid_...`), wherever it stands as a word.
fn wxid(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::WeChat) || w.before(t.start).is_some_and(glues_word) {
        return None;
    }
    let end = wechat_id(w.hay, t.start, MAX_WXID)?;
    if end - t.end < MIN_WXID_TAIL {
        return None;
    }
    found(Kind::WeChat, SubKind::WeChat, Evidence::Pattern, t.start, end)
}

/// A WeChat ID or a QQ number after `加我`.
fn add_me(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    let mut at = skip_labels(w.hay, t.end, ADD_ME_LABELS);
    // `加我Q 917364825`, `加我V：xiaomei520`: the letter alone stands for
    // QQ or WeChat (VX) when a label follows it, not more of a word.
    if let [b'Q' | b'q' | b'V' | b'v', ..] = w.hay[at..] {
        let after = skip_labels(w.hay, at + 1, ADD_ME_LABELS);
        if after > at + 1 {
            at = after;
        }
    }
    if cx.kinds.contains(Kind::WeChat)
        && let Some(end) = wechat_id(w.hay, at, WECHAT_CHARS.1)
    {
        return found(Kind::WeChat, SubKind::WeChat, Evidence::Context, at, end);
    }
    if !cx.kinds.contains(Kind::Qq) {
        return None;
    }
    let n = qq_number(w.hay, at)?;
    found(Kind::Qq, SubKind::Qq, Evidence::Context, at, n.end)
}

// ---------------------------------------------------------------------------
// IP addresses
// ---------------------------------------------------------------------------

/// What reading an IPv4 address at a number found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    Found(Found),
    No,
    /// The haystack ends before the address could be decided.
    NeedMore,
}

/// Words a four-part version number follows: the word for version, and
/// the systems and firmware whose builds are numbered that way (`鸿蒙
/// 4.2.0.121`, `固件 1.0.3.45`, `升级到 10.2.0.128`). ASCII ones match in
/// any case and only as whole words.
const VERSION_WORDS: &[&str] = &["版本", "版本号", "鸿蒙", "安卓", "固件", "升级到", "升级至", "更新到", "更新至"];
const VERSION_WORDS_ASCII: &[&str] =
    &["version", "firmware", "build", "harmonyos", "android", "ios", "emui", "miui", "coloros", "windows"];

/// The dotted-quad IPv4 address starting at `start` (an ASCII digit), when
/// `kinds` asks for one: four numbers 0-255 without leading zeros, not
/// glued to letters, digits or further dots, and not a version number
/// (`v1.2.3.4`, `版本1.2.3.4`, `版本号： 1.2.3.4`, `version 1.2.3.4`,
/// `鸿蒙 4.2.0.121`: see [`VERSION_WORDS`]).
pub(crate) fn ipv4_at(hay: &[u8], start: usize, eof: bool) -> Read {
    let mut i = start;
    for part in 0..4 {
        if part > 0 {
            match hay.get(i) {
                Some(b'.') => i += 1,
                Some(_) => return Read::No,
                None if eof => return Read::No,
                None => return Read::NeedMore,
            }
        }
        let digits_start = i;
        while hay.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            if i - digits_start > 3 {
                return Read::No;
            }
        }
        let digits = &hay[digits_start..i];
        if digits.is_empty() {
            return if i == hay.len() && !eof { Read::NeedMore } else { Read::No };
        }
        let value = digits.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        if value > 255 || (digits.len() > 1 && digits[0] == b'0') {
            return Read::No;
        }
    }
    // What follows must end it: not a digit, letter or another number part.
    match hay.get(i) {
        None if !eof => return Read::NeedMore,
        Some(b'.') if hay.get(i + 1).is_none() && !eof => return Read::NeedMore,
        Some(b'.') if hay.get(i + 1).is_some_and(u8::is_ascii_digit) => return Read::No,
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => return Read::No,
        _ => {}
    }
    let before = &hay[..start];
    let glued = before.last().is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
    // A version label, possibly followed by a colon or a space
    // (`版本 1.2.3.4`, `version: 1.2.3.4`).
    let mut label = before;
    for _ in 0..2 {
        for sep in [" ", ":", "：", "　", "是"] {
            label = label.strip_suffix(sep.as_bytes()).unwrap_or(label);
        }
    }
    let english = VERSION_WORDS_ASCII.iter().any(|w| {
        label.len().checked_sub(w.len()).is_some_and(|at| {
            label[at..].eq_ignore_ascii_case(w.as_bytes())
                && !at.checked_sub(1).is_some_and(|i| label[i].is_ascii_alphabetic())
        })
    });
    let version = english || VERSION_WORDS.iter().any(|w| label.ends_with(w.as_bytes()));
    if glued || version {
        return Read::No;
    }
    Read::Found(Found {
        kind: Kind::IpAddress,
        sub_kind: SubKind::Ipv4,
        evidence: Evidence::Pattern,
        start,
        end: i,
        lead: 0,
    })
}

/// Longest IPv6 address text: eight groups of four and seven colons, or six
/// groups and a dotted quad (45 bytes).
const MAX_IPV6: usize = 45;

/// The end of the dotted quad at `i` (an IPv6 address's IPv4 tail), if
/// there is one: four numbers 0-255, no leading zeros.
fn dotted_quad(hay: &[u8], mut i: usize) -> Option<usize> {
    for part in 0..4 {
        if part > 0 {
            if hay.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
        let s = i;
        while hay.get(i).is_some_and(u8::is_ascii_digit) && i - s < 4 {
            i += 1;
        }
        let digits = &hay[s..i];
        let value = digits.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        if digits.is_empty() || digits.len() > 3 || value > 255 || (digits.len() > 1 && digits[0] == b'0') {
            return None;
        }
    }
    Some(i)
}

/// An IPv6 address read at a position.
#[derive(Clone, Copy, Debug)]
struct V6 {
    end: usize,
    /// Whether it has `::`.
    compressed: bool,
    /// Groups written, an IPv4 tail counting two.
    groups: usize,
    /// Whether a digit appears.
    digit: bool,
    /// Whether a group has three or four characters or a hex letter, or
    /// there is an IPv4 tail.
    strong: bool,
}

/// The IPv6 address in RFC 4291 text form starting exactly at `s`.
fn ipv6_at(hay: &[u8], s: usize) -> Option<V6> {
    let mut v = V6 { end: s, compressed: false, groups: 0, digit: false, strong: false };
    let mut i = s;
    if hay[i..].starts_with(b"::") {
        v.compressed = true;
        i += 2;
        v.end = i;
    }
    loop {
        let g = i;
        while hay.get(i).is_some_and(u8::is_ascii_hexdigit) && i - g <= 4 {
            i += 1;
        }
        let group = &hay[g..i];
        if group.is_empty() {
            break;
        }
        if group.len() > 4 {
            return None;
        }
        if hay.get(i) == Some(&b'.')
            && v.groups <= 6
            && let Some(e) = dotted_quad(hay, g)
        {
            v.groups += 2;
            (v.end, v.digit, v.strong) = (e, true, true);
            break;
        }
        v.groups += 1;
        v.end = i;
        v.digit |= group.iter().any(u8::is_ascii_digit);
        v.strong |= group.len() >= 3 || group.iter().any(u8::is_ascii_alphabetic);
        if hay[i..].starts_with(b"::") {
            if v.compressed {
                return None;
            }
            v.compressed = true;
            i += 2;
            v.end = i;
        } else if hay.get(i) == Some(&b':') && hay.get(i + 1).is_some_and(u8::is_ascii_hexdigit) {
            i += 1;
        } else {
            break;
        }
    }
    let shape = if v.compressed { (2..=7).contains(&v.groups) && v.strong } else { v.groups == 8 };
    if !shape || !v.digit {
        return None;
    }
    // Nothing that continues an address or a word may follow.
    match hay.get(v.end..) {
        Some([b, ..]) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@' | b':') => None,
        Some([b'.', b, ..]) if b.is_ascii_alphanumeric() => None,
        _ => Some(v),
    }
}

/// Whether a byte glued before an IPv6 address makes it part of something
/// else (`std::string`, `v1.2::3`).
fn glues_address(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'@')
}

/// The IPv6 address holding the `::` at `t`, read back and forward.
fn ipv6_around(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::IpAddress) {
        return None;
    }
    let hay = w.hay;
    let mut s = t.start;
    while s > w.lo && (hay[s - 1].is_ascii_hexdigit() || hay[s - 1] == b':') {
        s -= 1;
        if t.start - s > MAX_IPV6 {
            return None;
        }
    }
    // A single colon opening the run ends a label (`地址:2001:db8::1`).
    if hay[s] == b':' && hay.get(s + 1) != Some(&b':') {
        s += 1;
    }
    if w.before(s).is_some_and(glues_address) {
        // A label glued to the address (`ID:fe80::1`): the address starts
        // after its first colon, if that comes before the `::`.
        let colon = s + hay[s..t.start].iter().position(|&b| b == b':')?;
        if colon - s > 4 || hay[colon + 1] == b':' {
            return None;
        }
        s = colon + 1;
    }
    if hay[s].is_ascii_digit() && number_before(w, s) && !ends_with_ip_word(&hay[w.lo..s]) {
        // `v6 2001:db8::1`: the number scan reads `6 2001` as one number
        // and moves past the address's start before its `::` may have
        // arrived. Only after the word `IP`, whose trigger holds a stream
        // back, is the decision the same whatever the chunks.
        return None;
    }
    let v = ipv6_at(hay, s)?;
    if v.end < t.end {
        // The `::` is not part of the address read.
        return None;
    }
    found(Kind::IpAddress, SubKind::Ipv6, Evidence::Pattern, s, v.end)
}

/// Whether a digit ends a few separators before `s` (`6 ` in `v6 2001:...`),
/// so that the number scan reads it and what starts at `s` as one number.
fn number_before(w: &Window<'_>, s: usize) -> bool {
    let mut i = s;
    for _ in 0..MAX_GAP_CHARS {
        match prev_char_start(w.hay, i, w.lo) {
            Some(c) if sep_at(w.hay, c).is_some_and(|(_, len)| c + len == i) => i = c,
            _ => return false,
        }
        if unit_before(w.hay, i, w.lo).is_some() {
            return true;
        }
    }
    false
}

/// Whether `text` ends with `IPv6` or `IPv4` and separators.
fn ends_with_ip_word(text: &[u8]) -> bool {
    let word = text.trim_ascii_end();
    word.len() >= 4 && {
        let w = &word[word.len() - 4..];
        w[..3].eq_ignore_ascii_case(b"ipv") && matches!(w[3], b'4' | b'6')
    }
}

/// Labels between the word `IP` and an address.
const IP_LABELS: &[&str] = &["地址", "是", "为", "：", ":", " ", "　", "=", "（", "(", "address", "addr"];

/// The IPv6 address after the word `IP` (`IPv6地址：...`).
fn ipv6_after_word(cx: &Cx<'_>, w: &Window<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::IpAddress) || w.before(t.start).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let hay = w.hay;
    let mut i = t.end;
    if let Some([b'v' | b'V', b'4' | b'6', ..]) = hay.get(i..) {
        i += 2;
    }
    if hay.get(i).is_some_and(u8::is_ascii_alphabetic) {
        // A word (`iPhone`, `IPad`), not the abbreviation.
        return None;
    }
    let label_start = i;
    'labels: while i - label_start < MAX_LABEL {
        for l in IP_LABELS {
            let l = l.as_bytes();
            if hay.get(i..i + l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)) {
                i += l.len();
                continue 'labels;
            }
        }
        break;
    }
    // `IP::1` is a colon label then `:1`; the address starts after a label
    // and is not glued to the word (`IPv62001:...`).
    if hay.get(i).is_some_and(|&b| b == b':') || hay[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let v = ipv6_at(hay, i)?;
    found(Kind::IpAddress, SubKind::Ipv6, Evidence::Pattern, i, v.end)
}

// ---------------------------------------------------------------------------
// Licence plates
// ---------------------------------------------------------------------------

/// Province abbreviations (GA 36-2018), as their UTF-8 bytes.
const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// Characters that end a plate with a four-character serial: police,
/// driving school, trailer, consulate, test, oversize, Hong Kong, Macao.
const PLATE_SUFFIXES: &str = "警学挂领试超港澳";

/// [`PROVINCES`] as a bit set: asked about the character before every
/// number after a letter (`SF123…`, `v1`).
const PROVINCE_BITS: CjkBits = CjkBits::of_str(PROVINCES);

/// Whether a province abbreviation starts at `i`.
fn province_at(hay: &[u8], i: usize) -> bool {
    PROVINCE_BITS.contains_at(hay, i)
}

/// A letter, ASCII or full width, at `i`: upper case, and its byte length.
fn letter_at(hay: &[u8], i: usize) -> Option<(u8, usize)> {
    alnum_at(hay, i).filter(|(c, _)| c.is_ascii_alphabetic()).map(|(c, len)| (c.to_ascii_uppercase(), len))
}

/// A character of a plate's serial at `i`: an upper-case letter or an ASCII
/// digit (Chinese numerals and full-width digits read as digits), and its
/// byte length. Digits of a serial are all numerals or all not
/// (`沪B54321两辆` ends before `两`): `numerals` says which, once known.
fn serial_char_at(hay: &[u8], i: usize, numerals: Option<bool>) -> Option<(u8, usize)> {
    if let Some(u) = digit_at(hay, i) {
        let numeral = u.script == Script::Numeral;
        return numerals.is_none_or(|n| n == numeral).then_some((b'0' + u.value, usize::from(u.len)));
    }
    letter_at(hay, i)
}

/// Whether a digit is written as a Chinese numeral, if `hay[i..]` starts
/// with a digit.
fn numeral_digit(hay: &[u8], i: usize) -> Option<bool> {
    digit_at(hay, i).map(|u| u.script == Script::Numeral)
}

/// A separator between the issuing letter and the serial: its byte length.
fn plate_sep(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [b' ' | b'-' | b'.', ..] => Some(1),
        [0xC2, 0xB7, ..] => Some(2), // ·
        [0xE3, 0x83, 0xBB, ..] | [0xE2, 0x80, 0xA2, ..] | [0xE3, 0x80, 0x80, ..] => Some(3), // ・ • and ideographic space
        _ => None,
    }
}

/// Most bytes from the start of a plate's province character to the first
/// digit of its serial: province, space, full-width issuing letter,
/// separator, and two serial letters read out one per space.
const PLATE_LEAD: usize = 3 + 1 + 3 + 3 + 2 * 4;

/// Whether the characters right before `t` may end the part of a plate
/// before its serial's first digit: a letter (the issuing office's, or the
/// serial's own), or a separator or space after one. The test most
/// numbers stop at: a number mostly follows a Chinese character or
/// punctuation, ruled out by its last byte or a three-byte comparison.
#[inline]
pub(crate) fn may_follow_plate_lead(hay: &[u8], t: usize) -> bool {
    if t == 0 || t > hay.len() {
        return false;
    }
    match hay[t - 1] {
        b if b.is_ascii_alphabetic() => ascii_may_follow_province(hay, t),
        b' ' | b'-' | b'.' => letter_ends_at(hay, t - 1),
        // `·`
        0xB7 => t >= 2 && hay[t - 2] == 0xC2 && letter_ends_at(hay, t - 2),
        // A three-byte character: mostly Chinese (lead byte E4 to E9),
        // ruled out by its first byte.
        0x80..=0xBF if t >= 3 => match hay[t - 3] {
            0xEF => letter_at(hay, t - 3).is_some(),
            0xE2 | 0xE3 => plate_sep(hay, t - 3) == Some(3) && letter_ends_at(hay, t - 3),
            _ => false,
        },
        _ => false,
    }
}

/// Whether the ASCII letters and separators right before `t` may follow a
/// province character: the walk back over them ([`ascii_lead_start`])
/// stops at a byte that is not ASCII. In ASCII text (`/api/v1`, `T00:00`,
/// `SF1234`) that rules a plate out at once, with what
/// [`plate_start_before`] would find.
fn ascii_may_follow_province(hay: &[u8], t: usize) -> bool {
    ascii_lead_start(hay, t, 0).is_some_and(|(i, _)| i > 0)
}

/// Walks back from `t`, no further than `lo`, over ASCII letters (at most
/// three, as a plate's lead has) and the ASCII separators [`plate_sep`]
/// knows: where the walk stopped and the letters passed, or `None` when
/// another ASCII byte or a fourth letter rules a plate out. Each ASCII byte
/// is a character of its own, so this reads a byte at a time.
fn ascii_lead_start(hay: &[u8], t: usize, lo: usize) -> Option<(usize, usize)> {
    let mut i = t;
    let mut letters = 0;
    while i > lo && hay[i - 1] < 0x80 {
        match hay[i - 1] {
            b if b.is_ascii_alphabetic() => {
                letters += 1;
                if letters > 3 {
                    return None;
                }
            }
            b' ' | b'-' | b'.' => {}
            _ => return None,
        }
        i -= 1;
    }
    Some((i, letters))
}

/// Whether a letter, ASCII or full width, ends at `end`.
fn letter_ends_at(hay: &[u8], end: usize) -> bool {
    match end.checked_sub(1).map(|i| hay[i]) {
        Some(b) if b.is_ascii_alphabetic() => true,
        Some(0x81..=0xBA) => end >= 3 && letter_at(hay, end - 3).is_some(),
        _ => false,
    }
}

/// What [`plate_before`] decided.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Plate {
    Found(Found),
    No,
    /// The haystack ends before the plate starting at `from` could be
    /// decided.
    NeedMore {
        from: usize,
    },
}

/// The licence plate whose serial holds the number starting at `t` (which
/// [`may_follow_plate_lead`] must have let through), read
/// from the province character a few characters before it (never before
/// `floor`). Only what the province character's window holds is read, as
/// for a trigger: the decision does not depend on where the scan stood.
pub(crate) fn plate_before(hay: &[u8], t: usize, floor: usize, eof: bool) -> Plate {
    debug_assert!(may_follow_plate_lead(hay, t), "the caller tests the bytes before `t` first");
    let Some(c) = plate_start_before(hay, t, floor) else { return Plate::No };
    if !eof && c + 3 + AHEAD > hay.len() {
        return Plate::NeedMore { from: c };
    }
    let w = Window { hay: &hay[..(c + 3 + AHEAD).min(hay.len())], lo: floor.max(c.saturating_sub(MAX_BACK)) };
    let province = Trigger { start: c, end: c + 3, index: usize::MAX };
    match plate(&w, province) {
        Some(f) if f.end > t => Plate::Found(f),
        _ => Plate::No,
    }
}

/// The province character a plate whose serial holds the number at `t`
/// would start with: within a few characters before `t` (never before
/// `floor`), across the issuing letter, at most two serial letters and a
/// separator or spaces. Streams hold a number back from there.
pub(crate) fn plate_start_before(hay: &[u8], t: usize, floor: usize) -> Option<usize> {
    let lo = floor.max(t.saturating_sub(PLATE_LEAD));
    // ASCII before the number (`/api/v1`, `T00:00`, `id A1`) first.
    let (mut i, mut letters) = ascii_lead_start(hay, t, lo)?;
    while let Some(c) = prev_char_start(hay, i, lo) {
        if hay[c] >= 0xE0 && province_at(hay, c) {
            return Some(c);
        }
        if letter_at(hay, c).is_some() {
            letters += 1;
            if letters > 3 {
                return None;
            }
        } else if plate_sep(hay, c).is_none() {
            return None;
        }
        i = c;
    }
    None
}

/// The licence plate starting at the province character `t`.
fn plate(w: &Window<'_>, t: Trigger) -> Option<Found> {
    let hay = w.hay;
    let mut i = t.end;
    // The cheap test first: most province characters in chat are words
    // (`京东`, `新的`), followed by another Chinese character.
    match hay.get(i) {
        Some(b) if b.is_ascii_alphabetic() || *b == 0xEF => {}
        Some(b' ') => i += 1,
        _ => return None,
    }
    let (office, len) = letter_at(hay, i)?;
    if matches!(office, b'I' | b'O') {
        return None;
    }
    i += len;
    if let Some(len) = plate_sep(hay, i)
        && serial_char_at(hay, i + len, None).is_some()
    {
        i += len;
    }
    // The serial, written together or one character per space.
    let mut serial = [0u8; 6];
    let mut numerals = numeral_digit(hay, i);
    let (c, len) = serial_char_at(hay, i, None)?;
    serial[0] = c;
    i += len;
    let mut n = 1;
    let spoken = hay.get(i) == Some(&b' ') && serial_char_at(hay, i + 1, numerals).is_some();
    loop {
        let at = if spoken {
            if hay.get(i) != Some(&b' ') {
                break;
            }
            i + 1
        } else {
            i
        };
        let Some((c, len)) = serial_char_at(hay, at, numerals) else { break };
        numerals = numerals.or_else(|| numeral_digit(hay, at));
        let len = len + (at - i);
        if n == serial.len() {
            return None;
        }
        serial[n] = c;
        n += 1;
        i += len;
    }
    let serial = &serial[..n];
    if serial.iter().any(|&c| matches!(c, b'I' | b'O')) {
        return None;
    }
    let digit = |c: &u8| c.is_ascii_digit();
    let letters = serial.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let ok = match n {
        5 => letters <= 2,
        6 => {
            let small = matches!(serial[0], b'D' | b'F') && serial[2..].iter().all(digit);
            let large = serial[..5].iter().all(digit) && matches!(serial[5], b'D' | b'F');
            small || large
        }
        4 => {
            let suffix = PLATE_SUFFIXES.as_bytes().chunks(3).any(|s| hay.get(i..i + 3) == Some(s));
            if suffix {
                i += 3;
            }
            suffix && letters <= 2
        }
        _ => false,
    };
    // Glued to more letters or digits, or to an address or a domain, it is
    // part of something else.
    let glued = match hay.get(i..) {
        Some([b, ..]) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@') => true,
        Some([b'.' | b'-', b, ..]) if b.is_ascii_alphanumeric() => true,
        Some(rest) => serial_char_at(rest, 0, numerals).is_some(),
        None => false,
    };
    if !ok || glued {
        return None;
    }
    found(Kind::LicensePlate, SubKind::LicensePlate, Evidence::Pattern, t.start, i)
}

// ---------------------------------------------------------------------------
// Streams
// ---------------------------------------------------------------------------

/// Where a match whose trigger has not arrived yet may start in the
/// unfinished tail of `hay` (`hay.len()` when nowhere): the local part of
/// an email address whose `@` is still to come, the groups of an IPv6
/// address whose `::` is still to come, and a licence plate still being
/// written.
pub(crate) fn tail_hold(hay: &[u8], floor: usize) -> usize {
    email_tail(hay, floor).min(ipv6_tail(hay, floor)).min(plate_tail(hay, floor))
}

/// A trailing run of local-part characters, possibly followed by the one
/// space a spaced `@` may come after (`wangqiang @ 163.com`) and the start
/// of a full-width `＠` cut off by the end.
fn email_tail(hay: &[u8], floor: usize) -> usize {
    let end = hay.len() - crate::scan::units::incomplete_suffix(hay);
    let end = if end > floor && hay[..end].ends_with(b" ") { end - 1 } else { end };
    let mut start = end;
    while start > floor && is_local_byte(hay[start - 1]) {
        start -= 1;
        if end - start > MAX_LOCAL {
            return hay.len();
        }
    }
    if start == end { hay.len() } else { start }
}

/// A trailing run of hex digits, colons and dots holding a colon, short
/// enough to be the start of an IPv6 address.
fn ipv6_tail(hay: &[u8], floor: usize) -> usize {
    let mut start = hay.len();
    let mut colon = false;
    while start > floor && (hay[start - 1].is_ascii_hexdigit() || matches!(hay[start - 1], b':' | b'.')) {
        start -= 1;
        colon |= hay[start] == b':';
        if hay.len() - start > MAX_IPV6 {
            return hay.len();
        }
    }
    if colon { start } else { hay.len() }
}

/// Most bytes a plate still being written may span: province character,
/// space, letter, separator, and six serial characters read out one per
/// space, as Chinese numerals.
const PLATE_TAIL: usize = 3 + 1 + 3 + 3 + 6 * 4;

/// A province character at the end, alone or followed by the start of a
/// plate (its issuing letter first).
fn plate_tail(hay: &[u8], floor: usize) -> usize {
    let reach = hay.len().saturating_sub(PLATE_TAIL).max(floor);
    // A character cut off by the end may be the letter or a serial
    // character still arriving: walk back from before it, and let it count
    // as one.
    let end = hay.len() - crate::scan::units::incomplete_suffix(hay);
    let mut i = end;
    while let Some(c) = prev_char_start(hay, i, reach) {
        if province_at(hay, c) {
            let rest = &hay[c + 3..end];
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if rest.is_empty() || letter_at(rest, 0).is_some() {
                return c;
            }
        }
        let plate_char = serial_char_at(hay, c, None).is_some() || plate_sep(hay, c).is_some();
        if !plate_char {
            break;
        }
        i = c;
    }
    hay.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Redactor};

    fn of_kind(kind: Kind, text: &str) -> Vec<&str> {
        let r = Redactor::new();
        r.find_iter(text).filter(|m| m.kind() == kind).map(|m| &text[m.range()]).collect()
    }

    fn emails(text: &str) -> Vec<&str> {
        of_kind(Kind::Email, text)
    }

    fn ips(text: &str) -> Vec<&str> {
        of_kind(Kind::IpAddress, text)
    }

    #[test]
    fn triggers_and_roles_line_up() {
        assert_eq!(TRIGGERS.len(), ROLES.len());
        assert_eq!(PROVINCES.chars().count(), 31);
        // The bit table says yes for the provinces and nothing else.
        for c in (0x3000..0xA000).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(province_at(bytes, 0), PROVINCES.contains(c), "{c}");
        }
        assert!(!province_at("京".as_bytes(), 1) && !province_at(&"京".as_bytes()[..2], 0));
        assert!(PROVINCES.chars().all(|c| c.len_utf8() == 3));
        assert!(PLATE_SUFFIXES.chars().all(|c| c.len_utf8() == 3));
    }

    #[test]
    fn finds_email_addresses_in_chat() {
        assert_eq!(emails("邮箱abc@qq.com谢谢"), ["abc@qq.com"]);
        assert_eq!(emails("发到 zhang.san+vip@mail.example.com.cn 吧"), ["zhang.san+vip@mail.example.com.cn"]);
        assert_eq!(emails("是 Li_Lei-88@163.com。"), ["Li_Lei-88@163.com"]);
        assert_eq!(emails("...abc@qq.com."), ["abc@qq.com"]);
        assert_eq!(emails("邮箱 abc＠qq.com"), ["abc＠qq.com"], "full-width at sign");
        assert_eq!(emails("邮箱 abc＠gmail．com。"), ["abc＠gmail．com"], "full-width dots");
        assert_eq!(emails("邮箱：wang @ 163.com"), ["wang @ 163.com"], "one space on each side");
        for text in ["cc @li.lei", "abc @qq.com", "abc@ qq.com", "icon@2x.png", "a@b.PDF", "abc@qq．"] {
            assert!(emails(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn finds_ipv4_addresses() {
        assert_eq!(ips("服务器IP是192.168.1.10，连不上"), ["192.168.1.10"]);
        assert_eq!(ips("ip 8.8.8.8。"), ["8.8.8.8"]);
        assert_eq!(ips("从10.0.0.255登录的"), ["10.0.0.255"]);
        assert_eq!(ips("server 10.1.2.3"), ["10.1.2.3"], "a word ending in `ver` is no version label");
        assert_eq!(ips("rebuild 10.1.2.3"), ["10.1.2.3"], "a word ending in `build` is no version label");
        for text in [
            "版本1.2.3.4",
            "v1.2.3.4",
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "价格1.5元",
            "a1.2.3.4",
            "版本 1.2.3.4",
            "版本号：10.0.0.1",
            "Version: 2.3.4.5",
            "鸿蒙 4.2.0.121",
            "HarmonyOS 4.0.0.116",
            "固件：1.0.3.45",
            "build 10.2.0.128",
        ] {
            assert!(ips(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn leaves_look_alikes() {
        for text in ["@张三 你好", "abc@", "a@b", "user@localhost", "12@3.5", "价格@100.00元", "x@y.1", "a..b@qq.com"]
        {
            assert!(emails(text).is_empty(), "{text}");
        }
        let long = format!("{}@qq.com", "a".repeat(65));
        assert!(emails(&long).is_empty(), "local part over 64 characters");
    }

    #[test]
    fn reads_qq_numbers_as_written() {
        let qq = |t| of_kind(Kind::Qq, t);
        assert_eq!(qq("QQ 一二三四五六七八九"), ["一二三四五六七八九"]);
        assert_eq!(qq("扣扣号 3 8 5 7 2 9 1 6"), ["3 8 5 7 2 9 1 6"]);
        assert_eq!(qq("qq：1234 5678 9"), ["1234 5678 9"]);
        assert_eq!(qq("qq：1234 5678 2个都加了"), ["1234 5678"]);
        assert_eq!(qq("qq：12345，6789"), ["12345"], "commas only join single digits");
        assert_eq!(qq("ＱＱ号码是１２３４５６７８"), ["１２３４５６７８"]);
        assert_eq!(qq("QQ 12345678 2个都加了"), ["12345678"]);
        for text in ["QQ 1234", "QQ 012345678", "QQ 123456789012", "QQ 12345678元", "QQ 12345 元", "QQ 1234.56"] {
            assert!(qq(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn wechat_ids_and_mobile_numbers_do_not_fight() {
        fn kinds(t: &str) -> Vec<(Kind, &str)> {
            Redactor::new().find_iter(t).map(|m| (m.kind(), &t[m.range()])).collect()
        }
        assert_eq!(kinds("微信 13812345678"), [(Kind::Phone, "13812345678")]);
        assert_eq!(kinds("vx13812345678"), [(Kind::Phone, "13812345678")]);
        assert_eq!(kinds("微信号：138 1234 5678"), [(Kind::Phone, "138 1234 5678")]);
        assert_eq!(kinds("加我 13812345678"), [(Kind::Phone, "13812345678")]);
        assert_eq!(kinds("QQ/微信同号 13812345678"), [(Kind::Phone, "13812345678")]);
        assert_eq!(
            kinds("微信 zhang_san88 手机13812345678"),
            [(Kind::WeChat, "zhang_san88"), (Kind::Phone, "13812345678")]
        );
        assert_eq!(kinds("QQ13812345678"), [(Kind::Phone, "13812345678")]);
        assert_eq!(kinds("扣扣 1 3 8 1 2 3 4 5 6 7 8"), [(Kind::Phone, "1 3 8 1 2 3 4 5 6 7 8")]);
        // Not shaped like a mobile number: a QQ number.
        assert_eq!(kinds("QQ 12345678901"), [(Kind::Qq, "12345678901")]);
    }

    #[test]
    fn wechat_id_edges() {
        let wx = |t| of_kind(Kind::WeChat, t);
        assert_eq!(wx("微信abc123-谢谢"), ["abc123"], "a trailing hyphen is punctuation");
        assert_eq!(wx("wxid_k3j4h5g6f7d8s9"), ["wxid_k3j4h5g6f7d8s9"]);
        assert_eq!(wx("好友wxid_k3j4h5g6f7d8s9a0b1"), ["wxid_k3j4h5g6f7d8s9a0b1"]);
        assert_eq!(wx("微信：ａｂｃ＿１２３"), ["ａｂｃ＿１２３"]);
        assert_eq!(wx("V信wu-hao"), ["wu-hao"], "a word ending in a Chinese character may touch the ID");
        for text in
            ["微信 a12345678901234567890", "微信 abc12", "微信 abc123@qq.com", "wx.qq.com/abcdef", "微信 Cannot login"]
        {
            assert!(wx(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ipv6_shapes() {
        fn ok(s: &str) -> Option<&str> {
            ipv6_at(s.as_bytes(), 0).map(|v| &s[..v.end])
        }
        assert_eq!(ok("2001:db8::1"), Some("2001:db8::1"));
        assert_eq!(ok("::ffff:192.0.2.1"), Some("::ffff:192.0.2.1"));
        assert_eq!(ok("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), Some("2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
        assert_eq!(ok("fe80::1%eth0"), Some("fe80::1"));
        assert_eq!(ok("2001:db8::/32"), Some("2001:db8::"));
        for s in
            ["::1", "::", "12::30", "a::b", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "fe80::1.5"]
        {
            assert!(ok(s).is_none(), "{s}");
        }
        // After a number and a space, only after the word IP.
        assert_eq!(ips("IPv6 2001:db8::1"), ["2001:db8::1"]);
        assert_eq!(ips("v6 fe80::1"), ["fe80::1"]);
        assert!(ips("v6 2001:db8::2").is_empty());
    }

    #[test]
    fn plate_shapes() {
        let plates = |t| of_kind(Kind::LicensePlate, t);
        assert_eq!(plates("京A12345"), ["京A12345"]);
        assert_eq!(plates("沪AD12345"), ["沪AD12345"]);
        assert_eq!(plates("粤B12345D"), ["粤B12345D"]);
        assert_eq!(plates("粤B·12345"), ["粤B·12345"]);
        assert_eq!(plates("京A0001警"), ["京A0001警"]);
        assert_eq!(plates("粤B 1 2 3 4 5"), ["粤B 1 2 3 4 5"]);
        assert_eq!(plates("京A幺二三四五"), ["京A幺二三四五"]);
        assert_eq!(plates("鄂Z.73783D"), ["鄂Z.73783D"]);
        assert_eq!(plates("沪B54321两辆车"), ["沪B54321"], "a numeral after digits is a word");
        for text in
            ["川A", "鲁A1234", "京A123456", "京AI2345", "京A1234O", "沪AX12345", "粤B1234", "京AABC12", "京A12345X6"]
        {
            assert!(plates(text).is_empty(), "{text}");
        }
        // Letters and separators in ASCII text before the serial: a plate
        // needs a province character before them.
        assert_eq!(plates("车牌 京 A12345"), ["京 A12345"]);
        assert_eq!(plates("京 AD12345"), ["京 AD12345"]);
        for text in ["/api/v1/items/82176", "SF1234567890", "T00:00:28", "id=a.B-C12345", "x京ABCD12345"] {
            assert!(plates(text).is_empty(), "{text}");
            let t = text.find(|c: char| c.is_ascii_digit()).expect("a digit");
            assert!(!may_follow_plate_lead(text.as_bytes(), t), "{text}");
        }
    }

    #[test]
    fn conventional_masks() {
        let r = Redactor::new();
        assert_eq!(r.redact("邮箱zhangsan@qq.com"), "邮箱z*******@qq.com");
        assert_eq!(r.redact("邮箱 xiaohong#qq.com"), "邮箱 x*******#qq.com");
        assert_eq!(r.redact("车牌京A12345"), "车牌京A****5");
        assert_eq!(r.redact("车牌粤B·12345"), "车牌粤B·****5");
        assert_eq!(r.redact("车牌京A幺二三四五"), "车牌京A＊＊＊＊五");
        assert_eq!(r.redact("QQ 1234567890"), "QQ 1********0");
        assert_eq!(r.redact("扣扣号 3 8 5 7 2 9 1 6"), "扣扣号 3 * * * * * * 6");
        assert_eq!(r.redact("QQ 一二三四五六七八九"), "QQ 一＊＊＊＊＊＊＊九");
        assert_eq!(r.redact("微信 zhang_san88"), "微信 z*********8");
        assert_eq!(r.redact("IP 192.168.1.10"), "IP 192.168.*.**");
        assert_eq!(r.redact("网关 fe80::1c2b:3d4e"), "网关 fe80::****:****");
        assert_eq!(
            r.redact("IPv6地址：2408:8207:1234:5678:9abc:def0:1234:5678"),
            "IPv6地址：2408:8207:****:****:****:****:****:****"
        );
    }

    /// `rules_out` may only rule out what `check` rejects: for every
    /// trigger in the contact cases, cut at every point after it.
    #[test]
    fn ruling_out_early_agrees_with_the_whole_window() {
        let cases = include_str!("../../tests/cases/contact.txt");
        let mut ruled_out = 0;
        for line in cases.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let marked = line.split_once('\t').expect("a case line").1;
            let plain: String = {
                let mut out = String::new();
                let mut rest = marked;
                while let Some(open) = rest.find('⟦') {
                    out.push_str(&rest[..open]);
                    let after = &rest[open + '⟦'.len_utf8()..];
                    let close = after.find('⟧').expect("closed markup");
                    out.push_str(&after[after.find('|').expect("a kind") + 1..close]);
                    rest = &after[close + '⟧'.len_utf8()..];
                }
                out + rest
            };
            let hay = plain.as_bytes();
            for (index, word) in TRIGGERS.iter().enumerate() {
                let word = word.as_bytes();
                for start in
                    (0..hay.len()).filter(|&i| hay[i..].get(..word.len()).is_some_and(|h| h.eq_ignore_ascii_case(word)))
                {
                    let t = Trigger { start, end: start + word.len(), index };
                    let cx = Cx { hay, floor: 0, kinds: crate::KindSet::ALL };
                    let whole = check(&cx, t);
                    for cut in t.end..=hay.len() {
                        if rules_out(&hay[..cut], 0, t) {
                            assert!(whole.is_none(), "{plain:?}: trigger at {start} ruled out at {cut}");
                            ruled_out += 1;
                        }
                    }
                }
            }
        }
        assert!(ruled_out > 300, "only {ruled_out} cuts ruled out");
    }

    #[test]
    fn tails_hold_what_a_later_trigger_may_claim() {
        fn hold(s: &str) -> &str {
            &s[tail_hold(s.as_bytes(), 0)..]
        }
        assert_eq!(hold("地址是2001:db8:"), "2001:db8:");
        assert_eq!(hold("地址是 ::"), "::");
        assert_eq!(hold("车牌京A12"), "京A12");
        assert_eq!(hold("车牌 粤B 1 2"), "粤B 1 2");
        assert_eq!(hold("我想买新"), "新", "one province character at the very end");
        assert_eq!(hold("车牌京"), "京");
        assert_eq!(hold("邮箱 wangqiang "), "wangqiang ", "a spaced `@` may follow");
        assert_eq!(hold("好的 "), "");
        let cut = "邮箱 li_na ＠".as_bytes();
        let cut = &cut[..cut.len() - 2];
        assert_eq!(&cut[tail_hold(cut, 0)..], b"li_na \xef", "a full-width `@` cut off by the end");
        assert_eq!(hold("买了新款"), "");
        assert_eq!(hold("京东发货了"), "");
        assert_eq!(hold("时间是十一点"), "");
        let text = "好的".repeat(10) + "新A";
        assert_eq!(hold(&text), "新A");
        let long = format!("地址{}", "ab:".repeat(20));
        assert_eq!(hold(&long), "", "too long to start an address");
    }
}
