//! Audit counts from C: per-kind totals of what was found and what was
//! done with it, in an array the caller owns.

use super::args::{output, src_and_dst};
use super::boundary::boundary;
use super::handle::enter;
use super::redactor::{tuomin_kind, tuomin_redactor};
use super::result::tuomin_result;
use super::stream::tuomin_stream;
use crate::{Counts, Kind, KindCounts};

/// The counts of one kind (or, at index 0 of a counts array, of every kind
/// together). `found == masked + reported + allowed`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct tuomin_kind_counts {
    /// Every match found.
    pub found: u64,
    /// Matches replaced by their kind's policy.
    pub masked: u64,
    /// Matches left unchanged because their kind or evidence is set to
    /// report only.
    pub reported: u64,
    /// Matches left unchanged because an allow list or pattern accepts them.
    pub allowed: u64,
}

impl From<KindCounts> for tuomin_kind_counts {
    fn from(c: KindCounts) -> tuomin_kind_counts {
        tuomin_kind_counts { found: c.found(), masked: c.masked, reported: c.reported, allowed: c.allowed }
    }
}

/// Entries a counts array needs to hold every kind of this version: index
/// 0 for the totals, then one per `TUOMIN_KIND_*` value. The header
/// defines it as `TUOMIN_COUNTS_LEN`.
#[cfg(test)]
pub(crate) const COUNTS_LEN: usize = Kind::ALL.len() + 1;

/// Writes `counts` into `slots`: totals at index 0, each kind at its
/// `TUOMIN_KIND_*` value, as many entries as fit.
fn fill(counts: &Counts, slots: &mut [tuomin_kind_counts]) {
    if let Some(total) = slots.first_mut() {
        *total = counts.total().into();
    }
    for kind in Kind::ALL {
        if let Some(slot) = slots.get_mut(tuomin_kind::from_kind(kind) as usize) {
            *slot = counts.get(kind).into();
        }
    }
}

/// Counts the matches in `src` by kind and by what the redactor does with
/// them, without redacting: an audit that never exposes matched text.
///
/// `counts` is an array of `counts_len` entries, indexed by `TUOMIN_KIND_*`
/// value, with the totals over every kind at index 0. Pass
/// `TUOMIN_COUNTS_LEN` entries to get every kind of this version; a shorter
/// array gets the kinds that fit (index 0 still counts them all), a longer
/// one has its extra entries set to zero. On `TUOMIN_RESULT_OK` every
/// entry is written; otherwise none is.
///
/// # Safety
///
/// `r` is NULL or a live redactor. `src` is NULL with `src_len == 0` or
/// valid for reading `src_len` bytes; `counts` is NULL with
/// `counts_len == 0` or valid for writing `counts_len` entries. No other
/// thread writes `src` or touches `counts` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_count(
    r: *const tuomin_redactor,
    src: *const u8,
    src_len: usize,
    counts: *mut tuomin_kind_counts,
    counts_len: usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `r` is NULL or a live redactor.
        let r = unsafe { enter(r) }?;
        // SAFETY: the caller guarantees `src` is `(NULL, 0)` or readable for
        // `src_len` bytes that nobody writes during the call, and `counts`
        // is `(NULL, 0)` or writable for `counts_len` entries used only by
        // this call; `src_and_dst` refuses the two if they overlap, and the
        // entries are plain data.
        let (src, slots) = unsafe { src_and_dst(src, src_len, counts, counts_len) }?;
        let found = r.value.count(src);
        slots.fill(tuomin_kind_counts::default());
        fill(&found, slots);
        Ok(())
    })
}

/// The counts of what a stream has emitted so far, by kind and action,
/// laid out as for `tuomin_count`. Bytes still held back are not counted
/// until they are emitted, so once the stream has ended the counts are
/// those of `tuomin_count` on the whole text, whatever the chunking. They
/// add up across `tuomin_stream_end_message` calls.
///
/// # Safety
///
/// `s` is NULL or a live stream that no other thread uses during the call;
/// `counts` is NULL with `counts_len == 0` or valid for writing
/// `counts_len` entries, which no other thread touches during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tuomin_stream_counts(
    s: *const tuomin_stream,
    counts: *mut tuomin_kind_counts,
    counts_len: usize,
) -> tuomin_result {
    boundary(|| {
        // SAFETY: the caller guarantees `s` is NULL or a live stream not
        // written by another thread during the call.
        let s = unsafe { enter(s) }?;
        // SAFETY: the caller guarantees `counts` is `(NULL, 0)` or writable
        // for `counts_len` plain-data entries used only by this call.
        let slots = unsafe { output(counts, counts_len) }?;
        slots.fill(tuomin_kind_counts::default());
        fill(s.value.stream.counts(), slots);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_defines_the_counts_length() {
        let header = include_str!("../../include/tuomin.h");
        assert!(header.contains(&format!("#define TUOMIN_COUNTS_LEN {COUNTS_LEN}\n")), "stale TUOMIN_COUNTS_LEN");
        let last = Kind::ALL.into_iter().map(|k| tuomin_kind::from_kind(k) as usize).max().unwrap();
        assert_eq!(last + 1, COUNTS_LEN);
    }
}
