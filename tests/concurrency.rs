//! One redactor shared by many threads gives the single-threaded results.

mod common;

use std::sync::Arc;
use tuomin::{Piece, Redactor};

fn transcripts() -> Vec<String> {
    let lines: Vec<String> = common::case_lines(include_str!("../testdata/corpus/chat.txt"))
        .into_iter()
        .chain(common::case_lines(include_str!("../testdata/corpus/address.txt")))
        .map(|(_, marked)| common::parse_marked(marked).0)
        .collect();
    lines.chunks(300).map(|c| c.join("\n")).collect()
}

fn streamed(r: &Redactor, text: &str, chunk: usize) -> Vec<u8> {
    let mut stream = r.stream();
    let mut out = Vec::new();
    let mut sink = |p: Piece<'_>| -> Result<(), ()> {
        out.extend_from_slice(p.bytes());
        Ok(())
    };
    for c in text.as_bytes().chunks(chunk) {
        stream.push(c, &mut sink).unwrap();
    }
    stream.finish(&mut sink).unwrap();
    out
}

#[test]
fn sixteen_threads_share_one_redactor() {
    fn assert_traits<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_traits::<Redactor>();

    let r = common::redactor();
    let texts = Arc::new(transcripts());
    let expected: Vec<Vec<u8>> = texts.iter().map(|t| r.redact(t).into_owned().into_bytes()).collect();
    let expected = Arc::new(expected);
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let (r, texts, expected) = (r.clone(), Arc::clone(&texts), Arc::clone(&expected));
            std::thread::spawn(move || {
                for (k, text) in texts.iter().enumerate().skip(i % 3) {
                    assert_eq!(r.redact(text).as_bytes(), &expected[k][..], "thread {i}, transcript {k}");
                    assert_eq!(streamed(&r, text, 97 + i * 13), expected[k], "thread {i}, transcript {k}, streamed");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
