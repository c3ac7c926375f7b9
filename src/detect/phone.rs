//! Telephone numbers: mobile, landline, 400/800 service numbers.

use crate::kind::SubKind;
use crate::matches::Evidence;
use crate::scan::token::Token;
use crate::scan::units::{Sep, digit_at, sep_at};

use super::Candidate;

/// Mobile number segments (the first three digits) in commercial use.
///
/// Source: the MIIT telecommunication numbering plan (电信网编码计划) and its
/// later public allocations: 130–139 and 150–159 (except 154), 145/147/149
/// (data and IoT plans that also carry voice and SMS), 162/165/167 and
/// 170–178 (virtual operators and later allocations), 180–189, 190–199.
/// This is the one place the table lives.
const MOBILE_SEGMENTS: &[(u16, u16)] = &[
    (130, 139),
    (145, 145),
    (147, 147),
    (149, 149),
    (150, 153),
    (155, 159),
    (162, 162),
    (165, 167),
    (170, 178),
    (180, 189),
    (190, 199),
];

/// Whether the three digits open a mobile number.
pub(crate) fn is_mobile_segment(d: &[u8]) -> bool {
    let seg = u16::from(d[0]) * 100 + u16::from(d[1]) * 10 + u16::from(d[2]);
    MOBILE_SEGMENTS.iter().any(|&(lo, hi)| (lo..=hi).contains(&seg))
}

/// The long-distance area codes in use, from `data/area_codes.txt`.
#[derive(Clone, Debug)]
pub(crate) struct AreaCodes {
    /// Bit `n` set when `0` followed by the digits of `n` is an area code:
    /// bit 10 for 010, bit 755 for 0755. Three-digit codes (010, 02x) sit
    /// below 100 and four-digit ones at 300..=999.
    bits: Box<[u64; 16]>,
}

const AREA_CODE_DATA: &str = include_str!("../../data/area_codes.txt");

impl AreaCodes {
    /// The process-wide table, built on first use.
    pub(crate) fn shared() -> AreaCodes {
        static SHARED: std::sync::OnceLock<AreaCodes> = std::sync::OnceLock::new();
        SHARED.get_or_init(AreaCodes::load).clone()
    }

    pub(crate) fn load() -> AreaCodes {
        let mut bits = Box::new([0u64; 16]);
        for line in AREA_CODE_DATA.lines() {
            let code = line.split_whitespace().next().unwrap_or("");
            if code.starts_with('#') || !(3..=4).contains(&code.len()) || !code.starts_with('0') {
                continue;
            }
            if let Ok(n) = code[1..].parse::<usize>() {
                bits[n / 64] |= 1 << (n % 64);
            }
        }
        AreaCodes { bits }
    }

    /// Whether the digits (without the leading 0) are an area code.
    fn contains(&self, digits: &[u8]) -> bool {
        // Two digits (10, 21) name a three-digit code, three digits a
        // four-digit code (never starting with 0, so the ranges do not
        // overlap).
        if !(2..=3).contains(&digits.len()) || digits[0] == 0 {
            return false;
        }
        let n = digits.iter().fold(0usize, |n, &d| n * 10 + usize::from(d));
        self.bits[n / 64] & (1 << (n % 64)) != 0
    }
}

/// How many digits of a national number are its area code, given its first
/// two digits. With the trunk prefix (`010`, `0755`): 3 for 010 and 02x,
/// otherwise 4. Without it, after a country code (`10`, `755`): one less.
pub(crate) fn area_code_len(first: u8, second: u8) -> usize {
    let (trunk, lead) = if first == 0 { (1, second) } else { (0, first) };
    trunk + if lead == 1 || lead == 2 { 2 } else { 3 }
}

/// Phone interpretations of groups `0..=last` of `tok`.
pub(crate) fn classify(tok: &Token, last: usize, area_codes: &AreaCodes, hay: &[u8]) -> Option<Candidate> {
    let units = tok.units_through(last);
    let mut d = [0u8; crate::scan::token::MAX_UNITS];
    for (slot, u) in d.iter_mut().zip(units) {
        if u.value > 9 {
            return None;
        }
        *slot = u.value;
    }
    let d = &d[..units.len()];
    let n = d.len();
    let grouped = last > 0;

    // Mobile, with an optional country code.
    let national = match (n, d) {
        (11, _) => Some(0),
        (13, [8, 6, ..]) => Some(2),
        (15, [0, 0, 8, 6, ..]) => Some(4),
        _ => None,
    };
    if let Some(at) = national
        && d[at] == 1
        && is_mobile_segment(&d[at..at + 3])
    {
        if grouping_ok(tok, at, last, MOBILE_GROUPINGS) {
            return Some(Candidate::phone(SubKind::Mobile, Evidence::Pattern, at, last, None));
        }
        // Grouped another way, as the pauses of someone reading the number
        // out fall (`幺三八 幺二三四 五六 七八`, `1381 2345 678`): a phone
        // number when a phone word announces it and the groups are the
        // whole run, not a slice of a longer grouped number.
        if grouped && last + 1 == tok.n_groups && tok.closed && !super::joined_group_before(hay, tok.groups[0].start) {
            return Some(Candidate::phone(SubKind::Mobile, Evidence::Context, at, last, None));
        }
    }

    // 400/800 service numbers.
    if n == 10 && matches!(d, [4, 0, 0, ..] | [8, 0, 0, ..]) && grouping_ok(tok, 0, last, SERVICE_GROUPINGS) {
        let evidence = if grouped { Evidence::Pattern } else { Evidence::Context };
        return Some(Candidate::phone(SubKind::Service, evidence, 0, last, extension(hay, tok.groups[last].end)));
    }

    landline(tok, last, d, area_codes, hay)
}

/// How mobile numbers are grouped when written with gaps (besides one
/// digit at a time). Any other grouping (`1381 2345 679`) is a slice of a
/// longer number, not a phone number.
const MOBILE_GROUPINGS: &[&[usize]] = &[&[11], &[3, 4, 4], &[3, 8], &[7, 4], &[4, 3, 4], &[3, 3, 5]];

/// How 400/800 numbers are grouped.
const SERVICE_GROUPINGS: &[&[usize]] = &[&[10], &[3, 3, 4], &[4, 3, 3], &[3, 7], &[3, 4, 3]];

/// Whether the units from index `at` to the end of group `last` are
/// grouped in one of `allowed` ways, or one unit per group (read out digit
/// by digit). A country code glued to the first group does not count.
fn grouping_ok(tok: &Token, at: usize, last: usize, allowed: &[&[usize]]) -> bool {
    let mut lens = [0usize; crate::scan::token::MAX_UNITS];
    let mut n = 0;
    for g in &tok.groups[..=last] {
        let end = g.first + g.len;
        if end <= at {
            continue;
        }
        let len = end - g.first.max(at);
        // Groups joined by a soft gap (`五43五`) were written as one.
        if n > 0 && g.gap_before.is_empty() {
            lens[n - 1] += len;
        } else {
            lens[n] = len;
            n += 1;
        }
    }
    let lens = &lens[..n];
    allowed.contains(&lens) || lens.iter().all(|&l| l == 1)
}

/// Landline interpretations: the area code as its own group (`010-62345678`,
/// `(021)5555-1234`, `+86 10 6234 5678`), or glued to the number
/// (`075586001234`, needs a context word).
fn landline(tok: &Token, last: usize, d: &[u8], area_codes: &AreaCodes, hay: &[u8]) -> Option<Candidate> {
    let groups = &tok.groups[..=last];
    // A country code group, then the area code without its trunk 0.
    let cc = match d {
        [8, 6, ..] if groups[0].len == 2 => 2,
        [0, 0, 8, 6, ..] if groups[0].len == 4 => 4,
        _ => 0,
    };
    let area_group = usize::from(cc > 0);
    if area_group <= last {
        let g = &groups[area_group];
        let area = &d[g.first..g.first + g.len];
        // After a country code the trunk 0 is usually dropped (`+86 10`),
        // sometimes kept (`+86 010`).
        let without_trunk = match area {
            [0, rest @ ..] => Some(rest),
            _ if cc > 0 => Some(area),
            _ => None,
        };
        let area_ok = without_trunk.is_some_and(|a| area_codes.contains(a));
        // Three-digit area codes (010, 02x) have eight-digit numbers.
        let short_area = without_trunk.is_some_and(|a| a.len() == 2);
        if area_ok && area_group < last {
            // The subscriber number fills the following groups exactly (7 or 8
            // digits), optionally followed by a dashed extension group.
            let mut count = 0;
            for k in area_group + 1..=last {
                count += groups[k].len;
                let sub_ok = (count == 8 || count == 7 && !short_area) && d[groups[area_group + 1].first] >= 2;
                if !sub_ok {
                    continue;
                }
                let ext_group =
                    k + 1 == last && (1..=6).contains(&groups[last].len) && groups[last].gap_before.contains(Sep::Dash);
                if k == last || ext_group {
                    let ext = if k == last { extension(hay, groups[last].end) } else { None };
                    return Some(Candidate::phone(SubKind::Landline, Evidence::Pattern, cc, last, ext));
                }
            }
        }
    }
    // Area code glued to the number: one group of 10 to 12 digits.
    if last == 0 && d.first() == Some(&0) && d.len() >= 2 {
        let area_len = area_code_len(d[0], d[1]);
        let sub = d.len().checked_sub(area_len)?;
        let sub_ok = sub == 8 || sub == 7 && area_len == 4;
        if sub_ok && area_codes.contains(&d[1..area_len]) && d[area_len] >= 2 {
            return Some(Candidate::phone(SubKind::Landline, Evidence::Context, 0, 0, extension(hay, groups[0].end)));
        }
    }
    None
}

/// An extension written after a number: `转123`, `转分机123`, `分机：8001`.
/// Returns the offset just past its digits.
fn extension(hay: &[u8], mut i: usize) -> Option<usize> {
    const MARKERS: [&str; 4] = ["转分机", "转", "分机号", "分机"];
    if hay.get(i) == Some(&b' ') {
        i += 1;
    }
    let marker = MARKERS.iter().find(|m| hay[i..].starts_with(m.as_bytes()))?;
    i += marker.len();
    if let Some(rest) = hay.get(i..) {
        if rest.starts_with(b":") || rest.starts_with(b" ") {
            i += 1;
        } else if rest.starts_with("：".as_bytes()) {
            i += 3;
        }
    }
    let start = i;
    let mut count = 0;
    while let Some(u) = digit_at(hay, i) {
        count += 1;
        if count > 6 {
            return None;
        }
        i += usize::from(u.len);
    }
    let boundary_ok =
        hay.get(i).is_none_or(|b| !b.is_ascii_alphanumeric()) && sep_at(hay, i).is_none_or(|(s, _)| s != Sep::Dash);
    (i > start && boundary_ok).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_segments() {
        for seg in ["130", "139", "145", "147", "149", "150", "159", "162", "166", "170", "178", "181", "199"] {
            let d: Vec<u8> = seg.bytes().map(|b| b - b'0').collect();
            assert!(is_mobile_segment(&d), "{seg}");
        }
        for seg in ["100", "120", "140", "141", "146", "154", "160", "168", "169", "179"] {
            let d: Vec<u8> = seg.bytes().map(|b| b - b'0').collect();
            assert!(!is_mobile_segment(&d), "{seg}");
        }
    }

    #[test]
    fn area_codes_from_data() {
        let a = AreaCodes::load();
        for code in ["010", "021", "020", "029", "0755", "0571", "0898", "0991", "0311"] {
            let d: Vec<u8> = code[1..].bytes().map(|b| b - b'0').collect();
            assert!(a.contains(&d), "{code}");
        }
        for code in ["0001", "0100", "0200", "011", "00", "012345678901234567890"] {
            let d: Vec<u8> = code[1..].bytes().map(|b| b - b'0').collect();
            assert!(!a.contains(&d), "{code}");
        }
    }

    #[test]
    fn area_code_lengths() {
        assert_eq!(area_code_len(0, 1), 3);
        assert_eq!(area_code_len(0, 2), 3);
        assert_eq!(area_code_len(0, 7), 4);
        assert_eq!(area_code_len(1, 0), 2);
        assert_eq!(area_code_len(7, 5), 3);
    }

    #[test]
    fn extensions() {
        let s = "转123，".as_bytes();
        assert_eq!(extension(s, 0), Some(6));
        assert_eq!(extension("分机：8001".as_bytes(), 0), Some(13));
        assert_eq!(extension("转人工".as_bytes(), 0), None);
        assert_eq!(extension("转1234567".as_bytes(), 0), None);
        assert_eq!(extension(" 转 8001".as_bytes(), 0), Some(9));
    }
}
