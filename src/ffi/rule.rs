//! Rules of a deployment's own, from C.

use core::ffi::c_char;

use super::args::{message_buffer, out, utf8, write_message};
use super::boundary::boundary;
use super::builder::{parse_policy, tuomin_builder};
use super::handle::{Castable, enter, enter_mut, free_handle, into_handle};
use super::result::tuomin_result;
use crate::{Kind, Policy, Rule, Validator};

/// A rule being put together (see `tuomin_builder_add_rule`). Used by one
/// thread at a time.
#[derive(Debug)]
pub struct tuomin_rule {
    _private: [u8; 0],
}

impl Castable for tuomin_rule {
    type Value = Rule;
}

/// Replaces the rule behind a handle by `change` applied to it.
fn update(rule: &mut Rule, change: impl FnOnce(Rule) -> Rule) {
    let taken = core::mem::replace(rule, Rule::new(""));
    *rule = change(taken);
}

/// Makes a rule named `name` (lower-case ASCII letters, digits and `_`,
/// starting with a letter; checked when the rule is added to a builder).
/// Its matches have the kind `TUOMIN_KIND_CUSTOM`, and the rule's index
/// in `tuomin_match.rule`.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new rule, to be freed with
/// `tuomin_rule_free`; otherwise `*out` is not written.
///
/// # Safety
///
/// `name` is NULL or a NUL-terminated string; `out` is NULL or valid for
/// writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_rule_new(name: *const c_char, out: *mut *mut tuomin_rule) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `name` is NULL or a C string.
        let name = unsafe { utf8(name) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(into_handle(Rule::new(name)));
        Ok(())
    })
}

/// Frees a rule. NULL does nothing. Builders it was added to keep their
/// own copy.
///
/// # Safety
///
/// `rule` is NULL or a rule not yet freed, and no other thread is using
/// it. It must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_rule_free(rule: *mut tuomin_rule) {
    boundary(|| {
        // SAFETY: the caller guarantees `rule` is NULL or a live rule handle
        // that nothing else uses.
        unsafe { free_handle(rule) }
    })
}

/// What `tuomin_rule_add` adds to a rule.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum tuomin_rule_part {
    /// A literal value matched exactly (a dictionary entry).
    Literal = 1,
    /// A regular expression (the syntax of Rust's `regex` crate), whose
    /// matches are at most 256 bytes long.
    Pattern = 2,
    /// A context word: with any, a match needs one of them shortly before
    /// it.
    Context = 3,
}

/// Adds a literal, a pattern or a context word (a `tuomin_rule_part`
/// value) to a rule.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the rule as it was,
/// for an unknown part or a string that is not UTF-8. Patterns are
/// compiled, and errors in them reported, by `tuomin_builder_add_rule`.
///
/// # Safety
///
/// `rule` is NULL or a live rule that no other thread uses during the
/// call; `value` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_rule_add(rule: *mut tuomin_rule, part: u32, value: *const c_char) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `rule` is NULL or a live rule used
        // only by this call.
        let rule = unsafe { enter_mut(rule) }?;
        // SAFETY: the caller guarantees `value` is NULL or a C string.
        let value = unsafe { utf8(value) }?.to_string();
        match part {
            p if p == tuomin_rule_part::Literal as u32 => update(&mut *rule.value, |r| r.literal(value)),
            p if p == tuomin_rule_part::Pattern as u32 => update(&mut *rule.value, |r| r.pattern(value)),
            p if p == tuomin_rule_part::Context as u32 => update(&mut *rule.value, |r| r.context([value])),
            _ => return Err(tuomin_result::InvalidParameter),
        }
        Ok(())
    })
}

/// Sets one option of a rule, by name, from a string value:
///
/// * `validator`: `none` (the default), `luhn`, `mod11-2` (as resident ID
///   numbers), `mod97-10` (as IBANs);
/// * `policy`: a policy spec as for `tuomin_builder_set_policy`
///   (`conventional`, `full`, `keep:HEAD:TAIL`, `tag` for the rule's own
///   tag such as `[MEMBER_ID]`, `tag:TEXT`, `remove`);
/// * `case_insensitive`: `true` or `false` (the default);
/// * `standalone`: `true` (the default: a match glued to an ASCII letter
///   or digit is refused) or `false`;
/// * `context_window`: characters searched for a context word, `0` to
///   `64` (default 12); with context words, at least as many as the
///   shortest has (checked by `tuomin_builder_add_rule`).
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the rule as it was,
/// for an unknown option or value, or a string that is not UTF-8.
///
/// # Safety
///
/// `rule` is NULL or a live rule that no other thread uses during the
/// call; `option` and `value` are NULL or NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_rule_set(
    rule: *mut tuomin_rule,
    option: *const c_char,
    value: *const c_char,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `rule` is NULL or a live rule used
        // only by this call.
        let rule = unsafe { enter_mut(rule) }?;
        // SAFETY: the caller guarantees `option` is NULL or a C string.
        let option = unsafe { utf8(option) }?;
        // SAFETY: the caller guarantees `value` is NULL or a C string.
        let value = unsafe { utf8(value) }?;
        let invalid = tuomin_result::InvalidParameter;
        let flag = |v: &str| match v {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(invalid),
        };
        match option {
            "validator" => {
                let v = Validator::from_name(value).ok_or(invalid)?;
                update(&mut *rule.value, |r| r.validator(v));
            }
            "policy" => {
                let policy = if value == "tag" {
                    Policy::tag(rule.value.tag())
                } else {
                    parse_policy(Kind::Custom, value).ok_or(invalid)?
                };
                update(&mut *rule.value, |r| r.policy(policy));
            }
            "case_insensitive" => {
                let yes = flag(value)?;
                update(&mut *rule.value, |r| r.case_insensitive(yes));
            }
            "standalone" => {
                let yes = flag(value)?;
                update(&mut *rule.value, |r| r.standalone(yes));
            }
            "context_window" => {
                let chars: usize =
                    value.parse().ok().filter(|&n| n <= crate::MAX_RULE_CONTEXT_WINDOW).ok_or(invalid)?;
                if !value.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid);
                }
                update(&mut *rule.value, |r| r.context_window(chars));
            }
            _ => return Err(invalid),
        }
        Ok(())
    })
}

/// Adds a copy of `rule` to a builder, after compiling it next to the
/// rules added before.
///
/// Returns `TUOMIN_RESULT_INVALID_PARAMETER`, leaving the builder as it
/// was, when the rule cannot be compiled: a bad name or one already used,
/// a pattern that does not parse or whose matches are unbounded (write
/// `{6,12}` rather than `+`), a rule that could never match (a pattern no
/// text fits, a context window shorter than every context word), no
/// literal and no pattern, too many rules.
/// Then, when `err` is not NULL, a NUL-terminated English message naming
/// the rule and what is wrong is written to `err` (cut to `err_cap - 1`
/// bytes, at a character boundary).
///
/// # Safety
///
/// `b` is NULL or a live builder and `rule` NULL or a live rule, neither
/// used by another thread during the call; `err` is NULL or valid for
/// writing `err_cap` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_builder_add_rule(
    b: *mut tuomin_builder,
    rule: *const tuomin_rule,
    err: *mut c_char,
    err_cap: usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `b` is NULL or a live builder used
        // only by this call.
        let b = unsafe { enter_mut(b) }?;
        // SAFETY: the caller guarantees `rule` is NULL or a live rule not
        // written during the call.
        let rule = unsafe { enter(rule) }?;
        // SAFETY: the caller guarantees `err` is NULL or writable for
        // `err_cap` bytes that nothing else touches during the call.
        let err = unsafe { message_buffer(err, err_cap) }?;
        if let Err(e) = b.value.check_rule(rule.value) {
            write_message(err, &e.to_string());
            return Err(tuomin_result::InvalidParameter);
        }
        let added = rule.value.clone();
        let builder = core::mem::take(&mut *b.value);
        *b.value = builder.rule(added);
        Ok(())
    })
}
