//! Finds the string values at given paths in one JSON text, without
//! building it: the record itself is never re-serialized, so every byte
//! outside the strings that get redacted stays as it was.
//!
//! The whole line is checked against the JSON grammar (RFC 8259), so a
//! broken record is reported rather than half redacted.

use std::ops::Range;

use super::string::decode;

/// Deepest nesting of arrays and objects accepted (the scanner recurses).
const MAX_DEPTH: usize = 256;

/// A string value found at one of the paths.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is, with array indices: `turns[1].text`.
    pub path: String,
    /// The raw bytes between the quotes.
    pub raw: Range<usize>,
}

/// Why a line is not JSON.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the line.
    pub at: usize,
    pub what: &'static str,
}

#[derive(Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

/// The string values of `line` at any of `fields` (dotted paths split at
/// the dots), in the order they appear. Array indices are not part of a
/// field: an array applies the rest of the path to each of its elements.
pub fn find_strings(line: &[u8], fields: &[Vec<String>]) -> Result<Vec<Found>, SyntaxError> {
    let mut p = Parser { s: line, pos: 0, path: Vec::new(), fields, found: Vec::new() };
    p.value(0)?;
    p.skip_whitespace();
    if p.pos != line.len() {
        return Err(p.error("unexpected bytes after the value"));
    }
    Ok(p.found)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    path: Vec<Segment>,
    fields: &'a [Vec<String>],
    found: Vec<Found>,
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError { at: self.pos, what }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => {
                let raw = self.string()?;
                if self.at_a_field() {
                    self.found.push(Found { path: self.path_name(), raw });
                }
                Ok(())
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the line ends where a value was expected")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested deeper than 256 levels"));
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in quotes"));
            }
            let raw = self.string()?;
            let key = decode(&self.s[raw]).text;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after a key"));
            }
            self.pos += 1;
            self.path.push(Segment::Key(String::from_utf8_lossy(&key).into_owned()));
            self.value(depth)?;
            self.path.pop();
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected ',' or '}' in an object")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested deeper than 256 levels"));
        }
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.path.push(Segment::Index(index));
            self.value(depth)?;
            self.path.pop();
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected ',' or ']' in an array")),
            }
            index += 1;
        }
    }

    /// Checks a string token and returns the range between its quotes.
    fn string(&mut self) -> Result<Range<usize>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error("the line ends inside a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(start..self.pos - 1);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 1,
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                                    return Err(self.error("expected four hex digits after \\u"));
                                }
                                self.pos += 1;
                            }
                        }
                        _ => return Err(self.error("unknown escape in a string")),
                    }
                }
                Some(0x00..=0x1F) => return Err(self.error("control character in a string")),
                Some(_) => self.pos += 1,
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), SyntaxError> {
        if self.s[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("expected true, false or null"))
        }
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("expected a digit after '.'"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.error("expected a digit in an exponent"));
            }
            self.digits();
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn at_a_field(&self) -> bool {
        self.fields.iter().any(|field| {
            let mut keys = self.path.iter().filter_map(|s| match s {
                Segment::Key(k) => Some(k.as_str()),
                Segment::Index(_) => None,
            });
            field.iter().all(|name| keys.next() == Some(name.as_str())) && keys.next().is_none()
        })
    }

    fn path_name(&self) -> String {
        let mut name = String::new();
        for segment in &self.path {
            match segment {
                Segment::Key(k) => {
                    if !name.is_empty() {
                        name.push('.');
                    }
                    name.push_str(k);
                }
                Segment::Index(i) => name.push_str(&format!("[{i}]")),
            }
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(names: &[&str]) -> Vec<Vec<String>> {
        names.iter().map(|n| n.split('.').map(str::to_string).collect()).collect()
    }

    fn strings(line: &str, names: &[&str]) -> Vec<(String, String)> {
        find_strings(line.as_bytes(), &fields(names))
            .unwrap()
            .into_iter()
            .map(|f| (f.path, line[f.raw].to_string()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn finds_strings_at_nested_paths() {
        let line = r#"{"id":7,"text":"a","message":{"body":"b","text":"not this"},"body":"nor this"}"#;
        assert_eq!(strings(line, &["text", "message.body"]), pairs(&[("text", "a"), ("message.body", "b")]));
    }

    #[test]
    fn arrays_apply_the_path_to_each_element() {
        let line = r#"{"turns":[{"text":"x"},{"who":"a"},{"text":"y\"z"}],"tags":["p","q"]}"#;
        assert_eq!(
            strings(line, &["turns.text", "tags"]),
            pairs(&[("turns[0].text", "x"), ("turns[2].text", r#"y\"z"#), ("tags[0]", "p"), ("tags[1]", "q")])
        );
        assert_eq!(strings(r#"[{"text":"a"}]"#, &["text"]), pairs(&[("[0].text", "a")]));
    }

    #[test]
    fn leaves_values_that_are_not_strings() {
        let line = r#"{"text":13812345678,"body":{"text":"s"},"n":null,"a":[true,false,-1.5e+3]}"#;
        assert_eq!(strings(line, &["text", "body", "n", "a"]), Vec::new());
    }

    #[test]
    fn keys_are_compared_decoded() {
        assert_eq!(strings(r#"{"te\u0078t":"a"}"#, &["text"]), pairs(&[("text", "a")]));
    }

    #[test]
    fn rejects_what_is_not_json() {
        for (line, at) in [
            (r#"{"text":"a""#, 11),
            (r#"{"text":"a"} x"#, 13),
            (r#"{"text":'a'}"#, 8),
            (r#"{"text":"a\q"}"#, 11),
            (r#"{"text":"a\u12"}"#, 14),
            ("{\"text\":\"a\tb\"}", 10),
            (r#"{"a":01}"#, 6),
            (r#"{"a":tru}"#, 5),
            (r#"{"a":1,}"#, 7),
            (r#"[1 2]"#, 3),
            ("", 0),
        ] {
            let err = find_strings(line.as_bytes(), &fields(&["text"])).unwrap_err();
            assert_eq!(err.at, at, "{line}: {}", err.what);
        }
        let deep = "[".repeat(300) + &"]".repeat(300);
        assert!(find_strings(deep.as_bytes(), &[]).is_err());
        let fine = "[".repeat(200) + &"]".repeat(200);
        assert!(find_strings(fine.as_bytes(), &[]).is_ok());
    }
}
