//! Administrative division names: provinces, prefectures and counties with
//! their short forms, from `data/gazetteer/names.tsv`.
//!
//! Township names (about 40,000) are left out: a township in an address is
//! always followed by a village, a road or a number, which the address
//! grammar reads on its own.
//!
//! The names live in one sorted table keyed by their first two characters.
//! Every query is local (a name starting or ending at a given offset, or
//! the first name in a short span the address parser is looking at), so a
//! binary search on the key followed by a look at the few names sharing it
//! answers as fast as an automaton would (one over the same names took
//! about 20 ms to build, paid by every process that redacts addresses).
//!
//! Building the table is paid once per process too, so the work that does
//! not depend on the process happens when the data is generated:
//! `scripts/build_gazetteer.py` derives `names.tsv` from the documented
//! source, `divisions.tsv` (1.6 MB, nine lines in ten townships) and
//! `ambiguous.txt`, with each name once, its level and flags resolved, and
//! the lines already in the table's order. Loading is one pass over 100 kB
//! with no sort; the tests re-derive the table from the source and compare.

const NAMES: &str = include_str!("../../data/gazetteer/names.tsv");

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

/// The lines of an embedded table. The lines of `names.tsv` are short (16
/// bytes on average), and a plain scan for the line feed measured cheaper
/// than a vectorized search, whose setup costs about as much as such a line.
fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = table;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        // One test of the last byte: `trim_end_matches('\r')` searches for
        // the character and costs as much as finding the line end.
        Some(match line.as_bytes().last() {
            Some(b'\r') => &line[..line.len() - 1],
            _ => line,
        })
    })
}

/// The lookup key of the bytes at the start of `s`: big-endian, so keys
/// sort as the bytes do.
#[inline]
fn key(s: &[u8]) -> Option<u64> {
    let k = s.get(..KEY_LEN)?;
    Some(k.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
}

/// One line of `names.tsv`: `LEVEL<TAB>FORM<TAB>AMBIGUOUS<TAB>NAME`, the
/// one-letter columns first so the name starts at a fixed offset. `None`
/// for header lines and anything else that is not such a line.
fn entry(line: &'static str) -> Option<Entry> {
    let [level, b'\t', form, b'\t', ambiguous, b'\t', ..] = *line.as_bytes() else {
        return None;
    };
    let level = match level {
        b'p' => Level::Province,
        b'c' => Level::Prefecture,
        b'd' => Level::County,
        _ => return None,
    };
    let short = match form {
        b'f' => false,
        b's' => true,
        _ => return None,
    };
    let ambiguous = match ambiguous {
        b'a' => true,
        b'-' => false,
        _ => return None,
    };
    // The six bytes before are ASCII, so this is a character boundary.
    Some(Entry { name: line.get(6..)?, level, ambiguous, short })
}

impl Gazetteer {
    /// The table as `names.tsv` lists it: the file is generated sorted by
    /// name bytes with each name once, which is the order the binary search
    /// in [`Gazetteer::at`] needs (a test fails if it is not).
    pub(crate) fn load() -> Gazetteer {
        // One allocation per vector: a line feed per line bounds the count.
        let lines_max = memchr::memchr_iter(b'\n', NAMES.as_bytes()).count() + 1;
        let mut entries = Vec::with_capacity(lines_max);
        let mut keys = Vec::with_capacity(lines_max);
        let mut longest = 0;
        for e in lines(NAMES).filter_map(entry) {
            // A name must be found by its key: at least two characters, the
            // first two three bytes long (the generator keeps only such
            // names; this keeps a bad line from being misfiled).
            let Some(k) =
                key(e.name.as_bytes()).filter(|_| e.name.is_char_boundary(3) && e.name.is_char_boundary(KEY_LEN))
            else {
                continue;
            };
            longest = longest.max(e.name.len());
            entries.push(e);
            keys.push(k);
        }
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
    use std::collections::BTreeMap;

    const DIVISIONS: &str = include_str!("../../data/gazetteer/divisions.tsv");
    const AMBIGUOUS: &str = include_str!("../../data/gazetteer/ambiguous.txt");

    /// The table as the source files define it, derived the slow, plain
    /// way: every province, prefecture and county line of `divisions.tsv`
    /// (townships have nine-digit codes), each name or alias of two or more
    /// characters once, with the most general level it is listed at,
    /// whether its first listing is an alias, and whether `ambiguous.txt`
    /// lists it; in name byte order (`str` orders by bytes).
    fn derived_from_source() -> Vec<(&'static str, Level, bool, bool)> {
        let ambiguous: Vec<&str> = AMBIGUOUS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
        let mut names: BTreeMap<&'static str, (Level, bool)> = BTreeMap::new();
        for line in DIVISIONS.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 || cols[0].len() != 6 {
                continue;
            }
            let level = match cols[1] {
                "p" => Level::Province,
                "c" => Level::Prefecture,
                "d" => Level::County,
                _ => continue,
            };
            let aliases = cols.get(4).copied().unwrap_or("");
            for (k, n) in core::iter::once(cols[3]).chain(aliases.split(',')).enumerate() {
                if n.len() < KEY_LEN || !n.is_char_boundary(3) || !n.is_char_boundary(KEY_LEN) {
                    continue;
                }
                let seen = names.entry(n).or_insert((level, k > 0));
                seen.0 = seen.0.min(level);
            }
        }
        names.into_iter().map(|(n, (level, short))| (n, level, ambiguous.contains(&n), short)).collect()
    }

    #[test]
    fn loaded_names_are_what_the_source_files_define() {
        let g = Gazetteer::load();
        let loaded: Vec<_> = g.entries.iter().map(|e| (e.name, e.level, e.ambiguous, e.short)).collect();
        let derived = derived_from_source();
        assert_eq!(loaded.len(), derived.len());
        for (got, want) in loaded.iter().zip(&derived) {
            assert_eq!(got, want, "names.tsv differs from divisions.tsv + ambiguous.txt; regenerate it");
        }
        // Spot checks that the derivation itself reads the source right.
        let find = |n: &str| derived.iter().find(|d| d.0 == n).copied();
        assert_eq!(find("朝阳"), Some(("朝阳", Level::Prefecture, true, true)));
        assert_eq!(find("北京市"), Some(("北京市", Level::Province, false, false)));
        assert_eq!(find("延边州"), Some(("延边州", Level::Prefecture, false, true)));
        assert_eq!(find("东华门街道"), None, "townships are not loaded");
        assert_eq!(find("东华门"), None, "nor their short forms");
    }

    #[test]
    fn names_file_is_in_table_order_and_every_line_loads() {
        let g = Gazetteer::load();
        // Strictly increasing: sorted for the binary search, no name twice.
        for pair in g.entries.windows(2) {
            assert!(pair[0].name < pair[1].name, "names.tsv out of order at {} / {}", pair[0].name, pair[1].name);
        }
        for (e, &k) in g.entries.iter().zip(&g.keys) {
            assert_eq!(Some(k), key(e.name.as_bytes()));
        }
        assert_eq!(g.keys.len(), g.entries.len());
        let data_lines = NAMES.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(g.len(), data_lines, "a line of names.tsv was not loaded");
        assert_eq!(g.longest(), g.entries.iter().map(|e| e.name.len()).max().unwrap());
    }

    #[test]
    fn names_lines_are_read_strictly() {
        assert!(entry("d\ts\ta\t朝阳").is_some_and(|e| e.name == "朝阳" && e.short && e.ambiguous));
        assert!(entry("p\tf\t-\t北京市").is_some_and(|e| e.level == Level::Province && !e.short && !e.ambiguous));
        assert!(entry("# header").is_none());
        assert!(entry("t\tf\t-\t东华门街道").is_none());
        assert!(entry("d\tx\t-\t朝阳").is_none());
        assert!(entry("d\tf\t?\t朝阳").is_none());
        assert!(entry("d f - 朝阳").is_none());
        assert!(entry("d\tf\t-").is_none());
    }

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
