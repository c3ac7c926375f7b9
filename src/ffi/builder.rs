//! The builder handle: configuring a redactor from C.

use core::ffi::c_char;

use super::args::{input, out, utf8};
use super::boundary::boundary;
use super::handle::{Castable, enter, enter_mut, free_handle, into_handle};
use super::redactor::{tuomin_action, tuomin_evidence, tuomin_kind, tuomin_redactor};
use super::result::tuomin_result;
use crate::{Builder, KindSet, MAX_CONTEXT_WINDOW, Policy, Preset};

/// A redactor configuration being put together. Used by one thread at a
/// time.
#[derive(Debug)]
pub struct tuomin_builder {
    _private: [u8; 0],
}

impl Castable for tuomin_builder {
    type Value = Builder;
}

/// Replaces the builder behind a handle by `change` applied to it.
fn update(builder: &mut Builder, change: impl FnOnce(Builder) -> Builder) {
    *builder = change(core::mem::take(builder));
}

/// Reads a policy spec (see `Policy::from_spec`); `tag` is the Chinese
/// tag for the kind.
pub(super) fn parse_policy(kind: crate::Kind, spec: &str) -> Option<Policy> {
    Policy::from_spec(spec, || Preset::TagChinese.policy(kind)).ok()
}

/// Makes a builder with the default configuration: every kind, the
/// `conventional` preset, a context window of 12 characters.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new builder, to be freed with
/// `tuomin_builder_free`; otherwise `*out` is not written.
///
/// # Safety
///
/// `out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_new(out: *mut *mut tuomin_builder) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(into_handle(Builder::new()));
        Ok(())
    })
}

/// Frees a builder. NULL does nothing. Redactors built from it are not
/// affected.
///
/// # Safety
///
/// `b` is NULL or a builder not yet freed, and no other thread is using it.
/// It must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_free(b: *mut tuomin_builder) {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder handle
        // that nothing else uses.
        unsafe { free_handle(b) }
    })
}

/// Chooses the kinds to look for: a comma-separated list of `phone`,
/// `id_card`, `bank_card` and `address`, or `all`, such as
/// `"phone,id_card"`. Spaces around names are ignored.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown name, an empty list or a string that is not UTF-8.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `list` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_kinds(b: *mut tuomin_builder, list: *const c_char) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `list` is NULL or a C string.
        let list = unsafe { utf8(list) }?;
        let kinds: KindSet = list.parse().map_err(|_| tuomin_result::InvalidParameter)?;
        if kinds.is_empty() {
            return Err(tuomin_result::InvalidParameter);
        }
        update(&mut *b.value, |b| b.kinds(kinds));
        Ok(())
    })
}

/// Starts every kind from a preset's policy: `conventional` (the default,
/// `138****5678`), `full` (every digit masked), `tag` (Chinese tags such as
/// `[电话号码]`), `tag-en` (`[PHONE]`), `remove` or `hash` (keyed
/// pseudonyms, see `tuomin_builder_set_hash_key`). Policies set with
/// `tuomin_builder_set_policy` override the preset for their kind,
/// whichever was set first.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown name or a string that is not UTF-8.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `name` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_preset(b: *mut tuomin_builder, name: *const c_char) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `name` is NULL or a C string.
        let name = unsafe { utf8(name) }?;
        let preset = Preset::from_name(name).ok_or(tuomin_result::InvalidParameter)?;
        update(&mut *b.value, |b| b.preset(preset));
        Ok(())
    })
}

/// Sets how one kind (a `TUOMIN_KIND_*` value) is masked. `spec` is one of
///
/// * `conventional`: the common display convention (`138****5678`,
///   `622202*********1234`);
/// * `full`: every digit, or every character of an address, masked;
/// * `keep:HEAD:TAIL`: the first HEAD and last TAIL digits kept, the rest
///   masked (counts from 0 to 255);
/// * `tag`: the match replaced by the Chinese tag for the kind, such as
///   `[电话号码]`; `tag:TEXT`: replaced by TEXT (at most 64 bytes);
/// * `remove`: the match deleted;
/// * `hash`: the match replaced by a keyed pseudonym of its value, such as
///   `[PHONE:1cfe20ec3903d206]`, the same for the same value and key (set
///   the key with `tuomin_builder_set_hash_key`);
/// * `fake`: a phone, ID or card number replaced by a made-up number of the
///   same length and layout that passes its check, the same for the same
///   value and key, from ranges no real number uses (mobile segment 154,
///   ID region 90, cards starting with 9); other kinds masked in full. It
///   keeps the length of the text and needs the key too.
///
/// Tags and removal change the length of the text, so a redactor with one
/// cannot redact in place.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown kind or spec, a tag that is too long, or a string
/// that is not UTF-8.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `spec` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_policy(
    b: *mut tuomin_builder,
    kind: u32,
    spec: *const c_char,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `spec` is NULL or a C string.
        let spec = unsafe { utf8(spec) }?;
        let kind = tuomin_kind::to_kind(kind).ok_or(tuomin_result::InvalidParameter)?;
        let policy = parse_policy(kind, spec).ok_or(tuomin_result::InvalidParameter)?;
        update(&mut *b.value, |b| b.policy(kind, policy));
        Ok(())
    })
}

/// Sets what the redactor does with the matches of one kind (a
/// `TUOMIN_KIND_*` value): `TUOMIN_ACTION_MASK` (the default) replaces them
/// by the kind's policy, `TUOMIN_ACTION_REPORT` finds and counts them but
/// leaves them unchanged, `TUOMIN_ACTION_ALLOW` leaves them unchanged and
/// counts them as allowed.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown kind or action.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_action(b: *mut tuomin_builder, kind: u32, action: u32) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        let kind = tuomin_kind::to_kind(kind).ok_or(tuomin_result::InvalidParameter)?;
        let action = tuomin_action::to_action(action).ok_or(tuomin_result::InvalidParameter)?;
        update(&mut *b.value, |b| b.action(kind, action));
        Ok(())
    })
}

/// Masks the matches of one kind (a `TUOMIN_KIND_*` value) only when their
/// evidence is at least `evidence` (a `TUOMIN_EVIDENCE_*` value); weaker
/// matches are reported (`TUOMIN_ACTION_REPORT`): listed and counted, left
/// unchanged. `TUOMIN_EVIDENCE_CONTEXT`, the default, masks every match;
/// `TUOMIN_EVIDENCE_CHECKSUM` masks only numbers whose check digit holds.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown kind or evidence.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_mask_threshold(
    b: *mut tuomin_builder,
    kind: u32,
    evidence: u32,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        let kind = tuomin_kind::to_kind(kind).ok_or(tuomin_result::InvalidParameter)?;
        let evidence = tuomin_evidence::to_evidence(evidence).ok_or(tuomin_result::InvalidParameter)?;
        update(&mut *b.value, |b| b.mask_threshold(kind, evidence));
        Ok(())
    })
}

/// Adds a value that is never masked, of whatever kind: a company hotline
/// (`"95588"`, `"400-820-8820"`), an agent's extension. Matches with this
/// value are left unchanged and reported with `TUOMIN_ACTION_ALLOW`.
///
/// Phone, ID and bank card numbers compare by their digits (and an ID's
/// check character X), whatever the separators, full-width digits or
/// country code in the text: `"400-820-8820"` also allows `400 820 8820`
/// and `４００-８２０-８８２０`. Other kinds compare the whole matched text,
/// with full-width ASCII forms folded to ASCII (and email addresses in
/// lower case).
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for a string that is not UTF-8.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `value` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_add_allow_value(b: *mut tuomin_builder, value: *const c_char) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `value` is NULL or a C string.
        let value = unsafe { utf8(value) }?;
        update(&mut *b.value, |b| b.allow_value(value));
        Ok(())
    })
}

/// Adds an allow pattern for one kind (a `TUOMIN_KIND_*` value): a regular
/// expression (the syntax of Rust's `regex` crate) that must match the
/// whole matched text as written. Matching matches are left unchanged and
/// reported with `TUOMIN_ACTION_ALLOW`.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for an unknown kind, a pattern that does not compile, or a string
/// that is not UTF-8.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `pattern` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_add_allow_pattern(
    b: *mut tuomin_builder,
    kind: u32,
    pattern: *const c_char,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `pattern` is NULL or a C string.
        let pattern = unsafe { utf8(pattern) }?;
        let kind = tuomin_kind::to_kind(kind).ok_or(tuomin_result::InvalidParameter)?;
        // Checked now, so that the call that added it reports it.
        crate::actions::check_pattern(kind, pattern).map_err(|_| tuomin_result::InvalidParameter)?;
        update(&mut *b.value, |b| b.allow_pattern(kind, pattern));
        Ok(())
    })
}

/// Sets the key for the `hash` and `fake` policies: `key_len` bytes, at least 16 (best
/// 32 random bytes from a secret store). Redactors built with the same key
/// give the same token for the same value, such as
/// `[PHONE:1cfe20ec3903d206]`: the first 8 bytes, in hex, of HMAC-SHA-256
/// over the kind name, a zero byte and the value's digits (for phone, ID
/// and card numbers) or its text.
///
/// The library does not keep the key: the builder, and the redactors it
/// builds, hold only the HMAC state derived from it. The caller may wipe
/// its copy as soon as this returns. Building a redactor with a `hash`
/// policy and no key returns `TUOMIN_RESULT_INVALID_PARAMETER`.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for a key shorter than 16 bytes.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `key` is valid for reading `key_len` bytes, which no other thread
/// writes during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_hash_key(
    b: *mut tuomin_builder,
    key: *const u8,
    key_len: usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `key` is `(NULL, 0)` or readable for
        // `key_len` bytes that nobody writes during the call.
        let key = unsafe { input(key, key_len) }?;
        if key.len() < crate::MIN_HASH_KEY_LEN {
            return Err(tuomin_result::InvalidParameter);
        }
        update(&mut *b.value, |b| b.hash_key(key));
        Ok(())
    })
}

/// Sets how many characters before a number are searched for a context
/// word such as `身份证` (default 12, at most 64).
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, for more than 64.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_set_context_window(b: *mut tuomin_builder, chars: usize) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        if chars > MAX_CONTEXT_WINDOW {
            return Err(tuomin_result::InvalidParameter);
        }
        update(&mut *b.value, |b| b.context_window(chars));
        Ok(())
    })
}

/// Builds a redactor from the builder's configuration. The builder is not
/// changed and may build more redactors; free it with
/// `tuomin_builder_free`.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new redactor, to be freed with
/// `tuomin_redactor_free`; otherwise `*out` is not written.
///
/// # Safety
///
/// `b` is NULL or a live builder that no other thread uses during the
/// call; `out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_build(
    b: *const tuomin_builder,
    out: *mut *mut tuomin_redactor,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder not
        // written by another thread during the call.
        let b = unsafe { enter(b) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        let redactor = b.value.build().map_err(|_| tuomin_result::InvalidParameter)?;
        out.set(into_handle(redactor));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    #[test]
    fn policy_specs() {
        assert_eq!(parse_policy(Kind::Phone, "full"), Some(Policy::Full));
        assert_eq!(parse_policy(Kind::Phone, "hash"), Some(Policy::Hash));
        assert_eq!(parse_policy(Kind::Phone, "fake"), Some(Policy::Fake));
        assert_eq!(parse_policy(Kind::Phone, "keep:3:4"), Some(Policy::Partial { head: 3, tail: 4 }));
        assert_eq!(parse_policy(Kind::Phone, "tag"), Some(Policy::tag("[电话号码]")));
        assert_eq!(parse_policy(Kind::Phone, "tag:"), Some(Policy::tag("")));
        assert_eq!(parse_policy(Kind::Phone, "tag:[手机]"), Some(Policy::tag("[手机]")));
        for bad in ["", "blur", "keep:3", "keep:3:", "keep:+3:4", "keep:3:256", "keep:3:4:5", "Full", " full"] {
            assert_eq!(parse_policy(Kind::Phone, bad), None, "{bad:?}");
        }
        assert_eq!(parse_policy(Kind::Phone, &format!("tag:{}", "x".repeat(crate::MAX_TAG_LEN + 1))), None);
    }
}
