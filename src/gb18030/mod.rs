//! GB18030 (and GBK) text: redacted in its own encoding.
//!
//! Many call-center archives are in GB18030 or its subset GBK. A
//! [`Gb18030Stream`] takes such bytes in chunks of any size, decodes them
//! with `encoding_rs`, runs the same scanner as [`Stream`], and writes the
//! result in GB18030:
//!
//! * every input byte outside a match is copied, never decoded and encoded
//!   again (that round trip does not give back every sequence: the single
//!   byte `0x80` decodes to `€`, which encodes as `A2 E3`);
//! * replacements (`*`, `＊`, tags) are encoded in GB18030;
//! * match offsets count input bytes;
//! * a character split across chunks is put together before decoding, so
//!   the output for any chunking is the output for the whole input;
//! * bytes that are not GB18030 stop the stream with
//!   [`EncodingError::Malformed`], naming their offset: nothing is ever
//!   replaced by U+FFFD. Output already handed to the sink stays valid
//!   GB18030 and ends before the bad bytes.

mod chars;

use encoding_rs::{DecoderResult, EncoderResult, GB18030};

use crate::redactor::Redactor;
use crate::stream::{Piece, Sink, Stream};
use chars::CharMap;

/// Why GB18030 input could not be redacted. Never quotes the input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodingError {
    /// Bytes that are not GB18030.
    #[error("malformed GB18030 input at byte offset {offset} ({len} byte(s) not a valid character)")]
    Malformed {
        /// Offset of the first bad byte, from the start of the stream.
        offset: u64,
        /// Number of bad bytes.
        len: usize,
    },
    /// The input ended in the middle of a character.
    #[error("GB18030 input ends inside a character that starts at byte offset {offset}")]
    Truncated {
        /// Offset of the unfinished character.
        offset: u64,
    },
    /// A replacement (a tag's text) has a character GB18030 cannot write.
    #[error("the replacement for a match at byte offset {offset} has a character GB18030 cannot encode (U+{code:04X})")]
    Unencodable {
        /// Offset of the match.
        offset: u64,
        /// The character.
        code: u32,
    },
    /// Decoded text and input did not line up. Not expected to happen;
    /// reported rather than risking altered output.
    #[error("internal error: decoded text does not line up with the input at byte offset {offset}")]
    Internal {
        /// Offset where it was noticed.
        offset: u64,
    },
}

/// The error of [`Gb18030Stream::push`] and [`Gb18030Stream::finish`]:
/// the input's, or the sink's.
#[derive(Debug, PartialEq, Eq)]
pub enum Gb18030Error<E> {
    /// The input could not be decoded, or a replacement encoded.
    Encoding(EncodingError),
    /// The sink's error.
    Sink(E),
}

impl<E: core::fmt::Display> core::fmt::Display for Gb18030Error<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Gb18030Error::Encoding(e) => e.fmt(f),
            Gb18030Error::Sink(e) => e.fmt(f),
        }
    }
}

impl<E: core::fmt::Debug + core::fmt::Display> std::error::Error for Gb18030Error<E> {}

impl From<Gb18030Error<core::convert::Infallible>> for EncodingError {
    fn from(e: Gb18030Error<core::convert::Infallible>) -> EncodingError {
        match e {
            Gb18030Error::Encoding(e) => e,
            Gb18030Error::Sink(never) => match never {},
        }
    }
}

/// One GB18030 conversation's redaction state: a [`Stream`] that reads and
/// writes GB18030.
///
/// The [`Piece`]s it hands out hold GB18030 bytes: `Clean` runs and
/// `original` are input bytes, `replacement` is encoded, and
/// [`StreamMatch`](crate::StreamMatch) offsets count input bytes.
///
/// ```
/// use encoding_rs::GB18030;
/// use tuomin::{Piece, Redactor};
///
/// let (input, _, _) = GB18030.encode("我的手机是13812345678，谢谢");
/// let mut stream = Redactor::new().stream_gb18030();
/// let mut out = Vec::new();
/// let mut sink = |p: Piece<'_>| -> Result<(), std::convert::Infallible> {
///     out.extend_from_slice(p.bytes());
///     Ok(())
/// };
/// // Cut inside 手 (CA D6), as a read may.
/// let (a, b) = input.split_at(7);
/// stream.push(a, &mut sink)?;
/// stream.push(b, &mut sink)?;
/// stream.finish(&mut sink)?;
/// let (expected, _, _) = GB18030.encode("我的手机是138****5678，谢谢");
/// assert_eq!(out, expected.as_ref());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Gb18030Stream {
    inner: Stream,
    decoder: encoding_rs::Decoder,
    /// Input not yet written out: `input[..decoded]` has been decoded (and
    /// recorded in `chars`), the rest is an unfinished character.
    input: Vec<u8>,
    decoded: usize,
    /// Stream offset of `input[0]`.
    base: u64,
    chars: CharMap,
    utf8: Vec<u8>,
    encoded: Vec<u8>,
}

impl Redactor {
    /// A new stream for one conversation in GB18030 (or GBK, its subset).
    /// Needs the `gb18030` feature.
    pub fn stream_gb18030(&self) -> Gb18030Stream {
        Gb18030Stream {
            inner: self.stream(),
            decoder: GB18030.new_decoder_without_bom_handling(),
            input: Vec::new(),
            decoded: 0,
            base: 0,
            chars: CharMap::default(),
            utf8: Vec::new(),
            encoded: Vec::new(),
        }
    }

    /// GB18030 (or GBK) text with every match masked, in GB18030; every
    /// byte outside a match is the input's. Needs the `gb18030` feature.
    ///
    /// ```
    /// use encoding_rs::GB18030;
    ///
    /// let (input, _, _) = GB18030.encode("身份证11010519491231002X");
    /// let out = tuomin::Redactor::new().redact_gb18030(&input)?;
    /// assert_eq!(GB18030.decode(&out).0, "身份证1***************2X");
    /// assert_eq!(tuomin::Redactor::new().redact_gb18030(b"ok\xFF").unwrap_err().to_string(),
    ///            "malformed GB18030 input at byte offset 2 (1 byte(s) not a valid character)");
    /// # Ok::<(), tuomin::EncodingError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`EncodingError`] for input that is not GB18030; no output then.
    pub fn redact_gb18030(&self, input: &[u8]) -> Result<Vec<u8>, EncodingError> {
        let mut out = Vec::with_capacity(input.len());
        let mut sink = |p: Piece<'_>| -> Result<(), core::convert::Infallible> {
            out.extend_from_slice(p.bytes());
            Ok(())
        };
        let mut stream = self.stream_gb18030();
        stream.push(input, &mut sink)?;
        stream.finish(&mut sink)?;
        Ok(out)
    }
}

impl Gb18030Stream {
    /// The redactor this stream uses.
    pub fn redactor(&self) -> &Redactor {
        self.inner.redactor()
    }

    /// Stream offset (in input bytes) of the first byte not yet written out.
    pub fn position(&self) -> u64 {
        self.base
    }

    /// Takes the next chunk and hands every piece of output that is decided
    /// to `sink`. A chunk may be any size and may end inside a character.
    ///
    /// # Errors
    ///
    /// [`Gb18030Error::Encoding`] for bytes that are not GB18030 (the
    /// pieces before them have been handed out), or the first error of
    /// `sink`. The stream should then be dropped.
    pub fn push<S: Sink>(&mut self, chunk: &[u8], sink: &mut S) -> Result<(), Gb18030Error<S::Error>> {
        self.input.extend_from_slice(chunk);
        let end = self.decoded + chars::complete_prefix(&self.input[self.decoded..]);
        self.decode(end)?;
        self.pass_on(false, sink)
    }

    /// Ends the stream: writes out everything held back. The stream can
    /// then start a new text (offsets go on counting).
    ///
    /// # Errors
    ///
    /// [`EncodingError::Truncated`] when the input ends inside a character,
    /// or the first error of `sink`.
    pub fn finish<S: Sink>(&mut self, sink: &mut S) -> Result<(), Gb18030Error<S::Error>> {
        if self.decoded < self.input.len() {
            let offset = self.base + self.decoded as u64;
            return Err(Gb18030Error::Encoding(EncodingError::Truncated { offset }));
        }
        self.pass_on(true, sink)?;
        self.decoder = GB18030.new_decoder_without_bom_handling();
        Ok(())
    }

    /// Marks the end of one message: like [`Gb18030Stream::finish`], and the
    /// next message starts afresh with no context carried over.
    ///
    /// # Errors
    ///
    /// As for [`Gb18030Stream::finish`].
    pub fn end_message<S: Sink>(&mut self, sink: &mut S) -> Result<(), Gb18030Error<S::Error>> {
        self.finish(sink)
    }

    /// Decodes `input[decoded..end]`, whole characters, into `utf8`.
    fn decode<E>(&mut self, end: usize) -> Result<(), Gb18030Error<E>> {
        let src = &self.input[self.decoded..end];
        self.utf8.clear();
        let room = self.decoder.max_utf8_buffer_length_without_replacement(src.len()).unwrap_or(usize::MAX);
        self.utf8.resize(room, 0);
        let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(src, &mut self.utf8, false);
        self.utf8.truncate(written);
        let at = self.base + self.decoded as u64;
        match result {
            DecoderResult::Malformed(bad, extra) => {
                let offset = at + (read - usize::from(extra) - usize::from(bad)) as u64;
                return Err(Gb18030Error::Encoding(EncodingError::Malformed { offset, len: usize::from(bad) }));
            }
            // Room was reserved for the worst case.
            DecoderResult::OutputFull => return Err(Gb18030Error::Encoding(EncodingError::Internal { offset: at })),
            DecoderResult::InputEmpty => {}
        }
        if read != src.len() || !self.chars.record(src, &self.utf8) {
            return Err(Gb18030Error::Encoding(EncodingError::Internal { offset: at }));
        }
        self.decoded = end;
        Ok(())
    }

    /// Runs the decoded text through the inner stream and hands on its
    /// pieces in GB18030; then forgets the input written out.
    fn pass_on<S: Sink>(&mut self, finish: bool, sink: &mut S) -> Result<(), Gb18030Error<S::Error>> {
        let mut remap = Remap {
            input: &self.input,
            written: 0,
            base: self.base,
            chars: &mut self.chars,
            encoded: &mut self.encoded,
            sink,
        };
        let result = if finish { self.inner.finish(&mut remap) } else { self.inner.push(&self.utf8, &mut remap) };
        let written = remap.written;
        self.utf8.clear();
        self.input.drain(..written);
        self.decoded -= written;
        self.base += written as u64;
        if finish {
            self.chars.clear();
        }
        result
    }
}

/// Turns the inner stream's UTF-8 pieces into pieces of the input.
struct Remap<'a, S> {
    input: &'a [u8],
    /// Input bytes already handed on.
    written: usize,
    base: u64,
    chars: &'a mut CharMap,
    encoded: &'a mut Vec<u8>,
    sink: &'a mut S,
}

impl<S: Sink> Remap<'_, S> {
    /// The input bytes of the characters the next `utf8_len` decoded bytes
    /// complete; a match must start and end on character boundaries.
    fn take(&mut self, utf8_len: usize, whole: bool) -> Result<core::ops::Range<usize>, Gb18030Error<S::Error>> {
        let offset = self.base + self.written as u64;
        let internal = Gb18030Error::Encoding(EncodingError::Internal { offset });
        if whole && !self.chars.at_char_boundary() {
            return Err(internal);
        }
        let len = self.chars.take(utf8_len).ok_or(internal)?;
        if whole && !self.chars.at_char_boundary() {
            return Err(Gb18030Error::Encoding(EncodingError::Internal { offset }));
        }
        let range = self.written..self.written + len;
        self.written += len;
        Ok(range)
    }
}

impl<S: Sink> Sink for Remap<'_, S> {
    type Error = Gb18030Error<S::Error>;

    fn piece(&mut self, piece: Piece<'_>) -> Result<(), Self::Error> {
        match piece {
            Piece::Clean(bytes) => {
                let range = self.take(bytes.len(), false)?;
                self.sink.piece(Piece::Clean(&self.input[range])).map_err(Gb18030Error::Sink)
            }
            Piece::Redacted { found, original, replacement } => {
                let range = self.take(original.len(), true)?;
                let start = self.base + range.start as u64;
                encode(replacement, self.encoded, start)?;
                let found = found.with_span(start, self.base + range.end as u64);
                let piece = Piece::Redacted { found, original: &self.input[range], replacement: self.encoded };
                self.sink.piece(piece).map_err(Gb18030Error::Sink)
            }
        }
    }
}

/// Encodes a replacement (UTF-8 from the policy) into `out`.
fn encode<E>(replacement: &[u8], out: &mut Vec<u8>, offset: u64) -> Result<(), Gb18030Error<E>> {
    out.clear();
    let text =
        core::str::from_utf8(replacement).map_err(|_| Gb18030Error::Encoding(EncodingError::Internal { offset }))?;
    if text.is_ascii() {
        out.extend_from_slice(replacement);
        return Ok(());
    }
    let mut encoder = GB18030.new_encoder();
    let room = encoder.max_buffer_length_from_utf8_without_replacement(text.len()).unwrap_or(usize::MAX);
    out.reserve(room);
    match encoder.encode_from_utf8_to_vec_without_replacement(text, out, true) {
        (EncoderResult::InputEmpty, _) => Ok(()),
        (EncoderResult::Unmappable(c), _) => {
            Err(Gb18030Error::Encoding(EncodingError::Unencodable { offset, code: u32::from(c) }))
        }
        (EncoderResult::OutputFull, _) => Err(Gb18030Error::Encoding(EncodingError::Internal { offset })),
    }
}
