//! `std::io` adapters over [`Stream`].

use std::io::{self, Read, Write};

use crate::redactor::Redactor;
use crate::stream::{Piece, Stream};

/// A writer that redacts everything written through it before passing it on.
///
/// Bytes that may still be part of a match (at most
/// [`crate::MAX_HOLDBACK`]) are held back until more text arrives.
/// [`Write::flush`] flushes the inner writer but does **not** release them,
/// since the next write may complete a number; [`RedactWriter::end_message`]
/// releases them at a message boundary, and [`RedactWriter::finish`] at the
/// end. Dropping the writer finishes it too, ignoring errors; call `finish`
/// to see them.
///
/// ```
/// use std::io::Write;
///
/// let mut w = tuomin::RedactWriter::new(&tuomin::Redactor::new(), Vec::new());
/// w.write_all("手机1381234".as_bytes())?;
/// w.write_all("5678".as_bytes())?;
/// assert_eq!(w.finish()?, "手机138****5678".as_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct RedactWriter<W: Write> {
    stream: Stream,
    inner: Option<W>,
}

impl<W: Write> RedactWriter<W> {
    /// Wraps `inner`.
    pub fn new(redactor: &Redactor, inner: W) -> RedactWriter<W> {
        RedactWriter { stream: redactor.stream(), inner: Some(inner) }
    }

    fn inner(&mut self) -> &mut W {
        self.inner.as_mut().expect("the inner writer is present until finish")
    }

    /// Releases held-back bytes at the end of a message; the next write
    /// starts a new message with no context carried over.
    ///
    /// # Errors
    ///
    /// Errors of the inner writer.
    pub fn end_message(&mut self) -> io::Result<()> {
        let RedactWriter { stream, inner } = self;
        let w = inner.as_mut().expect("the inner writer is present until finish");
        stream.end_message(&mut |p: Piece<'_>| w.write_all(p.bytes()))
    }

    /// Writes everything held back, flushes, and returns the inner writer.
    ///
    /// # Errors
    ///
    /// Errors of the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.end_message()?;
        self.inner().flush()?;
        Ok(self.inner.take().expect("the inner writer is present until finish"))
    }

    /// Bytes written but held back.
    pub fn held_back(&self) -> usize {
        self.stream.held_back()
    }

    /// The counts of what was found so far (see [`Stream::counts`]).
    pub fn counts(&self) -> &crate::Counts {
        self.stream.counts()
    }
}

impl<W: Write> Write for RedactWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let RedactWriter { stream, inner } = self;
        let w = inner.as_mut().expect("the inner writer is present until finish");
        stream.push(buf, &mut |p: Piece<'_>| w.write_all(p.bytes()))?;
        Ok(buf.len())
    }

    /// Flushes the inner writer; held-back bytes stay held (see the type's
    /// documentation).
    fn flush(&mut self) -> io::Result<()> {
        self.inner().flush()
    }
}

impl<W: Write> Drop for RedactWriter<W> {
    fn drop(&mut self) {
        if self.inner.is_some() {
            // Losing held-back text silently would be worse than an error
            // nobody sees: write what we can.
            let _ = self.end_message();
            let _ = self.inner().flush();
        }
    }
}

/// A reader that yields the redacted text of an inner reader.
///
/// ```
/// use std::io::Read;
///
/// let input = "卡号6222020200112345679".as_bytes();
/// let mut r = tuomin::RedactReader::new(&tuomin::Redactor::new(), input);
/// let mut out = String::new();
/// r.read_to_string(&mut out)?;
/// assert_eq!(out, "卡号622202*********5679");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct RedactReader<R: Read> {
    stream: Stream,
    inner: R,
    input: Box<[u8]>,
    output: Vec<u8>,
    output_pos: usize,
    eof: bool,
}

/// Size of the reads a [`RedactReader`] makes from its inner reader.
const READ_CHUNK: usize = 64 * 1024;

impl<R: Read> RedactReader<R> {
    /// Wraps `inner`.
    pub fn new(redactor: &Redactor, inner: R) -> RedactReader<R> {
        RedactReader {
            stream: redactor.stream(),
            inner,
            input: vec![0; READ_CHUNK].into_boxed_slice(),
            output: Vec::new(),
            output_pos: 0,
            eof: false,
        }
    }

    /// The counts of what was found in the text read so far (see
    /// [`Stream::counts`]).
    pub fn counts(&self) -> &crate::Counts {
        self.stream.counts()
    }

    /// The inner reader.
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for RedactReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.output_pos == self.output.len() && !self.eof {
            self.output.clear();
            self.output_pos = 0;
            let n = match self.inner.read(&mut self.input) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let out = &mut self.output;
            let mut sink = |p: Piece<'_>| -> Result<(), core::convert::Infallible> {
                out.extend_from_slice(p.bytes());
                Ok(())
            };
            let Ok(()) = if n == 0 {
                self.eof = true;
                self.stream.finish(&mut sink)
            } else {
                self.stream.push(&self.input[..n], &mut sink)
            };
        }
        let pending = &self.output[self.output_pos..];
        let n = pending.len().min(buf.len());
        buf[..n].copy_from_slice(&pending[..n]);
        self.output_pos += n;
        Ok(n)
    }
}
