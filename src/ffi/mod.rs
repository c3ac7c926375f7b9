//! The C ABI, declared in `include/tuomin.h`.
//!
//! The functions here are called from C and C++; Rust programs use the
//! safe API at the crate root. The header is generated from this module by
//! cbindgen (see `cbindgen.toml`) and checked in.
//!
//! # Mapping rules
//!
//! * A Rust object behind a C handle (`tuomin_redactor`, `tuomin_stream`,
//!   `tuomin_gb18030_stream`, `tuomin_builder`, `tuomin_rule`) is boxed by
//!   the library and reached only through an opaque pointer. The caller
//!   frees each handle exactly once with its `_free` function; freeing NULL
//!   does nothing.
//! * A byte slice `src` is a pointer `src` and a length `src_len`; an output
//!   buffer `dst` is a pointer `dst` and a capacity `dst_cap`. `(NULL, 0)`
//!   is an empty slice; any other NULL pointer argument is rejected with
//!   [`tuomin_result::NullParameter`].
//! * Every fallible function returns a [`tuomin_result`]; further results
//!   go to `out_*` pointers, which are written as each function documents.
//!   There are no in/out parameters and no thread-local last error.
//! * No panic crosses the boundary. Every exported function runs inside one
//!   boundary that catches a panic, returns [`tuomin_result::Panic`] (or a
//!   NULL or empty fallback where there is no result), and marks the handle
//!   in use as poisoned, so later calls on it return `Panic` too instead of
//!   working on state left half-changed.
//! * Messages come from result codes alone and never contain input text;
//!   the exceptions, `tuomin_builder_add_rule` and
//!   `tuomin_redactor_new_from_config`, write what is wrong with a rule or
//!   a configuration file (never input text) to a buffer the caller
//!   passes.

#![allow(non_camel_case_types)]
#![warn(clippy::undocumented_unsafe_blocks)]

mod arg_lists;
mod args;
mod boundary;
mod builder;
mod config;
mod counts;
mod gb18030;
mod handle;
mod redactor;
mod result;
mod rule;
mod stream;

pub use self::builder::{
    tuomin_builder, tuomin_builder_add_allow_pattern, tuomin_builder_add_allow_value, tuomin_builder_build,
    tuomin_builder_free, tuomin_builder_new, tuomin_builder_set_action, tuomin_builder_set_context_window,
    tuomin_builder_set_hash_key, tuomin_builder_set_kinds, tuomin_builder_set_mask_threshold,
    tuomin_builder_set_policy, tuomin_builder_set_preset,
};
pub use self::config::tuomin_redactor_new_from_config;
pub use self::counts::{tuomin_count, tuomin_kind_counts, tuomin_stream_counts};
pub use self::gb18030::{
    tuomin_gb18030_stream, tuomin_gb18030_stream_feed, tuomin_gb18030_stream_free, tuomin_gb18030_stream_new,
    tuomin_redact_gb18030,
};
pub use self::redactor::{
    tuomin_action, tuomin_evidence, tuomin_kind, tuomin_kind_name, tuomin_match, tuomin_redact, tuomin_redact_in_place,
    tuomin_redactor, tuomin_redactor_free, tuomin_redactor_new_default, tuomin_scan, tuomin_version,
};
pub use self::result::{tuomin_result, tuomin_result_code, tuomin_result_message};
pub use self::rule::{
    tuomin_builder_add_rule, tuomin_rule, tuomin_rule_add, tuomin_rule_free, tuomin_rule_new, tuomin_rule_part,
    tuomin_rule_set,
};
pub use self::stream::{
    tuomin_stream, tuomin_stream_end_message, tuomin_stream_feed, tuomin_stream_free, tuomin_stream_max_output_len,
    tuomin_stream_new,
};
