//! Names, from a word announcing them. Best effort, and off by default
//! ([`Kind::Name`] is not in [`KindSet::DEFAULT`](crate::KindSet::DEFAULT)).
//!
//! Chinese names have no shape of their own: `张伟` is two everyday
//! characters. A name is reported only when three things hold:
//!
//! * a word announces it: before it, `我叫`, `名字叫`, `姓名：`,
//!   `收件人：`, `联系人`, `持卡人`, `户名`; after it, `先生`, `女士`,
//!   `小姐`;
//! * it starts with a surname from [`SURNAMES`] (single or compound);
//! * it ends where a name ends: the given name is one or two characters,
//!   followed by punctuation, a space, the end of the text, the honorific,
//!   or a word that commonly follows a name (`的`, `先生`, `电话`,
//!   `手机`...). `我叫张三来取` is left alone rather than guessed at.
//!
//! The conventional mask keeps the surname (`张**`); a name written as a
//! surname and an honorific alone (`王先生`) is reported (a tag replaces
//! it) but the conventional mask leaves it as it is.

use super::anchored::{Cx, Found, Trigger};
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;

/// Words or characters next to every match of this family. The first
/// [`AFTER_NAME`] entries follow the name; the rest precede it.
pub(crate) const TRIGGERS: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "我叫",
    "名字叫",
    "名字是",
    "姓名",
    "收件人",
    "收货人",
    "联系人",
    "持卡人",
    "户名",
    "开户名",
];

/// How many of [`TRIGGERS`] come after the name.
const AFTER_NAME: usize = 3;

/// Common single-character surnames (the traditional Hundred Family
/// Surnames, 百家姓, and the most frequent surnames of recent censuses;
/// public facts). Characters that are far more often function words than
/// surnames right before an honorific are left out (`家`, `老`, `小`, `位`,
/// `诸`, `那`, `都` ...: `这位先生`, `诸位女士`).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰卿狄索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓邰赫杭况宿鲜印逯隆茹慕玉银亢嵇哈湛宾戎勾茅呼揭尉冶束檀衣阴昝奉植衡尧";

/// Compound surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
    "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "呼延", "万俟", "闻人", "申屠", "太史", "钟离", "赫连", "拓跋",
    "百里", "东郭",
];

/// Characters that cannot be part of a given name: function words and
/// characters that start what usually follows a name.
const NOT_IN_NAME: &str = "的了吗呢啊呀吧哈嘛哦噢是在和与跟就也都还又我你他她它您们这那个些么什谁哪几多电手身地号码先女小姐生说讲叫姓名要想请给让把被从到来去取拿收发寄打问找看用过";

/// Words that commonly follow a name and so may end one.
const NAME_FOLLOWERS: &[&str] = &[
    "的",
    "先生",
    "女士",
    "小姐",
    "电话",
    "手机",
    "身份证",
    "地址",
    "是",
    "啊",
    "呀",
    "哈",
    "吧",
    "呢",
    "哦",
    "同学",
    "老师",
    "经理",
    "师傅",
];

/// The match next to trigger `t`, if any.
pub(crate) fn check(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    if !cx.kinds.contains(Kind::Name) {
        return None;
    }
    if t.index < AFTER_NAME { before_honorific(cx, t) } else { after_word(cx, t) }
}

/// The name after `我叫`, `姓名：` ...
fn after_word(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    let hay = cx.hay;
    let mut i = t.end;
    // `姓名：`, `收件人是 `, `我叫：`: a little filler between word and name.
    for _ in 0..2 {
        match char_at(hay, i) {
            Some((':' | '：' | ' ' | '\u{3000}' | '是' | '为', len)) => i += len,
            _ => break,
        }
    }
    let (surname_len, chars) = name_at(hay, i)?;
    let end = i + chars.iter().sum::<usize>();
    Some(found(i, end, surname_len))
}

/// The name right before `先生`, `女士`, `小姐`.
fn before_honorific(cx: &Cx<'_>, t: Trigger) -> Option<Found> {
    let hay = cx.hay;
    // Up to three characters back (a compound surname and a one-character
    // given name, or a surname and a two-character given name); the
    // longest reading that is a whole name wins.
    let mut starts = Vec::with_capacity(4);
    let mut s = t.start;
    for _ in 0..4 {
        let Some(prev) = prev_char(hay, s, cx.floor) else { break };
        s = prev;
        starts.push(s);
    }
    for &s in starts.iter().rev() {
        let Some((surname_len, chars)) = name_at(&hay[..t.end], s) else { continue };
        if s + chars.iter().sum::<usize>() != t.start {
            continue;
        }
        // A surname right after a pronoun is no surname (`她向先生`
        // reads "she, towards Mr ...").
        if let Some(p) = prev_char(hay, s, cx.floor)
            && let Some((c, _)) = char_at(hay, p)
            && matches!(c, '你' | '我' | '他' | '她' | '您')
            && chars.len() == 1
        {
            continue;
        }
        return Some(found(s, t.start, surname_len));
    }
    None
}

fn found(start: usize, end: usize, surname_len: usize) -> Found {
    Found { kind: Kind::Name, sub_kind: SubKind::Name, evidence: Evidence::Context, start, end, lead: surname_len }
}

/// A name starting at `i`: the surname's byte length and the byte length of
/// each character (surname included), when a surname starts there and a
/// whole name (surname alone before an honorific, or with a one- or
/// two-character given name) ends where a name may end.
fn name_at(hay: &[u8], i: usize) -> Option<(usize, Vec<usize>)> {
    let surname_len = COMPOUND_SURNAMES
        .iter()
        .find(|s| hay[i..].starts_with(s.as_bytes()))
        .map(|s| s.len())
        .or_else(|| char_at(hay, i).filter(|(c, _)| SURNAMES.contains(*c)).map(|(_, len)| len))?;
    let mut chars = vec![surname_len];
    let mut j = i + surname_len;
    // The given name: one or two characters, the shortest that ends where
    // a name may end.
    for _ in 0..2 {
        let (c, len) = char_at(hay, j)?;
        if !is_name_char(c) {
            break;
        }
        chars.push(len);
        j += len;
        if ends_name(hay, j) {
            return Some((surname_len, chars));
        }
    }
    // A surname alone is a name only right before an honorific.
    (chars.len() == 1 && ["先生", "女士", "小姐"].iter().any(|h| hay[j..].starts_with(h.as_bytes())))
        .then_some((surname_len, chars))
}

/// Whether a name may end right before `j`.
fn ends_name(hay: &[u8], j: usize) -> bool {
    match char_at(hay, j) {
        None => j >= hay.len(),
        Some((c, _)) if !is_cjk(c) => true,
        Some(_) => NAME_FOLLOWERS.iter().any(|w| hay[j..].starts_with(w.as_bytes())),
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_name_char(c: char) -> bool {
    is_cjk(c) && !NOT_IN_NAME.contains(c)
}

fn char_at(hay: &[u8], i: usize) -> Option<(char, usize)> {
    let len = crate::scan::units::utf8_len(*hay.get(i)?)?;
    let c = core::str::from_utf8(hay.get(i..i + len)?).ok()?.chars().next()?;
    Some((c, len))
}

fn prev_char(hay: &[u8], end: usize, floor: usize) -> Option<usize> {
    crate::scan::units::prev_char_start(hay, end, floor)
}

/// Where a name whose honorific has not arrived yet may start in the
/// unfinished tail of `hay`: the last three characters, when one of them
/// is a surname.
pub(crate) fn tail_hold(hay: &[u8], floor: usize) -> usize {
    let mut s = hay.len();
    let mut hold = hay.len();
    for _ in 0..3 {
        let Some(prev) = prev_char(hay, s, floor) else { break };
        s = prev;
        if char_at(hay, s)
            .is_some_and(|(c, _)| SURNAMES.contains(c) || COMPOUND_SURNAMES.iter().any(|cs| cs.starts_with(c)))
        {
            hold = s;
        }
    }
    hold
}

#[cfg(test)]
mod tests {
    use crate::{Kind, KindSet, Redactor};

    fn names(text: &str) -> Vec<&str> {
        let r = Redactor::builder().kinds(KindSet::ALL).build().unwrap();
        r.find_iter(text).filter(|m| m.kind() == Kind::Name).map(|m| &text[m.range()]).collect()
    }

    #[test]
    fn finds_announced_names() {
        assert_eq!(names("你好，我叫张伟，想查一下订单"), ["张伟"]);
        assert_eq!(names("姓名：欧阳娜娜"), ["欧阳娜娜"]);
        assert_eq!(names("收件人是李四 电话在上面"), ["李四"]);
        assert_eq!(names("好的王先生，马上处理"), ["王"]);
        assert_eq!(names("请问张三丰女士在吗"), ["张三丰"]);
    }

    #[test]
    fn leaves_unannounced_and_doubtful_names() {
        for text in
            ["张伟来过了", "我叫了外卖", "我叫他来", "你家先生在吗", "名字叫什么", "我叫张三来取快递", "姓名栏空着"]
        {
            assert!(names(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn off_by_default_and_keeps_the_surname() {
        assert!(Redactor::new().find_iter("我叫张伟").next().is_none());
        let r = Redactor::builder().kinds(KindSet::ALL).build().unwrap();
        assert_eq!(r.redact("我叫张伟，"), "我叫张＊，");
        assert_eq!(r.redact("我叫欧阳娜娜。"), "我叫欧阳＊＊。");
    }

    #[test]
    fn surname_tables_hold_no_duplicates_or_non_chinese() {
        let mut seen = std::collections::HashSet::new();
        for c in super::SURNAMES.chars() {
            assert!(super::is_cjk(c), "{c}");
            assert!(seen.insert(c), "{c} twice");
        }
        assert!(seen.len() >= 350);
    }
}
