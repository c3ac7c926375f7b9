//! Handles, buffers and out-parameters: the only place where raw pointers
//! from C become references.
//!
//! Each function here checks for NULL and turns the pointer into a
//! reference or slice under the contract stated in its `# Safety` section,
//! which the exported functions pass on to their callers.

use core::ffi::{CStr, c_char};
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, Ordering};

use super::result::tuomin_result;

/// A C handle type and the Rust state behind it.
///
/// The C type is only a name (an empty struct that C sees as incomplete);
/// a handle is a `Box<Handle<Self::Value>>` cast to `*mut Self`. The
/// associated type ties each C type to exactly one Rust type.
pub(crate) trait Castable {
    /// The state behind the handle.
    type Value;
}

/// The allocation behind a handle: its state and whether a panic poisoned it.
struct Handle<T> {
    poisoned: AtomicBool,
    value: T,
}

/// Boxes `value` as a new handle for C.
pub(crate) fn into_handle<C: Castable>(value: C::Value) -> *mut C {
    Box::into_raw(Box::new(Handle { poisoned: AtomicBool::new(false), value })).cast()
}

/// Frees a handle made by [`into_handle`]; does nothing for NULL.
///
/// # Safety
///
/// `ptr` is NULL or a handle made by `into_handle::<C>`, not yet freed, and
/// not in use by any other thread.
pub(crate) unsafe fn free_handle<C: Castable>(ptr: *mut C) {
    if !ptr.is_null() {
        // SAFETY: the caller guarantees `ptr` came from `into_handle::<C>`,
        // which boxed a `Handle<C::Value>`, and that nothing else uses it.
        drop(unsafe { Box::from_raw(ptr.cast::<Handle<C::Value>>()) });
    }
}

/// A handle's state, borrowed for the duration of one call. If a panic
/// unwinds while it is borrowed, the handle is marked poisoned.
pub(crate) struct Entered<'a, R> {
    poisoned: &'a AtomicBool,
    /// `&T` or `&mut T`.
    pub(crate) value: R,
}

impl<R> Drop for Entered<'_, R> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.poisoned.store(true, Ordering::Release);
        }
    }
}

/// Borrows the state behind a handle for reading.
///
/// # Errors
///
/// `NullParameter` for NULL, `Panic` for a poisoned handle.
///
/// # Safety
///
/// `ptr` is NULL or a live handle made by `into_handle::<C>` that no thread
/// frees or borrows mutably during `'a`.
pub(crate) unsafe fn enter<'a, C: Castable>(ptr: *const C) -> Result<Entered<'a, &'a C::Value>, tuomin_result> {
    // SAFETY: by the caller's guarantee the pointer is NULL (turned into
    // `None`) or points to a live `Handle<C::Value>` shared for `'a`.
    let handle = unsafe { ptr.cast::<Handle<C::Value>>().as_ref() }.ok_or(tuomin_result::NullParameter)?;
    if handle.poisoned.load(Ordering::Acquire) {
        return Err(tuomin_result::Panic);
    }
    Ok(Entered { poisoned: &handle.poisoned, value: &handle.value })
}

/// Borrows the state behind a handle for writing.
///
/// # Errors
///
/// `NullParameter` for NULL, `Panic` for a poisoned handle.
///
/// # Safety
///
/// `ptr` is NULL or a live handle made by `into_handle::<C>` that no other
/// thread uses during `'a`.
pub(crate) unsafe fn enter_mut<'a, C: Castable>(ptr: *mut C) -> Result<Entered<'a, &'a mut C::Value>, tuomin_result> {
    // SAFETY: by the caller's guarantee the pointer is NULL (turned into
    // `None`) or points to a live `Handle<C::Value>` used only here during
    // `'a`.
    let handle = unsafe { ptr.cast::<Handle<C::Value>>().as_mut() }.ok_or(tuomin_result::NullParameter)?;
    let Handle { poisoned, value } = handle;
    if poisoned.load(Ordering::Acquire) {
        return Err(tuomin_result::Panic);
    }
    Ok(Entered { poisoned, value })
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::boundary::boundary;

    struct Thing;
    impl Castable for Thing {
        type Value = Vec<u8>;
    }

    #[test]
    fn a_panic_poisons_the_handle_in_use() {
        let h = into_handle::<Thing>(vec![1, 2, 3]);
        let r: tuomin_result = boundary(|| {
            // SAFETY: `h` is a live handle used only by this thread.
            let e = unsafe { enter_mut(h) }?;
            e.value.push(4);
            Ok(())
        });
        assert_eq!(r, tuomin_result::Ok);
        let r: tuomin_result = boundary(|| {
            // SAFETY: as above.
            let e = unsafe { enter(h.cast_const()) }?;
            if e.value.len() == 4 {
                panic!("a bug");
            }
            Ok(())
        });
        assert_eq!(r, tuomin_result::Panic);
        // SAFETY: as above.
        assert_eq!(unsafe { enter(h.cast_const()) }.err(), Some(tuomin_result::Panic));
        // SAFETY: as above.
        assert_eq!(unsafe { enter_mut(h) }.err(), Some(tuomin_result::Panic));
        // SAFETY: `h` is live and not in use.
        unsafe { free_handle(h) };
    }

    #[test]
    fn null_and_empty_slices() {
        // SAFETY: NULL pointers are never read.
        unsafe {
            assert_eq!(input::<u8>(core::ptr::null(), 0), Ok(&[][..]));
            assert_eq!(input::<u8>(core::ptr::null(), 1), Err(tuomin_result::NullParameter));
            assert!(output::<u8>(core::ptr::null_mut(), 0).is_ok_and(|s| s.is_empty()));
            assert!(output::<u8>(core::ptr::null_mut(), 3).is_err());
            assert!(out::<usize>(core::ptr::null_mut()).is_err());
            assert_eq!(utf8(core::ptr::null()), Err(tuomin_result::NullParameter));
            assert_eq!(enter::<Thing>(core::ptr::null()).err(), Some(tuomin_result::NullParameter));
            free_handle::<Thing>(core::ptr::null_mut());
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
}
