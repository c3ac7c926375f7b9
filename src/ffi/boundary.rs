//! The panic boundary every exported function runs in.

use core::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::result::tuomin_result;

/// What an exported function's body returns, and what the function returns
/// to C for it and for a panic.
pub(crate) trait Outcome {
    /// The C return type.
    type C;
    /// The value returned when the body finished.
    fn into_c(self) -> Self::C;
    /// The value returned when the body panicked.
    fn panicked() -> Self::C;
}

impl Outcome for Result<(), tuomin_result> {
    type C = tuomin_result;

    fn into_c(self) -> tuomin_result {
        self.err().unwrap_or(tuomin_result::Ok)
    }

    fn panicked() -> tuomin_result {
        tuomin_result::Panic
    }
}

impl Outcome for *const c_char {
    type C = *const c_char;

    fn into_c(self) -> *const c_char {
        self
    }

    fn panicked() -> *const c_char {
        core::ptr::null()
    }
}

impl Outcome for () {
    type C = ();

    fn into_c(self) {}

    fn panicked() {}
}

/// Runs the body of an exported function and turns a panic into
/// [`Outcome::panicked`].
///
/// Handles entered in the body (see [`super::handle::enter`]) are marked
/// poisoned as the panic unwinds through them, which is why asserting
/// unwind safety is sound: no state a panic may have left half-changed is
/// used again.
pub(crate) fn boundary<R: Outcome>(body: impl FnOnce() -> R) -> R::C {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r.into_c(),
        Err(payload) => {
            // Dropping the payload runs arbitrary code that could panic in
            // turn; leak it rather than unwind into C.
            if let Err(again) = catch_unwind(AssertUnwindSafe(move || drop(payload))) {
                core::mem::forget(again);
            }
            R::panicked()
        }
    }
}
