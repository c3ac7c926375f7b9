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
    /// An SMS verification code after a word announcing it (`验证码`,
    /// `动态码`); the code is masked, the word kept.
    VerificationCode,
    /// A password or PIN after a word announcing it (`密码`, `支付密码`,
    /// `PIN`).
    Password,
    /// A card security code (CVV/CVN, `安全码`, `卡背后三位`).
    CardSecurityCode,
    /// A card expiry date (`有效期 08/27`) near a card number or card word.
    CardExpiry,
    /// A passport number of the People's Republic of China, with a word
    /// announcing it.
    Passport,
    /// A Mainland travel permit for Hong Kong, Macao or Taiwan residents, or
    /// an Exit-Entry permit.
    TravelPermit,
    /// A Hong Kong identity card number (`A123456(7)`), check digit valid.
    HkId,
    /// A Macao identity card number (`1234567(8)`), with a word announcing it.
    MacaoId,
    /// A Taiwan national identification number (`A123456789`), check digit
    /// valid.
    TaiwanId,
    /// A military or armed-police officer's ID number, with a word
    /// announcing it.
    MilitaryId,
    /// An email address.
    Email,
    /// A QQ number, with a word announcing it.
    Qq,
    /// A WeChat ID, with a word announcing it.
    WeChat,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// A vehicle licence plate (`京A12345`, `沪AD12345`).
    LicensePlate,
    /// A person's name, with a word announcing it (`我叫`, `姓名：`,
    /// `X先生`). Best effort, and not looked for unless asked for.
    Name,
    /// A match of a rule the deployment defined ([`Rule`](crate::Rule));
    /// [`Match::rule`](crate::Match::rule) says which.
    Custom,
}

impl Kind {
    /// Every kind this version knows, in a fixed order.
    pub const ALL: [Kind; 21] = [
        Kind::Phone,
        Kind::IdCard,
        Kind::BankCard,
        Kind::Address,
        Kind::VerificationCode,
        Kind::Password,
        Kind::CardSecurityCode,
        Kind::CardExpiry,
        Kind::Passport,
        Kind::TravelPermit,
        Kind::HkId,
        Kind::MacaoId,
        Kind::TaiwanId,
        Kind::MilitaryId,
        Kind::Email,
        Kind::Qq,
        Kind::WeChat,
        Kind::IpAddress,
        Kind::LicensePlate,
        Kind::Name,
        Kind::Custom,
    ];

    /// The stable machine-readable name: `phone`, `id_card`, `bank_card`,
    /// `address`, `verification_code`, `password`, `card_security_code`,
    /// `card_expiry`, `passport`, `travel_permit`, `hk_id`, `macao_id`,
    /// `taiwan_id`, `military_id`, `email`, `qq`, `wechat`, `ip_address`,
    /// `license_plate`, `name`, `custom` (the CLI writes a rule's own name
    /// for its matches).
    ///
    /// These names appear in the CLI's JSON output and configuration and
    /// never change.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::IdCard => "id_card",
            Kind::BankCard => "bank_card",
            Kind::Address => "address",
            Kind::VerificationCode => "verification_code",
            Kind::Password => "password",
            Kind::CardSecurityCode => "card_security_code",
            Kind::CardExpiry => "card_expiry",
            Kind::Passport => "passport",
            Kind::TravelPermit => "travel_permit",
            Kind::HkId => "hk_id",
            Kind::MacaoId => "macao_id",
            Kind::TaiwanId => "taiwan_id",
            Kind::MilitaryId => "military_id",
            Kind::Email => "email",
            Kind::Qq => "qq",
            Kind::WeChat => "wechat",
            Kind::IpAddress => "ip_address",
            Kind::LicensePlate => "license_plate",
            Kind::Name => "name",
            Kind::Custom => "custom",
        }
    }

    /// Whether this kind is looked for unless asked otherwise: every kind
    /// but [`Kind::Name`], whose detection is best effort, and
    /// [`Kind::Custom`], which is looked for exactly when there are rules.
    pub const fn is_default(self) -> bool {
        !matches!(self, Kind::Name | Kind::Custom)
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
    /// An SMS verification code.
    VerificationCode,
    /// A password or PIN.
    Password,
    /// A card security code.
    CardSecurityCode,
    /// A card expiry date.
    CardExpiry,
    /// A passport number.
    Passport,
    /// A Mainland travel permit for Hong Kong and Macao residents (`H`/`M`).
    HkMacaoPermit,
    /// A Mainland travel permit for Taiwan residents.
    TaiwanPermit,
    /// An Exit-Entry permit for travelling to and from Hong Kong and Macao
    /// (`C`).
    ExitEntryPermit,
    /// A Hong Kong identity card number.
    HkId,
    /// A Macao identity card number.
    MacaoId,
    /// A Taiwan national identification number.
    TaiwanId,
    /// A military or armed-police officer's ID number.
    MilitaryId,
    /// An email address.
    Email,
    /// A QQ number.
    Qq,
    /// A WeChat ID.
    WeChat,
    /// An IPv4 address.
    Ipv4,
    /// An IPv6 address.
    Ipv6,
    /// A vehicle licence plate.
    LicensePlate,
    /// A person's name.
    Name,
    /// A match of a deployment's own rule.
    Custom,
}

impl SubKind {
    /// The stable machine-readable name (`mobile`, `landline`, `service`,
    /// `id18`, `id15`, `card`, `address`, and for the other kinds their kind
    /// name, or `hk_macao_permit`, `taiwan_permit`, `exit_entry_permit`,
    /// `ipv4`, `ipv6`).
    pub const fn name(self) -> &'static str {
        match self {
            SubKind::Mobile => "mobile",
            SubKind::Landline => "landline",
            SubKind::Service => "service",
            SubKind::Id18 => "id18",
            SubKind::Id15 => "id15",
            SubKind::Card => "card",
            SubKind::Address => "address",
            SubKind::VerificationCode => "verification_code",
            SubKind::Password => "password",
            SubKind::CardSecurityCode => "card_security_code",
            SubKind::CardExpiry => "card_expiry",
            SubKind::Passport => "passport",
            SubKind::HkMacaoPermit => "hk_macao_permit",
            SubKind::TaiwanPermit => "taiwan_permit",
            SubKind::ExitEntryPermit => "exit_entry_permit",
            SubKind::HkId => "hk_id",
            SubKind::MacaoId => "macao_id",
            SubKind::TaiwanId => "taiwan_id",
            SubKind::MilitaryId => "military_id",
            SubKind::Email => "email",
            SubKind::Qq => "qq",
            SubKind::WeChat => "wechat",
            SubKind::Ipv4 => "ipv4",
            SubKind::Ipv6 => "ipv6",
            SubKind::LicensePlate => "license_plate",
            SubKind::Name => "name",
            SubKind::Custom => "custom",
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
    /// The kinds looked for unless asked otherwise: every kind but
    /// [`Kind::Name`] and [`Kind::Custom`] (see [`Kind::is_default`]).
    pub const DEFAULT: KindSet = KindSet::ALL.without(Kind::Name).without(Kind::Custom);

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

const KNOWN_KINDS: &str = "phone, id_card, bank_card, address, verification_code, password, card_security_code, \
card_expiry, passport, travel_permit, hk_id, macao_id, taiwan_id, military_id, email, qq, wechat, ip_address, \
license_plate, name; all; default";

/// A comma-separated list of kind names that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind {name:?} (known kinds: {known})", known = KNOWN_KINDS)]
pub struct UnknownKind {
    name: String,
}

impl core::str::FromStr for KindSet {
    type Err = UnknownKind;

    /// Parses `phone,id_card`; `all` stands for every kind, `default`
    /// for [`KindSet::DEFAULT`].
    fn from_str(s: &str) -> Result<KindSet, UnknownKind> {
        let mut set = KindSet::NONE;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name == "all" {
                set = KindSet::ALL;
                continue;
            }
            if name == "default" {
                set = KindSet(set.0 | KindSet::DEFAULT.0);
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
        assert_eq!(Kind::from_name("e-mail"), None);
        for k in Kind::ALL {
            assert_eq!(KindSet::DEFAULT.contains(k), !matches!(k, Kind::Name | Kind::Custom), "{k}");
        }
    }

    #[test]
    fn parses_sets() {
        assert_eq!("all".parse::<KindSet>().unwrap(), KindSet::ALL);
        assert_eq!(" phone , id_card ".parse::<KindSet>().unwrap(), KindSet::NONE.with(Kind::Phone).with(Kind::IdCard));
        let err = "phone,pasport".parse::<KindSet>().unwrap_err();
        assert!(err.to_string().contains("\"pasport\""));
        assert_eq!("default".parse::<KindSet>().unwrap(), KindSet::DEFAULT);
        assert_eq!("default,name,custom".parse::<KindSet>().unwrap(), KindSet::ALL);
        assert_eq!(KindSet::ALL.iter().count(), Kind::ALL.len());
    }
}
