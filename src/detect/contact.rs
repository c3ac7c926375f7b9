//! Contact handles: email addresses and IPv4 addresses (and, to come, QQ
//! numbers, WeChat IDs, IPv6 addresses and licence plates).
//!
//! An IPv4 address has no trigger word: the number scan calls [`ipv4_at`]
//! at every number that starts with an ASCII digit followed by a dot.
//!
//! An email address is found from its `@`: the local part is read back
//! from it, the domain forward. Both follow the common shape of addresses
//! people type, not every form RFC 5322 allows (quoted local parts and
//! address literals are left out): a local part of letters, digits and
//! `._%+-`, at most 64 characters, neither starting nor ending with a
//! dot; a domain of at least two labels of letters, digits and hyphens,
//! the last all letters. Chinese text glued to either side
//! (`邮箱abc@qq.com谢谢`) is not part of it.

use super::anchored::{AHEAD, Cx, Found, Trigger};
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;

/// Words or characters next to every match of this family.
pub(crate) const TRIGGERS: &[&str] = &["@"];

/// Longest local part (RFC 5321).
const MAX_LOCAL: usize = 64;

/// The match next to trigger `t`, if any.
pub(crate) fn check(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    match TRIGGERS[t.index] {
        "@" => email(cx, t),
        _ => None,
    }
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The email address around the `@` at `t`.
fn email(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::Email) {
        return None;
    }
    let hay = cx.hay;
    // Local part, read back from the `@`.
    let mut start = t.start;
    while start > cx.floor && is_local_byte(hay[start - 1]) {
        start -= 1;
        if t.start - start > MAX_LOCAL {
            return None;
        }
    }
    // Dots and hyphens that open a sentence fragment are not part of it
    // (`...abc@qq.com`).
    while start < t.start && matches!(hay[start], b'.' | b'-') {
        start += 1;
    }
    let local = &hay[start..t.start];
    if local.is_empty() || local.ends_with(b".") || local.windows(2).any(|w| w == b"..") {
        return None;
    }
    // Domain, read forward: labels joined by single dots.
    let limit = (t.end + AHEAD).min(hay.len());
    let mut end = t.end;
    let mut labels = 0;
    let mut last_label = (t.end, t.end);
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
        if end + 1 < limit && hay[end] == b'.' && hay[end + 1].is_ascii_alphanumeric() {
            end += 1;
        } else {
            break;
        }
    }
    let tld = &hay[last_label.0..last_label.1];
    if labels < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = last_label.1;
    // Glued to a longer run of ASCII word characters, it is part of
    // something else (a URL path, a code).
    if hay.get(end).is_some_and(|&b| b == b'@' || b == b'_') {
        return None;
    }
    Some(Found { kind: Kind::Email, sub_kind: SubKind::Email, evidence: Evidence::Pattern, start, end, lead: 0 })
}

/// What reading an IPv4 address at a number found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    Found(Found),
    No,
    /// The haystack ends before the address could be decided.
    NeedMore,
}

/// The dotted-quad IPv4 address starting at `start` (an ASCII digit), when
/// `kinds` asks for one: four numbers 0-255 without leading zeros, not
/// glued to letters, digits or further dots, and not a version number
/// (`v1.2.3.4`, `版本1.2.3.4`).
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
    let version = before.ends_with("版本".as_bytes()) || before.ends_with("版本号".as_bytes());
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

/// Where a match whose trigger has not arrived yet may start in the
/// unfinished tail of `hay` (`hay.len()` when nowhere): the local part of
/// an email address whose `@` is still to come.
pub(crate) fn tail_hold(hay: &[u8], floor: usize) -> usize {
    let mut start = hay.len();
    while start > floor && is_local_byte(hay[start - 1]) {
        start -= 1;
        if hay.len() - start > MAX_LOCAL {
            return hay.len();
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Redactor};

    fn emails(text: &str) -> Vec<&str> {
        let r = Redactor::new();
        r.find_iter(text).filter(|m| m.kind() == Kind::Email).map(|m| &text[m.range()]).collect()
    }

    #[test]
    fn finds_email_addresses_in_chat() {
        assert_eq!(emails("邮箱abc@qq.com谢谢"), ["abc@qq.com"]);
        assert_eq!(emails("发到 zhang.san+vip@mail.example.com.cn 吧"), ["zhang.san+vip@mail.example.com.cn"]);
        assert_eq!(emails("是 Li_Lei-88@163.com。"), ["Li_Lei-88@163.com"]);
        assert_eq!(emails("...abc@qq.com."), ["abc@qq.com"]);
    }

    fn ips(text: &str) -> Vec<&str> {
        let r = Redactor::new();
        r.find_iter(text).filter(|m| m.kind() == Kind::IpAddress).map(|m| &text[m.range()]).collect()
    }

    #[test]
    fn finds_ipv4_addresses() {
        assert_eq!(ips("服务器IP是192.168.1.10，连不上"), ["192.168.1.10"]);
        assert_eq!(ips("ip 8.8.8.8。"), ["8.8.8.8"]);
        assert_eq!(ips("从10.0.0.255登录的"), ["10.0.0.255"]);
        for text in ["版本1.2.3.4", "v1.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "价格1.5元", "a1.2.3.4"]
        {
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
}
