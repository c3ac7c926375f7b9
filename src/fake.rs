//! Format-preserving fakes: a number replaced by a made-up number of the
//! same kind, layout and byte length, which passes the kind's check and is
//! the same for the same value and key.
//!
//! Every digit (and check character) is replaced where it stands, in its
//! own script: an ASCII digit by an ASCII digit, a full-width digit by a
//! full-width digit, a Chinese numeral by a numeral. Separators, brackets,
//! extensions words and a country code stay. The digits come from the
//! keyed hash of the normalised value ([`PseudonymKey::digits`]), within
//! ranges chosen so that a fake cannot be someone's real number:
//!
//! | number | fake |
//! |---|---|
//! | mobile | segment `154`, the one 15x segment never allocated, then 8 keyed digits |
//! | landline | the area code kept (a city, not a person), then `0` (no local number starts with the trunk prefix) and keyed digits |
//! | 400/800 | the `400`/`800` prefix kept, then keyed digits (business numbers; no range is reserved) |
//! | ID, 18 | region `90xxxx` (no province has code 90), a birth date from 1950 to 1999 (day 1–28), keyed sequence, a valid check character |
//! | ID, 15 | region `90xxxx`, birth date `50`–`99`, keyed sequence |
//! | bank card | `9` first (ISO/IEC 7812 major industry 9, national use, never a payment card), keyed digits, a valid Luhn digit |
//!
//! Numbers of other shapes (an unexpected digit count) get keyed digits
//! throughout; other kinds are masked in full.

use crate::detect::bank_card::luhn;
use crate::detect::id_card::check_char;
use crate::detect::phone::area_code_len;
use crate::kind::{Kind, SubKind};
use crate::matches::Match;
use crate::policy::{Policy, mask_in_place};
use crate::pseudonym::PseudonymKey;
use crate::scan::units::{CHECK_X, Script, Unit, check_x_at, digit_at};

/// Replaces, in place, the units of a match's bytes by a fake number.
/// `span` is exactly the match's bytes.
pub(crate) fn fake_in_place(key: &PseudonymKey, m: &Match, span: &mut [u8]) {
    if !matches!(m.kind(), Kind::Phone | Kind::IdCard | Kind::BankCard) {
        return mask_in_place(&Policy::Full, m, span);
    }
    let lead = m.lead().min(span.len());
    let units = units(m.kind(), &span[lead..]);
    let original: Vec<u8> = units.iter().map(|(_, u)| u.value).collect();
    let keyed = key.digits(m, span, original.len());
    let fake = fake_digits(m.sub_kind(), &original, keyed);
    for ((at, unit), value) in units.iter().zip(fake) {
        write_unit(&mut span[lead + at..lead + at + usize::from(unit.len)], unit.script, value);
    }
}

/// Offsets and units of a number's digits (and check character, for ID
/// numbers).
fn units(kind: Kind, body: &[u8]) -> Vec<(usize, Unit)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        match digit_at(body, i).or_else(|| check_x_at(body, i).filter(|_| kind == Kind::IdCard)) {
            Some(u) => {
                out.push((i, u));
                i += usize::from(u.len);
            }
            None => i += 1,
        }
    }
    out
}

/// The fake digits for a number whose digits are `original`, from `keyed`
/// (as many keyed digits as there are originals).
fn fake_digits(sub_kind: SubKind, original: &[u8], mut keyed: Vec<u8>) -> Vec<u8> {
    let n = original.len();
    match (sub_kind, n) {
        (SubKind::Mobile, 11) => keyed[..3].copy_from_slice(&[1, 5, 4]),
        (SubKind::Landline, 2..) => {
            let area = area_code_len(original[0], original[1]).min(n);
            keyed[..area].copy_from_slice(&original[..area]);
            if area < n {
                keyed[area] = 0;
            }
        }
        (SubKind::Service, 3..) => keyed[..3].copy_from_slice(&original[..3]),
        (SubKind::Id18, 18) => {
            fake_id_body(&mut keyed, 4);
            keyed[17] = check_char(&keyed[..17]);
        }
        (SubKind::Id15, 15) => fake_id_body(&mut keyed, 2),
        (SubKind::Card, 2..) => {
            keyed[0] = 9;
            // The one last digit that makes the Luhn check pass.
            keyed[n - 1] = (0..10).find(|&d| luhn(&[&keyed[..n - 1], &[d]].concat())).unwrap_or(0);
        }
        _ => {}
    }
    keyed
}

/// Region `90` and a birth date in the 1950s to 1990s, day 1 to 28, over
/// keyed digits; `year_digits` is 4 (`1950`–`1999`) or 2 (`50`–`99`).
fn fake_id_body(d: &mut [u8], year_digits: usize) {
    d[0] = 9;
    d[1] = 0;
    let mut at = 6;
    if year_digits == 4 {
        d[at] = 1;
        d[at + 1] = 9;
        at += 2;
    }
    // Decade 5–9, any year within it.
    d[at] = 5 + d[at] % 5;
    at += 2;
    // Month 01–12.
    let month = 1 + (d[at] * 10 + d[at + 1]) % 12;
    d[at] = month / 10;
    d[at + 1] = month % 10;
    at += 2;
    // Day 01–28: valid in every month.
    let day = 1 + (d[at] * 10 + d[at + 1]) % 28;
    d[at] = day / 10;
    d[at + 1] = day % 10;
}

/// Writes the unit `value` (a digit or [`CHECK_X`]) in `script` over
/// `out`, which has the byte length of the unit it replaces.
fn write_unit(out: &mut [u8], script: Script, value: u8) {
    const NUMERALS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let bytes: &[u8] = match (script, value) {
        (Script::Ascii, CHECK_X) => b"X",
        (Script::FullWidth, CHECK_X) => "Ｘ".as_bytes(),
        (Script::Numeral, CHECK_X) => "叉".as_bytes(),
        (Script::Ascii, v) => &[b'0' + v],
        (Script::FullWidth, v) => &[0xEF, 0xBC, 0x90 + v],
        (Script::Numeral, v) => NUMERALS[usize::from(v)].as_bytes(),
    };
    // Every form of a unit has the length of the unit it replaces; should
    // that ever fail, mask rather than shift bytes.
    if bytes.len() == out.len() {
        out.copy_from_slice(bytes);
    } else {
        out.fill(b'*');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_ids_are_valid_and_from_region_90() {
        for seed in 0..200u32 {
            let keyed: Vec<u8> = (0..18).map(|i| ((seed * 7 + i * 13) % 10) as u8).collect();
            let d = fake_digits(SubKind::Id18, &[0; 18], keyed);
            assert_eq!(&d[..2], &[9, 0]);
            let month = d[10] * 10 + d[11];
            let day = d[12] * 10 + d[13];
            assert!((1950..=1999).contains(&(u16::from(d[8]) * 10 + u16::from(d[9]) + 1900)));
            assert!((1..=12).contains(&month) && (1..=28).contains(&day), "{d:?}");
            assert_eq!(d[17], check_char(&d[..17]));
        }
    }

    #[test]
    fn fake_cards_pass_luhn_and_start_with_9() {
        for n in 16..=19 {
            for seed in 0..50u32 {
                let keyed: Vec<u8> = (0..n).map(|i| ((seed * 3 + i * 11) % 10) as u8).collect();
                let d = fake_digits(SubKind::Card, &vec![6; n as usize], keyed);
                assert_eq!(d[0], 9);
                assert!(luhn(&d), "{d:?}");
            }
        }
    }

    #[test]
    fn units_keep_their_script_and_length() {
        let mut b = *"１".as_bytes().first_chunk::<3>().unwrap();
        write_unit(&mut b, Script::FullWidth, 7);
        assert_eq!(&b, "７".as_bytes());
        write_unit(&mut b, Script::Numeral, 0);
        assert_eq!(&b, "零".as_bytes());
        write_unit(&mut b, Script::Numeral, CHECK_X);
        assert_eq!(&b, "叉".as_bytes());
    }
}
