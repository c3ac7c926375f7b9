//! The C ABI. See `include/tuomin.h`.
