//! How a match is masked.
//!
//! Length-preserving policies replace each *unit* (digit, numeral, check
//! character) by a mask character of the same byte length: `*` for a
//! one-byte unit, `＊` (U+FF0A, three bytes) for a full-width digit or a
//! Chinese numeral. Separators, brackets, `转` and every other byte keep
//! their place, so offsets into the original stay valid in the output and
//! redaction can happen in place.

use std::borrow::Cow;

use crate::detect::phone::area_code_len;
use crate::kind::{Kind, SubKind};
use crate::matches::Match;
use crate::scan::units::{check_x_at, digit_at};

/// What to do with the bytes of a match.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Policy {
    /// The common Chinese display convention for the number, keeping a few
    /// digits visible:
    ///
    /// | number | kept | example |
    /// |---|---|---|
    /// | mobile | first 3, last 4 | `138****5678` |
    /// | landline | area code, last 2 | `010-******78` |
    /// | 400/800 | first 3, last 4 | `400-***-8820` |
    /// | resident ID | first 1, last 2 | `1***************2X` |
    /// | bank card | first 6, last 4 | `622202*********1234` |
    /// | address | province, city, district | `北京市朝阳区＊＊＊**＊` |
    ///
    /// Mobile numbers hide the middle four digits as carriers, banks and
    /// delivery apps display them. Bank cards show at most the first six and
    /// last four digits, the maximum JR/T 0171-2020 (Personal financial
    /// information protection) allows for display. ID numbers hide the
    /// region code, the birth date and the sequence number, keeping only
    /// enough to tell two numbers apart when a customer confirms them.
    /// Landlines keep the area code (a city, not a person). A country code
    /// (`+86`) is never masked.
    Conventional,
    /// Keep the first `head` and last `tail` units visible and mask the rest.
    /// Units are digits for numbers and characters (separators aside) for
    /// addresses. When `head + tail` would leave no unit masked, every unit
    /// is masked.
    Partial {
        /// Units kept at the start.
        head: u8,
        /// Units kept at the end.
        tail: u8,
    },
    /// Mask every unit: every digit of a number (a country code stays),
    /// every character of an address but separators.
    Full,
    /// Replace the whole match, country code included, by this text.
    Tag(Cow<'static, str>),
    /// Delete the match.
    Remove,
    /// Replace the match by a stable keyed pseudonym of its value, such as
    /// `[PHONE:1cfe20ec3903d206]`: the same value gives the same token with
    /// the same key, in any redactor, stream or process, so records can be
    /// joined by customer without revealing who the customer is.
    ///
    /// The token is the first 8 bytes, in hex, of HMAC-SHA-256 over the
    /// kind name, a zero byte and the *normalised* value (digits only for
    /// phone, ID and card numbers, so `138 1234 5678` and `+86 13812345678`
    /// agree; see [`crate::Builder::allow_value`] for the rules). The key
    /// comes from [`crate::Builder::hash_key`]; building a redactor with
    /// this policy and no key is an error.
    Hash,
    /// Replace a phone, ID or bank card number by a made-up number of the
    /// same kind, byte length and layout that passes the kind's check
    /// (`138 1234 5678` becomes something like `154 0372 9185`), the same
    /// for the same value and [`crate::Builder::hash_key`]. Fakes come from
    /// ranges no real number uses: mobile segment `154`, ID region `90`,
    /// card numbers starting with `9`; landlines and 400/800 numbers keep
    /// their area code or prefix. Other kinds are masked as by
    /// [`Policy::Full`]. Needs a key, like [`Policy::Hash`].
    Fake,
}

/// Longest tag text accepted, in bytes.
pub const MAX_TAG_LEN: usize = 64;

impl Policy {
    /// A [`Policy::Tag`] with the given text.
    pub fn tag(text: impl Into<Cow<'static, str>>) -> Policy {
        Policy::Tag(text.into())
    }

    /// Whether the output of this policy has the input's byte length.
    pub fn is_length_preserving(&self) -> bool {
        matches!(self, Policy::Conventional | Policy::Partial { .. } | Policy::Full | Policy::Fake)
    }
}

impl Policy {
    /// Reads a policy as the command line, the configuration file and the
    /// C API write it: `conventional`, `full`, `remove`, `hash`, `fake`,
    /// `keep:HEAD:TAIL`
    /// (counts from 0 to 255), `tag:TEXT` (at most [`MAX_TAG_LEN`] bytes),
    /// or `tag`, which stands for `default_tag`.
    ///
    /// ```
    /// use tuomin::Policy;
    ///
    /// assert_eq!(Policy::from_spec("keep:3:4", || Policy::tag("[电话]")), Ok(Policy::Partial { head: 3, tail: 4 }));
    /// assert_eq!(Policy::from_spec("tag", || Policy::tag("[电话]")), Ok(Policy::tag("[电话]")));
    /// assert!(Policy::from_spec("blur", || Policy::Full).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A message saying what is wrong and what is accepted.
    pub fn from_spec(spec: &str, default_tag: impl FnOnce() -> Policy) -> Result<Policy, String> {
        match spec {
            "conventional" => Ok(Policy::Conventional),
            "full" => Ok(Policy::Full),
            "remove" => Ok(Policy::Remove),
            "hash" => Ok(Policy::Hash),
            "fake" => Ok(Policy::Fake),
            "tag" => Ok(default_tag()),
            _ => {
                if let Some(text) = spec.strip_prefix("tag:") {
                    if text.len() > MAX_TAG_LEN {
                        return Err(format!("a tag is at most {MAX_TAG_LEN} bytes long; this one is {}", text.len()));
                    }
                    return Ok(Policy::tag(text.to_string()));
                }
                let Some(counts) = spec.strip_prefix("keep:") else {
                    return Err(format!(
                        "unknown policy {spec:?} (known: conventional, full, remove, hash, fake, tag, tag:TEXT, \
                         keep:HEAD:TAIL)"
                    ));
                };
                let (head, tail) = counts.split_once(':').ok_or("expected keep:HEAD:TAIL, such as keep:3:4")?;
                let count = |n: &str| {
                    n.parse::<u8>()
                        .ok()
                        .filter(|_| n.bytes().all(|b| b.is_ascii_digit()))
                        .ok_or_else(|| format!("{n:?} is not a count from 0 to 255"))
                };
                Ok(Policy::Partial { head: count(head)?, tail: count(tail)? })
            }
        }
    }
}

/// Named sets of policies, one per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Preset {
    /// [`Policy::Conventional`] for every kind.
    #[default]
    Conventional,
    /// [`Policy::Full`] for every kind.
    Full,
    /// Chinese tags: `[电话号码]`, `[身份证号]`, `[银行卡号]`, `[地址]`.
    TagChinese,
    /// English tags: `[PHONE]`, `[ID_CARD]`, `[BANK_CARD]`, `[ADDRESS]`.
    TagEnglish,
    /// [`Policy::Remove`] for every kind.
    Remove,
    /// [`Policy::Hash`] for every kind (needs [`crate::Builder::hash_key`]).
    Hash,
}

impl Preset {
    /// The policy this preset gives `kind`.
    pub fn policy(self, kind: Kind) -> Policy {
        match self {
            Preset::Conventional => Policy::Conventional,
            Preset::Full => Policy::Full,
            Preset::Remove => Policy::Remove,
            Preset::Hash => Policy::Hash,
            Preset::TagChinese => Policy::tag(match kind {
                Kind::Phone => "[电话号码]",
                Kind::IdCard => "[身份证号]",
                Kind::BankCard => "[银行卡号]",
                Kind::Address => "[地址]",
                Kind::VerificationCode => "[验证码]",
                Kind::Password => "[密码]",
                Kind::CardSecurityCode => "[安全码]",
                Kind::CardExpiry => "[有效期]",
                Kind::Passport => "[护照号]",
                Kind::TravelPermit => "[通行证号]",
                Kind::HkId => "[香港身份证号]",
                Kind::MacaoId => "[澳门身份证号]",
                Kind::TaiwanId => "[台湾身份证号]",
                Kind::MilitaryId => "[军官证号]",
                Kind::Email => "[邮箱]",
                Kind::Qq => "[QQ号]",
                Kind::WeChat => "[微信号]",
                Kind::IpAddress => "[IP地址]",
                Kind::LicensePlate => "[车牌号]",
                Kind::Name => "[姓名]",
                Kind::Custom => "[自定义]",
            }),
            Preset::TagEnglish => Policy::tag(match kind {
                Kind::Phone => "[PHONE]",
                Kind::IdCard => "[ID_CARD]",
                Kind::BankCard => "[BANK_CARD]",
                Kind::Address => "[ADDRESS]",
                Kind::VerificationCode => "[VERIFICATION_CODE]",
                Kind::Password => "[PASSWORD]",
                Kind::CardSecurityCode => "[CARD_SECURITY_CODE]",
                Kind::CardExpiry => "[CARD_EXPIRY]",
                Kind::Passport => "[PASSPORT]",
                Kind::TravelPermit => "[TRAVEL_PERMIT]",
                Kind::HkId => "[HK_ID]",
                Kind::MacaoId => "[MACAO_ID]",
                Kind::TaiwanId => "[TAIWAN_ID]",
                Kind::MilitaryId => "[MILITARY_ID]",
                Kind::Email => "[EMAIL]",
                Kind::Qq => "[QQ]",
                Kind::WeChat => "[WECHAT]",
                Kind::IpAddress => "[IP_ADDRESS]",
                Kind::LicensePlate => "[LICENSE_PLATE]",
                Kind::Name => "[NAME]",
                Kind::Custom => "[CUSTOM]",
            }),
        }
    }

    /// The stable name: `conventional`, `full`, `tag`, `tag-en`, `remove`,
    /// `hash`.
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Conventional => "conventional",
            Preset::Full => "full",
            Preset::TagChinese => "tag",
            Preset::TagEnglish => "tag-en",
            Preset::Remove => "remove",
            Preset::Hash => "hash",
        }
    }

    /// Every preset.
    pub const ALL: [Preset; 6] =
        [Preset::Conventional, Preset::Full, Preset::TagChinese, Preset::TagEnglish, Preset::Remove, Preset::Hash];

    /// Parses a name produced by [`Preset::name`].
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }
}

const MASK_ASCII: u8 = b'*';
const MASK_WIDE: [u8; 3] = *"＊".as_bytes().first_chunk().expect("＊ is three bytes");

/// The unit starting at `i`, with its value and byte length.
fn unit_at(span: &[u8], i: usize) -> Option<(u8, usize)> {
    digit_at(span, i).or_else(|| check_x_at(span, i)).map(|u| (u.value, usize::from(u.len)))
}

/// How many units at each end a length-preserving policy keeps.
fn kept(policy: &Policy, m: &Match, units: &[u8]) -> (usize, usize) {
    let n = units.len();
    let (head, tail) = match policy {
        Policy::Partial { head, tail } => (usize::from(*head), usize::from(*tail)),
        Policy::Conventional => match m.sub_kind() {
            SubKind::Mobile | SubKind::Service => (3, 4),
            SubKind::Landline if n >= 2 => (area_code_len(units[0], units[1]), 2),
            SubKind::Id18 | SubKind::Id15 => (1, 2),
            SubKind::Card => (6, 4),
            _ => (0, 0),
        },
        _ => (0, 0),
    };
    if head + tail >= n { (0, 0) } else { (head, tail) }
}

/// Masks, in place, a match of a kind written with letters as well as
/// digits (codes, passwords, document numbers, handles): its *units* are
/// ASCII letters and digits and every other character but punctuation.
///
/// The conventional policy keeps:
///
/// | kind | kept | example |
/// |---|---|---|
/// | codes, passwords, security codes, expiry dates | nothing | `******` |
/// | passports, permits, other ID numbers | first 1, last 2 | `E******78` |
/// | email | first character, and the domain | `z*******@qq.com` |
/// | QQ, WeChat | first 1, last 1 | `1*******9`, `z*********8` |
/// | IP address | first two groups | `192.168.*.**` |
/// | licence plate | first 2, last 1 | `京A****5` |
/// | name | the surname | `张**` |
///
/// A WeChat ID is one word, so its `_` and `-` are masked like its letters
/// (`zhang_wei-88` gives `z**********8`); an email's domain starts at `@`,
/// a full-width `＠` or a `#` written for it.
fn mask_chars(policy: &Policy, m: &Match, span: &mut [u8]) {
    let mut body_start = 0;
    let mut body_end = span.len();
    let every_char = m.kind() == Kind::WeChat;
    let (head, tail) = match policy {
        Policy::Partial { head, tail } => (usize::from(*head), usize::from(*tail)),
        Policy::Conventional => match m.kind() {
            Kind::Passport | Kind::TravelPermit | Kind::HkId | Kind::MacaoId | Kind::TaiwanId | Kind::MilitaryId => {
                (1, 2)
            }
            Kind::Qq | Kind::WeChat => (1, 1),
            Kind::LicensePlate => (2, 1),
            Kind::Email => {
                body_end = at_sign(span).unwrap_or(span.len());
                (1, 0)
            }
            Kind::Name => {
                body_start = m.lead();
                (0, 0)
            }
            Kind::IpAddress => {
                // Keep the network part: the first two groups.
                let mut groups = 0;
                for (i, &b) in span.iter().enumerate() {
                    if b == b'.' || b == b':' {
                        groups += 1;
                        if groups == 2 {
                            body_start = i;
                            break;
                        }
                    }
                }
                (0, 0)
            }
            _ => (0, 0),
        },
        _ => (0, 0),
    };
    let body = &mut span[body_start..body_end];
    let units: Vec<(usize, usize)> =
        if every_char { every_char_of(body).collect() } else { char_units(body).collect() };
    let n = units.len();
    let (head, tail) = if head + tail >= n { (0, 0) } else { (head, tail) };
    for (k, &(at, len)) in units.iter().enumerate() {
        if k >= head && k + tail < n {
            write_mask(&mut body[at..at + len]);
        }
    }
}

/// Offsets and lengths of the units of a character-masked match: ASCII
/// letters and digits, and characters outside ASCII but for punctuation
/// and spaces.
fn char_units(body: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    const PUNCTUATION: [&str; 12] = ["　", "，", "、", "：", "（", "）", "·", "・", "－", "。", "【", "】"];
    let mut i = 0;
    core::iter::from_fn(move || {
        loop {
            let len = char_len(body, i)?;
            let at = i;
            i += len;
            let c = &body[at..at + len];
            let unit =
                if len == 1 { c[0].is_ascii_alphanumeric() } else { !PUNCTUATION.iter().any(|p| p.as_bytes() == c) };
            if unit {
                return Some((at, len));
            }
        }
    })
}

/// Offset of the first `@`, full-width `＠` or `#` written for it
/// (`xiaohong#qq.com`) in an email address.
fn at_sign(span: &[u8]) -> Option<usize> {
    const WIDE: &[u8] = "＠".as_bytes();
    (0..span.len()).find(|&i| matches!(span[i], b'@' | b'#') || span[i..].starts_with(WIDE))
}

/// Offsets and lengths of every character of `body`.
fn every_char_of(body: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    core::iter::from_fn(move || {
        let len = char_len(body, i)?;
        let at = i;
        i += len;
        Some((at, len))
    })
}

/// Masks, in place, an address: every character but separators, after the
/// division names the conventional policy keeps (`北京市朝阳区＊＊＊＊＊`).
fn mask_address(policy: &Policy, m: &Match, span: &mut [u8]) {
    let keep_from = if *policy == Policy::Conventional { m.lead() } else { 0 };
    let body = &mut span[keep_from..];
    let n = address_chars(body).count();
    let (head, tail) = match policy {
        Policy::Partial { head, tail } if usize::from(*head) + usize::from(*tail) < n => {
            (usize::from(*head), usize::from(*tail))
        }
        _ => (0, 0),
    };
    let mut i = 0;
    let mut k = 0;
    while let Some(len) = char_len(body, i) {
        if !is_separator(&body[i..i + len]) {
            if k >= head && k + tail < n {
                write_mask(&mut body[i..i + len]);
            }
            k += 1;
        }
        i += len;
    }
}

/// Offsets of the characters of an address that are not separators.
fn address_chars(body: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut i = 0;
    core::iter::from_fn(move || {
        loop {
            let len = char_len(body, i)?;
            let at = i;
            i += len;
            if !is_separator(&body[at..at + len]) {
                return Some(at);
            }
        }
    })
}

/// Separators between address parts, which masks leave in place.
fn is_separator(c: &[u8]) -> bool {
    [" ", ",", "，", "、", "\u{3000}"].iter().any(|s| s.as_bytes() == c)
}

/// Overwrites one character with mask characters of the same byte length.
fn write_mask(c: &mut [u8]) {
    match c.len() {
        3 => c.copy_from_slice(&MASK_WIDE),
        4 => {
            c[..3].copy_from_slice(&MASK_WIDE);
            c[3] = MASK_ASCII;
        }
        _ => c.fill(MASK_ASCII),
    }
}

/// Byte length of the character at `i` (1 for a byte that starts none).
fn char_len(span: &[u8], i: usize) -> Option<usize> {
    let b = *span.get(i)?;
    let len = crate::scan::units::utf8_len(b).unwrap_or(1);
    Some(if i + len <= span.len() { len } else { 1 })
}

/// Masks, in place, the units of a match's bytes under a length-preserving
/// policy. `span` is exactly the match's bytes.
pub(crate) fn mask_in_place(policy: &Policy, m: &Match, span: &mut [u8]) {
    match m.kind() {
        Kind::Address => return mask_address(policy, m, span),
        Kind::Phone | Kind::IdCard | Kind::BankCard => {}
        _ => return mask_chars(policy, m, span),
    }
    let body = &mut span[m.lead()..];
    // Values of the units, for the landline area code and the count.
    let mut values = [0u8; crate::scan::token::MAX_UNITS + 8];
    let mut n = 0;
    let mut i = 0;
    while i < body.len() {
        match unit_at(body, i) {
            Some((v, len)) => {
                if n < values.len() {
                    values[n] = v;
                }
                n += 1;
                i += len;
            }
            None => i += 1,
        }
    }
    let (head, tail) = kept(policy, m, &values[..n.min(values.len())]);
    let (head, tail) = if n > values.len() { (0, 0) } else { (head, tail) };
    let mut k = 0;
    let mut i = 0;
    while i < body.len() {
        let Some((_, len)) = unit_at(body, i) else {
            i += 1;
            continue;
        };
        if k >= head && k + tail < n {
            if len == 1 {
                body[i] = MASK_ASCII;
            } else {
                body[i..i + 3].copy_from_slice(&MASK_WIDE);
            }
        }
        k += 1;
        i += len;
    }
}

/// Appends the replacement for a match whose bytes are `span`.
/// [`Policy::Hash`] and [`Policy::Fake`] need the redactor's key and are
/// written by the redactor; here they fall back to a full mask, so a value
/// never leaks.
pub(crate) fn write_replacement(policy: &Policy, m: &Match, span: &[u8], out: &mut Vec<u8>) {
    match policy {
        Policy::Tag(text) => out.extend_from_slice(text.as_bytes()),
        Policy::Remove => {}
        _ => {
            let at = out.len();
            out.extend_from_slice(span);
            mask_in_place(policy, m, &mut out[at..]);
        }
    }
}
