//! GB18030 (and GBK) redaction from C.
//!
//! The functions exist whatever features the library was built with, so
//! that a C program links against any build; without the `gb18030` feature
//! they return [`tuomin_result::NotSupported`].

use super::arg_lists::{Feed, OneShot, feed, one_shot};
use super::args::{copy_or_size_needed, out};
use super::boundary::boundary;
use super::handle::{Castable, enter, free_handle, into_handle};
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
        // SAFETY: the `# Safety` section above is `one_shot`'s contract: `r`
        // is NULL or a live redactor; `src` and `dst` are `(NULL, 0)` or
        // valid for their lengths, with `dst` used only by this call and
        // `src` written by nothing else; `out_len` is NULL or writable.
        let OneShot { handle: r, src, dst, mut out_len } = unsafe { one_shot(r, src, src_len, dst, dst_cap, out_len) }?;
        let redacted = match redact(r.value, src) {
            Ok(redacted) => redacted,
            Err(Failure { result, offset }) => {
                if let Some(offset) = offset {
                    out_len.set(offset);
                }
                return Err(result);
            }
        };
        copy_or_size_needed(dst, &redacted, &mut out_len)
    })
}

/// One conversation's GB18030 redaction state, fed with
/// `tuomin_gb18030_stream_feed`. A stream may move between threads but is
/// used by one thread at a time.
#[derive(Debug)]
pub struct tuomin_gb18030_stream {
    _private: [u8; 0],
}

/// The state behind a `tuomin_gb18030_stream`.
pub(crate) struct Gb18030State {
    #[cfg(feature = "gb18030")]
    stream: crate::Gb18030Stream,
    /// Output decided but not yet copied to a caller's `dst`.
    pending: Vec<u8>,
    /// Bytes of `pending` already copied out.
    sent: usize,
    /// The `last` call has ended the stream; what is pending is the rest.
    ending: bool,
    /// Everything was written after the end.
    finished: bool,
    /// The input was not GB18030: the stream can only be freed.
    failed: bool,
}

impl Castable for tuomin_gb18030_stream {
    type Value = Gb18030State;
}

impl Gb18030State {
    /// Copies as much pending output as fits into `dst`; returns the
    /// bytes copied.
    fn drain(&mut self, dst: &mut [u8]) -> usize {
        let rest = &self.pending[self.sent..];
        let n = rest.len().min(dst.len());
        dst[..n].copy_from_slice(&rest[..n]);
        self.sent += n;
        if self.sent == self.pending.len() {
            self.pending.clear();
            self.sent = 0;
        }
        n
    }

    fn has_pending(&self) -> bool {
        self.sent < self.pending.len()
    }

    /// Runs `src` (and, with `last`, the end) through the stream into
    /// `pending`.
    #[cfg(feature = "gb18030")]
    fn run(&mut self, src: &[u8], last: bool) -> Result<(), tuomin_result> {
        let pending = &mut self.pending;
        let mut sink = |p: crate::Piece<'_>| -> Result<(), core::convert::Infallible> {
            pending.extend_from_slice(p.bytes());
            Ok(())
        };
        let mut result = self.stream.push(src, &mut sink);
        if result.is_ok() && last {
            result = self.stream.finish(&mut sink);
        }
        result.map_err(|e| match crate::EncodingError::from(e) {
            crate::EncodingError::Malformed { .. } | crate::EncodingError::Truncated { .. } => {
                tuomin_result::InvalidEncoding
            }
            _ => tuomin_result::InvalidParameter,
        })
    }

    #[cfg(not(feature = "gb18030"))]
    fn run(&mut self, _src: &[u8], _last: bool) -> Result<(), tuomin_result> {
        Err(tuomin_result::NotSupported)
    }
}

#[cfg(feature = "gb18030")]
fn new_state(r: &Redactor) -> Result<Gb18030State, tuomin_result> {
    Ok(Gb18030State {
        stream: r.stream_gb18030(),
        pending: Vec::new(),
        sent: 0,
        ending: false,
        finished: false,
        failed: false,
    })
}

#[cfg(not(feature = "gb18030"))]
fn new_state(_r: &Redactor) -> Result<Gb18030State, tuomin_result> {
    Err(tuomin_result::NotSupported)
}

/// Makes a stream for one conversation in GB18030 (or GBK). The stream
/// keeps what it needs of `r` alive, so `r` may be freed before it.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new stream, to be freed with
/// `tuomin_gb18030_stream_free`; otherwise `*out` is not written, and
/// `TUOMIN_RESULT_NOT_SUPPORTED` says the library was built without its
/// `gb18030` feature.
///
/// # Safety
///
/// `r` is NULL or a live redactor; `out` is NULL or valid for writing a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_gb18030_stream_new(
    r: *const tuomin_redactor,
    out: *mut *mut tuomin_gb18030_stream,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor.
        let r = unsafe { enter(r) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(into_handle(new_state(r.value)?));
        Ok(())
    })
}

/// Frees a GB18030 stream. NULL does nothing. Output not yet written is
/// dropped: end the stream with a `last` call to
/// `tuomin_gb18030_stream_feed` first to get it.
///
/// # Safety
///
/// `s` is NULL or a stream not yet freed, and no other thread is using it.
/// It must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_gb18030_stream_free(s: *mut tuomin_gb18030_stream) {
    boundary(|| {
        // SAFETY: the caller guarantees `s` is NULL or a live stream handle
        // that nothing else uses.
        unsafe { free_handle(s) }
    })
}

/// Redacts the next piece of a GB18030 conversation, buffer to buffer,
/// with the protocol of `tuomin_stream_feed`: call it with
/// `last == false` as input arrives, then with `last == true` until it
/// returns `TUOMIN_RESULT_OK`. `src` may be split anywhere, even inside a
/// character, and the bytes written over all calls are exactly what
/// `tuomin_redact_gb18030` makes of the whole text.
///
/// * `TUOMIN_RESULT_OK`: all of `src` was read (`*out_read == src_len`)
///   and everything decided so far was written (`*out_written` bytes);
///   with `last`, the stream is then finished, and later calls return
///   `TUOMIN_RESULT_ALREADY_FINISHED`.
/// * `TUOMIN_RESULT_OUTPUT_FULL`: `dst` is full. Call again with the
///   unread rest of `src` (from `src + *out_read`, often empty), the same
///   `last`, and room in `dst`. Any `dst_cap` of one byte or more makes
///   progress. Output not yet written is kept by the stream; it is at most
///   the output for one call's `src` plus the text held back.
/// * `TUOMIN_RESULT_INVALID_ENCODING`: `src` has bytes that are not
///   GB18030, or (with `last`) the text ends inside a character. The
///   stream can then only be freed: later calls return this result again.
///   `*out_written` is set to the bytes written by this call (output for
///   the input of earlier calls, all valid GB18030); `*out_read` is not
///   set, and nothing of this call's input is written.
/// * `TUOMIN_RESULT_INVALID_PARAMETER`: `src` and `dst` overlap, or more
///   input came after the `last` call (`src` must then be empty).
/// * `TUOMIN_RESULT_NOT_SUPPORTED` cannot happen (no stream can be made
///   without the `gb18030` feature); on any other result nothing was read
///   or written and the outputs are not set.
///
/// # Safety
///
/// `s` is NULL or a live GB18030 stream that no other thread uses during
/// the call. `src` is NULL with `src_len == 0` or valid for reading
/// `src_len` bytes; `dst` is NULL with `dst_cap == 0` or valid for writing
/// `dst_cap` bytes; `out_read` and `out_written` are NULL or valid for
/// writing a `size_t`. No other thread writes `src` or touches `dst`,
/// `out_read` or `out_written` during the call.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn tuomin_gb18030_stream_feed(
    s: *mut tuomin_gb18030_stream,
    src: *const u8,
    src_len: usize,
    last: bool,
    dst: *mut u8,
    dst_cap: usize,
    out_read: *mut usize,
    out_written: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the `# Safety` section above is `feed`'s contract: `s` is
        // NULL or a live stream only this call uses; `src` and `dst` are
        // `(NULL, 0)` or valid for their lengths, with `dst` used only by
        // this call and `src` written by nothing else; `out_read` and
        // `out_written` are NULL or writable.
        let Feed { state: s, src, dst, mut out_read, mut out_written } =
            unsafe { feed(s, src, src_len, dst, dst_cap, out_read, out_written) }?;
        let state = &mut *s.value;
        if state.finished {
            return Err(tuomin_result::AlreadyFinished);
        }
        if state.failed {
            return Err(tuomin_result::InvalidEncoding);
        }
        // After the end only the pending output is left to write.
        if state.ending && !src.is_empty() {
            return Err(tuomin_result::InvalidParameter);
        }
        // Output decided by earlier calls goes first.
        let mut written = state.drain(dst);
        if state.has_pending() {
            out_read.set(0);
            out_written.set(written);
            return Err(tuomin_result::OutputFull);
        }
        if !state.ending {
            if let Err(e) = state.run(src, last) {
                state.failed = true;
                state.pending.clear();
                state.sent = 0;
                out_written.set(written);
                return Err(e);
            }
            state.ending = last;
        }
        written += state.drain(&mut dst[written..]);
        out_read.set(src.len());
        out_written.set(written);
        if state.has_pending() {
            return Err(tuomin_result::OutputFull);
        }
        state.finished = state.ending;
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
        let r = super::super::handle::into_handle::<tuomin_redactor>(Redactor::new());
        let mut s: *mut tuomin_gb18030_stream = core::ptr::null_mut();
        // SAFETY: `r` is a live redactor and `s` a place for a pointer.
        assert_eq!(unsafe { tuomin_gb18030_stream_new(r, &mut s) }, tuomin_result::NotSupported);
        assert!(s.is_null());
        let mut len = 0;
        // SAFETY: `r` is live; the input is a static string; `len` writable.
        let res = unsafe { tuomin_redact_gb18030(r, b"ok".as_ptr(), 2, core::ptr::null_mut(), 0, &mut len) };
        assert_eq!(res, tuomin_result::NotSupported);
        // SAFETY: `r` is live and not used again.
        unsafe { super::super::redactor::tuomin_redactor_free(r) };
    }
}
