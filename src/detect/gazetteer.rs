//! Administrative division names: provinces, prefectures and counties with
//! their short forms, from `data/gazetteer/divisions.tsv`.
//!
//! Township names (about 40,000) are left out of the automaton: a township
//! in an address is always followed by a village, a road or a number, which
//! the address grammar reads on its own, and leaving them out keeps the
//! automaton small and quick to build.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

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

/// The division-name automaton.
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    info: Vec<(Level, bool, bool)>,
    /// Longest name, in bytes.
    longest: usize,
}

impl Gazetteer {
    pub(crate) fn load() -> Gazetteer {
        let ambiguous: std::collections::HashSet<&str> =
            AMBIGUOUS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
        let mut names: Vec<&str> = Vec::new();
        let mut info = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for line in DIVISIONS.lines() {
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
                if n.chars().count() < 2 {
                    continue;
                }
                // A name shared by several divisions keeps its highest level.
                let idx = *seen.entry(n).or_insert_with(|| {
                    names.push(n);
                    info.push((level, ambiguous.contains(n), k > 0));
                    info.len() - 1
                });
                if level < info[idx].0 {
                    info[idx].0 = level;
                }
            }
        }
        let longest = names.iter().map(|n| n.len()).max().unwrap_or(0);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&names)
            .expect("the gazetteer builds");
        Gazetteer { automaton, info, longest }
    }

    /// The longest division name starting exactly at `i`.
    pub(crate) fn at(&self, hay: &[u8], i: usize) -> Option<Admin> {
        let end = (i + self.longest).min(hay.len());
        let m = self.automaton.find(Input::new(hay).range(i..end).anchored(Anchored::Yes))?;
        let (level, ambiguous, short) = self.info[m.pattern().as_usize()];
        Some(Admin { start: m.start(), end: m.end(), level, ambiguous, short })
    }

    /// The first division name starting in `from..to`.
    pub(crate) fn first_in(&self, hay: &[u8], from: usize, to: usize) -> Option<Admin> {
        let m = self.automaton.find(Input::new(hay).range(from..to))?;
        let (level, ambiguous, short) = self.info[m.pattern().as_usize()];
        Some(Admin { start: m.start(), end: m.end(), level, ambiguous, short })
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
        self.info.len()
    }

    /// Heap bytes held by the automaton and the name table.
    #[cfg(test)]
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage() + self.info.capacity() * core::mem::size_of::<(Level, bool, bool)>()
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
