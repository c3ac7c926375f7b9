//! Administrative division names: provinces, prefectures and counties with
//! their short forms, from `data/gazetteer/divisions.tsv`.
//!
//! Township names (about 40,000) are left out: a township in an address is
//! always followed by a village, a road or a number, which the address
//! grammar reads on its own.
//!
//! The names live in one sorted table keyed by their first two characters.
//! Every query is local (a name starting or ending at a given offset, or
//! the first name in a short span the address parser is looking at), so a
//! binary search on the key followed by a look at the few names sharing it
//! answers as fast as an automaton would, and building the table is a sort
//! of 6,563 strings: a fraction of a millisecond, where an Aho-Corasick
//! automaton over the same names took about 20 ms to build, paid by every
//! process that redacts addresses.

const DIVISIONS: &str = include_str!("../../data/gazetteer/divisions.tsv");
const AMBIGUOUS: &str = include_str!("../../data/gazetteer/ambiguous.txt");

/// How high up a division sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Province,
    Prefecture,
    County,
}

/// One division name found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Admin {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) level: Level,
    /// Also an everyday word or a name shared by many places (`朝阳`, `和平`):
    /// not evidence of an address on its own.
    pub(crate) ambiguous: bool,
    /// A short form (`朝阳` for `朝阳区`) rather than the full name.
    pub(crate) short: bool,
}

/// Bytes in the lookup key: the first two characters of a name (every name
/// has at least two, and every character is three bytes long; `load`
/// checks both).
const KEY_LEN: usize = 6;

/// What is known about one name.
#[derive(Clone, Copy, Debug)]
struct Entry {
    name: &'static str,
    level: Level,
    ambiguous: bool,
    short: bool,
}

/// The division-name table.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    /// Sorted by name bytes, so names sharing a key are adjacent.
    entries: Vec<Entry>,
    /// `key(entries[k].name)`, for the binary search.
    keys: Vec<u64>,
    /// Longest name, in bytes.
    longest: usize,
}

/// The lines of an embedded table, found with a vectorized search for the
/// line feed (the tables are 1.6 MB; `str::lines` costs several times more).
fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', table.as_bytes()).chain(core::iter::once(table.len())).filter_map(move |end| {
        let line = table.get(start..end)?;
        // One test of the last character: `trim_end_matches('\r')` searches
        // for it and cost as much as finding the line ends.
        let line = match line.as_bytes().last() {
            Some(b'\r') => &line[..line.len() - 1],
            _ => line,
        };
        start = end + 1;
        Some(line)
    })
}

/// The lookup key of the bytes at the start of `s`: big-endian, so keys
/// sort as the bytes do.
#[inline]
fn key(s: &[u8]) -> Option<u64> {
    let k = s.get(..KEY_LEN)?;
    Some(k.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
}

impl Gazetteer {
    pub(crate) fn load() -> Gazetteer {
        // Every name once, in the order the data lists them: the first
        // listing decides whether a name is a short form, the highest level
        // among its listings is its level.
        let mut listed: Vec<(u64, usize, Entry)> = Vec::with_capacity(8192);
        for line in lines(DIVISIONS) {
            // Townships have nine-digit codes and are not loaded: skip their
            // lines (nine in ten) without splitting them.
            if line.as_bytes().get(6) != Some(&b'\t') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(_code), Some(level), Some(_parent), Some(name)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let level = match level {
                "p" => Level::Province,
                "c" => Level::Prefecture,
                "d" => Level::County,
                _ => continue,
            };
            let aliases = cols.next().unwrap_or("");
            for (k, n) in core::iter::once(name).chain(aliases.split(',')).enumerate() {
                // A name must be found by its key: at least two characters,
                // the first two three bytes long (true of every name in the
                // data; one-character names are never loaded).
                let Some(key) = key(n.as_bytes()).filter(|_| n.is_char_boundary(3) && n.is_char_boundary(KEY_LEN))
                else {
                    continue;
                };
                let order = listed.len();
                listed.push((key, order, Entry { name: n, level, ambiguous: false, short: k > 0 }));
            }
        }
        // Sort by key alone as plain integers (key and listing order packed
        // into one: cheap to compare and to move), then each run of names
        // sharing a key, a few at most, by name: the result is in byte
        // order of the names, with repeated names adjacent in listing
        // order. Sorting the entries themselves by (key, name) cost about
        // a quarter of building a redactor.
        let mut order: Vec<u128> = listed.iter().map(|(k, i, _)| (u128::from(*k) << 64) | *i as u128).collect();
        order.sort_unstable();
        let mut run = 0;
        while run < order.len() {
            let key = order[run] >> 64;
            let end = run + order[run..].iter().take_while(|&&o| o >> 64 == key).count();
            if end - run > 1 {
                order[run..end].sort_unstable_by_key(|&o| (listed[o as u64 as usize].2.name, o));
            }
            run = end;
        }
        let listed: Vec<(u64, usize, Entry)> = order.iter().map(|&o| listed[o as u64 as usize]).collect();
        let mut ambiguous: Vec<&str> = lines(AMBIGUOUS).filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
        ambiguous.sort_unstable();
        let mut entries: Vec<Entry> = Vec::with_capacity(listed.len());
        let mut keys = Vec::with_capacity(listed.len());
        for (k, _, e) in listed {
            match entries.last_mut() {
                Some(last) if last.name == e.name => last.level = last.level.min(e.level),
                _ => {
                    entries.push(Entry { ambiguous: ambiguous.binary_search(&e.name).is_ok(), ..e });
                    keys.push(k);
                }
            }
        }
        let longest = entries.iter().map(|e| e.name.len()).max().unwrap_or(0);
        Gazetteer { entries, keys, longest }
    }

    /// The longest division name starting exactly at `i`.
    pub(crate) fn at(&self, hay: &[u8], i: usize) -> Option<Admin> {
        let rest = hay.get(i..)?;
        let k = key(rest)?;
        let from = self.keys.partition_point(|&x| x < k);
        let same_key = self.keys[from..].iter().take_while(|&&x| x == k).count();
        let e = self.entries[from..from + same_key]
            .iter()
            .filter(|e| rest.starts_with(e.name.as_bytes()))
            .max_by_key(|e| e.name.len())?;
        Some(Admin { start: i, end: i + e.name.len(), level: e.level, ambiguous: e.ambiguous, short: e.short })
    }

    /// The first division name that starts in `from..to` and ends no later
    /// than `to`; the longest one where several start at the same offset.
    pub(crate) fn first_in(&self, hay: &[u8], from: usize, to: usize) -> Option<Admin> {
        (from..to).filter(|&s| hay[s] & 0xC0 != 0x80).find_map(|s| self.at(&hay[..to], s))
    }

    /// Longest name, in bytes.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// A division name ending exactly at `end` (starting no earlier than
    /// `floor`).
    pub(crate) fn ending_at(&self, hay: &[u8], end: usize, floor: usize) -> Option<Admin> {
        let lo = end.saturating_sub(self.longest).max(floor);
        (lo..end).filter(|&s| hay[s] & 0xC0 != 0x80).find_map(|s| self.at(&hay[..end], s).filter(|a| a.end == end))
    }

    /// Number of names in the automaton.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Heap bytes held by the automaton and the name table.
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.entries.capacity() * core::mem::size_of::<Entry>() + self.keys.capacity() * core::mem::size_of::<u64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_divisions_and_short_forms() {
        let g = Gazetteer::load();
        let text = "广西南宁市青秀区";
        let a = g.at(text.as_bytes(), 0).unwrap();
        assert_eq!((&text[a.start..a.end], a.level), ("广西", Level::Province));
        let b = g.at(text.as_bytes(), a.end).unwrap();
        assert_eq!(&text[b.start..b.end], "南宁市");
        assert!(g.at("北京市".as_bytes(), 0).is_some_and(|a| a.end == "北京市".len() && !a.ambiguous));
        assert!(g.at("延边朝鲜族自治州".as_bytes(), 0).is_some());
        assert!(g.at("浦东新区".as_bytes(), 0).is_some());
        assert!(g.at("你好".as_bytes(), 0).is_none());
        assert!(g.len() > 3000);
        println!("gazetteer: {} names, {} bytes on the heap", g.len(), g.memory_usage());
        assert!(g.memory_usage() < 32 << 20);
        let t = "在朝阳区";
        assert_eq!(g.ending_at(t.as_bytes(), t.len(), 0).map(|a| a.start), Some(3));
        assert!(g.at("朝阳".as_bytes(), 0).is_some_and(|a| a.short));
        assert!(g.at("朝阳区".as_bytes(), 0).is_some_and(|a| !a.short));
    }
}
