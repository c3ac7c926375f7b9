//! Arguments from C: slices, buffers, out-parameters and strings.
//!
//! With [`super::handle`], the only place where raw pointers from C become
//! references. Every exported function unpacks its pointer arguments with
//! these helpers, so that each kind of argument follows one rule
//! everywhere:
//!
//! * an input slice `(src, src_len)` and an output buffer `(dst, dst_cap)`
//!   may each be `(NULL, 0)`, which is empty; NULL with a nonzero length is
//!   `NullParameter`, and a length no buffer can have is
//!   `InvalidParameter` ([`input`], [`output`]);
//! * a function that reads one buffer and writes another refuses the pair
//!   when they share memory, before the output is touched
//!   ([`src_and_dst`]);
//! * an out-parameter is never NULL ([`out`]);
//! * a buffer for an error message may be NULL whatever its capacity says
//!   ([`message_buffer`]);
//! * a string is NUL-terminated UTF-8 and never NULL ([`utf8`]).
//!
//! Each `unsafe fn` here states in its `# Safety` section what it relies
//! on; the exported functions pass those contracts on to their callers.

use core::ffi::{CStr, c_char};
use core::marker::PhantomData;
use core::ptr::NonNull;

use super::result::tuomin_result;

/// Largest length a slice may have (Rust slices span at most `isize::MAX`
/// bytes).
const MAX_LEN: usize = isize::MAX as usize;

/// The input slice `(ptr, len)`; `(NULL, 0)` is empty.
///
/// # Errors
///
/// `NullParameter` for NULL with a nonzero length, `InvalidParameter` for a
/// length no buffer can have.
///
/// # Safety
///
/// Unless `ptr` is NULL, `ptr` is valid for reading `len` elements of `T`
/// for `'a`, and nothing writes them during `'a`.
pub(crate) unsafe fn input<'a, T>(ptr: *const T, len: usize) -> Result<&'a [T], tuomin_result> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(tuomin_result::NullParameter) };
    }
    if len.saturating_mul(size_of::<T>()) > MAX_LEN {
        return Err(tuomin_result::InvalidParameter);
    }
    // SAFETY: `ptr` is not NULL, and the caller guarantees it is valid for
    // reading `len` elements that stay unchanged for `'a`; the size fits in
    // `isize`.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// The output buffer `(ptr, cap)`; `(NULL, 0)` is empty.
///
/// # Errors
///
/// `NullParameter` for NULL with a nonzero capacity, `InvalidParameter` for
/// a capacity no buffer can have.
///
/// # Safety
///
/// Unless `ptr` is NULL, `ptr` is valid for reading and writing `cap`
/// elements of `T` for `'a`, and nothing else reads or writes them during
/// `'a`. `T` is plain data (any bit pattern is a value).
pub(crate) unsafe fn output<'a, T>(ptr: *mut T, cap: usize) -> Result<&'a mut [T], tuomin_result> {
    if ptr.is_null() {
        return if cap == 0 { Ok(&mut []) } else { Err(tuomin_result::NullParameter) };
    }
    if cap.saturating_mul(size_of::<T>()) > MAX_LEN {
        return Err(tuomin_result::InvalidParameter);
    }
    // SAFETY: `ptr` is not NULL, and the caller guarantees it is valid for
    // `cap` elements of plain data used only here for `'a`; the size fits
    // in `isize`.
    Ok(unsafe { core::slice::from_raw_parts_mut(ptr, cap) })
}

/// An input slice `(src, src_len)` and an output buffer `(dst, dst_cap)`
/// that must not share memory, as every function that reads one buffer
/// and writes another takes them.
///
/// # Errors
///
/// In this order: what [`input`] returns for `src`, `InvalidParameter`
/// when the two overlap, what [`output`] returns for `dst`.
///
/// # Safety
///
/// Unless `src` is NULL, `src` is valid for reading `src_len` elements of
/// `S` for `'a`, and nothing but this call's own `dst` could write them
/// during `'a`. Unless `dst` is NULL, `dst` is valid for reading and
/// writing `dst_cap` elements of `D` for `'a`, and nothing else reads or
/// writes them during `'a`. `D` is plain data (any bit pattern is a
/// value). Whether `src` and `dst` overlap is checked here, so the caller
/// need not promise that they do not.
pub(crate) unsafe fn src_and_dst<'a, S, D>(
    src: *const S,
    src_len: usize,
    dst: *mut D,
    dst_cap: usize,
) -> Result<(&'a [S], &'a mut [D]), tuomin_result> {
    // SAFETY: the caller guarantees `src` is NULL or readable for `src_len`
    // elements that only `dst` could write, and `dst` is refused below
    // before it becomes writable if it overlaps them.
    let src = unsafe { input(src, src_len) }?;
    if overlap(src.as_ptr(), src.len(), dst, dst_cap) {
        return Err(tuomin_result::InvalidParameter);
    }
    // SAFETY: the caller guarantees `dst` is NULL or valid for `dst_cap`
    // plain-data elements used only by this call, and they do not overlap
    // `src` (checked above).
    let dst = unsafe { output(dst, dst_cap) }?;
    Ok((src, dst))
}

/// Whether the byte ranges of two buffers overlap (empty ones never do).
pub(crate) fn overlap<T, U>(a: *const T, a_len: usize, b: *const U, b_len: usize) -> bool {
    let (a, b) = (a as usize, b as usize);
    let a_end = a.saturating_add(a_len.saturating_mul(size_of::<T>()));
    let b_end = b.saturating_add(b_len.saturating_mul(size_of::<U>()));
    a < a_end && b < b_end && a < b_end && b < a_end
}

/// An out-parameter: where to write one value for the caller.
pub(crate) struct Out<'a, T> {
    ptr: NonNull<T>,
    _lifetime: PhantomData<&'a mut T>,
}

impl<T> Out<'_, T> {
    /// Writes the value (replacing whatever was there without reading or
    /// dropping it).
    pub(crate) fn set(&mut self, value: T) {
        // SAFETY: `out` checked that the pointer is not NULL, and its caller
        // guaranteed that it is valid and aligned for writing a `T` for the
        // lifetime of `self`.
        unsafe { self.ptr.as_ptr().write(value) }
    }
}

/// The out-parameter `ptr`.
///
/// # Errors
///
/// `NullParameter` for NULL.
///
/// # Safety
///
/// Unless `ptr` is NULL, `ptr` is valid and aligned for writing a `T`
/// during `'a`, and no other argument of the call refers to that memory.
pub(crate) unsafe fn out<'a, T>(ptr: *mut T) -> Result<Out<'a, T>, tuomin_result> {
    let ptr = NonNull::new(ptr).ok_or(tuomin_result::NullParameter)?;
    Ok(Out { ptr, _lifetime: PhantomData })
}

/// The NUL-terminated UTF-8 string at `ptr`.
///
/// # Errors
///
/// `NullParameter` for NULL, `InvalidParameter` when it is not UTF-8.
///
/// # Safety
///
/// Unless `ptr` is NULL, `ptr` points to a NUL-terminated string that stays
/// unchanged during `'a`.
pub(crate) unsafe fn utf8<'a>(ptr: *const c_char) -> Result<&'a str, tuomin_result> {
    if ptr.is_null() {
        return Err(tuomin_result::NullParameter);
    }
    // SAFETY: `ptr` is not NULL, and the caller guarantees a NUL-terminated
    // string left unchanged for `'a`.
    let s = unsafe { CStr::from_ptr(ptr) };
    s.to_str().map_err(|_| tuomin_result::InvalidParameter)
}

/// Copies `bytes` to the front of `dst` and sets `*out_len` to their
/// length, snprintf-style: when they do not fit, `dst` is left alone,
/// `*out_len` still says how much room they need, and the result is
/// `InsufficientSize`.
pub(crate) fn copy_or_size_needed(
    dst: &mut [u8],
    bytes: &[u8],
    out_len: &mut Out<'_, usize>,
) -> Result<(), tuomin_result> {
    out_len.set(bytes.len());
    let dst = dst.get_mut(..bytes.len()).ok_or(tuomin_result::InsufficientSize)?;
    dst.copy_from_slice(bytes);
    Ok(())
}

/// A caller's buffer `(ptr, cap)` for a NUL-terminated message. NULL means
/// no message is wanted, whatever `cap` says, so it is empty.
///
/// # Errors
///
/// `InvalidParameter` for a capacity no buffer can have.
///
/// # Safety
///
/// Unless `ptr` is NULL, `ptr` is valid for reading and writing `cap`
/// bytes for `'a`, and nothing else reads or writes them during `'a`.
pub(crate) unsafe fn message_buffer<'a>(ptr: *mut c_char, cap: usize) -> Result<&'a mut [u8], tuomin_result> {
    let cap = if ptr.is_null() { 0 } else { cap };
    // SAFETY: `(NULL, 0)` is never touched; otherwise the caller guarantees
    // `ptr` is valid for `cap` bytes used only here for `'a`, and bytes are
    // plain data.
    unsafe { output(ptr.cast::<u8>(), cap) }
}

/// Writes `message` NUL-terminated into `dst`, cut at a character boundary
/// to fit.
pub(crate) fn write_message(dst: &mut [u8], message: &str) {
    let Some(room) = dst.len().checked_sub(1) else { return };
    let mut n = message.len().min(room);
    while !message.is_char_boundary(n) {
        n -= 1;
    }
    dst[..n].copy_from_slice(&message.as_bytes()[..n]);
    dst[n] = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_and_empty_slices() {
        // SAFETY: NULL pointers are never read.
        unsafe {
            assert_eq!(input::<u8>(core::ptr::null(), 0), Ok(&[][..]));
            assert_eq!(input::<u8>(core::ptr::null(), 1), Err(tuomin_result::NullParameter));
            assert!(output::<u8>(core::ptr::null_mut(), 0).is_ok_and(|s| s.is_empty()));
            assert_eq!(output::<u8>(core::ptr::null_mut(), 3).err(), Some(tuomin_result::NullParameter));
            assert!(out::<usize>(core::ptr::null_mut()).is_err());
            assert_eq!(utf8(core::ptr::null()), Err(tuomin_result::NullParameter));
        }
        let buf = [0u8; 8];
        // SAFETY: `buf` is readable, the length is never used for reading.
        assert_eq!(unsafe { input(buf.as_ptr(), usize::MAX) }, Err(tuomin_result::InvalidParameter));
    }

    #[test]
    fn overlapping_ranges() {
        let buf = [0u8; 16];
        let p = buf.as_ptr();
        assert!(overlap(p, 8, p.wrapping_add(4), 8));
        assert!(!overlap(p, 8, p.wrapping_add(8), 8));
        assert!(!overlap(p, 0, p, 8));
        assert!(overlap(p, 16, p.wrapping_add(15), 1));
    }

    /// `src_and_dst` on a buffer of 16 bytes: `src` at `s` for `s_len`,
    /// `dst` at `d` for `d_cap`, or NULL for `None`.
    fn pair(s: Option<usize>, s_len: usize, d: Option<usize>, d_cap: usize) -> Result<(usize, usize), tuomin_result> {
        let mut buf = [7u8; 16];
        let base = buf.as_mut_ptr();
        let src = s.map_or(core::ptr::null(), |i| base.wrapping_add(i).cast_const());
        let dst = d.map_or(core::ptr::null_mut(), |i| base.wrapping_add(i));
        // SAFETY: every non-NULL pointer is inside `buf` with its length
        // inside `buf` too (or refused before use), and `buf` is not
        // otherwise used while the slices live.
        let (src, dst) = unsafe { src_and_dst(src, s_len, dst, d_cap) }?;
        Ok((src.len(), dst.len()))
    }

    #[test]
    fn input_and_output_pairs() {
        // `(NULL, 0)` is empty on either side.
        assert_eq!(pair(None, 0, None, 0), Ok((0, 0)));
        assert_eq!(pair(None, 0, Some(0), 16), Ok((0, 16)));
        assert_eq!(pair(Some(0), 16, None, 0), Ok((16, 0)));
        // NULL with a length is refused on either side.
        assert_eq!(pair(None, 1, Some(0), 16), Err(tuomin_result::NullParameter));
        assert_eq!(pair(Some(0), 8, None, 1), Err(tuomin_result::NullParameter));
        // Shared bytes are refused, touching or empty ranges are not.
        assert_eq!(pair(Some(0), 8, Some(4), 8), Err(tuomin_result::InvalidParameter));
        assert_eq!(pair(Some(4), 8, Some(0), 8), Err(tuomin_result::InvalidParameter));
        assert_eq!(pair(Some(0), 8, Some(0), 8), Err(tuomin_result::InvalidParameter));
        assert_eq!(pair(Some(0), 8, Some(8), 8), Ok((8, 8)));
        assert_eq!(pair(Some(4), 0, Some(0), 8), Ok((0, 8)));
        // A capacity no buffer can have is refused.
        assert_eq!(pair(Some(0), 8, Some(8), usize::MAX), Err(tuomin_result::InvalidParameter));
        // A bad `src` is reported before anything about `dst`.
        assert_eq!(pair(None, 4, Some(8), usize::MAX), Err(tuomin_result::NullParameter));
    }

    #[test]
    fn whole_copies_or_the_size_needed() {
        let mut len = usize::MAX;
        // SAFETY: `len` is a live `usize` used only through `out_len`.
        let mut out_len = unsafe { out(&mut len) }.unwrap();
        let mut dst = [0u8; 4];
        assert_eq!(copy_or_size_needed(&mut dst, b"abcde", &mut out_len), Err(tuomin_result::InsufficientSize));
        assert_eq!(dst, [0; 4]);
        assert_eq!(copy_or_size_needed(&mut dst, b"abc", &mut out_len), Ok(()));
        assert_eq!(&dst, b"abc\0");
        assert_eq!(copy_or_size_needed(&mut [], b"", &mut out_len), Ok(()));
        assert_eq!(len, 0);
        // SAFETY: as above.
        let mut out_len = unsafe { out(&mut len) }.unwrap();
        assert_eq!(copy_or_size_needed(&mut [], b"abcde", &mut out_len), Err(tuomin_result::InsufficientSize));
        assert_eq!(len, 5);
    }

    #[test]
    fn message_buffers() {
        // SAFETY: a NULL buffer is never touched, whatever its capacity.
        assert_eq!(unsafe { message_buffer(core::ptr::null_mut(), 64) }.map(|b| b.len()), Ok(0));
        let mut buf = [1 as c_char; 4];
        // SAFETY: `buf` is valid for its 4 bytes and used only through the
        // slice while it lives.
        let msg = unsafe { message_buffer(buf.as_mut_ptr(), buf.len()) }.unwrap();
        write_message(msg, "oops");
        assert_eq!(buf.map(|c| c as u8), *b"oop\0");
    }

    #[test]
    fn messages_are_cut_at_characters() {
        let mut buf = [0xFFu8; 6];
        write_message(&mut buf, "规则abc");
        assert_eq!(&buf[..4], "规\0".as_bytes());
        let mut empty: [u8; 0] = [];
        write_message(&mut empty, "x");
        let mut one = [0xFFu8; 1];
        write_message(&mut one, "x");
        assert_eq!(one, [0]);
    }
}
