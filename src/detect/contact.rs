//! Contact handles: email addresses (and, to come, QQ numbers, WeChat IDs,
//! IP addresses and licence plates).
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
