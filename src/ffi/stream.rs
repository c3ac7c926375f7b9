//! The stream handle: redaction of text that arrives in pieces.

use super::arg_lists::{Feed, feed};
use super::args::{out, output};
use super::boundary::boundary;
use super::handle::{Castable, enter, enter_mut, free_handle, into_handle};
use super::redactor::tuomin_redactor;
use super::result::tuomin_result;
use crate::{Status, Stream};

/// One conversation's redaction state. A stream may move between threads
/// but is used by one thread at a time.
#[derive(Debug)]
pub struct tuomin_stream {
    _private: [u8; 0],
}

/// The state behind a `tuomin_stream`.
pub(crate) struct StreamState {
    pub(crate) stream: Stream,
    /// Whether a `last` call to `tuomin_stream_feed` completed.
    finished: bool,
}

impl Castable for tuomin_stream {
    type Value = StreamState;
}

/// Makes a stream for one conversation. The stream keeps what it needs of
/// `r` alive, so `r` may be freed before the stream.
///
/// On `TUOMIN_RESULT_OK`, `*out` is the new stream, to be freed with
/// `tuomin_stream_free`; otherwise `*out` is not written.
///
/// # Safety
///
/// `r` is NULL or a live redactor; `out` is NULL or valid for writing a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_stream_new(r: *const tuomin_redactor, out: *mut *mut tuomin_stream) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor.
        let r = unsafe { enter(r) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(into_handle(StreamState { stream: r.value.stream(), finished: false }));
        Ok(())
    })
}

/// Frees a stream. NULL does nothing. Bytes still held back are dropped:
/// end the stream with a `last` call to `tuomin_stream_feed` first to get
/// them.
///
/// # Safety
///
/// `s` is NULL or a stream not yet freed, and no other thread is using it.
/// It must not be used after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_stream_free(s: *mut tuomin_stream) {
    boundary(|| {
        // SAFETY: the caller guarantees `s` is NULL or a live stream handle
        // that nothing else uses.
        unsafe { free_handle(s) }
    })
}

/// Redacts the next piece of a conversation, buffer to buffer, in the
/// style of zlib and encoding_rs.
///
/// Call it with `last == false` as input arrives, then with `last == true`
/// until it returns `TUOMIN_RESULT_OK`. Each call reads from `src` and
/// writes to `dst`, and sets `*out_read` and `*out_written` to how many
/// bytes it read and wrote:
///
/// * `TUOMIN_RESULT_OK`: all of `src` was read (`*out_read == src_len`)
///   and, with `last`, everything held back was written: the stream is then
///   finished, and later calls return `TUOMIN_RESULT_ALREADY_FINISHED`.
/// * `TUOMIN_RESULT_OUTPUT_FULL`: `dst` is full. Call again with the unread
///   rest of `src` (from `src + *out_read`), the same `last`, and room in
///   `dst`.
///
/// Any `dst_cap` of one byte or more makes progress, and `src` may be
/// split anywhere, even inside a character: the bytes written over all
/// calls are exactly what `tuomin_redact` makes of the whole text. A stream
/// holds back at most 1024 bytes that may still be part of a match; see
/// `tuomin_stream_max_output_len` for sizing `dst`. On any other result
/// nothing was read or written and the outputs are not set.
///
/// # Safety
///
/// `s` is NULL or a live stream that no other thread uses during the call.
/// `src` is NULL with `src_len == 0` or valid for reading `src_len` bytes;
/// `dst` is NULL with `dst_cap == 0` or valid for writing `dst_cap` bytes;
/// `out_read` and `out_written` are NULL or valid for writing a `size_t`.
/// No other thread writes `src` or touches `dst`, `out_read` or
/// `out_written` during the call.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn tuomin_stream_feed(
    s: *mut tuomin_stream,
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
        let (status, read, written) = state.stream.feed(src, dst, last);
        out_read.set(read);
        out_written.set(written);
        match status {
            Status::InputEmpty => {
                state.finished = last;
                Ok(())
            }
            Status::OutputFull => Err(tuomin_result::OutputFull),
        }
    })
}

/// Ends one message in a long-lived stream (a chat session with many
/// messages): writes everything held back to `dst` and starts the next
/// message afresh, with no context carried over, so that each message is
/// redacted as if on its own. Unlike a `last` call to `tuomin_stream_feed`,
/// the stream stays usable.
///
/// Call it after all of the message has been fed (every feed call returned
/// `TUOMIN_RESULT_OK`). Sets `*out_written` to the bytes written and
/// returns `TUOMIN_RESULT_OK` once everything is out, or
/// `TUOMIN_RESULT_OUTPUT_FULL` when `dst` is full: call again with room in
/// `dst`. On any other result nothing was written and `*out_written` is not
/// set.
///
/// # Safety
///
/// `s` is NULL or a live stream that no other thread uses during the call;
/// `dst` is NULL with `dst_cap == 0` or valid for writing `dst_cap` bytes;
/// `out_written` is NULL or valid for writing a `size_t`, and no other
/// thread touches `dst` or `out_written` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_stream_end_message(
    s: *mut tuomin_stream,
    dst: *mut u8,
    dst_cap: usize,
    out_written: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `s` is NULL or a live stream that no
        // other thread uses during the call.
        let s = unsafe { enter_mut(s) }?;
        // SAFETY: the caller guarantees `out_written` is NULL or writable and
        // not touched by anyone else during the call.
        let mut out_written = unsafe { out(out_written) }?;
        // SAFETY: the caller guarantees `dst` is `(NULL, 0)` or writable for
        // `dst_cap` bytes used only by this call.
        let dst = unsafe { output(dst, dst_cap) }?;
        let state = &mut *s.value;
        if state.finished {
            return Err(tuomin_result::AlreadyFinished);
        }
        let (status, _, written) = state.stream.feed(&[], dst, true);
        out_written.set(written);
        match status {
            Status::InputEmpty => Ok(()),
            Status::OutputFull => Err(tuomin_result::OutputFull),
        }
    })
}

/// Sets `*out` to the most bytes the next call to `tuomin_stream_feed` (or
/// `tuomin_stream_end_message`, with `src_len == 0`) can write for
/// `src_len` bytes of input, counting what the stream holds back and any
/// output still pending: with a `dst` that large, that call returns
/// `TUOMIN_RESULT_OK`. Sets `SIZE_MAX` when the bound does not fit in a
/// `size_t`.
///
/// # Safety
///
/// `s` is NULL or a live stream that no other thread uses during the call;
/// `out` is NULL or valid for writing a `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_stream_max_output_len(
    s: *const tuomin_stream,
    src_len: usize,
    out: *mut usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `s` is NULL or a live stream not in
        // use by another thread.
        let s = unsafe { enter(s) }?;
        // SAFETY: the caller guarantees `out` is NULL or writable.
        let mut out = unsafe { self::out(out) }?;
        out.set(s.value.stream.max_output_len(src_len).unwrap_or(usize::MAX));
        Ok(())
    })
}
