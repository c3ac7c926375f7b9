//! The redactor handle and one-shot redaction.

use core::ffi::{CStr, c_char};

use super::arg_lists::{OneShot, one_shot};
use super::args::{copy_or_size_needed, out, output};
use super::boundary::boundary;
use super::handle::{Castable, enter, free_handle, into_handle};
use super::result::tuomin_result;
use crate::{Action, Error, Evidence, Kind, Redactor};

/// A configured redactor. Immutable once made, so one redactor may be used
/// by any number of threads at the same time.
#[derive(Debug)]
pub struct tuomin_redactor {
    _private: [u8; 0],
}

impl Castable for tuomin_redactor {
    type Value = Redactor;
}

/// Kinds of personal information, as stored in `tuomin_match.kind` and
/// passed to `tuomin_builder_set_policy`. Values are never renumbered.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum tuomin_kind {
    /// A telephone number: mobile, landline or a 400/800 service number.
    Phone = 1,
    /// A resident identity card number, 18 or 15 characters.
    IdCard = 2,
    /// A bank card number.
    BankCard = 3,
    /// A postal address.
    Address = 4,
    /// An SMS verification code.
    VerificationCode = 5,
    /// A password or PIN.
    Password = 6,
    /// A card security code (CVV/CVN).
    CardSecurityCode = 7,
    /// A card expiry date.
    CardExpiry = 8,
    /// A passport number.
    Passport = 9,
    /// A travel permit for Hong Kong, Macao or Taiwan residents, or an Exit-Entry permit.
    TravelPermit = 10,
    /// A Hong Kong identity card number.
    HkId = 11,
    /// A Macao identity card number.
    MacaoId = 12,
    /// A Taiwan national identification number.
    TaiwanId = 13,
    /// A military or armed-police officer's ID number.
    MilitaryId = 14,
    /// An email address.
    Email = 15,
    /// A QQ number.
    Qq = 16,
    /// A WeChat ID.
    WeChat = 17,
    /// An IPv4 or IPv6 address.
    IpAddress = 18,
    /// A vehicle licence plate.
    LicensePlate = 19,
    /// A person's name (only when asked for).
    Name = 20,
    /// A match of a rule added with `tuomin_builder_add_rule`.
    Custom = 21,
}

impl tuomin_kind {
    pub(crate) fn from_kind(kind: Kind) -> tuomin_kind {
        match kind {
            Kind::Phone => tuomin_kind::Phone,
            Kind::IdCard => tuomin_kind::IdCard,
            Kind::BankCard => tuomin_kind::BankCard,
            Kind::Address => tuomin_kind::Address,
            Kind::VerificationCode => tuomin_kind::VerificationCode,
            Kind::Password => tuomin_kind::Password,
            Kind::CardSecurityCode => tuomin_kind::CardSecurityCode,
            Kind::CardExpiry => tuomin_kind::CardExpiry,
            Kind::Passport => tuomin_kind::Passport,
            Kind::TravelPermit => tuomin_kind::TravelPermit,
            Kind::HkId => tuomin_kind::HkId,
            Kind::MacaoId => tuomin_kind::MacaoId,
            Kind::TaiwanId => tuomin_kind::TaiwanId,
            Kind::MilitaryId => tuomin_kind::MilitaryId,
            Kind::Email => tuomin_kind::Email,
            Kind::Qq => tuomin_kind::Qq,
            Kind::WeChat => tuomin_kind::WeChat,
            Kind::IpAddress => tuomin_kind::IpAddress,
            Kind::LicensePlate => tuomin_kind::LicensePlate,
            Kind::Name => tuomin_kind::Name,
            Kind::Custom => tuomin_kind::Custom,
        }
    }

    /// The kind for a C value, `None` for a value this version does not know.
    pub(crate) fn to_kind(code: u32) -> Option<Kind> {
        Kind::ALL.into_iter().find(|&k| tuomin_kind::from_kind(k) as u32 == code)
    }
}

/// Why a match was reported, as stored in `tuomin_match.evidence` and
/// passed to `tuomin_builder_set_mask_threshold`; from weakest to
/// strongest. Values are never renumbered.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum tuomin_evidence {
    /// A context word before the value (`身份证`, `卡号`) settled it.
    Context = 1,
    /// The value fits a numbering plan or format exactly.
    Pattern = 2,
    /// A check digit or checksum holds.
    Checksum = 3,
}

impl tuomin_evidence {
    pub(crate) fn from_evidence(e: Evidence) -> tuomin_evidence {
        match e {
            Evidence::Context => tuomin_evidence::Context,
            Evidence::Pattern => tuomin_evidence::Pattern,
            Evidence::Checksum => tuomin_evidence::Checksum,
        }
    }

    /// The evidence for a C value, `None` for a value this version does not
    /// know.
    pub(crate) fn to_evidence(code: u32) -> Option<Evidence> {
        [Evidence::Context, Evidence::Pattern, Evidence::Checksum]
            .into_iter()
            .find(|&e| tuomin_evidence::from_evidence(e) as u32 == code)
    }
}

/// What a redactor does with a match, as stored in `tuomin_match.action`
/// and passed to `tuomin_builder_set_action`. Values are never renumbered.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum tuomin_action {
    /// Replaced according to its kind's policy.
    Mask = 1,
    /// Found and counted, but left unchanged.
    Report = 2,
    /// Left unchanged because an allow list or allow pattern accepts it.
    Allow = 3,
}

impl tuomin_action {
    pub(crate) fn from_action(a: Action) -> tuomin_action {
        match a {
            Action::Mask => tuomin_action::Mask,
            Action::Report => tuomin_action::Report,
            Action::Allow => tuomin_action::Allow,
        }
    }

    /// The action for a C value, `None` for a value this version does not
    /// know.
    pub(crate) fn to_action(code: u32) -> Option<Action> {
        [Action::Mask, Action::Report, Action::Allow]
            .into_iter()
            .find(|&a| tuomin_action::from_action(a) as u32 == code)
    }
}

/// One match: its kind (a `TUOMIN_KIND_*` value), its byte offsets in the
/// input (`end` exclusive), why it was found (a `TUOMIN_EVIDENCE_*` value)
/// and what the redactor does with it (a `TUOMIN_ACTION_*` value).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct tuomin_match {
    /// A `tuomin_kind` value.
    pub kind: u32,
    /// For a `TUOMIN_KIND_CUSTOM` match, the index of the rule that found
    /// it (in the order rules were added to the builder); `UINT32_MAX`
    /// otherwise.
    pub rule: u32,
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
    /// A `tuomin_evidence` value.
    pub evidence: u32,
    /// A `tuomin_action` value: whether the match is masked, only reported,
    /// or allowed.
    pub action: u32,
}

const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(v) => v,
    Err(_) => panic!("the crate version has no NUL byte"),
};

/// The library version, such as "0.1.0": a static NUL-terminated string
/// that is never freed. Compare with `TUOMIN_VERSION_*` to check that the
/// header and the library agree.
#[unsafe(no_mangle)]
pub extern "C" fn tuomin_version() -> *const c_char {
    boundary(|| VERSION.as_ptr())
}

/// The stable name of a kind (`"phone"`, `"id_card"`, `"bank_card"`,
/// `"address"`, `"email"` ..., as `tuomin scan` prints them): a static NUL-terminated string that is never freed. NULL
/// for a value that is not a `TUOMIN_KIND_*`.
#[unsafe(no_mangle)]
pub extern "C" fn tuomin_kind_name(kind: u32) -> *const c_char {
    boundary(|| match tuomin_kind::to_kind(kind) {
        Some(Kind::Phone) => c"phone".as_ptr(),
        Some(Kind::IdCard) => c"id_card".as_ptr(),
        Some(Kind::BankCard) => c"bank_card".as_ptr(),
        Some(Kind::Address) => c"address".as_ptr(),
        Some(Kind::VerificationCode) => c"verification_code".as_ptr(),
        Some(Kind::Password) => c"password".as_ptr(),
        Some(Kind::CardSecurityCode) => c"card_security_code".as_ptr(),
        Some(Kind::CardExpiry) => c"card_expiry".as_ptr(),
        Some(Kind::Passport) => c"passport".as_ptr(),
        Some(Kind::TravelPermit) => c"travel_permit".as_ptr(),
        Some(Kind::HkId) => c"hk_id".as_ptr(),
        Some(Kind::MacaoId) => c"macao_id".as_ptr(),
        Some(Kind::TaiwanId) => c"taiwan_id".as_ptr(),
        Some(Kind::MilitaryId) => c"military_id".as_ptr(),
        Some(Kind::Email) => c"email".as_ptr(),
        Some(Kind::Qq) => c"qq".as_ptr(),
        Some(Kind::WeChat) => c"wechat".as_ptr(),
        Some(Kind::IpAddress) => c"ip_address".as_ptr(),
        Some(Kind::LicensePlate) => c"license_plate".as_ptr(),
        Some(Kind::Name) => c"name".as_ptr(),
        Some(Kind::Custom) => c"custom".as_ptr(),
        None => core::ptr::null(),
    })
}

/// Makes a redactor with the default configuration: every kind, the
/// conventional masks (`138****5678`), which keep the length of the text.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new redactor, to be freed with
/// `tuomin_redactor_free`; otherwise `*out` is not written.
///
/// # Safety
///
/// `out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redactor_new_default(out: *mut *mut tuomin_redactor) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(into_handle(Redactor::new()));
        Ok(())
    })
}

/// Frees a redactor. NULL does nothing. Streams made from it stay usable:
/// each keeps what it needs of the redactor alive.
///
/// # Safety
///
/// `r` is NULL or a redactor not yet freed, and no other thread is using
/// it. It must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redactor_free(r: *mut tuomin_redactor) {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor
        // handle that nothing else uses.
        unsafe { free_handle(r) }
    })
}

/// Redacts `src` into `dst`.
///
/// On `TUOMIN_RESULT_OK`, `dst[0..*out_len]` is the redacted text. When it
/// does not fit in `dst_cap` bytes, returns `TUOMIN_RESULT_INSUFFICIENT_SIZE`,
/// sets `*out_len` to the size needed and writes nothing to `dst`; passing
/// `(NULL, 0)` as `dst` asks for the size only. With the default
/// (length-preserving) policies the output is exactly `src_len` bytes; tags
/// can make it longer and removal shorter.
///
/// `src` need not be UTF-8: bytes that are not part of a match are copied
/// unchanged. `src` and `dst` must not overlap (that is
/// `TUOMIN_RESULT_INVALID_PARAMETER`); use `tuomin_redact_in_place` to
/// redact a buffer where it is.
///
/// # Safety
///
/// `r` is NULL or a live redactor. `src` is NULL with `src_len == 0` or
/// valid for reading `src_len` bytes; `dst` is NULL with `dst_cap == 0` or
/// valid for writing `dst_cap` bytes; `out_len` is NULL or valid for
/// writing a `size_t`. No other thread writes `src` or touches `dst` or
/// `out_len` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redact(
    r: *const tuomin_redactor,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_len: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the `# Safety` section above is `one_shot`'s contract: `r`
        // is NULL or a live redactor; `src` and `dst` are `(NULL, 0)` or
        // valid for their lengths, with `dst` used only by this call and
        // `src` written by nothing else; `out_len` is NULL or writable.
        let OneShot { handle: r, src, dst, mut out_len } = unsafe { one_shot(r, src, src_len, dst, dst_cap, out_len) }?;
        let redacted = r.value.redact_bytes(src);
        copy_or_size_needed(dst, &redacted, &mut out_len)
    })
}

/// Redacts `buf[0..len]` where it is. Works only when every policy keeps
/// the length of the text (the default does); otherwise returns
/// `TUOMIN_RESULT_NOT_LENGTH_PRESERVING` and leaves `buf` unchanged.
///
/// # Safety
///
/// `r` is NULL or a live redactor. `buf` is NULL with `len == 0` or valid
/// for reading and writing `len` bytes, which no other thread touches
/// during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redact_in_place(r: *const tuomin_redactor, buf: *mut u8, len: usize) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor.
        let r = unsafe { enter(r) }?;
        // SAFETY: the caller guarantees `buf` is NULL with `len == 0` or
        // valid for `len` bytes used only by this call.
        let buf = unsafe { output(buf, len) }?;
        match r.value.redact_in_place(buf) {
            Ok(_) => Ok(()),
            Err(Error::NotLengthPreserving { .. }) => Err(tuomin_result::NotLengthPreserving),
            Err(_) => Err(tuomin_result::InvalidParameter),
        }
    })
}

/// Finds the matches in `src`, left to right, without changing anything.
/// Matches the redactor leaves unchanged (reported or allowed) are listed
/// too, with their `action`.
///
/// Writes the first `matches_cap` matches to `matches` and sets
/// `*out_count` to the number of matches in `src`. Returns
/// `TUOMIN_RESULT_OK` when they all fit and
/// `TUOMIN_RESULT_INSUFFICIENT_SIZE` when there were more (`matches` then
/// holds the first `matches_cap`); passing `(NULL, 0)` as `matches` counts
/// only.
///
/// # Safety
///
/// `r` is NULL or a live redactor. `src` is NULL with `src_len == 0` or
/// valid for reading `src_len` bytes; `matches` is NULL with
/// `matches_cap == 0` or valid for writing `matches_cap` elements;
/// `out_count` is NULL or valid for writing a `size_t`. No other thread
/// writes `src` or touches `matches` or `out_count` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_scan(
    r: *const tuomin_redactor,
    src: *const u8,
    src_len: usize,
    matches: *mut tuomin_match,
    matches_cap: usize,
    out_count: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the `# Safety` section above is `one_shot`'s contract: `r`
        // is NULL or a live redactor; `src` and `matches` are `(NULL, 0)` or
        // valid for their lengths, with `matches` used only by this call
        // and `src` written by nothing else; `out_count` is NULL or
        // writable. `tuomin_match` is plain data.
        let OneShot { handle: r, src, dst: slots, out_len: mut out_count } =
            unsafe { one_shot(r, src, src_len, matches, matches_cap, out_count) }?;
        let mut total = 0usize;
        for m in r.value.find_iter(src) {
            if let Some(slot) = slots.get_mut(total) {
                *slot = tuomin_match {
                    kind: tuomin_kind::from_kind(m.kind()) as u32,
                    rule: m.rule().map_or(u32::MAX, |i| i as u32),
                    start: m.start(),
                    end: m.end(),
                    evidence: tuomin_evidence::from_evidence(m.evidence()) as u32,
                    action: tuomin_action::from_action(m.action()) as u32,
                };
            }
            total += 1;
        }
        out_count.set(total);
        if total > slots.len() { Err(tuomin_result::InsufficientSize) } else { Ok(()) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes() {
        for k in Kind::ALL {
            assert_eq!(tuomin_kind::to_kind(tuomin_kind::from_kind(k) as u32), Some(k));
            // SAFETY: a non-NULL result is a static C string.
            let name = unsafe { CStr::from_ptr(tuomin_kind_name(tuomin_kind::from_kind(k) as u32)) };
            assert_eq!(name.to_str(), Ok(k.name()));
        }
        assert_eq!(tuomin_kind::to_kind(0), None);
        assert!(tuomin_kind_name(22).is_null());
        for e in [Evidence::Context, Evidence::Pattern, Evidence::Checksum] {
            assert_eq!(tuomin_evidence::to_evidence(tuomin_evidence::from_evidence(e) as u32), Some(e));
        }
        for a in [Action::Mask, Action::Report, Action::Allow] {
            assert_eq!(tuomin_action::to_action(tuomin_action::from_action(a) as u32), Some(a));
        }
        assert_eq!(tuomin_evidence::to_evidence(0), None);
        assert_eq!(tuomin_action::to_action(4), None);
    }

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: a static C string.
        let v = unsafe { CStr::from_ptr(tuomin_version()) };
        assert_eq!(v.to_str(), Ok(env!("CARGO_PKG_VERSION")));
    }
}
