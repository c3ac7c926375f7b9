//! Secrets customers must never share: SMS verification codes, passwords
//! and PINs, card security codes and card expiry dates.
//!
//! Every match follows a word announcing it, and only the value is
//! reported: the word stays visible (`验证码：******`, `CVV ***`). Between
//! the word and the value there may be a little *filler*, at most six
//! pieces: spaces, colons and `=`, opening quotes and brackets, one comma,
//! `是`, `为`, `就是`, `应该是`, hesitations (`嗯`, `呃`, `那个`, `我说一下`), the
//! English `is`, `code`, `number`, `date`, and a few phrases per kind
//! (`收到了` and `发给你` for codes, `改成` and `设置为` for passwords, `至` and `到` for
//! expiry dates). Anything else between the word and a value (`验证码发不出来`,
//! `密码错误3次`, `有效期三年`) means the word is not announcing a value.
//!
//! Values are read in every form numbers take in chat: ASCII or full-width
//! digits, Chinese numerals read digit by digit (`幺二三四五六`), one digit
//! per space or comma as speech recognition writes them (`四 八 二 九 一 三`),
//! and short groups split by spaces (`482 913`). A value ends where its
//! number ends, and is dropped when what follows makes it part of something
//! else: an ASCII letter, a decimal point, a date or time separator followed
//! by a digit (`2024-01-08`, `12:30`), or a unit (`元`, `年`, `次`, `位`, `%`,
//! ...). A group of at least five digits followed by another number after
//! a space is still taken on its own (`验证码是604935 2024.01.08下的单`); a
//! shorter one joined to more groups must make a value with them or
//! nothing.
//!
//! | kind | words | value |
//! |---|---|---|
//! | verification code | `验证码`, `校验码`, `动态码`, `短信码`, `动态密码`, `短信密码`, `动态口令`, `OTP`, `verification code`, `verify code`, `SMS code` | 4–8 digits, or 4–8 ASCII letters and digits with at least one of each |
//! | password | `密码` (`支付密码`, `取款密码`, ...), `PIN`, `password`, `passwd`, `pwd` | 4–12 digits but not an 11-digit mobile number, or 4–20 ASCII characters with letters and digits (`!@#$%^&*_-+=.~?` inside) |
//! | card security code | `CVV`, `CVN`, `CVC` (with an optional `2`); `安全码` and `security code` with card context; `背面`/`背后` of a card with a word for the number (`卡背后三位`, `卡片背面的安全码`) | 3 digits; 4 with American Express context (`运通`, `AMEX`) |
//! | card expiry | `有效期`, `有效日期`, `到期时间`, `到期日`, `expiry`, `expires`, `expiration`, `exp`, `valid thru`, `valid through`, `good thru`, with card context | month and year: `08/27`, `8/2027`, `08-27`, `0827`, `2027/08`, `2027年8月`, `27年8月`, `零八 二七` |
//!
//! **Card context** is one of: a card word anywhere in the window
//! (`信用卡`, `银行卡`, `借记卡`, `储蓄卡`, `工行卡` and other `行卡`, `卡号`,
//! `卡片`, `卡背`, `这张卡`, `card`, `Visa`, `万事达`, `银联`, `运通`, `CVV`, ...), a
//! card number (16–19 digits, possibly grouped or partly masked) in the
//! window, `卡` right before the word (`卡有效期`, `卡的有效期`), or a match
//! (the card number itself, usually) ending right before the word with
//! nothing but punctuation or `的`/`卡` between; for an expiry date, that
//! last one only when the date is written month first as on a card
//! (`08/27`, not `2030年5月`, which follows passport and permit numbers too).
//! A security code word (`CVV`, `安全码`, `背面三位`) in the window is card
//! context for an expiry date, and an expiry date after its word is card
//! context for a security code. The text just before the word
//! (up to twelve characters, back to the last full stop) names what the
//! code or date belongs to; when it names something else (`会员`, `身份证`,
//! `护照`, `优惠券`, `额度`, `快递`, ...) and no card word comes after that,
//! there is no match. So `会员有效期至2025年12月`, `快递柜安全码 123` and
//! `身份证有效期2020.01.01-2040.01.01` stay as they are.
//!
//! The span is the value, plus an opening bracket right before it
//! (`验证码（482913）` masks to `验证码（******）`): the number scan claims such
//! a bracket for the number after it, and a match must start no later than
//! the number the scan reads.
//!
//! An invoice's `校验码` is not a secret (`发票校验码`), nor is the number a
//! code came from (`验证码是95588发来的`), and `动态密码` and
//! `短信密码` are codes, not passwords. English words only count as whole
//! words (`PIN`, not `spin` or `pinyin`; `exp`, not `express`).
//!
//! Decisions read only the window the anchored detectors allow: from the
//! end of the last match (or [`MAX_BACK`] bytes before the word) to
//! [`AHEAD`] bytes after it.

use super::anchored::{AHEAD, Cx, Found, MAX_BACK, Trigger};
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;
use crate::scan::units::{Script, digit_at, prev_char_start, utf8_len};

/// What a trigger word announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// An SMS verification code.
    Code,
    /// A password or PIN.
    Password,
    /// A card security code named by its acronym: card context by itself.
    Cvv,
    /// A word for a card security code that is used for other codes too:
    /// needs card context.
    SecurityWord,
    /// The back of a card, where the security code is printed.
    CardBack,
    /// A card expiry date.
    Expiry,
}

impl Role {
    fn kind(self) -> Kind {
        match self {
            Role::Code => Kind::VerificationCode,
            Role::Password => Kind::Password,
            Role::Cvv | Role::SecurityWord | Role::CardBack => Kind::CardSecurityCode,
            Role::Expiry => Kind::CardExpiry,
        }
    }

    fn sub_kind(self) -> SubKind {
        match self {
            Role::Code => SubKind::VerificationCode,
            Role::Password => SubKind::Password,
            Role::Cvv | Role::SecurityWord | Role::CardBack => SubKind::CardSecurityCode,
            Role::Expiry => SubKind::CardExpiry,
        }
    }
}

/// Trigger words, the characters that must come right before each and
/// the endings one of which must come right after it (the rest of the
/// word), and what the word announces. A word is searched for from a
/// character other than its first when the first is common in ordinary
/// text (`有`, `到`, `安`, `动`, `短`), and by its first part when it is long
/// (`verif` for `verification code`): the search stops at fewer places and
/// its automaton stays small. ASCII words are matched without regard to
/// case, and only as whole words.
const TABLE: [(&str, &str, &[&str], Role); 29] = [
    ("验证码", "", &[], Role::Code),
    ("校验码", "", &[], Role::Code),
    ("态码", "动", &[], Role::Code),
    ("信码", "短", &[], Role::Code),
    ("态密码", "动", &[], Role::Code),
    ("信密码", "短", &[], Role::Code),
    ("态口令", "动", &[], Role::Code),
    ("otp", "", &[], Role::Code),
    ("verif", "", &["ication code", "y code"], Role::Code),
    ("sms code", "", &[], Role::Code),
    ("密码", "", &[], Role::Password),
    ("pin", "", &[], Role::Password),
    ("passw", "", &["ord", "d"], Role::Password),
    ("pwd", "", &[], Role::Password),
    ("cvv", "", &[], Role::Cvv),
    ("cvn", "", &[], Role::Cvv),
    ("cvc", "", &[], Role::Cvv),
    ("全码", "安", &[], Role::SecurityWord),
    ("security", "", &[" code"], Role::SecurityWord),
    ("背面", "", &[], Role::CardBack),
    ("背后", "", &[], Role::CardBack),
    ("效期", "有", &[], Role::Expiry),
    ("效日期", "有", &[], Role::Expiry),
    ("期时间", "到", &[], Role::Expiry),
    ("期日期", "到", &[], Role::Expiry),
    ("期日", "到", &[], Role::Expiry),
    ("exp", "", &["iration", "iry", "ires", "ire", ""], Role::Expiry),
    ("valid", "", &[" through", " thru"], Role::Expiry),
    ("good thru", "", &[], Role::Expiry),
];

const fn trigger_words() -> [&'static str; TABLE.len()] {
    let mut words = [""; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        words[i] = TABLE[i].0;
        i += 1;
    }
    words
}

const WORDS: [&str; TABLE.len()] = trigger_words();

/// Words or characters next to every match of this family.
pub(crate) const TRIGGERS: &[&str] = &WORDS;

/// Most pieces of filler between a word and its value.
const MAX_FILLER: usize = 6;

/// Filler allowed between any word and its value, one character each.
fn filler_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{3000}'
            | '\u{a0}'
            | ':'
            | '：'
            | '='
            | '＝'
            | '是'
            | '为'
            | '為'
            | '嗯'
            | '呃'
            | '额'
            | '啊'
            | '哦'
            | '呢'
            | '“'
            | '"'
            | '「'
            | '【'
            | '['
            | '('
            | '（'
            | '\''
            | '‘'
    )
}

/// Filler phrases allowed between any word and its value.
const FILLER_PHRASES: &[&str] = &["就是", "应该是", "好像是", "那个", "我说一下", "我念一下", "我报一下"];

/// English filler words, matched without regard to case and only as whole
/// words.
const ENGLISH_FILLER: &[&str] = &["is", "was", "code", "number", "date", "num", "#"];

/// Filler for one role only.
const CODE_FILLER: &[&str] =
    &["收到了", "收到的是", "收到", "发来了", "发过来了", "来了", "发给你", "发你", "给你", "了", "码"];
const PASSWORD_FILLER: &[&str] = &[
    "改成了",
    "改成",
    "改为",
    "换成了",
    "换成",
    "设置为",
    "设置成",
    "设为",
    "设成",
    "设的是",
    "设的",
    "我设的",
    "我设置的",
    "码",
    "号",
];
const CVV_FILLER: &[&str] = &["码", "号"];
const EXPIRY_FILLER: &[&str] = &["截止到", "截止", "截至", "到期", "至", "到", "止"];

/// Characters after a number that make it an amount, a date, a count or a
/// measure rather than a secret.
fn unit_char(c: char) -> bool {
    matches!(
        c,
        '元' | '块'
            | '万'
            | '亿'
            | '千'
            | '百'
            | '年'
            | '月'
            | '日'
            | '号'
            | '点'
            | '时'
            | '分'
            | '秒'
            | '次'
            | '个'
            | '位'
            | '天'
            | '岁'
            | '%'
            | '％'
            | '折'
            | '件'
            | '张'
            | '条'
            | '人'
            | '周'
            | '期'
            | '楼'
            | '层'
            | '室'
            | '米'
            | '斤'
            | '克'
            | '毛'
            | '角'
    )
}

/// Words that make a card context.
const CARD_WORDS: Words = Words::new(&[
    "信用卡",
    "行卡",
    "借记卡",
    "储蓄卡",
    "贷记卡",
    "卡号",
    "卡片",
    "卡面",
    "卡背",
    "卡上",
    "张卡",
    "该卡",
    "此卡",
    "这卡",
    "visa",
    "mastercard",
    "master card",
    "万事达",
    "银联",
    "运通",
    "amex",
    "jcb",
    "card",
    "cvv",
    "cvn",
    "cvc",
]);

/// What an expiry date may belong to besides a payment card.
const EXPIRY_OTHER: Words = Words::new(&[
    "会员",
    "身份证",
    "证件",
    "护照",
    "驾照",
    "驾驶证",
    "行驶证",
    "签证",
    "通行证",
    "执照",
    "居住证",
    "许可证",
    "证书",
    "优惠",
    "券",
    "积分",
    "套餐",
    "流量",
    "保修",
    "质保",
    "保质",
    "合同",
    "协议",
    "额度",
    "分期",
    "还款",
    "账单",
    "活动",
    "权益",
    "红包",
    "手机卡",
    "电话卡",
    "sim",
    "公交",
    "交通卡",
    "门禁",
    "购物卡",
    "礼品卡",
    "储值",
    "年卡",
    "月卡",
    "次卡",
    "健身",
    "医保",
    "社保",
    "药",
    "食品",
    "报价",
    "链接",
    "二维码",
    "验证码",
    "密码",
    "口令",
    "授权",
    "试用",
    "体验",
    "vip",
    "会籍",
    "账号",
]);

/// Words for a card security code: card context for an expiry date.
const SECURITY_WORDS: Words =
    Words::new(&["cvv", "cvn", "cvc", "安全码", "背面三位", "背后三位", "背面的三位", "背后的三位"]);

/// What a `安全码` may belong to besides a payment card.
const SECURITY_OTHER: Words = Words::new(&[
    "快递",
    "包裹",
    "取件",
    "门禁",
    "门锁",
    "路由",
    "wifi",
    "防伪",
    "账号",
    "游戏",
    "保险箱",
    "手机",
    "电话",
    "身份证",
    "登录",
    "app",
    "系统",
    "u盾",
    "令牌",
    "会员",
    "礼品卡",
    "购物卡",
    "储值",
    "网络",
    "电脑",
]);

/// What a verification-code word may belong to that is not sent by text
/// message.
const CODE_OTHER: Words = Words::new(&["发票", "身份证"]);

/// Words for the number on the back of a card.
const BACK_WORDS: &[&str] = &[
    "签名栏",
    "签名条",
    "签名处",
    "三位数字",
    "三位数",
    "三位",
    "3位数字",
    "3位数",
    "3位",
    "三个数字",
    "三个数",
    "3个数字",
    "数字",
    "安全码",
    "验证码",
    "cvv2",
    "cvv",
    "cvn2",
    "cvn",
    "cvc2",
    "cvc",
    "号码",
    "码",
];

/// Small words around [`BACK_WORDS`] (`背面的那三位`, `背后最后三位`).
const BACK_FILLER: &[&str] = &["的", "那", "最后", "后", "末", "上", "写着", "写的", "印着", "印的", "有", " "];

/// American Express context: its security code has four digits.
const AMEX_WORDS: Words = Words::new(&["运通", "amex", "american express", "ae卡"]);

/// Letters-and-digits words that are not secrets.
const COMMON_WORDS: &[&str] = &[
    "mp3", "mp4", "win7", "win8", "win10", "win11", "wifi5", "wifi6", "html5", "h5", "4g", "5g", "b2b", "b2c", "o2o",
    "p2p", "covid19", "top10", "top100", "ps4", "ps5", "xbox360", "ios15", "ios16", "ios17", "ios18", "a4", "a3",
    "2fa",
];

/// Units written in letters after a number (`5min`, `60s`).
const LETTER_UNITS: &[&str] = &[
    "s", "sec", "secs", "min", "mins", "h", "hr", "hrs", "ms", "d", "day", "days", "m", "k", "kb", "mb", "gb", "g",
    "w", "x", "px", "cm", "mm", "km", "kg", "am", "pm", "th", "st", "nd", "rd", "ml", "l", "v", "y", "yr", "yrs",
];

/// The match next to trigger `t`, if any.
pub(crate) fn check(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    let (word, before, endings, role) = TABLE[t.index];
    let kind = role.kind();
    if !cx.kinds.contains(kind) {
        return None;
    }
    let lo = cx.floor.max(t.start.saturating_sub(MAX_BACK));
    let start = t.start.checked_sub(before.len()).filter(|&s| s >= lo && cx.hay[s..t.start] == *before.as_bytes())?;
    let w = Win { hay: cx.hay, lo, hi: (t.end + AHEAD).min(cx.hay.len()), floor: cx.floor, start };
    let mut after = t.end;
    if word.as_bytes()[0].is_ascii_alphabetic() {
        if w.ascii_alpha_before(t.start) {
            return None;
        }
        if role == Role::Cvv && w.byte(after) == Some(b'2') && w.digit(after + 1).is_none() {
            // CVV2, CVN2, CVC2.
            after += 1;
        }
        if !endings.is_empty() {
            after += w.word_at(after, endings)?.len();
        }
        if w.byte(after).is_some_and(|b| b.is_ascii_alphabetic()) {
            return None;
        }
    }
    let (start, end) = match role {
        Role::Code => code(&w, after)?,
        Role::Password => password(&w, after)?,
        Role::Cvv => security_code(&w, skip_filler(&w, after, CVV_FILLER))?,
        Role::SecurityWord => {
            let span = security_code(&w, skip_filler(&w, after, CVV_FILLER))?;
            security_context(&w).then_some(span)?
        }
        Role::CardBack => card_back(&w, after)?,
        Role::Expiry => expiry(&w, after)?,
    };
    let start = bracket_start(&w, after, start);
    Some(Found { kind, sub_kind: role.sub_kind(), evidence: Evidence::Context, start, end, lead: 0 })
}

/// Where the span of a value starting at `start` begins: the value itself,
/// or the opening brackets right before it (`验证码（482913）`).
///
/// The number scan reads such a character as the start of the number after
/// it (`(021)`), reads that number first, and resumes after it when it is
/// not a phone, card or ID number; a span starting at the value would be
/// passed over. Masks leave brackets as they are.
fn bracket_start(w: &Win<'_>, after: usize, start: usize) -> usize {
    let mut s = start;
    for _ in 0..2 {
        match prev_char_start(w.hay, s, after) {
            Some(c) if ["(", "（", "【"].iter().any(|b| w.at(c, b)) => s = c,
            _ => break,
        }
    }
    s
}

/// Where a match whose trigger has not arrived yet may start in the
/// unfinished tail of `hay` (`hay.len()` when nowhere): nowhere, since every
/// match starts after its word.
pub(crate) fn tail_hold(hay: &[u8], _floor: usize) -> usize {
    hay.len()
}

/// The bytes a decision about one trigger may read: `hay[lo..hi]`.
struct Win<'h> {
    hay: &'h [u8],
    lo: usize,
    hi: usize,
    floor: usize,
    /// Where the word announcing the value starts (the trigger, or the
    /// characters required before it).
    start: usize,
}

impl<'h> Win<'h> {
    fn byte(&self, i: usize) -> Option<u8> {
        (i >= self.lo && i < self.hi).then(|| self.hay[i])
    }

    /// Whether `s` starts at `i` (ASCII letters in either case).
    fn at(&self, i: usize, s: &str) -> bool {
        i + s.len() <= self.hi && self.hay[i..i + s.len()].eq_ignore_ascii_case(s.as_bytes())
    }

    /// The first of `words` that starts at `i`.
    fn word_at(&self, i: usize, words: &[&'static str]) -> Option<&'static str> {
        words.iter().copied().find(|word| self.at(i, word))
    }

    /// The first of a filtered list of words that starts at `i`.
    fn word_in(&self, i: usize, words: &Words) -> Option<&'static str> {
        if i + 3 > self.hi {
            return None;
        }
        let f = fingerprint(self.hay[i], self.hay[i + 1], self.hay[i + 2]);
        if words.filter[f / 64] & (1 << (f % 64)) == 0 {
            return None;
        }
        self.word_at(i, words.list)
    }

    /// The digit or numeral at `i`.
    fn digit(&self, i: usize) -> Option<crate::scan::units::Unit> {
        if i >= self.hi {
            return None;
        }
        digit_at(&self.hay[..self.hi], i)
    }

    /// The character at `i` and its byte length, if it is complete in the
    /// window.
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        let len = self.char_len(i)?;
        let c = core::str::from_utf8(&self.hay[i..i + len]).ok()?.chars().next()?;
        Some((c, len))
    }

    /// Byte length of the character at `i`, if it is complete in the window.
    fn char_len(&self, i: usize) -> Option<usize> {
        let len = utf8_len(self.byte(i)?)?;
        (i + len <= self.hi).then_some(len)
    }

    fn ascii_alpha_before(&self, i: usize) -> bool {
        i > self.lo && self.hay[i - 1].is_ascii_alphabetic()
    }

    /// Whether the text right before the trigger, back to the last full
    /// stop and at most [`SUBJECT_BYTES`] bytes, names one of `others` with
    /// no card word after it.
    fn subject_names(&self, others: &Words) -> bool {
        let mut other_end = None;
        let mut i = self.subject_start();
        while i < self.start {
            if let Some(word) = self.word_in(i, others) {
                other_end = Some(i + word.len());
            }
            i += self.char_len(i).unwrap_or(1);
        }
        let Some(mut i) = other_end else { return false };
        while i < self.start {
            if self.word_in(i, &CARD_WORDS).is_some() {
                return false;
            }
            i += self.char_len(i).unwrap_or(1);
        }
        true
    }

    /// Start of the text that names what the trigger belongs to.
    fn subject_start(&self) -> usize {
        let limit = self.lo.max(self.start.saturating_sub(SUBJECT_BYTES));
        let mut i = self.start;
        while let Some(c) = prev_char_start(self.hay, i, limit) {
            let stop = match &self.hay[c..i] {
                [b'!' | b'?' | b';' | b'\n'] => true,
                // 。！？；
                [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B] => true,
                _ => false,
            };
            if stop {
                break;
            }
            i = c;
        }
        i
    }

    /// Whether one of `words` occurs in the window (an ASCII word only as a
    /// whole word).
    fn has_word(&self, words: &Words) -> bool {
        let mut i = self.lo;
        while i < self.hi {
            if let Some(word) = self.word_in(i, words) {
                let ascii = word.as_bytes()[0].is_ascii_alphabetic();
                let end = i + word.len();
                let whole =
                    !ascii || (!self.ascii_alpha_before(i) && !self.byte(end).is_some_and(|b| b.is_ascii_alphabetic()));
                if whole {
                    return true;
                }
            }
            i += self.char_len(i).unwrap_or(1);
        }
        false
    }
}

/// How far back the subject of a trigger may start.
const SUBJECT_BYTES: usize = 36;

/// A list of words (three bytes or more, ASCII letters in lower case) with
/// a filter on their first three bytes, so that a search for any of them
/// at every character of a window mostly looks at one bit.
struct Words {
    list: &'static [&'static str],
    filter: [u64; 16],
}

/// The filter bit of the three bytes starting a word or a position.
const fn fingerprint(a: u8, b: u8, c: u8) -> usize {
    let h = (a.to_ascii_lowercase() as usize) * 131
        + (b.to_ascii_lowercase() as usize) * 31
        + c.to_ascii_lowercase() as usize;
    h % 1024
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        let mut filter = [0u64; 16];
        let mut k = 0;
        while k < list.len() {
            let w = list[k].as_bytes();
            assert!(w.len() >= 3, "filtered words have three bytes or more");
            let f = fingerprint(w[0], w[1], w[2]);
            filter[f / 64] |= 1 << (f % 64);
            k += 1;
        }
        Words { list, filter }
    }
}

/// Skips the filler after a word: returns where the value may start.
fn skip_filler(w: &Win<'_>, mut i: usize, extra: &[&'static str]) -> usize {
    let mut pieces = 0;
    let mut commas = 0;
    while pieces < MAX_FILLER
        && let Some((c, len)) = w.char_at(i)
    {
        if filler_char(c) {
            i += len;
        } else if commas == 0 && (c == '，' || c == ',') {
            commas += 1;
            i += len;
        } else if c.is_ascii() {
            match w.word_at(i, ENGLISH_FILLER) {
                Some(f)
                    if !w.byte(i + f.len()).is_some_and(|b| b.is_ascii_alphabetic()) && !w.ascii_alpha_before(i) =>
                {
                    i += f.len()
                }
                _ => break,
            }
        } else if let Some(f) = w.word_at(i, extra).or_else(|| w.word_at(i, FILLER_PHRASES)) {
            i += f.len();
        } else {
            break;
        }
        pieces += 1;
    }
    i
}

/// A run of digits or numerals.
#[derive(Clone, Copy, Debug, Default)]
struct Group {
    start: usize,
    end: usize,
    /// Units in it.
    n: usize,
    numeral: bool,
}

/// Most groups read for one value.
const MAX_GROUPS: usize = 12;

/// Most units in a group worth reading.
const MAX_GROUP_UNITS: usize = 24;

/// The run of digits or numerals at `i`.
fn read_group(w: &Win<'_>, i: usize) -> Option<Group> {
    let first = w.digit(i)?;
    let mut end = i + usize::from(first.len);
    let mut n = 1;
    while n < MAX_GROUP_UNITS
        && let Some(u) = w.digit(end)
        && u.script.joins(first.script)
    {
        end += usize::from(u.len);
        n += 1;
    }
    Some(Group { start: i, end, n, numeral: first.script == Script::Numeral })
}

/// Whether a number may end at `end`: not followed by a letter, a unit, a
/// decimal part, or a date or time separator and more digits.
fn edge_ok(w: &Win<'_>, end: usize, numeral: bool) -> bool {
    let Some((c, len)) = w.char_at(end) else { return true };
    if c.is_ascii_alphanumeric() || matches!(c, '_' | '*' | '＊') {
        return false;
    }
    if let Some(u) = w.digit(end) {
        // A numeral touching digits is ordinary text (`482913一直不对`).
        return !numeral && u.script == Script::Numeral;
    }
    if matches!(c, '.' | '/' | ':' | '-' | '．' | '／' | '：' | '－' | '—' | '~' | '～') {
        return !w.digit(end + len).is_some_and(|u| u.script != Script::Numeral || numeral);
    }
    !unit_char(c)
}

/// The separator between two groups of one value at `i`: `Some(true)` for
/// a comma (which joins single digits only), `Some(false)` for a space.
fn group_sep(w: &Win<'_>, i: usize) -> Option<(bool, usize)> {
    for (s, comma) in
        [(" ", false), ("\t", false), ("\u{3000}", false), ("\u{a0}", false), (",", true), ("，", true), ("、", true)]
    {
        if w.at(i, s) {
            return Some((comma, s.len()));
        }
    }
    None
}

/// The groups of a spoken or grouped number at `i` (one at least). A group
/// joins the one before it after one space (or one comma between single
/// digits), in the same script, when the number could end after it.
fn read_groups(w: &Win<'_>, i: usize) -> Option<([Group; MAX_GROUPS], usize)> {
    let mut groups = [Group::default(); MAX_GROUPS];
    groups[0] = read_group(w, i)?;
    let mut len = 1;
    while len < MAX_GROUPS {
        let last = groups[len - 1];
        let Some((comma, sep_len)) = group_sep(w, last.end) else { break };
        let Some(next) = read_group(w, last.end + sep_len) else { break };
        if next.numeral != last.numeral || (comma && (last.n > 1 || next.n > 1)) || !edge_ok(w, next.end, next.numeral)
        {
            break;
        }
        groups[len] = next;
        len += 1;
    }
    Some((groups, len))
}

/// How many units a value read from groups may have.
struct Bounds {
    min: usize,
    max: usize,
    /// Fewest units of a first group taken alone when more groups follow
    /// it (a complete value followed by another number).
    alone: usize,
}

/// The value among the groups at `i`: all of them, when they make a value
/// of the right size written one way (one digit per group, or groups of two
/// or more), or else the first group alone if long enough.
fn digits_value(w: &Win<'_>, i: usize, b: &Bounds) -> Option<(usize, usize, usize)> {
    let (groups, len) = read_groups(w, i)?;
    let groups = &groups[..len];
    let total: usize = groups.iter().map(|g| g.n).sum();
    let uniform = groups.iter().all(|g| g.n == 1) || groups.iter().all(|g| g.n >= 2);
    let first = groups[0];
    let last = groups[len - 1];
    let numeral = first.numeral;
    if (b.min..=b.max).contains(&total) && (len == 1 || uniform) && edge_ok(w, last.end, numeral) {
        return Some((first.start, last.end, total));
    }
    if len > 1 && first.n >= b.alone && first.n <= b.max && edge_ok(w, first.end, numeral) {
        return Some((first.start, first.end, first.n));
    }
    None
}

/// End of the run of ASCII letters and digits at `i`.
fn alnum_end(w: &Win<'_>, i: usize) -> usize {
    let mut e = i;
    while w.byte(e).is_some_and(|b| b.is_ascii_alphanumeric()) {
        e += 1;
    }
    e
}

/// Whether an ASCII token is a number with a unit (`5min`), a common word
/// with digits (`mp3`, `win10`) or a version (`v2.0`).
fn common_token(tok: &[u8]) -> bool {
    let lower: Vec<u8> = tok.to_ascii_lowercase();
    if COMMON_WORDS.iter().any(|c| c.as_bytes() == lower.as_slice()) {
        return true;
    }
    let digits = lower.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && LETTER_UNITS.iter().any(|u| u.as_bytes() == &lower[digits..]) {
        return true;
    }
    // A version: `v` and numbers joined by dots.
    lower.first() == Some(&b'v') && lower.len() > 1 && lower[1..].iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// A verification code after filler from `after`.
fn code(w: &Win<'_>, after: usize) -> Option<(usize, usize)> {
    let span = code_value(w, skip_filler(w, after, CODE_FILLER))?;
    // The number that sent it (`验证码是95588发来的`).
    let next = span.1 + usize::from(w.at(span.1, " "));
    let sender = w.word_at(next, &["发来", "发的", "发过来", "发送的", "打来"]).is_some();
    (!sender && !w.subject_names(&CODE_OTHER)).then_some(span)
}

/// The code at `i`: 4–8 digits, or 4–8 ASCII letters and digits.
fn code_value(w: &Win<'_>, i: usize) -> Option<(usize, usize)> {
    if w.byte(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        let e = alnum_end(w, i);
        let tok = &w.hay[i..e];
        if tok.iter().any(u8::is_ascii_alphabetic) {
            // Letters and digits: a code some services send, not glued to
            // an address, a name or an identity document.
            let glued = w.byte(e).is_some_and(|b| b == b'@' || b == b'_')
                || ([b'.', b'-'].iter().any(|&s| w.byte(e) == Some(s))
                    && w.byte(e + 1).is_some_and(|b| b.is_ascii_alphanumeric()))
                || check_character_after(w, e);
            let ok = (4..=8).contains(&tok.len()) && tok.iter().any(u8::is_ascii_digit) && !common_token(tok) && !glued;
            return ok.then_some((i, e));
        }
    }
    let (s, e, n) = digits_value(w, i, &Bounds { min: 4, max: 8, alone: 5 })?;
    if n == 8 && looks_like_date(&w.hay[s..e]) {
        return None;
    }
    Some((s, e))
}

/// Whether a bracketed character follows at `i` (`A12345(6)`): the check
/// character of an identity document, not part of a code.
fn check_character_after(w: &Win<'_>, i: usize) -> bool {
    let inner = ["(", "（"].iter().find(|b| w.at(i, b)).map(|b| i + b.len());
    inner.is_some_and(|j| {
        w.byte(j).is_some_and(|b| b.is_ascii_alphanumeric()) && [")", "）"].iter().any(|b| w.at(j + 1, b))
    })
}

/// Whether eight ASCII digits read as a date from 1900 to 2099
/// (`20240312`).
fn looks_like_date(v: &[u8]) -> bool {
    if v.len() != 8 || !v.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n = |r: core::ops::Range<usize>| v[r].iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
    let (y, m, d) = (n(0..4), n(4..6), n(6..8));
    (1900..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Symbols a password may hold besides letters and digits.
fn password_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!@#$%^&*_-+=.~?".contains(&b)
}

/// A password or PIN after filler from `after`.
fn password(w: &Win<'_>, after: usize) -> Option<(usize, usize)> {
    // `动态密码`, `短信密码` are codes; their own trigger decided them.
    let before = w.start;
    if ["动态", "短信"].iter().any(|p| before >= w.lo + p.len() && w.at(before - p.len(), p)) {
        return None;
    }
    let i = skip_filler(w, after, PASSWORD_FILLER);
    if w.byte(i).is_some_and(password_byte) {
        let mut e = i;
        while w.byte(e).is_some_and(password_byte) {
            e += 1;
        }
        // Sentence punctuation after it is not part of it.
        while e > i && b".~?!-".contains(&w.hay[e - 1]) {
            e -= 1;
        }
        let tok = &w.hay[i..e];
        if tok.iter().any(u8::is_ascii_alphabetic) {
            let at = tok.iter().position(|&b| b == b'@');
            let email = at.is_some_and(|a| tok[a..].contains(&b'.'));
            let lower = tok.to_ascii_lowercase();
            let web = lower.starts_with(b"www.") || lower.starts_with(b"http");
            let ok = (4..=20).contains(&tok.len())
                && tok.iter().any(u8::is_ascii_digit)
                && tok[0] != b'-'
                && !email
                && !web
                && !common_token(tok);
            return ok.then_some((i, e));
        }
        if !tok.iter().all(u8::is_ascii_digit) {
            // Symbols and digits only: a date, a time, an amount.
            return None;
        }
    }
    let (s, e, n) = digits_value(w, i, &Bounds { min: 4, max: 12, alone: 6 })?;
    // An 11-digit mobile number is left to the phone detector.
    let mobile = n == 11 && w.digit(s).is_some_and(|u| u.value == 1) && w.digit(s + 1).is_some_and(|u| u.value >= 3);
    (!mobile).then_some((s, e))
}

/// A card security code at `i` (filler already skipped): three digits,
/// four with American Express context.
fn security_code(w: &Win<'_>, i: usize) -> Option<(usize, usize)> {
    let (s, e, n) = digits_value(w, i, &Bounds { min: 3, max: 4, alone: usize::MAX })?;
    (n == 3 || w.has_word(&AMEX_WORDS)).then_some((s, e))
}

/// A security code after `背面`/`背后` of a card: the back of the card, a
/// word for the number on it, then the number.
fn card_back(w: &Win<'_>, after: usize) -> Option<(usize, usize)> {
    let mut i = after;
    let mut named = false;
    for _ in 0..6 {
        if let Some(word) = w.word_at(i, BACK_WORDS) {
            named = true;
            i += word.len();
        } else if let Some(word) = w.word_at(i, BACK_FILLER) {
            i += word.len();
        } else {
            break;
        }
    }
    if !named {
        return None;
    }
    let span = security_code(w, skip_filler(w, i, CVV_FILLER))?;
    security_context(w).then_some(span)
}

/// Whether a security code word that needs context has it: card context or
/// an expiry date, and nothing else named right before it.
fn security_context(w: &Win<'_>) -> bool {
    (card_context(w) || expiry_nearby(w)) && !w.subject_names(&SECURITY_OTHER)
}

/// Whether the window shows the trigger is about a payment card.
fn card_context(w: &Win<'_>) -> bool {
    card_words(w) || adjacent_match(w)
}

/// Whether the window names a card: a card word, a card number, or `卡`
/// right before the word.
fn card_words(w: &Win<'_>) -> bool {
    let t = w.start;
    let bare = ["卡", "卡的", "卡上", "卡上的", "卡片的"].iter().any(|s| t >= w.lo + s.len() && w.at(t - s.len(), s));
    bare || w.has_word(&CARD_WORDS) || card_number(w)
}

/// Whether a match ends right before the trigger, with only punctuation,
/// spaces, `的` or `卡` between: a card number the scan has already found.
fn adjacent_match(w: &Win<'_>) -> bool {
    let t = w.start;
    if w.floor <= t.saturating_sub(MAX_BACK) || t - w.floor > 12 {
        return false;
    }
    let mut i = w.floor;
    while i < t {
        let Some(s) = [" ", "\u{3000}", "，", ",", "、", "；", ";", "。", "的", "卡", "片", "(", ")", "（", "）"]
            .iter()
            .find(|s| w.at(i, s))
        else {
            return false;
        };
        i += s.len();
    }
    true
}

/// Whether the window holds a card number: 16 to 19 digits, in groups split
/// by single spaces or dashes, some of them possibly masked with `*`.
fn card_number(w: &Win<'_>) -> bool {
    let mut i = w.lo;
    let mut run = 0;
    let mut digits = 0;
    let mut gap = false;
    while i < w.hi {
        let unit = match w.digit(i) {
            Some(u) if u.script != Script::Numeral => Some((usize::from(u.len), true)),
            _ if w.hay[i] == b'*' => Some((1, false)),
            _ => None,
        };
        if let Some((len, digit)) = unit {
            run += 1;
            digits += usize::from(digit);
            gap = false;
            i += len;
            continue;
        }
        if run > 0 && !gap && (w.hay[i] == b' ' || w.hay[i] == b'-') {
            gap = true;
            i += 1;
            continue;
        }
        if (16..=19).contains(&run) && digits >= 8 {
            return true;
        }
        run = 0;
        digits = 0;
        gap = false;
        i += w.char_len(i).unwrap_or(1);
    }
    (16..=19).contains(&run) && digits >= 8
}

/// A card expiry date after filler from `after`, with card context.
fn expiry(w: &Win<'_>, after: usize) -> Option<(usize, usize)> {
    let i = skip_filler(w, after, EXPIRY_FILLER);
    let (start, end, month_first) = expiry_value(w, i)?;
    // A match ending right before the word is usually the card number, but
    // may be a passport or permit number, whose expiry dates are written
    // year first (`有效期至2030年5月`); a card's is printed month first.
    let context = card_words(w) || w.has_word(&SECURITY_WORDS) || (month_first && adjacent_match(w));
    (context && !w.subject_names(&EXPIRY_OTHER)).then_some((start, end))
}

/// Whether the window holds a card expiry date after its word: card
/// context for a security code (`有效期08/27，安全码123`).
fn expiry_nearby(w: &Win<'_>) -> bool {
    let mut i = w.lo;
    while i < w.hi {
        if let Some(word) = w.word_at(i, &["有效期", "有效日期"])
            && expiry_value(w, skip_filler(w, i + word.len(), EXPIRY_FILLER)).is_some()
        {
            return true;
        }
        i += w.char_len(i).unwrap_or(1);
    }
    false
}

/// The value of the units of a group.
fn group_value(w: &Win<'_>, g: Group) -> usize {
    let mut v = 0;
    let mut i = g.start;
    while i < g.end {
        let Some(u) = w.digit(i) else { break };
        v = v * 10 + usize::from(u.value);
        i += usize::from(u.len);
    }
    v
}

fn valid_month(m: usize) -> bool {
    (1..=12).contains(&m)
}

/// Whether a year written with `digits` digits may be on a card in use or
/// recently expired.
fn valid_year(y: usize, digits: usize) -> bool {
    match digits {
        2 => (15..=49).contains(&y),
        4 => (2015..=2049).contains(&y),
        _ => false,
    }
}

/// A month and year at `i`, and whether the month comes first: `MM/YY`,
/// `MM/YYYY`, `MMYY`, `YYYY/MM`,
/// `YYYY年MM月`, `YY年MM月`, separators `/ - . space` (full-width too), or
/// `MMYY` one digit per space.
fn expiry_value(w: &Win<'_>, i: usize) -> Option<(usize, usize, bool)> {
    let a = read_group(w, i)?;
    if a.n == 1 {
        // One digit per space: `零 八 二 七`.
        let (groups, len) = read_groups(w, i)?;
        if len == 4 && groups.iter().take(4).all(|g| g.n == 1) {
            let v = groups.iter().take(4).fold(0, |v, &g| v * 10 + group_value(w, g));
            let ok = valid_month(v / 100) && valid_year(v % 100, 2) && edge_ok(w, groups[3].end, a.numeral);
            return ok.then_some((a.start, groups[3].end, true));
        }
    }
    // A separator, possibly with a space on either side of a slash.
    let mut j = a.end;
    let mut sep = None;
    for s in [" / ", " /", "/ ", "/", "／", "-", "－", ".", "．", " ", "年"] {
        if w.at(j, s) {
            sep = Some(s);
            j += s.len();
            break;
        }
    }
    let av = group_value(w, a);
    let Some(sep) = sep else {
        // `0827`: month and year in four digits.
        let ok = a.n == 4 && valid_month(av / 100) && valid_year(av % 100, 2) && edge_ok(w, a.end, a.numeral);
        return ok.then_some((a.start, a.end, true));
    };
    let b = read_group(w, j).filter(|b| b.numeral == a.numeral)?;
    let bv = group_value(w, b);
    if sep == "年" {
        let ok = valid_year(av, a.n) && (1..=2).contains(&b.n) && valid_month(bv) && w.at(b.end, "月");
        let end = b.end + "月".len();
        // Not a full date (`2027年8月31日`).
        return (ok && w.digit(end).is_none()).then_some((a.start, end, false));
    }
    let month_first = (1..=2).contains(&a.n) && valid_month(av) && valid_year(bv, b.n);
    let year_first = a.n == 4 && valid_year(av, 4) && (1..=2).contains(&b.n) && valid_month(bv);
    // Two numbers split by a space only in the short form (`08 27`).
    let spaced = sep == " " && !(a.n == 2 && b.n == 2);
    ((month_first || year_first) && !spaced && edge_ok(w, b.end, b.numeral)).then_some((a.start, b.end, month_first))
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Redactor};

    fn found(text: &str) -> Vec<(Kind, &str)> {
        let r = Redactor::new();
        r.find_iter(text)
            .filter(|m| {
                matches!(m.kind(), Kind::VerificationCode | Kind::Password | Kind::CardSecurityCode | Kind::CardExpiry)
            })
            .map(|m| (m.kind(), &text[m.range()]))
            .collect()
    }

    #[test]
    fn masks_the_value_and_keeps_the_word() {
        let r = Redactor::new();
        assert_eq!(r.redact("验证码：482913"), "验证码：******");
        assert_eq!(r.redact("验证码是幺二三四五六"), "验证码是＊＊＊＊＊＊");
        assert_eq!(r.redact("验证码 四 八 二 九 一 三"), "验证码 ＊ ＊ ＊ ＊ ＊ ＊");
        assert_eq!(r.redact("支付密码123456，别告诉别人"), "支付密码******，别告诉别人");
        assert_eq!(r.redact("password: Abc12345!"), "password: ********!");
        assert_eq!(r.redact("信用卡有效期08/27，CVV 123"), "信用卡有效期**/**，CVV ***");
        assert_eq!(r.redact("卡背后三位是５６７"), "卡背后三位是＊＊＊");
        assert_eq!(r.redact("有效期2027年8月，卡号尾号是3972"), "有效期****＊*＊，卡号尾号是3972");
    }

    #[test]
    fn finds_each_kind() {
        assert_eq!(found("验证码482913发给你了"), [(Kind::VerificationCode, "482913")]);
        assert_eq!(found("OTP is A7K29Q"), [(Kind::VerificationCode, "A7K29Q")]);
        assert_eq!(found("PIN码 1234"), [(Kind::Password, "1234")]);
        assert_eq!(found("CVV2: 321"), [(Kind::CardSecurityCode, "321")]);
        assert_eq!(found("美国运通卡 安全码 4321"), [(Kind::CardSecurityCode, "4321")]);
        assert_eq!(found("借记卡 exp 0827"), [(Kind::CardExpiry, "0827")]);
    }

    #[test]
    fn expiry_after_a_card_number_the_scan_found() {
        let text = "卡号6222020200112345679，有效期08/27";
        let r = Redactor::new();
        let kinds: Vec<Kind> = r.find_iter(text).map(|m| m.kind()).collect();
        assert_eq!(kinds, [Kind::BankCard, Kind::CardExpiry]);
    }

    #[test]
    fn leaves_words_without_values() {
        for text in [
            "验证码发不出来",
            "收不到验证码",
            "验证码错误 1234",
            "验证码 5 分钟内有效",
            "验证码 2024-01-08 发的",
            "验证码有效期5min",
            "发票校验码 123456",
            "密码忘了",
            "密码错误3次",
            "密码箱 299元",
            "密码是 v2.0",
            "密码是abc@qq.com",
            "密码 13812345678",
            "有效期三年",
            "会员有效期至2025年12月",
            "身份证有效期2020.01.01-2040.01.01",
            "有效期08/27",
            "快递柜安全码 123",
            "安全码 123",
            "CVV 1234",
            "手机后三位 123",
            "spin 1234",
            "American Express 08/27",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn kinds_turned_off_are_not_reported() {
        let r = Redactor::builder().kinds(crate::KindSet::NONE.with(Kind::Password)).build().unwrap();
        assert_eq!(r.find_iter("验证码482913，密码654321").map(|m| m.kind()).collect::<Vec<_>>(), [Kind::Password]);
    }
}
