//! Postal addresses: a small grammar around address details, anchored by
//! the division gazetteer.
//!
//! An address is found from its *details*: a number with an address unit
//! (`88号`, `3号楼`, `2单元`, `1102室`, `3组`, `A座`), or a village (`王庄村`).
//! From the first detail the parser reads forward over further details
//! (`3号楼2单元1102`, bare room numbers after a unit, a building name
//! followed by a detail, the name of the building or institution at a house
//! number: `颐和园路5号北京大学`, the crossing with another road:
//! `中原路和嵩山路交叉口往东50米`) and backward over the names before it (road,
//! compound, township and division names), stopping at particles and verbs
//! (`在`, `是`, `住`, `寄`, `的` ...) and punctuation. The span is kept when the
//! evidence is strong enough:
//!
//! * a number right after a road word (`建国路88号`, `张江路88弄`; after a
//!   name ending in `道` only with a full division name first:
//!   `福建省厦门市思明区鹭江道8号`), or
//! * a detail right after a compound or village word (`阳光花园3栋`,
//!   `王庄村3组`), or
//! * a division name from the gazetteer followed by a named part before the
//!   detail (`北京市朝阳区建国路...`), or a village after a division or
//!   township (`宁平镇王庄村`), or
//! * an address context word right before it (`地址是`, `寄到`).
//!
//! Division names alone (`寄到北京市朝阳区`, `我去过北京`) are never an
//! address: a detail below the district is required. A number before `号`
//! must follow a road or compound word, so dates (`18号发货`, `11月3号`) and
//! lines (`3号线`) are not details.
//!
//! Spans are at most [`MAX_ADDRESS_CHARS`] characters; the parser reads at
//! most [`MAX_BACK_CHARS`] characters before the first detail.

use super::cjk_bits::CjkBits;
use super::gazetteer::{Gazetteer, Level};
use crate::scan::context::{Cue, Hotwords};
use crate::scan::units::{prev_char_start, utf8_len};

/// Longest address span, in characters.
pub const MAX_ADDRESS_CHARS: usize = 64;

/// Most characters read before an address's first detail.
pub(crate) const MAX_BACK_CHARS: usize = 40;

/// Most characters of the number in a detail (`1102`, `B2`, `一百二十`).
const MAX_NUMBER_CHARS: usize = 6;

/// Longest building or compound name read forward between two details.
const MAX_NAME_CHARS: usize = 12;

/// What a detail names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// `88号`, `88号院`, `88弄`: a house number on a road.
    Number,
    /// `3栋`, `3幢`, `A座`, `3号楼`, `5楼`.
    Building,
    /// `2单元`.
    Unit,
    /// `12层`.
    Floor,
    /// `1102室`, `502房`, or a bare room number after a unit.
    Room,
    /// `3组`: a villagers' group.
    Group,
    /// `二期`.
    Phase,
    /// `王庄村`, `李家屯`: needs no number.
    Village,
    /// `延安路`, `淮海大道`: needs no number when a division name comes
    /// first.
    Road,
    /// `恒大名苑`, `阳光花园`: needs no number when a division name comes
    /// first.
    Compound,
    /// `街道` (a subdistrict): never a seed; listed so that its `街` is not
    /// read as a street.
    Subdistrict,
}

const UNIT_WORDS: &[(&str, Part)] = &[
    ("号院", Part::Number),
    ("号楼", Part::Building),
    ("号", Part::Number),
    ("弄", Part::Number),
    ("栋", Part::Building),
    ("幢", Part::Building),
    ("座", Part::Building),
    ("楼", Part::Building),
    ("单元", Part::Unit),
    ("支弄", Part::Number),
    ("层", Part::Floor),
    ("室", Part::Room),
    ("房", Part::Room),
    ("组", Part::Group),
    ("队", Part::Group),
    ("村民小组", Part::Group),
    ("期", Part::Phase),
    ("村委会", Part::Village),
    ("村委", Part::Village),
    ("委会", Part::Village),
    ("村", Part::Village),
    ("屯", Part::Village),
    ("大道", Part::Road),
    ("大街", Part::Road),
    ("胡同", Part::Road),
    ("路", Part::Road),
    ("街", Part::Road),
    ("巷", Part::Road),
    ("巷子", Part::Road),
    ("街道", Part::Subdistrict),
    ("区", Part::Building),
    ("小区", Part::Compound),
    ("花园", Part::Compound),
    ("家园", Part::Compound),
    ("嘉园", Part::Compound),
    ("公馆", Part::Compound),
    ("名苑", Part::Compound),
    ("雅苑", Part::Compound),
    ("花苑", Part::Compound),
    ("新村", Part::Compound),
    ("公寓", Part::Compound),
    ("大厦", Part::Compound),
    ("山庄", Part::Compound),
    ("华庭", Part::Compound),
    ("天地", Part::Compound),
];

/// Words that end a road name: a number right after one is a house number.
const ROAD_ENDS: &[char] = &['路', '街', '道', '巷', '弄', '同', '里', '段', '湾'];

/// Words that end a compound, building or village name: a detail right after
/// one is part of an address.
const PLACE_ENDS: &[char] = &[
    '区', '园', '苑', '府', '庭', '厦', '寓', '场', '心', '村', '城', '际', '楼', '馆', '墅', '院', '屯', '居', '舍',
    '宅', '坊', '湾', '岸', '邸', '阁', '轩', '台', '港', '湖', '山', '谷', '洲', '汇', '都', '邨', '所',
];

/// Characters that may end the part before a separator inside an address
/// (`广东省，深圳市`, `文三路 478号`).
const PART_ENDS: &[char] = &[
    '省', '市', '区', '县', '镇', '乡', '道', '路', '街', '巷', '号', '村', '弄', '园', '城', '苑', '厦', '寓', '场',
    '心', '旗', '盟', '州', '座', '栋', '楼', '院', '组', '室', '屯', '际', '期', '元',
];

/// Unit words read only after another part of an address (a detail, a
/// road, a village or a building name: `人民路B塔` counts too): alone they
/// are everyday words (`两门课`, `报社`, `水塔`), after `3号楼` or `红星村`
/// they are the entrance of a building (`2门`, Beijing's word for a
/// unit), a villagers' group (`4社`, Sichuan's), a tower (`B塔`) or a
/// campus dormitory (`松园3舍`, rounding's `四舍五入` alone). Not seeds, so
/// they cost nothing where no address is: a seed's search would pay for
/// `舍` on every character sharing its first bytes (`航`, `般`, `舒`).
const CHAINED_UNIT_WORDS: &[(char, Part)] =
    &[('门', Part::Unit), ('社', Part::Group), ('塔', Part::Building), ('舍', Part::Building)];

/// A unit word of [`CHAINED_UNIT_WORDS`] at `i`: its end and part.
fn chained_unit_at(hay: &[u8], i: usize) -> Option<(usize, Part)> {
    let (c, len) = char_at(hay, i)?;
    CHAINED_UNIT_WORDS.iter().find(|&&(w, _)| w == c).map(|&(_, part)| (i + len, part))
}

/// Particles, pronouns and verbs that never sit inside an address name; the
/// backward read stops at them.
const STOPPERS: &[char] = &[
    '在', '是', '到', '住', '寄', '送', '往', '至', '给', '的', '了', '吗', '呢', '啊', '吧', '哦', '嗯', '我', '你',
    '您', '他', '她', '它', '们', '址', '改', '填', '着', '去', '要', '想', '请', '帮', '把', '就', '也', '与', '或',
    '及', '这', '那', '哪', '呀', '嘛', '啦', '说', '问', '找', '搬', '过', '没', '不', '再', '跟',
];

/// Phrases that end a sentence part right before an address: the backward
/// read stops after them (`改成世纪四路...`).
/// Whether `before` ends with one of [`LEAD_INS`]. Runs for every
/// character an address walks back over, so the last two bytes are looked
/// up in a bit set of the words' last two bytes, and only the words whose
/// last three bytes (their last character) match are compared in full.
fn ends_with_lead_in(before: &[u8]) -> bool {
    const LAST_TWO: [u64; 1024] = {
        let mut set = [0u64; 1024];
        let mut i = 0;
        while i < LEAD_INS.len() {
            let w = LEAD_INS[i].as_bytes();
            let key = (w[w.len() - 2] as usize) << 8 | w[w.len() - 1] as usize;
            set[key / 64] |= 1 << (key % 64);
            i += 1;
        }
        set
    };
    const LAST_THREE: [u32; LEAD_INS.len()] = {
        let mut last = [0u32; LEAD_INS.len()];
        let mut i = 0;
        while i < LEAD_INS.len() {
            let w = LEAD_INS[i].as_bytes();
            let n = w.len();
            last[i] = (w[n - 3] as u32) << 16 | (w[n - 2] as u32) << 8 | w[n - 1] as u32;
            i += 1;
        }
        last
    };
    let [.., a, b] = *before else { return false };
    let key = usize::from(a) << 8 | usize::from(b);
    if LAST_TWO[key / 64] & (1 << (key % 64)) == 0 {
        return false;
    }
    let [.., x, _, _] = *before else { return false };
    let last = u32::from(x) << 16 | u32::from(a) << 8 | u32::from(b);
    LEAD_INS.iter().zip(LAST_THREE).any(|(w, l)| l == last && before.ends_with(w.as_bytes()))
}

const LEAD_INS: &[&str] = &[
    "我家",
    "你家",
    "他家",
    "她家",
    "那个",
    "这个",
    "一个",
    "定位",
    "地址为",
    "留的",
    "改成",
    "改为",
    "写成",
    "填成",
    "换成",
    "变成",
    "变更为",
    "更新为",
    "修改为",
    "写的",
    "地址写",
    "寄回",
    "退回",
    "送回",
    "反映",
    "反馈",
    "快递放",
    "放到",
    "放在",
    // Labels glued to the address they announce (`门牌号人民路12号`).
    // Only words that neither begin nor end an address name: `新家`
    // (`新家园`), `公司` (`电力公司家属院`) and `宿舍` (`电厂宿舍3号楼`) are
    // left out, and so are `门店`, `店铺` and `位置`, which end names of
    // places (`银泰门店5楼`, `大悦城店铺3楼`, `中心位置3号楼`).
    "门牌号",
    "地点",
    "所在地",
    "坐标",
    "收货人",
    "收件人",
    "取件",
    "导航",
    "搜索",
];

/// [`STOPPERS`] as a bit set: the backward read asks for every character it
/// passes.
const STOPPER_BITS: CjkBits = CjkBits::of_chars(STOPPERS);

fn is_stopper(c: char) -> bool {
    STOPPER_BITS.get(c) == Some(true)
}

/// Whether `c` can be part of an address name (CJK ideographs and ASCII
/// letters; not punctuation, digits or stoppers).
fn is_name_char(c: char) -> bool {
    (('\u{4E00}'..='\u{9FFF}').contains(&c) && !is_stopper(c)) || c.is_ascii_alphabetic()
}

/// Chinese numerals and house-number prefixes in [`is_number_char`]; `〇`
/// lies outside the CJK block and is tested on its own.
const CJK_NUMBER_CHARS: &[char] = &[
    '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '幺', '甲', '乙', '丙', '丁',
    '第', '附',
];

const CJK_NUMBER_BITS: CjkBits = CjkBits::of_chars(CJK_NUMBER_CHARS);

/// Characters of the number in a detail, house-number prefixes (`甲37号`)
/// and dashes (`20-2号`) included. Asked for every character the parser
/// passes, so the Chinese ones are looked up in a bit set.
fn is_number_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '-' | '#');
    }
    if let Some(found) = CJK_NUMBER_BITS.get(c) {
        return found;
    }
    ('０'..='９').contains(&c) || ('Ａ'..='Ｚ').contains(&c) || matches!(c, '－' | '＃' | '〇')
}

/// Separators between address parts.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | ',' | '，' | '、')
}

/// Whether a number may end in `c` and still be spaced from its unit word
/// (`88 号`, `三 栋`): a digit or a Chinese numeral, not a letter, a dash or
/// a house-number prefix, which would let words (`OK 号`) pass for numbers.
fn ends_spaced_number(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '零' | '〇'
                | '一'
                | '二'
                | '两'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '幺'
        )
}

/// Where the unit word after a number ending at `i` starts: at `i`, or
/// past one space after a digit (`88 号`), as input methods that space
/// digits from Chinese type it.
fn unit_start_after(hay: &[u8], i: usize) -> usize {
    let spaced = hay.get(i) == Some(&b' ')
        && char_before(hay, i, 0).is_some_and(|(c, _)| ends_spaced_number(c))
        && hay.get(i + 1).is_some_and(|&b| b >= 0x80);
    if spaced { i + 1 } else { i }
}

/// The character at `i` and its length, decoded by hand: the parser reads
/// characters one at a time, and this runs for each of them.
fn char_at(hay: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *hay.get(i)?;
    if b0 < 0x80 {
        return Some((char::from(b0), 1));
    }
    if b0 & 0xF0 == 0xE0 {
        // Three bytes: all of Chinese, decoded without the loop below.
        let &[b1, b2] = hay.get(i + 1..i + 3)? else { return None };
        if b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
            return None;
        }
        let cp = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
        // Below U+0800 is an overlong form; surrogates are no characters.
        return if cp < 0x800 { None } else { char::from_u32(cp).map(|c| (c, 3)) };
    }
    let len = utf8_len(b0)?;
    let tail = hay.get(i + 1..i + len)?;
    if tail.iter().any(|&b| b & 0xC0 != 0x80) {
        return None;
    }
    let lead = u32::from(b0) & (0x7F >> len);
    let cp = tail.iter().fold(lead, |cp, &b| (cp << 6) | u32::from(b & 0x3F));
    // Overlong forms decode below the least code point of their length.
    let least = [0, 0, 0x80, 0x800, 0x1_0000][len];
    if cp < least {
        return None;
    }
    char::from_u32(cp).map(|c| (c, len))
}

/// The character that ends at `end`, not starting before `floor`, and its
/// start. ASCII and three-byte characters (all of Chinese) are decoded
/// straight from the bytes before `end`; the rest walks back to the lead
/// byte. Both give what [`char_at`] gives at the lead byte.
#[inline]
fn char_before(hay: &[u8], end: usize, floor: usize) -> Option<(char, usize)> {
    if end <= floor {
        return None;
    }
    let last = hay[end - 1];
    if last < 0x80 {
        return Some((char::from(last), end - 1));
    }
    if end - floor >= 3 {
        let (b0, b1) = (hay[end - 3], hay[end - 2]);
        if b0 & 0xF0 == 0xE0 && b1 & 0xC0 == 0x80 && last & 0xC0 == 0x80 {
            let cp = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(last & 0x3F);
            // Below U+0800 is an overlong form; surrogates are no characters.
            return if cp < 0x800 { None } else { char::from_u32(cp).map(|c| (c, end - 3)) };
        }
    }
    char_before_slow(hay, end, floor)
}

fn char_before_slow(hay: &[u8], end: usize, floor: usize) -> Option<(char, usize)> {
    let start = prev_char_start(hay, end, floor)?;
    char_at(hay, start).filter(|&(_, len)| start + len == end).map(|(c, _)| (c, start))
}

/// Where the last match ended (an address never reaches back past it),
/// and the lowest offset any read bounded by it has looked at: a search
/// whose reads stayed clear of a later floor would decide the same with it.
struct Floor {
    at: usize,
    low: core::cell::Cell<usize>,
}

impl Floor {
    fn new(at: usize) -> Floor {
        Floor { at, low: core::cell::Cell::new(usize::MAX) }
    }

    /// Notes a read that looks at bytes from `i` on.
    fn touch(&self, i: usize) {
        self.low.set(self.low.get().min(i));
    }

    /// The character that ends at `end`, not before the floor.
    fn char_before(&self, hay: &[u8], end: usize) -> Option<(char, usize)> {
        self.touch(end.saturating_sub(4));
        char_before(hay, end, self.at)
    }

    /// Where the number before a unit word starting at `word` ends: at
    /// `word`, or before one space after a digit (`88 号`).
    fn number_end_before(&self, hay: &[u8], word: usize) -> usize {
        match self.char_before(hay, word) {
            Some((' ', space)) if self.char_before(hay, space).is_some_and(|(c, _)| ends_spaced_number(c)) => space,
            _ => word,
        }
    }

    /// Whether a number ends right before the unit word at `word`, or
    /// before one space after a digit. Asked for every seed, so the
    /// character before is decoded once.
    fn number_before(&self, hay: &[u8], word: usize) -> bool {
        match self.char_before(hay, word) {
            Some((' ', space)) => self.char_before(hay, space).is_some_and(|(c, _)| ends_spaced_number(c)),
            Some((c, _)) => is_number_char(c),
            None => false,
        }
    }
}

/// One address found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Bytes of the division names at the start (province, prefecture,
    /// county), which the default mask keeps.
    pub(crate) lead: usize,
    pub(crate) by_context: bool,
}

/// Longest unit word, in bytes.
const MAX_UNIT_WORD_LEN: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < UNIT_WORDS.len() {
        if UNIT_WORDS[i].0.len() > longest {
            longest = UNIT_WORDS[i].0.len();
        }
        i += 1;
    }
    longest
};

/// How far before an address word its decision may look for the floor
/// (where the last match ended): its number and the names before it, four
/// bytes a character at most.
pub(crate) const REACH_BACK_BYTES: usize = (MAX_BACK_CHARS + MAX_NUMBER_CHARS + 4) * 4;

/// What looking for the next match of a searched-ahead detector (addresses,
/// anchored detectors) found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Next<F = Found> {
    Found(F),
    /// No match starts before the end of the haystack.
    None,
    /// The haystack may continue, and a match may start at this offset.
    Hold(usize),
}

/// Where a found match starts.
pub(crate) trait Start {
    fn start(&self) -> usize;
}

impl Start for Found {
    fn start(&self) -> usize {
        self.start
    }
}

impl Start for super::anchored::Found {
    fn start(&self) -> usize {
        self.start
    }
}

impl<F: Start> Next<F> {
    /// The offset held, if this is a hold.
    pub(crate) fn held(&self) -> Option<usize> {
        match self {
            Next::Hold(x) => Some(*x),
            _ => None,
        }
    }

    /// Whether this result still holds for a search starting at `pos`: it
    /// lies at or after `pos`, or there is nothing.
    pub(crate) fn at_or_after(&self, pos: usize) -> bool {
        match self {
            Next::Found(a) => a.start() >= pos,
            Next::Hold(x) => *x >= pos,
            Next::None => true,
        }
    }
}

/// The address detector.
#[derive(Clone, Debug)]
pub(crate) struct Addresses {
    gazetteer: Gazetteer,
    /// The unit words by first character, for reads at a given offset.
    words: UnitWords,
    /// [`SEED_CHARS`], for the search for seeds: a vectorized searcher
    /// whose hits are confirmed by [`UnitWords::at`]. Fewer and shorter
    /// patterns than the words themselves make its filter sharper, which
    /// more than pays for the hits no word goes with (`元` in `100元`).
    /// `None` where the CPU has no vector unit it supports.
    seeds: Option<aho_corasick::packed::Searcher>,
    /// For each of [`SEED_CHARS`], where the words it may belong to start.
    seed_roles: Vec<SeedRole>,
}

/// The characters the search for seeds looks for: every unit word has its
/// first or its second character here. Where a word's first character is
/// common in chat (`单` of `订单`, `公` of `公司`, `山`, `华`, `家`), its
/// rarer second one is searched for instead (`单元` by `元`, `公馆` by
/// `馆`, `家园` by `园`); and fewer than 33 characters keep the packed
/// searcher on its faster variant (eight buckets over 32-byte blocks).
const SEED_CHARS: &[char] = &[
    '号', '弄', '栋', '幢', '座', '楼', '层', '室', '房', '组', '队', '期', '村', '屯', '路', '街', '巷', '区', '元',
    '委', '大', '胡', '园', '馆', '寓', '苑', '庄', '庭', '天',
];

/// Where the unit words a seed character belongs to start.
#[derive(Clone, Copy, Debug)]
struct SeedRole {
    /// Some word starts with it.
    first: bool,
    /// Some word has it as its second character.
    second: bool,
}

impl SeedRole {
    fn of(c: char) -> SeedRole {
        let nth = |n: usize| UNIT_WORDS.iter().any(|(w, _)| w.chars().nth(n) == Some(c));
        SeedRole { first: nth(0), second: nth(1) }
    }
}

/// The unit words grouped by their first character, so that the longest
/// word at an offset is found by one lookup and a few byte comparisons:
/// far cheaper than an anchored run of the automaton, and the parser asks
/// at every seed and every character it reads forward over.
#[derive(Clone, Debug)]
struct UnitWords {
    /// Each distinct first character's bytes as one big-endian integer,
    /// sorted.
    firsts: Vec<u32>,
    /// The low 12 bits of each of `firsts`, as a bit set: most characters
    /// start no word, and this turns them away before the binary search.
    maybe: [u64; 64],
    /// For each entry of `firsts`, the indices into [`UNIT_WORDS`] of the
    /// words starting with it, longest first (what a leftmost-longest
    /// search picks among words starting at one offset).
    by_first: Vec<Vec<usize>>,
}

impl UnitWords {
    fn new() -> UnitWords {
        let mut firsts: Vec<u32> = UNIT_WORDS.iter().map(|(w, _)| first_char_key(w)).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let by_first = firsts
            .iter()
            .map(|&key| {
                let mut words: Vec<usize> =
                    (0..UNIT_WORDS.len()).filter(|&w| first_char_key(UNIT_WORDS[w].0) == key).collect();
                words.sort_by_key(|&w| core::cmp::Reverse(UNIT_WORDS[w].0.len()));
                words
            })
            .collect();
        let mut maybe = [0u64; 64];
        for &key in &firsts {
            let low = (key & 0xFFF) as usize;
            maybe[low / 64] |= 1 << (low % 64);
        }
        UnitWords { firsts, maybe, by_first }
    }

    /// The index of the first character that starts at `i`, if any word
    /// starts with it.
    #[inline]
    fn first_at(&self, hay: &[u8], i: usize) -> Option<usize> {
        let len = utf8_len(*hay.get(i)?)?;
        let bytes = hay.get(i..i + len)?;
        let key = bytes.iter().fold(0u32, |key, &b| key << 8 | u32::from(b));
        let low = (key & 0xFFF) as usize;
        if self.maybe[low / 64] & (1 << (low % 64)) == 0 {
            return None;
        }
        self.firsts.binary_search(&key).ok()
    }

    /// The longest word starting at `i`, given the index of the first
    /// character there: its end and part.
    #[inline]
    fn longest(&self, hay: &[u8], i: usize, first: usize) -> Option<(usize, Part)> {
        let rest = &hay[i..];
        // Compared byte by byte: the words are a few bytes long, shorter
        // than a call to `memcmp` costs.
        let starts_with = |word: &[u8]| rest.len() >= word.len() && rest.iter().zip(word).all(|(a, b)| a == b);
        self.by_first[first].iter().find(|&&w| starts_with(UNIT_WORDS[w].0.as_bytes())).map(|&w| {
            let (word, part) = UNIT_WORDS[w];
            (i + word.len(), part)
        })
    }

    /// The longest word starting at `i`: its end and part.
    #[inline]
    fn at(&self, hay: &[u8], i: usize) -> Option<(usize, Part)> {
        self.longest(hay, i, self.first_at(hay, i)?)
    }
}

/// A word's first character's bytes as one big-endian integer.
fn first_char_key(word: &str) -> u32 {
    let first = word.chars().next().map_or(0, char::len_utf8);
    word.as_bytes()[..first].iter().fold(0u32, |key, &b| key << 8 | u32::from(b))
}

/// A detail: the number (if any) and the unit word.
#[derive(Clone, Copy, Debug)]
struct Detail {
    number_start: usize,
    end: usize,
    part: Part,
}

impl Addresses {
    /// The process-wide address detector, built on first use: the
    /// gazetteer is the same for every redactor, so redactors with
    /// different policies share it.
    pub(crate) fn shared() -> std::sync::Arc<Addresses> {
        static SHARED: std::sync::OnceLock<std::sync::Arc<Addresses>> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| std::sync::Arc::new(Addresses::new())).clone()
    }

    fn new() -> Addresses {
        let seeds = aho_corasick::packed::Config::new()
            .builder()
            .extend(SEED_CHARS.iter().map(|c| c.encode_utf8(&mut [0; 4]).as_bytes().to_vec()))
            .build();
        Addresses {
            gazetteer: Gazetteer::load(),
            words: UnitWords::new(),
            seeds,
            seed_roles: SEED_CHARS.iter().map(|&c| SeedRole::of(c)).collect(),
        }
    }

    /// The first unit word starting at or after `from`: its start, end and
    /// part.
    fn next_seed(&self, hay: &[u8], from: usize, limit: usize) -> Option<(usize, usize, Part)> {
        // Seeds starting at `limit` or later are not wanted: search no
        // further than where the last wanted one could end.
        let to = limit.saturating_add(MAX_UNIT_WORD_LEN).min(hay.len());
        if from >= to {
            return None;
        }
        let within = &hay[..to];
        match &self.seeds {
            Some(seeds) => Self::search_seeds(seeds, &self.seed_roles, &self.words, within, from),
            None => Self::scan_seeds(&self.words, within, from),
        }
    }

    /// The first unit word in `within[from..]` by the packed searcher.
    fn search_seeds(
        seeds: &aho_corasick::packed::Searcher,
        roles: &[SeedRole],
        words: &UnitWords,
        within: &[u8],
        from: usize,
    ) -> Option<(usize, usize, Part)> {
        // Every word in `within[from..]` starts at a hit or one character
        // before it (where a hit is its second character), and the
        // candidates come in order: a hit is a whole character, so the next
        // one starts after it. The first candidate with a word is the first
        // word, and the longest one there is what a leftmost-longest search
        // over the words would give.
        let mut at = from;
        loop {
            let m = seeds.find_in(within, aho_corasick::Span::from(at..within.len()))?;
            let hit = m.start();
            let role = roles[m.pattern().as_usize()];
            if role.second
                && let Some(start) = prev_char_start(within, hit, from)
                && let Some((end, part)) = words.at(within, start)
            {
                return Some((start, end, part));
            }
            if role.first
                && let Some((end, part)) = words.at(within, hit)
            {
                return Some((hit, end, part));
            }
            at = hit + 1;
        }
    }

    /// The first unit word in `within[from..]`, looked for at every offset
    /// in turn: the same answer as [`Self::search_seeds`], only slower.
    fn scan_seeds(words: &UnitWords, within: &[u8], from: usize) -> Option<(usize, usize, Part)> {
        (from..within.len()).find_map(|i| words.at(within, i).map(|(end, part)| (i, end, part)))
    }

    /// The first address whose address word lies at or after `pos`; its
    /// names may reach back before `pos`, never before `floor` (where the
    /// last match ended). Each address word is decided on its own, from the
    /// bytes around it and `floor` alone, never from where the search
    /// started: that is what lets a stream resume anywhere.
    ///
    /// Only address words starting before `limit` are looked at; with a
    /// `limit` inside the haystack, [`Next::None`] means none of those.
    /// Also returns the lowest offset a read bounded by `floor` looked at.
    pub(crate) fn next(
        &self,
        hay: &[u8],
        pos: usize,
        floor: usize,
        eof: bool,
        hotwords: &Hotwords,
        limit: usize,
    ) -> (Next, usize) {
        let floor = Floor::new(floor);
        let next = self.search(hay, pos, &floor, eof, hotwords, limit);
        (next, floor.low.get())
    }

    fn search(&self, hay: &[u8], pos: usize, floor: &Floor, eof: bool, hotwords: &Hotwords, limit: usize) -> Next {
        let mut from = pos;
        while from < hay.len() {
            let Some((m_start, m_end, part)) = self.next_seed(hay, from, limit) else { break };
            if m_start >= limit {
                return Next::None;
            }
            // Cheap test first: a detail word needs a number right before it,
            // a road, compound or village word a name (`客户` is no seed).
            let ok_before = match part {
                Part::Subdistrict => false,
                Part::Road | Part::Compound | Part::Village => {
                    floor.char_before(hay, m_start).is_some_and(|(c, _)| is_name_char(c))
                }
                _ => floor.number_before(hay, m_start),
            };
            if !ok_before {
                from = m_end;
                continue;
            }
            match self.parse(hay, m_start, m_end, part, floor, eof, hotwords) {
                Parse::Found(f) => return Next::Found(f),
                Parse::Hold(x) => return Next::Hold(x),
                Parse::No => from = m_end,
            }
        }
        if eof || limit < hay.len() { Next::None } else { Next::Hold(self.tail_start(hay, floor.at)) }
    }

    /// Where a possible address at the end of an unfinished haystack begins:
    /// the run of name characters, numbers and separators before the end.
    fn tail_start(&self, hay: &[u8], floor: usize) -> usize {
        let end = hay.len() - crate::scan::units::incomplete_suffix(hay);
        let mut s = end.max(floor);
        let mut chars = 0;
        while let Some((c, start)) = char_before(hay, s, floor) {
            if chars >= MAX_BACK_CHARS + MAX_ADDRESS_CHARS
                || !(is_name_char(c) || is_number_char(c) || is_separator(c) || is_stopper(c))
            {
                break;
            }
            s = start;
            chars += 1;
        }
        s
    }

    /// The unit word starting exactly at `i`.
    fn unit_at(&self, hay: &[u8], i: usize) -> Option<(usize, Part)> {
        self.words.at(hay, i)
    }

    /// A detail (number and unit word) starting exactly at `i`. `chained`:
    /// it follows another detail, so a house number needs no road before it
    /// (`66弄17号`).
    fn detail_at(&self, hay: &[u8], i: usize, chained: bool) -> Option<Detail> {
        let mut j = i;
        let mut n = 0;
        while let Some((c, len)) = char_at(hay, j) {
            if !is_number_char(c) || n == MAX_NUMBER_CHARS {
                break;
            }
            j += len;
            n += 1;
        }
        // Most reads find no number at all: no word need be looked up.
        if n == 0 {
            return None;
        }
        let j = unit_start_after(hay, j);
        let (end, part) = match self.unit_at(hay, j) {
            Some(word) => word,
            None if chained => chained_unit_at(hay, j)?,
            None => return None,
        };
        if matches!(part, Part::Village | Part::Road | Part::Compound | Part::Subdistrict) {
            return None;
        }
        let d = Detail { number_start: i, end, part };
        self.detail_ok(hay, &d, chained).then_some(d)
    }

    /// Rules out numbers that are not address details: dates (`11月3号`),
    /// lines (`3号线`), and house numbers that follow no road or compound.
    fn detail_ok(&self, hay: &[u8], d: &Detail, chained: bool) -> bool {
        let before = char_before(hay, d.number_start, 0).map(|(c, _)| c);
        if before == Some('月') {
            return false;
        }
        if d.part == Part::Number {
            if char_at(hay, d.end).is_some_and(|(c, _)| matches!(c, '线' | '机' | '码' | '位' | '床' | '台')) {
                return false;
            }
            let (road, place) = name_before(hay, d.number_start);
            return chained || road || place;
        }
        true
    }

    /// Whether a detail (a number and a unit word: `3号楼`) ends right
    /// before `i`, perhaps with a separator or two between.
    fn follows_detail(&self, hay: &[u8], mut i: usize, floor: &Floor) -> bool {
        for _ in 0..2 {
            match floor.char_before(hay, i) {
                Some((c, start)) if is_separator(c) => i = start,
                _ => break,
            }
        }
        let mut w = i;
        for _ in 0..3 {
            let Some((_, start)) = floor.char_before(hay, w) else { return false };
            w = start;
            let is_detail_word = self.unit_at(&hay[..i], w).is_some_and(|(end, p)| {
                end == i && !matches!(p, Part::Road | Part::Compound | Part::Village | Part::Subdistrict)
            });
            // `楼` and `号楼` both end at `3号楼`: try every word that ends here.
            if is_detail_word && floor.number_before(hay, w) {
                return true;
            }
        }
        false
    }

    /// Whether a detail with a number (`86号`, `4号楼`) or a bare room
    /// number follows a house number ending at `end`, past at most two
    /// separators: the first step [`Self::extend`] would take, without its
    /// costlier read of a name.
    fn number_detail_follows(&self, hay: &[u8], end: usize) -> bool {
        let mut j = end;
        for _ in 0..2 {
            match char_at(hay, j) {
                Some((c, len)) if is_separator(c) => j += len,
                _ => break,
            }
        }
        self.detail_at(hay, j, true).is_some() || self.bare_room(hay, j, Part::Number).is_some()
    }

    /// Reads forward from `end` over further details; returns the new end
    /// and how many details it read (a building's name after a house number
    /// and a crossing after a road are read, not counted).
    fn extend(&self, hay: &[u8], mut end: usize, mut last: Part, start: usize) -> (usize, usize) {
        let mut count = 0;
        let mut house_number = last == Part::Number;
        loop {
            let mut j = end;
            let mut seps = 0;
            while let Some((c, len)) = char_at(hay, j) {
                if !is_separator(c) || seps == 2 {
                    break;
                }
                j += len;
                seps += 1;
            }
            let next = self
                .detail_at(hay, j, true)
                .or_else(|| self.bare_room(hay, j, last).map(|end| Detail { number_start: j, end, part: Part::Room }))
                .or_else(|| grouped_room(hay, j, last).map(|end| Detail { number_start: j, end, part: Part::Room }))
                .or_else(|| lettered_floor(hay, j, last).map(|end| Detail { number_start: j, end, part: Part::Floor }))
                .or_else(|| (last == Part::Road && seps == 0).then(|| crossing(hay, j)).flatten())
                .or_else(|| self.named_detail(hay, j, seps > 0, house_number));
            let Some(d) = next else {
                // The name of the building or institution at a house
                // number (`小寨东路126号百盛大厦`, `颐和园路5号北京大学`).
                if last == Part::Number
                    && seps == 0
                    && let Some(e) = trailing_place(hay, j)
                    && char_count(&hay[start..e]) <= MAX_ADDRESS_CHARS
                {
                    end = e;
                }
                break;
            };
            house_number |= d.part == Part::Number;
            if char_count(&hay[start..d.end]) > MAX_ADDRESS_CHARS {
                break;
            }
            end = d.end;
            last = d.part;
            // A crossing (the one road part read here) is where an address
            // lies, not a detail: two roads alone are no address
            // (`延安一路和沙河路交叉口等你`).
            count += usize::from(d.part != Part::Road);
        }
        (end, count)
    }

    #[allow(clippy::too_many_arguments)]
    fn parse(
        &self,
        hay: &[u8],
        unit_start: usize,
        unit_end: usize,
        part: Part,
        floor: &Floor,
        eof: bool,
        hotwords: &Hotwords,
    ) -> Parse {
        // The seed: a detail's number, or the name of a village or road
        // (whose numerals belong to the name: `复兴六路`, `八一路`).
        let named_seed = matches!(part, Part::Village | Part::Road | Part::Compound);
        let mut number_start = if named_seed { unit_start } else { floor.number_end_before(hay, unit_start) };
        let mut n = 0;
        while let Some((c, start)) = floor.char_before(hay, number_start).filter(|_| !named_seed) {
            if !is_number_char(c) || n == MAX_NUMBER_CHARS {
                break;
            }
            number_start = start;
            n += 1;
        }
        let mut seed_end = unit_end;
        // A house number with no road or compound before it (`74弄` in
        // `郑州74弄86号1187室`, `73号院` in `成都73号院4号楼`): the road was
        // left out. It starts a chain only with more details after it, and
        // then needs the evidence below like any other detail; alone it is
        // a date or a count as often as an address (`18号发货`).
        let mut roadless = false;
        // A house number after a name ending in `道` (`鹭江道8号`,
        // `弥敦道100号`): a road in many cities, but `道` ends everyday
        // words too (`频道`, `车道`), so it counts only after a full
        // division name (`福建省厦门市思明区鹭江道8号`).
        let mut dao_road = false;
        if named_seed {
            // A road name inside a subdistrict name (`东风路街道`) is no road;
            // neither is a bus line (`46路`).
            let numbered = floor.char_before(hay, unit_start).is_some_and(|(c, _)| c.is_ascii_digit());
            // A compound or village word that is the start of a road name
            // (`花园路`, `新村路`, `三里屯路`) is read as part of that road.
            let names_road = part != Part::Road && matches!(self.unit_at(hay, unit_end), Some((_, Part::Road)));
            if numbered || names_road || hay[unit_end..].starts_with("街道".as_bytes()) {
                return Parse::No;
            }
            if part == Part::Road
                && let Some((c, len)) = char_at(hay, seed_end)
                && matches!(c, '东' | '西' | '南' | '北' | '中')
                && !char_at(hay, seed_end + len).is_some_and(|(c, _)| matches!(c, '路' | '街' | '段' | '口'))
            {
                seed_end += len;
            }
        } else {
            let seed = Detail { number_start, end: unit_end, part };
            roadless = part == Part::Number && !self.detail_ok(hay, &seed, false);
            dao_road = roadless && ends_in_dao_road(hay, number_start);
            if n == 0
                || (roadless && !self.detail_ok(hay, &seed, true))
                || self.follows_detail(hay, number_start, floor)
            {
                // A detail right after another one (`603室` in `3号楼603室`)
                // belongs to the chain that the first detail's word decides.
                return Parse::No;
            }
        }

        // A house number without a road needs a number detail right after
        // it (perhaps past a separator); most such seeds are dates and
        // counts (`18号发货`), so this cheap look comes before the chain is
        // read in full.
        if roadless && !dao_road && !self.number_detail_follows(hay, seed_end) {
            if !eof && !settled(hay, seed_end) {
                return Parse::Hold(self.back_start(hay, number_start, floor));
            }
            return Parse::No;
        }
        let (end, further) = self.extend(hay, seed_end, part, number_start);
        if !eof && !settled(hay, end) {
            return Parse::Hold(self.back_start(hay, number_start, floor));
        }
        let chained = further > 0;
        if roadless && !chained && !dao_road {
            return Parse::No;
        }
        // Only a `道` names the road of a house number with nothing after it.
        let dao_only = roadless && !self.number_detail_follows(hay, seed_end);

        // Backward over names.
        let mut start = self.back_start(hay, number_start, floor);
        // Leading words before a full division name are chatter (`你好北京市`);
        // a short form may just be part of a compound name (`天鹅湖滨江`).
        let first = self.first_division(hay, start, number_start);
        if let Some(a) = first
            && (!a.short || a.level < Level::County)
            && !a.ambiguous
        {
            start = a.start;
        }
        if char_count(&hay[start..end]) > MAX_ADDRESS_CHARS {
            return Parse::No;
        }
        let lead = self.admin_prefix(hay, start, number_start, named_seed);
        let mut admin = false;
        // A division name that is also an everyday word (`西安`, `长沙`)
        // counts only with an address word before it.
        let mut division = false;
        // The first division from `start` is `first`, whether `start` moved
        // to it or not: the search is the same, or starts where it found it.
        let mut next = first;
        while let Some(a) = next {
            admin |= !a.ambiguous;
            division = true;
            next = self.first_division(hay, a.end, number_start);
        }
        // Asked for villages only.
        let town = || contains_any(&hay[start..number_start], &["镇", "乡", "街道"]);
        let named = char_count(&hay[lead..number_start]) >= 2;
        let evidence = match part {
            // A village with a detail after it stands on its own
            // (`王庄村3组`, `中关村大街27号`); alone it needs a division or a
            // township before it (`宁平镇王庄村`).
            Part::Village => named && (admin || town() || chained),
            // A road after a division name (`深圳市龙华区延安路`), or with a
            // house number after it (`延安路88号`).
            Part::Road | Part::Compound => {
                let name = char_count(&hay[lead..number_start]);
                (chained && name >= 1) || (admin && lead > start && (2..=8).contains(&name))
            }
            _ => {
                let (road_before, place_before) = name_before(hay, number_start);
                let road_number = part == Part::Number && road_before;
                let place_detail = road_before || place_before;
                // Three details in a row after a name are an address
                // whatever the name (`劲松八区5号楼2门502`).
                // So are three after a division (`北京5栋4单元404`,
                // `上海74弄86号1187室`).
                if dao_only {
                    named && first.is_some_and(|a| !a.short && !a.ambiguous)
                } else {
                    road_number || place_detail || (admin && named) || (further >= 2 && (named || admin))
                }
            }
        };
        // A detail alone (`3号楼603室`) is no address without context.
        let has_name = start < number_start;
        if evidence && has_name {
            return Parse::Found(Found { start, end, lead: lead - start, by_context: false });
        }
        // With an address word right before it, a division and a detail
        // are enough (`地址是北京5栋4单元404`).
        self.with_context(hay, start, end, hotwords, has_name && (named || division))
    }

    /// Accepts a span with weaker evidence when an address context word
    /// (`地址`, `寄到`, `住在`) sits right before it.
    fn with_context(&self, hay: &[u8], start: usize, end: usize, hotwords: &Hotwords, named: bool) -> Parse {
        // Context is read before the scan position too (it is lookbehind,
        // kept by streams), so that where a scan resumed does not matter.
        // Read only when it can decide: the search for hotwords costs more
        // than the rest of the span's tests.
        if named && hotwords.nearest(hay, start, 6, 0).is_some_and(|n| n.cue == Cue::Address && n.distance <= 2) {
            let lead = self.admin_prefix(hay, start, end, false) - start;
            return Parse::Found(Found { start, end, lead, by_context: true });
        }
        Parse::No
    }

    /// A bare room number (`502`, `1102`, `四零四`) right after a building,
    /// unit or floor, with an optional `室`, `房` or `号`.
    fn bare_room(&self, hay: &[u8], i: usize, last: Part) -> Option<usize> {
        if !matches!(last, Part::Building | Part::Unit | Part::Floor | Part::Number) {
            return None;
        }
        let mut j = i;
        let mut n = 0;
        while let Some((c, len)) = char_at(hay, j) {
            let digit = c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, '零' | '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '幺');
            if !digit {
                break;
            }
            j += len;
            n += 1;
        }
        if !(3..=4).contains(&n) {
            return None;
        }
        match char_at(hay, j) {
            // A range of rooms or a room's part (`502-503`, `1203-1205室`,
            // `502-1`): a second number no longer than the first, then the
            // end of the room as for one number. A longer one, or a third
            // group, is a phone number or a date (`138-1234-5678`,
            // `400-820-8820`, `2024-05-01`), not a room.
            Some(('-' | '－', len)) => {
                let digits = hay[j + len..].iter().take_while(|b| b.is_ascii_digit()).count();
                (1..=n).contains(&digits).then(|| room_end(hay, j + len + digits)).flatten()
            }
            _ => room_end(hay, j),
        }
    }

    /// A building, compound or village name followed by a detail
    /// (`SOHO现代城2号楼`, `金茂国际公寓，30幢`), or a village or hamlet after
    /// a village (`曹家沟村黄泥屯`, `东风村东屯`). After a separator the name
    /// must not open a new clause (`，新地址...`), and the name must not
    /// start another address: a division name (`，常州市...`, `和常州市...`),
    /// or, after a house number, a road with its own house number
    /// (`建国路88号、人民路5号`).
    fn named_detail(&self, hay: &[u8], i: usize, after_separator: bool, house_number: bool) -> Option<Detail> {
        let first = char_at(hay, i);
        if after_separator && first.is_some_and(|(c, _)| matches!(c, '新' | '原' | '旧' | '或' | '和' | '及')) {
            return None;
        }
        // Looked up only once a detail is found: most reads find none.
        let opens_address = || {
            let name_start = match first {
                Some(('和', len)) => i + len,
                _ => i,
            };
            self.gazetteer.at(hay, name_start).is_some_and(|a| !a.short && !a.ambiguous)
        };
        let second_address = |d: &Detail| house_number && d.part == Part::Number && name_before(hay, d.number_start).0;
        let mut j = i;
        let mut n = 0;
        while let Some((c, len)) = char_at(hay, j) {
            if !is_name_char(c) || n == MAX_NAME_CHARS {
                break;
            }
            j += len;
            n += 1;
            // A named village, hamlet or villagers' group after a village
            // (`东风村东屯`, `步前村下屋组`).
            if let Some((end, part @ (Part::Village | Part::Group))) = self.unit_at(hay, j) {
                return (!opens_address()).then_some(Detail { number_start: i, end, part });
            }
            if n < 2 {
                continue;
            }
            // The detail's number may start with letters (`广场A座`), and
            // one separator may sit between the name and the detail.
            let mut k = j;
            if let Some((c, len)) = char_at(hay, k)
                && is_separator(c)
            {
                k += len;
            }
            if let Some(d) = self.detail_at(hay, j, true).or_else(|| self.detail_at(hay, k, true)) {
                return (!second_address(&d) && !opens_address()).then_some(Detail { number_start: i, ..d });
            }
            // A compound name followed by a bare room number
            // (`金融中心2708`), by building, unit and room in dashes
            // (`阳光花园3-2-502`) or by a marked room (`中信广场#2806`,
            // `传媒广场A-2201`).
            if PLACE_ENDS.contains(&c)
                && let Some(end) = self
                    .bare_room(hay, k, Part::Building)
                    .or_else(|| grouped_room(hay, k, Part::Compound))
                    .or_else(|| marked_room(hay, k))
            {
                return (!opens_address()).then_some(Detail { number_start: i, end, part: Part::Room });
            }
        }
        None
    }

    /// Reads back from `from` over names, stopping at particles, verbs,
    /// lead-in phrases and punctuation; a separator is crossed only after
    /// the end of a part (`广东省，深圳市`, `海南 海口 龙华区`).
    fn back_start(&self, hay: &[u8], from: usize, floor: &Floor) -> usize {
        let mut s = from;
        let mut chars = 0;
        while chars < MAX_BACK_CHARS {
            if ends_with_lead_in(&hay[..s]) {
                break;
            }
            let Some((c, start)) = floor.char_before(hay, s) else { break };
            if is_number_char(c) && !is_name_char(c) {
                // Step over an earlier detail's number (`74弄86号`,
                // `10号院5号楼`), never over a bare number.
                let mut k = s;
                let mut n = 0;
                while let Some((d, ds)) = floor.char_before(hay, k) {
                    if !is_number_char(d) || n == MAX_NUMBER_CHARS {
                        break;
                    }
                    k = ds;
                    n += 1;
                }
                let detail = self.unit_at(hay, s).is_some_and(|(_, p)| {
                    !matches!(p, Part::Road | Part::Compound | Part::Village | Part::Subdistrict)
                });
                if !detail {
                    break;
                }
                s = k;
                chars += n;
                continue;
            }
            if is_separator(c) {
                // The part may end one more separator back: a comma and a
                // space (`朝阳区, 建国路`).
                let before = match floor.char_before(hay, start) {
                    Some((p, ps)) if is_separator(p) => ps,
                    _ => start,
                };
                let part_end = floor
                    .char_before(hay, before)
                    .is_some_and(|(p, _)| PART_ENDS.contains(&p) || PLACE_ENDS.contains(&p) || ROAD_ENDS.contains(&p))
                    || {
                        floor.touch(before.saturating_sub(self.gazetteer.longest()));
                        self.gazetteer.ending_at(hay, before, floor.at).is_some()
                    };
                if !part_end {
                    break;
                }
            } else if !is_name_char(c) {
                // A division name may start with a stopper (`和平区`,
                // `来宾市`).
                if !(is_stopper(c) && self.gazetteer.at(hay, start).is_some_and(|a| a.end <= from && !a.ambiguous)) {
                    break;
                }
            }
            s = start;
            chars += 1;
        }
        // Never start on a separator.
        while let Some((c, len)) = char_at(hay, s) {
            if s >= from || !is_separator(c) {
                break;
            }
            s += len;
        }
        s
    }

    /// The first division name in `from..to` that is really one: not the
    /// first part of a road name (`江西` in `珠江西路`, `河南` in `黄河南路`).
    fn first_division(&self, hay: &[u8], mut from: usize, to: usize) -> Option<super::gazetteer::Admin> {
        while let Some(a) = self.gazetteer.first_in(hay, from, to) {
            if !(a.short && self.names_a_road(hay, a.end)) {
                return Some(a);
            }
            from = a.end;
        }
        None
    }

    /// Whether a road word follows within two characters (`西路`, `八路`).
    fn names_a_road(&self, hay: &[u8], mut i: usize) -> bool {
        for _ in 0..3 {
            match self.unit_at(hay, i) {
                Some((_, Part::Road)) => return true,
                _ => match char_at(hay, i) {
                    Some((c, len)) if is_name_char(c) || is_number_char(c) => i += len,
                    _ => return false,
                },
            }
        }
        false
    }

    /// End of the division names (province, prefecture, county) at the start
    /// of a span, with separators between them. When the names run right up
    /// to a road or compound word at `limit` (`before_name`), the last one
    /// names the road or compound instead (`长安大道`, `朝阳路`) and is not
    /// part of the prefix.
    fn admin_prefix(&self, hay: &[u8], start: usize, limit: usize, before_name: bool) -> usize {
        let mut i = start;
        let mut lead = start;
        let mut last_start = start;
        let mut last_level = None;
        while i < limit {
            let Some(a) = self.gazetteer.at(&hay[..limit], i) else { break };
            if last_level.is_some_and(|l: Level| a.level < l) || (a.short && self.names_a_road(hay, a.end)) {
                break;
            }
            last_level = Some(a.level);
            last_start = a.start;
            lead = a.end;
            i = a.end;
            while let Some((c, len)) = char_at(hay, i) {
                if !is_separator(c) || i >= limit {
                    break;
                }
                i += len;
            }
        }
        if lead == limit && before_name { last_start } else { lead }
    }
}

enum Parse {
    Found(Found),
    /// Not an address.
    No,
    Hold(usize),
}

/// Whether more bytes after `end` could extend an address ending there:
/// the parser's forward reads (separators, a name, a number, a unit word)
/// stop at the first other character, so once one has arrived within their
/// reach, the end is final.
fn settled(hay: &[u8], end: usize) -> bool {
    let mut i = end;
    for _ in 0..MAX_NAME_CHARS + MAX_NUMBER_CHARS + 8 {
        let Some(&lead) = hay.get(i) else { return false };
        let len = utf8_len(lead).unwrap_or(1);
        if i + len > hay.len() {
            return false;
        }
        match char_at(hay, i) {
            // `与`, `和`, `跟` may open a crossing (`中原路和嵩山路交叉口`),
            // `往` and `向` a direction after it (`往东50米`); `和` and
            // `向` are name characters already.
            Some((c, _))
                if is_name_char(c)
                    || is_number_char(c)
                    || is_separator(c)
                    || matches!(c, '与' | '跟' | '往' | '向') =>
            {
                i += len
            }
            // A bare room number is refused before a decimal point and a
            // digit (`123.4`): the byte after the dot decides.
            Some(('.', _)) => return i + 1 < hay.len(),
            _ => return true,
        }
    }
    true
}

/// Whether the name before a detail's number (across one separator) ends
/// like a road (`建国路`, `解放大道`, `菊儿胡同`, `芙蓉中路一段`) or like a
/// compound, building or village (`阳光花园`, `SOHO现代城`, `王庄村`,
/// `A区`). Single characters that end many everyday words are only taken
/// in the combinations that make them address words (`广场` but not `商场`,
/// `中心` but not `担心`, `小区` but not `海淀区`), so that dates and floors
/// after ordinary words (`快递都3号了`, `医院5楼`) are not details.
fn name_before(hay: &[u8], number_start: usize) -> (bool, bool) {
    let Some((mut c, mut at)) = char_before(hay, number_start, 0) else { return (false, false) };
    if is_separator(c) {
        let Some(prev) = char_before(hay, at, 0) else { return (false, false) };
        (c, at) = prev;
    }
    let prev = char_before(hay, at, 0).map(|(p, _)| p);
    let prev_is = |set: &[char]| prev.is_some_and(|p| set.contains(&p));
    let numeral = prev.is_some_and(|p| p.is_ascii_digit() || "一二三四五六七八九十".contains(p));
    let road = match c {
        '路' | '街' | '巷' | '弄' => true,
        '道' => numeral || prev_is(&['大', '东', '西', '南', '北', '中']),
        '同' => prev == Some('胡'),
        '段' => numeral,
        // `村里`, `城里`: "in the village", "in town", not a lane.
        '里' => !prev_is(&['这', '那', '哪', '家', '心', '村', '城', '县', '镇', '乡']),
        _ => false,
    };
    let place = match c {
        '园' | '苑' | '府' | '庭' | '厦' | '寓' | '村' | '城' | '际' | '楼' | '墅' | '屯' | '居' | '邸' | '阁'
        | '轩' | '港' | '湾' | '邨' | '岸' | '汇' | '坊' | '宅' | '舍' | '湖' | '山' | '谷' | '洲' => true,
        '区' => {
            prev_is(&['小', '园', '社', '校', '厂'])
                || prev.is_some_and(|p| p.is_ascii_alphanumeric())
                || compound_section(hay, at)
        }
        '心' => prev == Some('中'),
        '场' => prev == Some('广'),
        '都' => prev == Some('名'),
        '馆' => prev == Some('公'),
        c => c.is_ascii_alphabetic(),
    };
    (road, place)
}

/// The end of a room whose number ends at `j`: after a `室`, `房` or `号`
/// there, at `j` when the number stands alone, `None` when it goes on
/// (letters, a dash, a decimal point and a digit) or is an amount, a date or
/// a time (`502元`, `1203年`, `1130分`).
fn room_end(hay: &[u8], j: usize) -> Option<usize> {
    match char_at(hay, j) {
        Some(('室' | '房' | '号', len)) => Some(j + len),
        Some((c, _))
            if c.is_ascii_alphanumeric()
                || matches!(c, '-' | '－' | '元' | '块' | '年' | '月' | '日' | '点' | '分') =>
        {
            None
        }
        Some(('.', 1)) if hay.get(j + 1).is_some_and(u8::is_ascii_digit) => None,
        _ => Some(j),
    }
}

/// Whether the name before a house number starting at `number_start` ends
/// in `道` after another name character (`鹭江道`), not in `街道` (a
/// subdistrict) or an everyday word (`频道`, `车道`, `通道`, `跑道`, and
/// words chat puts right after a place: `深圳市难道8号还不到`, `顺道`).
fn ends_in_dao_road(hay: &[u8], number_start: usize) -> bool {
    const EVERYDAY: &[char] = &[
        '街', '频', '车', '通', '渠', '跑', '轨', '知', '味', '赛', '航', '隧', '行', '走', '步', '难', '顺', '报',
        '地', '管', '霸', '厚',
    ];
    match char_before(hay, number_start, 0) {
        Some(('道', at)) => char_before(hay, at, 0).is_some_and(|(c, _)| is_name_char(c) && !EVERYDAY.contains(&c)),
        _ => false,
    }
}

/// Words naming the crossing of two roads.
const CROSSING_WORDS: &[&str] = &["十字路口", "交叉口", "交汇处", "交界处", "交口", "路口"];

/// The crossing of the road ending at `i` with another
/// (`中原路和嵩山路交叉口`, `友谊路与围堤道交口`), and where it lies from
/// there (`往东50米`, `东北角`): `与`, `和` or `跟`, the other road's name
/// (a road word at its end) and a word of [`CROSSING_WORDS`]. Without the
/// crossing word two roads are an enumeration (`人民路和解放路哪个近`).
fn crossing(hay: &[u8], i: usize) -> Option<Detail> {
    let (_, len) = char_at(hay, i).filter(|&(c, _)| matches!(c, '与' | '和' | '跟'))?;
    let mut j = i + len;
    for _ in 0..MAX_NAME_CHARS {
        let (c, len) = char_at(hay, j).filter(|&(c, _)| is_name_char(c))?;
        j += len;
        if !matches!(c, '路' | '街' | '道' | '巷') {
            continue;
        }
        if let Some(w) = CROSSING_WORDS.iter().find(|w| hay[j..].starts_with(w.as_bytes())) {
            let end = j + w.len();
            let end = direction_after(hay, end).unwrap_or(end);
            return Some(Detail { number_start: i, end, part: Part::Road });
        }
    }
    None
}

/// A direction from a place (`往东50米`, `向北200米`, `东北角`, `西侧`)
/// starting at `i`: its end.
fn direction_after(hay: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if let Some(('往' | '向', len)) = char_at(hay, j) {
        j += len;
    }
    let mut points = 0;
    while let Some(('东' | '西' | '南' | '北', len)) = char_at(hay, j).filter(|_| points < 2) {
        j += len;
        points += 1;
    }
    if points == 0 {
        return None;
    }
    match char_at(hay, j) {
        Some(('角' | '侧', len)) => Some(j + len),
        _ => {
            let digits = hay[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            let metres = (1..=4).contains(&digits) && hay[j + digits..].starts_with("米".as_bytes());
            metres.then(|| j + digits + "米".len())
        }
    }
}

/// A room number marked by `#` or by a tower letter and a dash
/// (`#2806`, `A-2201`), as office towers write them after their name: three
/// or four digits, then no letter, digit or dash. Returns the end.
fn marked_room(hay: &[u8], i: usize) -> Option<usize> {
    let digits_at = match hay.get(i..i + 2)? {
        [b'#', _] => i + 1,
        [letter, b'-'] if letter.is_ascii_uppercase() => i + 2,
        _ => return None,
    };
    let digits = hay[digits_at..].iter().take_while(|b| b.is_ascii_digit()).count();
    let end = digits_at + digits;
    let open = hay.get(end).is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'#'));
    ((3..=4).contains(&digits) && !open).then_some(end)
}

/// A floor written the English way after a building, unit or house number
/// (`B栋3单元12F`, `88号5F`): one or two digits and `F`, then no letter or
/// digit. Returns the end.
fn lettered_floor(hay: &[u8], i: usize, last: Part) -> Option<usize> {
    if !matches!(last, Part::Building | Part::Unit | Part::Number) {
        return None;
    }
    let digits = hay[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let f = i + digits;
    let floor = (1..=2).contains(&digits) && matches!(hay.get(f), Some(b'F' | b'f'));
    (floor && !hay.get(f + 1).is_some_and(u8::is_ascii_alphanumeric)).then_some(f + 1)
}

/// Building, unit and room written as numbers between dashes or after `#`
/// right after a compound name or a house number (`阳光花园3-2-502`,
/// `万科城市花园12-1202室`, `金地花园3#502`, `繁荣路88号3-2-501`): two or
/// three groups, the last one the room (three or four digits), the others
/// at most two digits, so that phone numbers (`138-1234-5678`,
/// `400-820-8820`) and dates (`2024-05-01`) are not read as rooms. Returns
/// the end.
fn grouped_room(hay: &[u8], i: usize, last: Part) -> Option<usize> {
    if !matches!(last, Part::Compound | Part::Number) {
        return None;
    }
    let digits = |mut j: usize| {
        let mut n = 0;
        while let Some((c, len)) = char_at(hay, j) {
            if !(c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                break;
            }
            j += len;
            n += 1;
        }
        (j, n)
    };
    let mut j = i;
    let mut groups = 0;
    loop {
        let (end, n) = digits(j);
        groups += 1;
        match char_at(hay, end) {
            Some(('-' | '－' | '#' | '＃', len)) if (1..=2).contains(&n) && groups < 3 => j = end + len,
            next => {
                if groups < 2 || !(3..=4).contains(&n) {
                    return None;
                }
                return match next {
                    Some(('室' | '房' | '号', len)) => Some(end + len),
                    Some((c, _))
                        if c.is_ascii_alphanumeric()
                            || matches!(c, '-' | '－' | '#' | '＃' | '.' | '元' | '年' | '月' | '日') =>
                    {
                        None
                    }
                    _ => Some(end),
                };
            }
        }
    }
}

/// Words that end the name of a building, compound or institution at a
/// house number (`百盛大厦`, `北京大学`, `紫金港校区`).
const PLACE_NAME_ENDS: &[&str] = &[
    "大厦",
    "大楼",
    "写字楼",
    "广场",
    "中心",
    "商城",
    "公寓",
    "小区",
    "花园",
    "家园",
    "园区",
    "产业园",
    "科技园",
    "工业园",
    "大学",
    "学院",
    "校区",
    "中学",
    "小学",
    "医院",
    "宿舍",
];

/// Words that start a description of where a place is, or of how much of
/// it, rather than its name (`88号对面小区`, `88号旁边医院`, `5号整个小区`).
const PLACE_RELATIONS: &[&str] = &[
    "对面", "旁边", "附近", "隔壁", "后面", "前面", "楼下", "门口", "里面", "这边", "那边", "周边", "周围", "整个",
    "全部", "所有", "几个", "各个", "每个", "好多", "很多",
];

/// The name of a building, compound or institution starting at `i`, right
/// after a house number (`126号百盛大厦`, `5号北京大学`, `866号浙江大学紫金港校区`):
/// at most [`MAX_NAME_CHARS`] name characters, at least two before the
/// word of [`PLACE_NAME_ENDS`] that ends it. Returns the end of the longest
/// such name.
fn trailing_place(hay: &[u8], i: usize) -> Option<usize> {
    if PLACE_RELATIONS.iter().any(|w| hay[i..].starts_with(w.as_bytes())) {
        return None;
    }
    let mut j = i;
    let mut found = None;
    for n in 1..=MAX_NAME_CHARS {
        let Some((c, len)) = char_at(hay, j).filter(|&(c, _)| is_name_char(c)) else { break };
        j += len;
        // The ends' last characters, looked at first: most names end in none.
        if n >= 4 && matches!(c, '厦' | '楼' | '场' | '心' | '城' | '寓' | '区' | '园' | '学' | '院' | '舍')
        {
            let name = &hay[i..j];
            if PLACE_NAME_ENDS.iter().any(|w| name.ends_with(w.as_bytes()) && n >= char_count(w.as_bytes()) + 2) {
                found = Some(j);
            }
        }
    }
    found
}

/// Whether the `区` starting at `at` ends a section of a compound: a
/// direction or a numeral right after a compound word (`龙泽苑东区`,
/// `万科城市花园三区`), not after an everyday word (`华东区`, `商场东区`,
/// `游戏里三区`).
fn compound_section(hay: &[u8], at: usize) -> bool {
    let Some((p, ps)) = char_before(hay, at, 0) else { return false };
    if !"东西南北中一二三四五六七八九十".contains(p) {
        return false;
    }
    char_before(hay, ps, 0).is_some_and(|(c, _)| matches!(c, '苑' | '园' | '府' | '庭' | '村' | '居' | '邸' | '湾'))
}

fn char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Whether any of `words` occurs in `s`, which is at most an address long:
/// a pass over its bytes costs less than setting up a substring search for
/// each word.
fn contains_any(s: &[u8], words: &[&str]) -> bool {
    (0..s.len()).any(|i| words.iter().any(|w| s[i..].starts_with(w.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_characters_as_the_standard_library_does() {
        let mut bytes = Vec::new();
        for c in ['a', 'é', '中', '号', '😀', '\u{10FFFF}', '\u{800}', '\u{FFFF}'] {
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        // Overlong, surrogate, out-of-range, truncated and stray bytes.
        bytes.extend_from_slice(b"\xC0\xAF\xE0\x80\xAF\xED\xA0\x80\xF4\x90\x80\x80\xF0\x80\x80\x80\x80\xFF\xE4\xB8");
        for i in 0..bytes.len() {
            let len = utf8_len(bytes[i]).unwrap_or(1);
            let expected = bytes
                .get(i..i + len)
                .and_then(|s| core::str::from_utf8(s).ok())
                .and_then(|s| s.chars().next())
                .map(|c| (c, len));
            assert_eq!(char_at(&bytes, i), expected, "at {i}");
        }
    }

    /// A text with every unit word whole, cut and side by side, in chat
    /// around it, with bytes that are not UTF-8.
    fn unit_word_text() -> Vec<u8> {
        let mut text = "客户说地址是北京市朝阳区建国路88号院3号楼2单元1102室，新村路大街道胡同小区花园家园天地"
            .as_bytes()
            .to_vec();
        for (w, _) in UNIT_WORDS {
            text.extend_from_slice(w.as_bytes());
            text.extend_from_slice("订单100元".as_bytes());
            text.extend_from_slice(&w.as_bytes()[..w.len() - 1]);
            text.push(b'7');
        }
        for (a, _) in UNIT_WORDS {
            for (b, _) in UNIT_WORDS {
                text.extend_from_slice(a.as_bytes());
                text.extend_from_slice(b.as_bytes());
            }
        }
        text.extend_from_slice(b"\xE5\xBC\x84\xE5\xE6\x94\xAF\xE5\xBC\x84\xBC\x84\x80\xE5\x8F");
        text
    }

    fn reference(kind: aho_corasick::StartKind) -> aho_corasick::AhoCorasick {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .start_kind(kind)
            .build(UNIT_WORDS.iter().map(|(w, _)| w))
            .unwrap()
    }

    #[test]
    fn unit_words_read_the_longest_word_like_an_anchored_search() {
        let text = unit_word_text();
        let words = UnitWords::new();
        let automaton = reference(aho_corasick::StartKind::Anchored);
        let mut found = 0;
        for i in 0..=text.len() {
            let expected = automaton
                .find(aho_corasick::Input::new(&text).range(i..).anchored(aho_corasick::Anchored::Yes))
                .map(|m| (m.end(), UNIT_WORDS[m.pattern().as_usize()].1));
            found += usize::from(expected.is_some());
            assert_eq!(words.at(&text, i), expected, "at {i}");
        }
        assert!(found > UNIT_WORDS.len() * UNIT_WORDS.len(), "{found}");
    }

    #[test]
    fn seed_search_finds_what_a_leftmost_longest_search_finds() {
        let text = unit_word_text();
        let addresses = Addresses::shared();
        let automaton = reference(aho_corasick::StartKind::Unanchored);
        // Every start, and ends that cut words too.
        for to in [text.len(), text.len() - 7, 200, 61] {
            let within = &text[..to];
            for from in 0..=to {
                let expected = automaton
                    .find(aho_corasick::Input::new(within).range(from..))
                    .map(|m| (m.start(), m.end(), UNIT_WORDS[m.pattern().as_usize()].1));
                let plain = Addresses::scan_seeds(&addresses.words, within, from);
                assert_eq!(plain, expected, "plain from {from} to {to}");
                if let Some(seeds) = &addresses.seeds {
                    let packed = Addresses::search_seeds(seeds, &addresses.seed_roles, &addresses.words, within, from);
                    assert_eq!(packed, expected, "packed from {from} to {to}");
                }
            }
        }
    }

    #[test]
    fn seed_characters_find_every_unit_word() {
        assert!(SEED_CHARS.len() <= 32, "more than the packed searcher's slim variant takes");
        for (w, _) in UNIT_WORDS {
            let mut chars = w.chars();
            let (first, second) = (chars.next(), chars.next());
            let seeded = |c: Option<char>| c.is_some_and(|c| SEED_CHARS.contains(&c));
            assert!(seeded(first) || seeded(second), "{w}");
        }
        for &c in SEED_CHARS {
            let role = SeedRole::of(c);
            assert!(role.first || role.second, "{c} belongs to no word");
        }
    }

    #[test]
    fn reads_the_character_before_as_a_walk_back_to_its_lead_byte_does() {
        let mut bytes = "a号é😀中\u{800}\u{FFFF}".as_bytes().to_vec();
        bytes
            .extend_from_slice(b"\xC0\xAF\xE0\x80\xAF\xED\xA0\x80\xF4\x90\x80\x80\x80\xFF\xE4\xB8\xE5\x8F\xB7\xBC\x84");
        for floor in 0..bytes.len() {
            for end in 0..=bytes.len() {
                let expected = prev_char_start(&bytes, end, floor).and_then(|start| {
                    char_at(&bytes, start).filter(|&(_, len)| start + len == end).map(|(c, _)| (c, start))
                });
                assert_eq!(char_before(&bytes, end, floor), expected, "end {end} floor {floor}");
            }
        }
    }

    #[test]
    fn stopper_bits_hold_the_stoppers_and_nothing_else() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_stopper(c), STOPPERS.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn number_characters_are_digits_letters_numerals_and_prefixes() {
        let listed = |c: char| {
            c.is_ascii_alphanumeric()
                || ('０'..='９').contains(&c)
                || ('Ａ'..='Ｚ').contains(&c)
                || "-－#＃〇".contains(c)
                || CJK_NUMBER_CHARS.contains(&c)
        };
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_number_char(c), listed(c), "{c:?}");
        }
        assert!("0aZ８Ｂ-＃〇零两十百千甲第附".chars().all(is_number_char));
        assert!(!"号路，。 万亿".chars().any(is_number_char));
    }

    #[test]
    fn lead_in_test_agrees_with_a_plain_search() {
        for w in LEAD_INS {
            let text = format!("地址{w}");
            assert!(ends_with_lead_in(text.as_bytes()), "{w}");
            assert!(!ends_with_lead_in(&text.as_bytes()[..text.len() - 1]), "{w} cut");
        }
        assert!(!ends_with_lead_in("北京市朝阳区".as_bytes()));
        assert!(!ends_with_lead_in(b""));
    }
}
