//! The stream for the input's encoding: UTF-8 or GB18030.

use std::borrow::Cow;

use tuomin::{Gb18030Error, Gb18030Stream, Redactor, Sink, Stream};

use crate::Failure;
use crate::args::Encoding;

/// A [`Stream`] or a [`Gb18030Stream`], with errors made [`Failure`]s.
pub enum TextStream {
    Utf8(Stream),
    Gb18030 { stream: Gb18030Stream, name: String },
}

impl TextStream {
    pub fn new(redactor: &Redactor, encoding: Encoding, name: &str) -> TextStream {
        match encoding {
            Encoding::Utf8 => TextStream::Utf8(redactor.stream()),
            Encoding::Gb18030 => TextStream::Gb18030 { stream: redactor.stream_gb18030(), name: name.to_string() },
        }
    }

    pub fn push<S: Sink<Error = Failure>>(&mut self, chunk: &[u8], sink: &mut S) -> Result<(), Failure> {
        match self {
            TextStream::Utf8(stream) => stream.push(chunk, sink),
            TextStream::Gb18030 { stream, name } => stream.push(chunk, sink).map_err(|e| failure(e, name)),
        }
    }

    pub fn finish<S: Sink<Error = Failure>>(&mut self, sink: &mut S) -> Result<(), Failure> {
        match self {
            TextStream::Utf8(stream) => stream.finish(sink),
            TextStream::Gb18030 { stream, name } => stream.finish(sink).map_err(|e| failure(e, name)),
        }
    }
}

fn failure(e: Gb18030Error<Failure>, name: &str) -> Failure {
    match e {
        Gb18030Error::Encoding(e) => Failure::Read(format!("cannot read {name}: {e}")),
        Gb18030Error::Sink(f) => f,
    }
}

/// Input bytes (a match's text) as UTF-8, for the listing.
pub fn to_utf8(encoding: Encoding, bytes: &[u8]) -> Cow<'_, [u8]> {
    match encoding {
        Encoding::Utf8 => Cow::Borrowed(bytes),
        Encoding::Gb18030 => match encoding_rs::GB18030.decode_without_bom_handling(bytes).0 {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        },
    }
}
