//! Argument lists that several entry points share, each unpacked by one
//! function.
//!
//! * The one-shot functions (`tuomin_redact`, `tuomin_redact_gb18030`,
//!   `tuomin_scan`) take `(handle, src, src_len, dst, dst_cap, out_len)`:
//!   see [`one_shot`].
//! * The feed functions (`tuomin_stream_feed`,
//!   `tuomin_gb18030_stream_feed`) take `(stream, src, src_len, last, dst,
//!   dst_cap, out_read, out_written)`: see [`feed`].
//!
//! Both check the arguments in the same order: the handle, the
//! out-parameters, then `src` and `dst` (with [`src_and_dst`], which
//! refuses the two when they overlap). So a bad argument gives the same
//! result from every function that takes it, and nothing is read, written
//! or set when one is refused.

use super::args::{Out, out, src_and_dst};
use super::handle::{Castable, Entered, enter, enter_mut};
use super::result::tuomin_result;

/// The unpacked arguments of a one-shot function.
pub(crate) struct OneShot<'a, V, D> {
    /// The state behind the handle, shared.
    pub(crate) handle: Entered<'a, &'a V>,
    pub(crate) src: &'a [u8],
    pub(crate) dst: &'a mut [D],
    /// Where to write the output's length (or the room it needs).
    pub(crate) out_len: Out<'a, usize>,
}

/// Unpacks `(handle, src, src_len, dst, dst_cap, out_len)`.
///
/// # Errors
///
/// In this order: what [`enter`] returns for `handle`, `NullParameter`
/// for a NULL `out_len`, what [`src_and_dst`] returns for `src` and `dst`.
///
/// # Safety
///
/// * `handle` is NULL or a live handle made by `into_handle::<C>` that no
///   thread frees or borrows mutably during `'a`.
/// * `src` is NULL or valid for reading `src_len` bytes for `'a`, which
///   nothing but `dst` could write during `'a`.
/// * `dst` is NULL or valid for reading and writing `dst_cap` elements of
///   plain-data `D` for `'a`, which nothing else reads or writes during
///   `'a`.
/// * `out_len` is NULL or valid and aligned for writing a `usize` during
///   `'a`, and no other argument refers to that memory.
pub(crate) unsafe fn one_shot<'a, C: Castable, D>(
    handle: *const C,
    src: *const u8,
    src_len: usize,
    dst: *mut D,
    dst_cap: usize,
    out_len: *mut usize,
) -> Result<OneShot<'a, C::Value, D>, tuomin_result> {
    // SAFETY: the caller guarantees `handle` is NULL or a live handle of
    // type `C` shared for `'a`.
    let handle = unsafe { enter(handle) }?;
    // SAFETY: the caller guarantees `out_len` is NULL or writable for `'a`
    // and aliased by no other argument.
    let out_len = unsafe { out(out_len) }?;
    // SAFETY: the caller guarantees `src` and `dst` are what
    // `src_and_dst` asks for; it checks that they do not overlap.
    let (src, dst) = unsafe { src_and_dst(src, src_len, dst, dst_cap) }?;
    Ok(OneShot { handle, src, dst, out_len })
}

/// The unpacked arguments of a feed function (`last` needs no unpacking).
pub(crate) struct Feed<'a, V> {
    /// The state behind the stream handle, borrowed for writing.
    pub(crate) state: Entered<'a, &'a mut V>,
    pub(crate) src: &'a [u8],
    pub(crate) dst: &'a mut [u8],
    /// Where to write how many bytes of `src` were read.
    pub(crate) out_read: Out<'a, usize>,
    /// Where to write how many bytes of `dst` were written.
    pub(crate) out_written: Out<'a, usize>,
}

/// Unpacks `(stream, src, src_len, dst, dst_cap, out_read, out_written)`.
///
/// # Errors
///
/// In this order: what [`enter_mut`] returns for `stream`,
/// `NullParameter` for a NULL `out_read` or `out_written`, what
/// [`src_and_dst`] returns for `src` and `dst`.
///
/// # Safety
///
/// * `stream` is NULL or a live handle made by `into_handle::<C>` that no
///   other thread uses during `'a`.
/// * `src` is NULL or valid for reading `src_len` bytes for `'a`, which
///   nothing but `dst` could write during `'a`.
/// * `dst` is NULL or valid for reading and writing `dst_cap` bytes for
///   `'a`, which nothing else reads or writes during `'a`.
/// * `out_read` and `out_written` are each NULL or valid and aligned for
///   writing a `usize` during `'a`, and no other argument refers to that
///   memory.
pub(crate) unsafe fn feed<'a, C: Castable>(
    stream: *mut C,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_read: *mut usize,
    out_written: *mut usize,
) -> Result<Feed<'a, C::Value>, tuomin_result> {
    // SAFETY: the caller guarantees `stream` is NULL or a live handle of
    // type `C` that only this call uses during `'a`.
    let state = unsafe { enter_mut(stream) }?;
    // SAFETY: the caller guarantees `out_read` is NULL or writable for `'a`
    // and aliased by no other argument.
    let out_read = unsafe { out(out_read) }?;
    // SAFETY: as for `out_read`.
    let out_written = unsafe { out(out_written) }?;
    // SAFETY: the caller guarantees `src` and `dst` are what
    // `src_and_dst` asks for; it checks that they do not overlap.
    let (src, dst) = unsafe { src_and_dst(src, src_len, dst, dst_cap) }?;
    Ok(Feed { state, src, dst, out_read, out_written })
}
