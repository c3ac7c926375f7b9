//! Result codes and their messages.

use core::ffi::{CStr, c_char};

use super::boundary::boundary;

/// What a call did. Values are explicit and never renumbered; a retired
/// value stays reserved.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum tuomin_result {
    /// Success.
    Ok = 0,
    /// A pointer argument was NULL (other than an empty `(NULL, 0)` slice).
    NullParameter = 1,
    /// The output buffer or array is too small; the size or count needed was
    /// written to the `out_*` argument the function documents.
    InsufficientSize = 2,
    /// A stream filled the output buffer: call again with the unread input
    /// and room in the output buffer. A status, not a failure.
    OutputFull = 3,
    /// An argument is out of range: an unknown name, kind or policy, a
    /// string that is not UTF-8, a limit exceeded, or buffers that overlap.
    InvalidParameter = 4,
    /// The library panicked (a bug). The handle involved is poisoned: every
    /// later call on it returns this result, and it can only be freed.
    Panic = 5,
    /// In-place redaction was asked of a redactor whose policy for some
    /// kind is a tag or removal, which changes the length of the text.
    NotLengthPreserving = 6,
    /// The stream was already ended by a `last` call to
    /// `tuomin_stream_feed`; it can only be freed.
    AlreadyFinished = 7,
    /// The input is not in the encoding the function reads (GB18030 for
    /// `tuomin_redact_gb18030`): a byte sequence that is no character, or a
    /// character cut off at the end.
    InvalidEncoding = 8,
    /// The library was built without the cargo feature this function needs
    /// (`gb18030` for `tuomin_redact_gb18030`).
    NotSupported = 9,
}

/// A result code as a plain integer, so that any value a C caller passes
/// is accepted. The header names it `tuomin_result`.
pub type tuomin_result_code = u32;

impl tuomin_result {
    /// The result for a code, `None` for a value this version does not know.
    fn from_code(code: tuomin_result_code) -> Option<tuomin_result> {
        use tuomin_result::*;
        [
            Ok,
            NullParameter,
            InsufficientSize,
            OutputFull,
            InvalidParameter,
            Panic,
            NotLengthPreserving,
            AlreadyFinished,
            InvalidEncoding,
            NotSupported,
        ]
        .into_iter()
        .find(|&r| r as u32 == code)
    }

    fn message(self) -> &'static CStr {
        match self {
            tuomin_result::Ok => c"success",
            tuomin_result::NullParameter => c"a pointer argument was NULL",
            tuomin_result::InsufficientSize => c"the output buffer is too small",
            tuomin_result::OutputFull => c"the output buffer is full; call again with the unread input",
            tuomin_result::InvalidParameter => c"an argument is invalid",
            tuomin_result::Panic => c"the library panicked; the handle can only be freed",
            tuomin_result::NotLengthPreserving => {
                c"a policy changes the length of the text, so the redactor cannot redact in place"
            }
            tuomin_result::AlreadyFinished => c"the stream has already ended",
            tuomin_result::InvalidEncoding => c"the input is not valid text in the expected encoding (GB18030)",
            tuomin_result::NotSupported => c"the library was built without the feature this function needs",
        }
    }
}

/// A short English description of a result code: a static NUL-terminated
/// string that is never freed. Unknown codes get a generic message.
#[unsafe(no_mangle)]
pub extern "C" fn tuomin_result_message(r: tuomin_result_code) -> *const c_char {
    boundary(|| tuomin_result::from_code(r).map_or(c"unknown result code", tuomin_result::message).as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in 0..10 {
            let r = tuomin_result::from_code(code).expect("known code");
            assert_eq!(r as u32, code);
            assert!(!r.message().is_empty());
        }
        assert_eq!(tuomin_result::from_code(10), None);
        assert_eq!(tuomin_result::from_code(u32::MAX), None);
    }
}
