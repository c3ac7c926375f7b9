//! Streaming: text that arrives in chunks.
//!
//! A [`Stream`] redacts one conversation whose text arrives in pieces
//! (socket reads, speech-recognition partials). It runs the same scanner as
//! [`Redactor::redact`], and its output for any chunking is byte for byte the
//! output for the whole text.
//!
//! # How it works
//!
//! The scanner's decisions depend only on a bounded window of bytes around
//! each candidate (see [`MAX_HOLDBACK`]). A stream therefore emits every byte
//! as soon as no match can still reach it, and holds back only the tail that
//! might still become part of one: an unfinished number, a truncated UTF-8
//! character, an address whose end has not arrived. It also keeps the
//! [`Stream::lookbehind`] bytes before that point as context (for words like
//! `身份证` before a number), without holding them back.
//!
//! Where a chunk meets the held-back tail, the tail and the start of the
//! chunk are scanned together in a small internal buffer; once the scan has
//! moved past the seam, the rest of the chunk is scanned in place, and the
//! unchanged runs handed to a [`Sink`] are borrowed straight from the
//! caller's chunk.

use crate::counts::Counts;
use crate::kind::{Kind, SubKind};
use crate::matches::{Action, Evidence, Match};
use crate::redactor::Redactor;
use crate::scan::{Scratch, Step, step};

/// The most bytes a stream ever holds back, whatever the input: a number
/// still being read with its lookahead, or an address with the names before
/// its first detail and room for its longest span.
pub const MAX_HOLDBACK: usize = 1024;

/// Bytes of a chunk copied into the internal buffer at a time while the scan
/// crosses a chunk seam, beyond the lookbehind: a little more than the
/// lookbehind is enough for the scan to pass it, and the bytes it reads
/// past the decided point are read again in place.
const SEAM_SLACK: usize = 64;

/// A match found by a stream, with offsets counted from the start of the
/// stream.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct StreamMatch {
    kind: Kind,
    sub_kind: SubKind,
    evidence: Evidence,
    action: Action,
    start: u64,
    end: u64,
    rule: Option<usize>,
}

impl StreamMatch {
    fn new(m: &Match, base: u64) -> StreamMatch {
        StreamMatch {
            kind: m.kind(),
            sub_kind: m.sub_kind(),
            evidence: m.evidence(),
            action: m.action(),
            start: base + m.start() as u64,
            end: base + m.end() as u64,
            rule: m.rule(),
        }
    }

    /// For a [`Kind::Custom`] match, the index of the rule that found it
    /// (see [`Match::rule`]).
    pub fn rule(&self) -> Option<usize> {
        self.rule
    }

    /// The same finding at other offsets: a stream over decoded text
    /// reports where the match lies in the bytes it was given.
    #[cfg_attr(not(feature = "gb18030"), allow(dead_code))]
    pub(crate) fn with_span(self, start: u64, end: u64) -> StreamMatch {
        StreamMatch { start, end, ..self }
    }

    /// The kind of information.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The finer classification.
    pub fn sub_kind(&self) -> SubKind {
        self.sub_kind
    }

    /// Why the match was reported.
    pub fn evidence(&self) -> Evidence {
        self.evidence
    }

    /// What the stream does with the match (see [`Match::action`]).
    pub fn action(&self) -> Action {
        self.action
    }

    /// Offset of the first byte, from the start of the stream.
    pub fn start(&self) -> u64 {
        self.start
    }

    /// Offset just past the last byte, from the start of the stream.
    pub fn end(&self) -> u64 {
        self.end
    }
}

impl core::fmt::Debug for StreamMatch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("StreamMatch")
            .field("kind", &self.kind)
            .field("sub_kind", &self.sub_kind)
            .field("evidence", &self.evidence)
            .field("action", &self.action)
            .field("span", &(self.start..self.end))
            .field("rule", &self.rule)
            .finish()
    }
}

/// One piece of a stream's output. Concatenating the bytes of every piece
/// gives the redacted text.
#[derive(Debug)]
pub enum Piece<'a> {
    /// Bytes that are not part of a match, unchanged.
    Clean(&'a [u8]),
    /// A match and the bytes that replace it (its own bytes when it is
    /// only reported or allowed, see [`StreamMatch::action`]).
    Redacted {
        /// What was found, and where.
        found: StreamMatch,
        /// The input bytes of the match (for callers that must see them,
        /// such as `tuomin scan --show-text`; never logged by this crate).
        original: &'a [u8],
        /// The masked bytes (empty under [`crate::Policy::Remove`]).
        replacement: &'a [u8],
    },
}

impl Piece<'_> {
    /// The output bytes of this piece.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Piece::Clean(b) => b,
            Piece::Redacted { replacement, .. } => replacement,
        }
    }
}

/// Receives the pieces of a stream's output, in order.
///
/// Any `FnMut(Piece<'_>) -> Result<(), E>` closure is a sink.
pub trait Sink {
    /// The error a sink may stop the stream with.
    type Error;

    /// Takes the next piece.
    ///
    /// # Errors
    ///
    /// Whatever the sink cannot take; the stream passes it on.
    fn piece(&mut self, piece: Piece<'_>) -> Result<(), Self::Error>;
}

impl<F, E> Sink for F
where
    F: FnMut(Piece<'_>) -> Result<(), E>,
{
    type Error = E;

    fn piece(&mut self, piece: Piece<'_>) -> Result<(), E> {
        self(piece)
    }
}

/// What a call to [`Stream::feed`] stopped on.
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// All input was consumed (and, with `last`, all output written).
    InputEmpty,
    /// The output buffer is full: call again with the rest of the input.
    OutputFull,
}

/// One conversation's redaction state.
///
/// Made by [`Redactor::stream`]; keeps its redactor alive. A stream is
/// `Send`, so it can move between threads, but it is used by one at a time.
///
/// ```
/// use tuomin::{Piece, Redactor};
///
/// let mut stream = Redactor::new().stream();
/// let mut out = Vec::new();
/// let mut sink = |p: Piece<'_>| -> Result<(), ()> {
///     out.extend_from_slice(p.bytes());
///     Ok(())
/// };
/// for chunk in ["我的手机是1381", "2345678，谢谢"] {
///     stream.push(chunk.as_bytes(), &mut sink)?;
/// }
/// stream.finish(&mut sink)?;
/// assert_eq!(String::from_utf8(out).unwrap(), "我的手机是138****5678，谢谢");
/// # Ok::<(), ()>(())
/// ```
pub struct Stream {
    redactor: Redactor,
    /// Context and held-back bytes: `carry[..done]` has been emitted and is
    /// kept as context only.
    carry: Vec<u8>,
    /// Stream offset of `carry[0]`.
    carry_base: u64,
    done: usize,
    /// Output already produced but not yet handed out by [`Stream::feed`].
    queue: Vec<u8>,
    queue_pos: usize,
    /// Whether [`Stream::feed`] has flushed the end of the stream.
    flushed: bool,
    scratch: Box<Scratch>,
    replacement: Vec<u8>,
    /// Stream offset where the last match ended, or where the current text
    /// began.
    floor: u64,
    /// What has been emitted so far, by kind and action.
    counts: Counts,
}

impl core::fmt::Debug for Stream {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Stream")
            .field("position", &self.position())
            .field("held_back", &self.held_back())
            .finish_non_exhaustive()
    }
}

impl Redactor {
    /// A new stream for one conversation. The stream shares this redactor
    /// (and keeps it alive).
    pub fn stream(&self) -> Stream {
        Stream {
            redactor: self.clone(),
            carry: Vec::new(),
            carry_base: 0,
            done: 0,
            queue: Vec::new(),
            queue_pos: 0,
            flushed: false,
            scratch: Box::default(),
            replacement: Vec::new(),
            floor: 0,
            counts: Counts::new(),
        }
    }
}

impl Stream {
    /// The redactor this stream uses.
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Bytes before the held-back tail kept as context.
    pub fn lookbehind(&self) -> usize {
        self.redactor.lookbehind()
    }

    /// Number of input bytes received but not yet emitted. Never more than
    /// [`MAX_HOLDBACK`].
    pub fn held_back(&self) -> usize {
        self.carry.len() - self.done
    }

    /// The counts of the matches emitted so far, by kind and action, since
    /// the stream was made or [`Stream::reset_counts`] was last called.
    /// Held-back bytes are not counted until they are emitted, so after
    /// [`Stream::finish`] the counts are those of redacting the whole text
    /// at once ([`Redactor::count`]), whatever the chunking.
    ///
    /// ```
    /// use tuomin::{Kind, Piece, Redactor};
    ///
    /// let mut stream = Redactor::new().stream();
    /// let mut sink = |_: Piece<'_>| -> Result<(), ()> { Ok(()) };
    /// for chunk in ["手机1381", "2345678，身份证110105194912", "31002X"] {
    ///     stream.push(chunk.as_bytes(), &mut sink)?;
    /// }
    /// stream.finish(&mut sink)?;
    /// assert_eq!(stream.counts().get(Kind::Phone).masked, 1);
    /// assert_eq!(stream.counts().get(Kind::IdCard).masked, 1);
    /// # Ok::<(), ()>(())
    /// ```
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// Sets the counts back to zero (at the start of a new reporting
    /// period, say) and returns what they were.
    pub fn reset_counts(&mut self) -> Counts {
        core::mem::take(&mut self.counts)
    }

    /// Stream offset of the first byte not yet emitted.
    pub fn position(&self) -> u64 {
        self.carry_base + self.done as u64
    }

    /// Takes the next chunk and hands every piece of output that is decided
    /// to `sink`. A chunk may be any size, down to one byte, and may end in
    /// the middle of a character.
    ///
    /// # Errors
    ///
    /// The first error `sink` returns; the stream is then in an unspecified
    /// (but safe) state and should be dropped.
    pub fn push<S: Sink>(&mut self, chunk: &[u8], sink: &mut S) -> Result<(), S::Error> {
        let lb = self.lookbehind();
        let mut taken = 0;
        let mut direct_from = 0;
        if !self.carry.is_empty() {
            // Scan across the seam in the internal buffer until the decided
            // point is far enough into the chunk to scan the rest in place.
            loop {
                let step_len = (chunk.len() - taken).min(lb + SEAM_SLACK);
                self.carry.extend_from_slice(&chunk[taken..taken + step_len]);
                taken += step_len;
                let chunk_start = self.carry.len() - taken;
                let hold = self.emit_carry(false, sink)?;
                if taken == chunk.len() {
                    self.trim(lb);
                    return Ok(());
                }
                if hold >= chunk_start + lb {
                    direct_from = hold - chunk_start;
                    self.carry_base += chunk_start as u64;
                    break;
                }
            }
        }
        let base = self.carry_base;
        let hold = emit(
            &self.redactor,
            &mut self.scratch,
            &mut self.replacement,
            &mut self.floor,
            &mut self.counts,
            chunk,
            base,
            direct_from,
            false,
            sink,
        )?;
        let keep_from = hold.saturating_sub(lb);
        self.carry.clear();
        self.carry.extend_from_slice(&chunk[keep_from..]);
        self.carry_base = base + keep_from as u64;
        self.done = hold - keep_from;
        Ok(())
    }

    /// Ends the stream: emits everything held back. The stream can then
    /// start a new text (offsets go on counting).
    ///
    /// # Errors
    ///
    /// The first error `sink` returns.
    pub fn finish<S: Sink>(&mut self, sink: &mut S) -> Result<(), S::Error> {
        self.emit_carry(true, sink)?;
        self.carry_base += self.carry.len() as u64;
        self.carry.clear();
        self.done = 0;
        self.floor = self.carry_base;
        Ok(())
    }

    /// Marks the end of one message in a long-lived stream (a chat session
    /// with many messages): emits everything held back, and starts the next
    /// message afresh, with no context carried over. The output is that of
    /// redacting each message on its own.
    ///
    /// # Errors
    ///
    /// The first error `sink` returns.
    pub fn end_message<S: Sink>(&mut self, sink: &mut S) -> Result<(), S::Error> {
        self.finish(sink)
    }

    /// Scans the internal buffer from the decided point; returns the new
    /// decided point.
    fn emit_carry<S: Sink>(&mut self, eof: bool, sink: &mut S) -> Result<usize, S::Error> {
        let hold = emit(
            &self.redactor,
            &mut self.scratch,
            &mut self.replacement,
            &mut self.floor,
            &mut self.counts,
            &self.carry,
            self.carry_base,
            self.done,
            eof,
            sink,
        )?;
        self.done = hold;
        Ok(hold)
    }

    /// Drops context older than the lookbehind.
    fn trim(&mut self, lb: usize) {
        let drop = self.done.saturating_sub(lb);
        if drop > 0 {
            self.carry.drain(..drop);
            self.carry_base += drop as u64;
            self.done -= drop;
        }
    }

    /// Buffer-to-buffer redaction, in the style of `encoding_rs` decoders
    /// and zlib: reads from `src`, writes to `dst`, returns how it stopped
    /// and how many bytes it read and wrote.
    ///
    /// Call it zero or more times with `last == false`, then with
    /// `last == true` until it returns [`Status::InputEmpty`]. On
    /// [`Status::OutputFull`] call again with the unread rest of `src` and
    /// room in `dst`. Every call with room in `dst` makes progress; `dst` may
    /// be as small as one byte. Output is never split other than where the
    /// output of [`Stream::push`] would be, so the bytes written over all
    /// calls are exactly the redacted text.
    pub fn feed(&mut self, src: &[u8], dst: &mut [u8], last: bool) -> (Status, usize, usize) {
        let mut written = self.drain_queue(dst);
        if self.queue_pos < self.queue.len() {
            return (Status::OutputFull, 0, written);
        }
        let mut queue = core::mem::take(&mut self.queue);
        let mut read = 0;
        let mut full = false;
        while read < src.len() {
            let room = dst.len() - written;
            if room == 0 {
                full = true;
                break;
            }
            // Read no more than the room left, so that the overflow queue
            // stays bounded (held-back bytes and tag expansion only).
            let take = (src.len() - read).min(room);
            let mut sink = FeedSink { dst: &mut dst[written..], written: 0, queue: &mut queue };
            let Ok(()) = self.push(&src[read..read + take], &mut sink);
            written += sink.written;
            read += take;
            self.flushed = false;
            if !queue.is_empty() {
                full = true;
                break;
            }
        }
        if !full && last && !self.flushed {
            let mut sink = FeedSink { dst: &mut dst[written..], written: 0, queue: &mut queue };
            let Ok(()) = self.finish(&mut sink);
            written += sink.written;
            self.flushed = true;
            full = !queue.is_empty();
        }
        self.queue = queue;
        self.queue_pos = 0;
        (if full { Status::OutputFull } else { Status::InputEmpty }, read, written)
    }

    fn drain_queue(&mut self, dst: &mut [u8]) -> usize {
        let pending = &self.queue[self.queue_pos..];
        let n = pending.len().min(dst.len());
        dst[..n].copy_from_slice(&pending[..n]);
        self.queue_pos += n;
        if self.queue_pos == self.queue.len() {
            self.queue.clear();
            self.queue_pos = 0;
        }
        n
    }

    /// The most bytes [`Stream::feed`] can write for `src_len` more input
    /// bytes, counting what is held back and queued; `None` if that does not
    /// fit in `usize`.
    pub fn max_output_len(&self, src_len: usize) -> Option<usize> {
        let queued = self.queue.len() - self.queue_pos;
        let input = self.held_back().checked_add(src_len)?;
        let expansion = if self.redactor.is_length_preserving() { 1 } else { crate::MAX_TAG_LEN.max(1) };
        input.checked_mul(expansion)?.checked_add(queued)
    }
}

/// Writes pieces into a caller's buffer, then into the overflow queue once
/// the buffer is full.
struct FeedSink<'a> {
    dst: &'a mut [u8],
    written: usize,
    queue: &'a mut Vec<u8>,
}

impl Sink for FeedSink<'_> {
    type Error = core::convert::Infallible;

    fn piece(&mut self, piece: Piece<'_>) -> Result<(), Self::Error> {
        let bytes = piece.bytes();
        let n = if self.queue.is_empty() { bytes.len().min(self.dst.len() - self.written) } else { 0 };
        self.dst[self.written..self.written + n].copy_from_slice(&bytes[..n]);
        self.written += n;
        self.queue.extend_from_slice(&bytes[n..]);
        Ok(())
    }
}

/// Scans `hay` from `from` and hands the decided pieces to `sink`; returns
/// the offset up to which everything is decided (and emitted).
#[allow(clippy::too_many_arguments)]
fn emit<S: Sink>(
    redactor: &Redactor,
    scratch: &mut Scratch,
    replacement: &mut Vec<u8>,
    floor: &mut u64,
    counts: &mut Counts,
    hay: &[u8],
    base: u64,
    from: usize,
    eof: bool,
    sink: &mut S,
) -> Result<usize, S::Error> {
    // The last match may have ended before this haystack: then nothing in
    // it is bounded by the match, and the lookbehind covers what an address
    // may reach back over.
    scratch.reset((floor.saturating_sub(base) as usize).min(from));
    let det = redactor.detectors();
    let mut pos = from;
    let mut last = from;
    loop {
        match step(det, hay, &mut pos, eof, scratch) {
            Step::Found(mut m) => {
                redactor.decide(&mut m, hay);
                counts.add_match(&m);
                if m.start() > last {
                    sink.piece(Piece::Clean(&hay[last..m.start()]))?;
                }
                replacement.clear();
                redactor.write_match(hay, &m, replacement);
                sink.piece(Piece::Redacted {
                    found: StreamMatch::new(&m, base),
                    original: &hay[m.range()],
                    replacement,
                })?;
                last = m.end();
                *floor = base + m.end() as u64;
            }
            Step::Done(hold) => {
                if hold > last {
                    sink.piece(Piece::Clean(&hay[last..hold]))?;
                }
                return Ok(hold.max(last));
            }
        }
    }
}
