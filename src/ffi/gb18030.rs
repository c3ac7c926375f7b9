//! GB18030 (and GBK) redaction from C.
//!
//! The functions exist whatever features the library was built with, so
//! that a C program links against any build; without the `gb18030` feature
//! they return [`tuomin_result::NotSupported`].

use super::boundary::boundary;
use super::handle::{enter, input, out, output, overlap};
use super::redactor::tuomin_redactor;
use super::result::tuomin_result;
use crate::Redactor;

/// Why GB18030 redaction failed, as C sees it.
#[derive(Debug, PartialEq, Eq)]
struct Failure {
    result: tuomin_result,
    /// For bad input, the offset of the first byte that is not GB18030.
    offset: Option<usize>,
}

/// Redacts GB18030 `src` with the library's GB18030 support.
#[cfg(feature = "gb18030")]
fn redact(r: &Redactor, src: &[u8]) -> Result<Vec<u8>, Failure> {
    use crate::EncodingError;
    r.redact_gb18030(src).map_err(|e| match e {
        EncodingError::Malformed { offset, .. } | EncodingError::Truncated { offset } => Failure {
            result: tuomin_result::InvalidEncoding,
            // An offset into `src`, so it fits in a `usize`.
            offset: Some(usize::try_from(offset).unwrap_or(usize::MAX)),
        },
        // A tag the policy writes that GB18030 cannot encode, or decoded
        // text that did not line up with the input: not the input's fault.
        _ => Failure { result: tuomin_result::InvalidParameter, offset: None },
    })
}

/// Without the `gb18030` feature there is no decoder to redact with.
#[cfg(not(feature = "gb18030"))]
fn redact(_r: &Redactor, _src: &[u8]) -> Result<Vec<u8>, Failure> {
    Err(Failure { result: tuomin_result::NotSupported, offset: None })
}

/// Redacts GB18030 (or GBK) text `src` into `dst`, in GB18030.
///
/// Works like `tuomin_redact`, except that the text is GB18030: bytes
/// outside a match are copied unchanged, replacements (`*`, tags) are
/// written in GB18030, and the output is exactly `src_len` bytes with the
/// default (length-preserving) masks, since `*` is one byte in both
/// encodings.
///
/// * `TUOMIN_RESULT_OK`: `dst[0..*out_len]` is the redacted text.
/// * `TUOMIN_RESULT_INSUFFICIENT_SIZE`: it does not fit in `dst_cap` bytes;
///   `*out_len` is the size needed and nothing is written to `dst`.
///   Passing `(NULL, 0)` as `dst` asks for the size only.
/// * `TUOMIN_RESULT_INVALID_ENCODING`: `src` is not GB18030 (a byte
///   sequence that is no character, or a character cut off at the end);
///   `*out_len` is the offset in `src` of the first bad byte and nothing is
///   written to `dst`. No byte is ever replaced by a substitute character.
/// * `TUOMIN_RESULT_NOT_SUPPORTED`: the library was built without its
///   `gb18030` feature; nothing is written.
/// * `TUOMIN_RESULT_INVALID_PARAMETER`: `src` and `dst` overlap, or a
///   tag of the redactor's policies cannot be written in GB18030.
///
/// # Safety
///
/// `r` is NULL or a live redactor. `src` is NULL with `src_len == 0` or
/// valid for reading `src_len` bytes; `dst` is NULL with `dst_cap == 0` or
/// valid for writing `dst_cap` bytes; `out_len` is NULL or valid for
/// writing a `size_t`. No other thread writes `src` or touches `dst` or
/// `out_len` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_redact_gb18030(
    r: *const tuomin_redactor,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_len: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor.
        let r = unsafe { enter(r) }?;
        // SAFETY: the caller guarantees `out_len` is NULL or writable and
        // not touched by anyone else during the call.
        let mut out_len = unsafe { out(out_len) }?;
        // SAFETY: the caller guarantees `src` is `(NULL, 0)` or readable for
        // `src_len` bytes that nobody writes during the call.
        let src = unsafe { input(src, src_len) }?;
        if overlap(src.as_ptr(), src.len(), dst, dst_cap) {
            return Err(tuomin_result::InvalidParameter);
        }
        // SAFETY: the caller guarantees `dst` is `(NULL, 0)` or writable for
        // `dst_cap` bytes used only by this call, and it does not overlap
        // `src` (checked above).
        let dst = unsafe { output(dst, dst_cap) }?;
        let redacted = match redact(r.value, src) {
            Ok(redacted) => redacted,
            Err(Failure { result, offset }) => {
                if let Some(offset) = offset {
                    out_len.set(offset);
                }
                return Err(result);
            }
        };
        out_len.set(redacted.len());
        let dst = dst.get_mut(..redacted.len()).ok_or(tuomin_result::InsufficientSize)?;
        dst.copy_from_slice(&redacted);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "gb18030")]
    #[test]
    fn bad_input_reports_its_offset() {
        let r = Redactor::new();
        // 手机 (CA D6 BB FA), then 0xFF, which starts no character.
        let failure = redact(&r, b"\xCA\xD6\xBB\xFA\xFF").unwrap_err();
        assert_eq!(failure, Failure { result: tuomin_result::InvalidEncoding, offset: Some(4) });
        // A lead byte with nothing after it.
        let failure = redact(&r, b"ok\xCA").unwrap_err();
        assert_eq!(failure, Failure { result: tuomin_result::InvalidEncoding, offset: Some(2) });
    }

    #[cfg(not(feature = "gb18030"))]
    #[test]
    fn without_the_feature_nothing_is_redacted() {
        let failure = redact(&Redactor::new(), b"13812345678").unwrap_err();
        assert_eq!(failure, Failure { result: tuomin_result::NotSupported, offset: None });
    }
}
