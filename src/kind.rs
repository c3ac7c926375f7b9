//! What kinds of personal information tuomin finds.

use core::fmt;

/// A kind of personal information.
///
/// New kinds are added in minor releases, so matching on `Kind` needs a
/// wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A telephone number: mobile, landline or a 400/800 service number.
    Phone,
    /// A resident identity card number (居民身份证号码), 18 or 15 characters.
    IdCard,
    /// A bank card number, 16 to 19 digits.
    BankCard,
    /// A postal address with detail below the district (road and number,
    /// compound and building, village and group).
    Address,
}

impl Kind {
    /// Every kind this version knows, in a fixed order.
    pub const ALL: [Kind; 4] = [Kind::Phone, Kind::IdCard, Kind::BankCard, Kind::Address];

    /// The stable machine-readable name: `phone`, `id_card`, `bank_card`,
    /// `address`.
    ///
    /// These names appear in the CLI's JSON output and configuration and
    /// never change.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::IdCard => "id_card",
            Kind::BankCard => "bank_card",
            Kind::Address => "address",
        }
    }

    /// Parses a name produced by [`Kind::name`].
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A finer classification of a match within its [`Kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SubKind {
    /// An 11-digit mobile number (`138 1234 5678`).
    Mobile,
    /// A fixed-line number with its area code (`010-62345678`).
    Landline,
    /// A 400 or 800 service number (`400-820-8820`).
    Service,
    /// An 18-character resident ID number with its check character.
    Id18,
    /// A legacy 15-digit resident ID number (no check digit).
    Id15,
    /// A bank card number.
    Card,
    /// A postal address.
    Address,
}

impl SubKind {
    /// The stable machine-readable name (`mobile`, `landline`, `service`,
    /// `id18`, `id15`, `card`, `address`).
    pub const fn name(self) -> &'static str {
        match self {
            SubKind::Mobile => "mobile",
            SubKind::Landline => "landline",
            SubKind::Service => "service",
            SubKind::Id18 => "id18",
            SubKind::Id15 => "id15",
            SubKind::Card => "card",
            SubKind::Address => "address",
        }
    }
}

/// A set of kinds, used to choose which detectors run.
///
/// ```
/// use tuomin::{Kind, KindSet};
///
/// let digits_only = KindSet::NONE.with(Kind::Phone).with(Kind::BankCard);
/// assert!(digits_only.contains(Kind::Phone));
/// assert!(!digits_only.contains(Kind::IdCard));
/// assert_eq!("phone,bank_card".parse::<KindSet>().unwrap(), digits_only);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(u32);

impl KindSet {
    /// No kind at all.
    pub const NONE: KindSet = KindSet(0);
    /// Every kind this version knows.
    pub const ALL: KindSet = KindSet((1 << Kind::ALL.len()) - 1);

    /// This set plus `kind`.
    #[must_use]
    pub const fn with(self, kind: Kind) -> KindSet {
        KindSet(self.0 | 1 << kind as u32)
    }

    /// This set without `kind`.
    #[must_use]
    pub const fn without(self, kind: Kind) -> KindSet {
        KindSet(self.0 & !(1 << kind as u32))
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in [`Kind::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |&k| self.contains(k))
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> KindSet {
        iter.into_iter().fold(KindSet::NONE, KindSet::with)
    }
}

impl fmt::Debug for KindSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// A comma-separated list of kind names that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {name:?} (known kinds: phone, id_card, bank_card, address)")]
pub struct UnknownKind {
    name: String,
}

impl core::str::FromStr for KindSet {
    type Err = UnknownKind;

    /// Parses `phone,id_card`; `all` stands for every kind.
    fn from_str(s: &str) -> Result<KindSet, UnknownKind> {
        let mut set = KindSet::NONE;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name == "all" {
                set = KindSet::ALL;
                continue;
            }
            let kind = Kind::from_name(name).ok_or_else(|| UnknownKind { name: name.to_string() })?;
            set = set.with(kind);
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        assert_eq!(Kind::from_name("email"), None);
    }

    #[test]
    fn parses_sets() {
        assert_eq!("all".parse::<KindSet>().unwrap(), KindSet::ALL);
        assert_eq!(" phone , id_card ".parse::<KindSet>().unwrap(), KindSet::NONE.with(Kind::Phone).with(Kind::IdCard));
        let err = "phone,passport".parse::<KindSet>().unwrap_err();
        assert!(err.to_string().contains("\"passport\""));
        assert_eq!(KindSet::ALL.iter().count(), Kind::ALL.len());
    }
}
