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

/// Iterators made one after another on a thread reuse its scratch space;
/// one dropped half way, or one still alive beside another, must leave
/// nothing behind that changes what the next one finds.
#[test]
fn iterators_one_after_another_find_what_a_fresh_one_finds() {
    let r = Arc::new(Redactor::new());
    let messages: Vec<String> = common::case_lines(include_str!("../testdata/corpus/chat.txt"))
        .into_iter()
        .take(60)
        .map(|(_, marked)| common::parse_marked(marked).0)
        .collect();
    let found = |r: &Redactor, text: &str| -> Vec<(tuomin::Kind, std::ops::Range<usize>)> {
        r.find_iter(text).map(|m| (m.kind(), m.range())).collect()
    };
    // Each on a thread of its own: no iterator came before it there.
    let fresh: Vec<_> = messages
        .iter()
        .map(|m| {
            let (r, m) = (Arc::clone(&r), m.clone());
            std::thread::spawn(move || found(&r, &m)).join().unwrap()
        })
        .collect();
    assert!(fresh.iter().filter(|f| !f.is_empty()).count() > 20, "the messages hold matches");
    for (i, a) in messages.iter().enumerate() {
        let b = (i * 7 + 3) % messages.len();
        // Dropped after its first match.
        let mut half = r.find_iter(a);
        let _ = half.next();
        drop(half);
        assert_eq!(found(&r, &messages[b]), fresh[b], "after a half-used iterator over {a}");
        // Alive while another runs.
        let mut outer = r.find_iter(a);
        let first = outer.next();
        assert_eq!(found(&r, &messages[b]), fresh[b], "beside a live iterator over {a}");
        let rest: Vec<_> = first.into_iter().chain(outer).map(|m| (m.kind(), m.range())).collect();
        assert_eq!(rest, fresh[i], "the live iterator itself");
    }
}

/// An iterator's borrow of the haystack ends with its last use, as for any
/// iterator without a destructor of its own (this test fails to compile
/// otherwise).
#[test]
fn the_haystack_is_free_after_the_iterators_last_use() {
    let r = Redactor::new();
    let mut text = String::from("电话 138 1234 5678");
    let mut found = r.find_iter(&text);
    let first = found.next().map(|m| m.range());
    text.push_str("，谢谢");
    assert_eq!(first, Some(7..20));
    assert_eq!(text, "电话 138 1234 5678，谢谢");
}
