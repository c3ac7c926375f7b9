//! Bank card numbers (ISO/IEC 7812): 16 to 19 digits ending in a Luhn check
//! digit.
//!
//! One random number in ten passes Luhn, so a bare Luhn-valid number is only
//! taken for a card when its first digits look like an issuer's: 2221–2720
//! (Mastercard 2-series), 3 (JCB, American Express, Diners), 4 (Visa), 5
//! (Mastercard, Maestro), 6 (UnionPay 62, Discover 60/64/65, domestic
//! 60-prefixed debit cards), 9 (older domestic 95xx debit cards). Anything
//! else needs a context word (`卡号`, `银行卡`, `账号` ...).
//!
//! An 18-digit number laid out as a resident ID number (region code, birth
//! date) is a mistyped ID number, not a card, unless a card word announces
//! it: most ID numbers start with 3 to 6 like card numbers, and one in ten
//! with a wrong check character passes Luhn.
//!
//! Some UnionPay cards do not satisfy Luhn; a 62-prefixed number of card
//! length is still reported after a card context word.

use crate::date::Date;
use crate::kind::{Kind, SubKind};
use crate::matches::Evidence;
use crate::scan::units::Unit;

use super::{Candidate, Need};

/// Whether the digits pass the Luhn check.
pub(crate) fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn plausible_issuer(d: &[u8]) -> bool {
    match d[0] {
        3..=6 | 9 => true,
        2 => {
            let p = u16::from(d[0]) * 1000 + u16::from(d[1]) * 100 + u16::from(d[2]) * 10 + u16::from(d[3]);
            (2221..=2720).contains(&p)
        }
        _ => false,
    }
}

/// Card interpretations of `units` (groups `0..=last` of a token).
pub(crate) fn classify(units: &[Unit], last: usize, today: Date) -> Option<Candidate> {
    if !(16..=19).contains(&units.len()) {
        return None;
    }
    let mut buf = [0u8; 19];
    for (slot, u) in buf.iter_mut().zip(units) {
        if u.value > 9 {
            return None;
        }
        *slot = u.value;
    }
    let d = &buf[..units.len()];
    let cand = Candidate::new(Kind::BankCard, SubKind::Card, Evidence::Checksum, last);
    if luhn(d) {
        if plausible_issuer(d) && !super::id_card::laid_out_like_id(d, today) {
            return Some(cand);
        }
        return Some(cand.needing(Need::Cue(crate::scan::context::Cue::BankCard)));
    }
    if d[0] == 6 && d[1] == 2 {
        return Some(
            Candidate { evidence: Evidence::Context, ..cand }.needing(Need::Cue(crate::scan::context::Cue::BankCard)),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    #[test]
    fn luhn_examples() {
        assert!(luhn(&digits("4111111111111111")));
        assert!(luhn(&digits("79927398713")));
        assert!(!luhn(&digits("79927398710")));
        assert!(luhn(&digits("6222021234567890128")));
        assert!(!luhn(&digits("6222021234567890121")));
    }

    #[test]
    fn issuers() {
        assert!(plausible_issuer(&digits("6222")));
        assert!(plausible_issuer(&digits("4367")));
        assert!(plausible_issuer(&digits("2221")));
        assert!(plausible_issuer(&digits("2720")));
        assert!(!plausible_issuer(&digits("2721")));
        assert!(!plausible_issuer(&digits("1234")));
        assert!(!plausible_issuer(&digits("8888")));
    }
}
