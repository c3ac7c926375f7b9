//! A redactor from a configuration file, from C.

use core::ffi::c_char;

use super::args::{message_buffer, out, utf8, write_message};
use super::boundary::boundary;
use super::handle::into_handle;
use super::redactor::tuomin_redactor;
use super::result::tuomin_result;

/// Makes a redactor from the TOML configuration file at `path` (the schema
/// is that of `tuomin --config`: kinds, preset, context window, policies
/// and rules).
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new redactor, to be freed with
/// `tuomin_redactor_free`; otherwise `*out` is not written and
/// `TUOMIN_RESULT_INVALID_PARAMETER` is returned for a file that cannot be
/// read or is not a valid configuration (or a library built without its
/// `config` feature). Then, when `err` is not NULL, a NUL-terminated English
/// message is written to `err` (cut to `err_cap - 1` bytes at a character
/// boundary): the line and column at fault and what is wrong.
///
/// # Safety
///
/// `path` is NULL or a NUL-terminated string; `out` is NULL or valid for
/// writing a pointer; `err` is NULL or valid for writing `err_cap` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redactor_new_from_config(
    path: *const c_char,
    out: *mut *mut tuomin_redactor,
    err: *mut c_char,
    err_cap: usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `path` is NULL or a C string.
        let path = unsafe { utf8(path) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        // SAFETY: the caller guarantees `err` is NULL or writable for
        // `err_cap` bytes that nothing else touches during the call.
        let err = unsafe { message_buffer(err, err_cap) }?;
        match build(path) {
            Ok(redactor) => {
                out.set(into_handle(redactor));
                Ok(())
            }
            Err(message) => {
                write_message(err, &message);
                Err(tuomin_result::InvalidParameter)
            }
        }
    })
}

#[cfg(feature = "config")]
fn build(path: &str) -> Result<crate::Redactor, String> {
    let builder = crate::config::load(path).map_err(|e| e.to_string())?;
    builder.build().map_err(|e| e.to_string())
}

#[cfg(not(feature = "config"))]
fn build(_path: &str) -> Result<crate::Redactor, String> {
    Err("this library was built without its config feature".to_string())
}
