//! Resident identity card numbers (GB 11643-1999).
//!
//! 18 characters: a six-digit region code, the birth date `YYYYMMDD`, a
//! three-digit sequence number and an ISO 7064 MOD 11-2 check character
//! (`0`–`9` or `X`). The legacy 15-digit form (`YYMMDD`, no check digit) was
//! issued until 1999 and is still read out by customers; having no check
//! digit, it is only accepted after a context word.

use crate::date::Date;
use crate::kind::SubKind;
use crate::matches::Evidence;
use crate::scan::units::{CHECK_X, Unit};

use super::Candidate;

/// Weights of ISO 7064 MOD 11-2 for the first 17 digits.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for each weighted sum mod 11 (`X` is 10).
const CHECK: [u8; 11] = [1, 0, CHECK_X, 9, 8, 7, 6, 5, 4, 3, 2];

/// Province-level codes (the first two digits) of GB/T 2260, plus 71
/// (Taiwan), 81 (Hong Kong) and 82 (Macao), and 83, used by residence
/// permits for Taiwan residents.
const PROVINCES: [u8; 37] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
    64, 65, 71, 81, 82, 83, 0, 0,
];

fn province_ok(d: &[u8]) -> bool {
    let p = d[0] * 10 + d[1];
    p != 0 && PROVINCES.contains(&p)
}

const REGION_CODE_DATA: &str = include_str!("../../data/region_codes.txt");

/// Builds the region-code table now rather than on the first ID number, so
/// a redactor's first call costs what later calls cost.
pub(crate) fn prepare() {
    region_codes();
}

/// Every administrative division code that exists or once existed (GB/T
/// 2260 revisions since 1980 and later statistics-bureau lists; see
/// `data/README.md`), sorted. An ID number keeps the code of the place it
/// was issued, so abolished codes stay valid.
fn region_codes() -> &'static [u32] {
    static CODES: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        // Lines are `CODE<TAB>NAME`, sorted by code; comments start with `#`.
        let mut codes: Vec<u32> = REGION_CODE_DATA
            .lines()
            .filter_map(|l| {
                let digits = l.as_bytes().get(..6)?;
                digits
                    .iter()
                    .all(u8::is_ascii_digit)
                    .then(|| digits.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0')))
            })
            .collect();
        codes.sort_unstable();
        codes
    })
}

/// Whether the first six digits are a province code and a division code
/// that exists or once existed.
fn region_ok(d: &[u8]) -> bool {
    let code = d[..6].iter().fold(0u32, |n, &x| n * 10 + u32::from(x));
    province_ok(d) && region_codes().binary_search(&code).is_ok()
}

/// The check character an 18-character ID number must end with.
pub(crate) fn check_char(first17: &[u8]) -> u8 {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(&d, w)| u32::from(d) * w).sum();
    CHECK[(sum % 11) as usize]
}

fn date_ok(year: u16, month: u8, day: u8, today: Date) -> bool {
    year >= 1900 && Date::new(year, month, day).is_some_and(|d| d <= today)
}

fn number(d: &[u8]) -> u16 {
    d.iter().fold(0, |n, &x| n * 10 + u16::from(x))
}

/// Whether 18 digits are laid out as an ID number: a real region code and
/// a possible birth date, whatever the check character. Such a number with
/// a wrong check character is an ID number mistyped or misheard, not some
/// other number: the layout alone is rare in random digits (well under one
/// in a thousand).
pub(crate) fn laid_out_like_id(d: &[u8], today: Date) -> bool {
    d.len() == 18 && date_ok(number(&d[6..10]), d[10] * 10 + d[11], d[12] * 10 + d[13], today) && region_ok(d)
}

/// ID interpretations of `units` (groups `0..=last` of a token).
pub(crate) fn classify(units: &[Unit], last: usize, today: Date) -> Option<Candidate> {
    let mut d = [0u8; 18];
    match units.len() {
        18 => {
            for (slot, u) in d.iter_mut().zip(&units[..17]) {
                if u.value > 9 {
                    return None;
                }
                *slot = u.value;
            }
            d[17] = units[17].value;
            let ok = region_ok(&d)
                && date_ok(number(&d[6..10]), d[10] * 10 + d[11], d[12] * 10 + d[13], today)
                && check_char(&d[..17]) == d[17];
            ok.then(|| Candidate::new(crate::Kind::IdCard, SubKind::Id18, Evidence::Checksum, last))
        }
        15 => {
            for (slot, u) in d.iter_mut().zip(units) {
                if u.value > 9 {
                    return None;
                }
                *slot = u.value;
            }
            let ok = region_ok(&d) && date_ok(1900 + number(&d[6..8]), d[8] * 10 + d[9], d[10] * 10 + d[11], today);
            ok.then(|| Candidate::new(crate::Kind::IdCard, SubKind::Id15, Evidence::Context, last))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| if b == b'X' { CHECK_X } else { b - b'0' }).collect()
    }

    #[test]
    fn check_characters() {
        // Examples worked by hand from the weights above.
        assert_eq!(check_char(&digits("11010519491231002")), CHECK_X);
        assert_eq!(check_char(&digits("44052418800101001")), 4);
        assert_eq!(check_char(&digits("11010519491231003")), 8);
        let d = digits("11010519491231002X");
        let sum: u32 = d[..17].iter().zip(WEIGHTS).map(|(&x, w)| u32::from(x) * w).sum();
        assert_eq!(sum % 11, 2);
    }

    #[test]
    fn provinces() {
        assert!(province_ok(&[1, 1]));
        assert!(province_ok(&[6, 5]));
        assert!(province_ok(&[8, 3]));
        assert!(!province_ok(&[0, 0]));
        assert!(!province_ok(&[1, 6]));
        assert!(!province_ok(&[9, 1]));
        assert!(region_ok(&[1, 1, 0, 1, 0, 5]), "朝阳区, Beijing");
        assert!(region_ok(&[8, 1, 0, 0, 0, 0]), "Hong Kong, residence permits");
        assert!(!region_ok(&[1, 1, 0, 1, 9, 9]), "no such county");
        assert!(region_codes().len() > 7000);
    }

    #[test]
    fn id_layout_ignores_the_check_character() {
        let today = Date::new(2026, 11, 29).unwrap();
        // The check character of 44010619851122100 is 0; 7 is wrong, but the
        // layout is an ID number's all the same.
        assert!(laid_out_like_id(&digits("440106198511221000"), today));
        assert!(laid_out_like_id(&digits("440106198511221007"), today));
        assert!(!laid_out_like_id(&digits("622202198511221007"), today), "no such region");
        assert!(!laid_out_like_id(&digits("440106198513221007"), today), "no 13th month");
        assert!(!laid_out_like_id(&digits("44010619851122100"), today), "17 digits");
    }

    #[test]
    fn birth_dates() {
        let today = Date::new(2026, 11, 29).unwrap();
        assert!(date_ok(1949, 12, 31, today));
        assert!(date_ok(2026, 11, 29, today));
        assert!(!date_ok(2026, 11, 30, today), "future");
        assert!(!date_ok(1899, 12, 31, today), "before 1900");
        assert!(!date_ok(1990, 2, 30, today));
    }
}
