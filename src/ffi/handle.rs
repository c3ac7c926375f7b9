//! Handles: the Rust objects C reaches through opaque pointers.
//!
//! With [`super::args`], the only place where raw pointers from C become
//! references. Each function here checks for NULL and turns a handle
//! pointer into a reference under the contract stated in its `# Safety`
//! section, which the exported functions pass on to their callers.

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
    fn null_handles() {
        // SAFETY: NULL pointers are never read.
        unsafe {
            assert_eq!(enter::<Thing>(core::ptr::null()).err(), Some(tuomin_result::NullParameter));
            assert_eq!(enter_mut::<Thing>(core::ptr::null_mut()).err(), Some(tuomin_result::NullParameter));
            free_handle::<Thing>(core::ptr::null_mut());
        }
    }
}
