//! Reading a *token*: groups of units joined by short gaps.
//!
//! `+86 138-1234-5678` is the token `86 | 138 | 1234 | 5678`; `1，3，8` is
//! `1 | 3 | 8`. Detectors never look inside a group: a match always starts at
//! the first unit of a group and ends at the last unit of a group. That is
//! what keeps a phone-shaped run inside an order number from matching, and
//! what lets a number written in any grouping match.

use super::units::{Sep, Unit, check_x_at, digit_at, sep_at};

/// Most units a match can hold: a 19-digit card, or `0086` plus a landline
/// with a short extension. Groups past this many units are not read.
pub(crate) const MAX_UNITS: usize = 24;

/// Longest gap between two groups, in characters (`138 —— 1234`).
pub(crate) const MAX_GAP_CHARS: usize = 4;

/// Longest group a comma may join to another.
const MAX_COMMA_GROUP: usize = 4;

/// One maximal run of units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Group {
    /// Byte offset of the first unit.
    pub(crate) start: usize,
    /// Byte offset just past the last unit.
    pub(crate) end: usize,
    /// Index of the group's first unit in [`Token::units`].
    pub(crate) first: usize,
    /// Number of units in the group.
    pub(crate) len: usize,
    /// The separator classes in the gap *before* this group (bit set of
    /// [`GapSet`] flags). Empty for the first group, and for a group of
    /// numerals right against digits or the other way round (a soft gap).
    pub(crate) gap_before: GapSet,
}

/// A small set of separator classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct GapSet(u8);

impl GapSet {
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn insert(&mut self, sep: Sep) {
        self.0 |= 1 << sep as u8;
    }

    pub(crate) fn contains(self, sep: Sep) -> bool {
        self.0 & (1 << sep as u8) != 0
    }
}

/// The groups read from one starting group, at most [`MAX_UNITS`] units.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub(crate) units: [Unit; MAX_UNITS],
    /// Byte offset of each unit.
    pub(crate) unit_pos: [usize; MAX_UNITS],
    pub(crate) n_units: usize,
    pub(crate) groups: [Group; MAX_UNITS],
    pub(crate) n_groups: usize,
    /// Byte offset just past the last byte examined. A decision about this
    /// token never depends on bytes past `examined + LOOKAHEAD`.
    pub(crate) examined: usize,
    /// Whether the token ended on its own (a character that is neither unit
    /// nor gap), rather than by reaching [`MAX_UNITS`].
    pub(crate) closed: bool,
}

/// What reading at a group start found.
pub(crate) enum Read {
    /// The groups that a match starting here could use are in the token.
    Token,
    /// The first group alone is longer than any match: no match can start
    /// or end inside it. The value is the byte offset where the run ends.
    Long(usize),
}

const NO_UNIT: Unit = Unit { value: 0, len: 1, script: super::units::Script::Ascii };

/// Reads the unit at `i` when it continues a group whose previous unit is
/// `prev`: a digit, or the check character `X` right after a digit when
/// nothing alphanumeric follows it.
fn unit_in_group(hay: &[u8], i: usize, prev: Option<Unit>) -> Option<Unit> {
    if let Some(u) = digit_at(hay, i) {
        return prev.is_none_or(|p| p.script.joins(u.script)).then_some(u);
    }
    prev?;
    let x = check_x_at(hay, i)?;
    let after = i + usize::from(x.len);
    let ends_word = match hay.get(after) {
        Some(b) => !b.is_ascii_alphanumeric() && digit_at(hay, after).is_none(),
        None => true,
    };
    ends_word.then_some(x)
}

/// Reads the gap after a group at `i`: its classes and the offset of the
/// unit that follows, if a unit follows.
fn read_gap(hay: &[u8], mut i: usize) -> (GapSet, usize, bool) {
    let mut set = GapSet::default();
    for _ in 0..MAX_GAP_CHARS {
        match sep_at(hay, i) {
            Some((sep, len)) => {
                set.insert(sep);
                i += len;
            }
            None => break,
        }
        if digit_at(hay, i).is_some() {
            return (set, i, true);
        }
    }
    (set, i, false)
}

impl Default for Token {
    fn default() -> Token {
        Token {
            units: [NO_UNIT; MAX_UNITS],
            unit_pos: [0; MAX_UNITS],
            n_units: 0,
            groups: [Group::default(); MAX_UNITS],
            n_groups: 0,
            examined: 0,
            closed: false,
        }
    }
}

/// Reads into `tok` the groups of the token whose group starts at `start`.
pub(crate) fn read(hay: &[u8], start: usize, tok: &mut Token) -> Read {
    tok.n_units = 0;
    tok.n_groups = 0;
    tok.examined = start;
    tok.closed = false;
    let mut i = start;
    let mut gap_before = GapSet::default();
    loop {
        // One group.
        let group_start = i;
        let first = tok.n_units;
        let mut prev = None;
        let mut overflow = false;
        // Runs of ASCII digits, the common case, go without decoding.
        while let Some(&b) = hay.get(i)
            && b.is_ascii_digit()
            && tok.n_units < MAX_UNITS
        {
            let u = Unit { value: b - b'0', len: 1, script: super::units::Script::Ascii };
            tok.units[tok.n_units] = u;
            tok.unit_pos[tok.n_units] = i;
            tok.n_units += 1;
            i += 1;
            prev = Some(u);
        }
        while let Some(u) = unit_in_group(hay, i, prev) {
            if tok.n_units == MAX_UNITS {
                overflow = true;
                break;
            }
            tok.units[tok.n_units] = u;
            tok.unit_pos[tok.n_units] = i;
            tok.n_units += 1;
            i += usize::from(u.len);
            prev = Some(u);
            if u.value == super::units::CHECK_X {
                break;
            }
        }
        if overflow {
            if tok.n_groups == 0 {
                return Read::Long(skip_run(hay, i));
            }
            // This group cannot be part of a match; the token is complete
            // as far as any match is concerned.
            tok.n_units = first;
            tok.examined = i;
            return Read::Token;
        }
        let len = tok.n_units - first;
        // A comma joins short groups only (`1，3，8`, `一三八，一二三四`): after
        // or before a longer group it ends a list item or a sentence.
        if gap_before.contains(Sep::Comma)
            && (len > MAX_COMMA_GROUP || tok.groups[tok.n_groups - 1].len > MAX_COMMA_GROUP)
        {
            tok.n_units = first;
            tok.examined = i;
            tok.closed = true;
            return Read::Token;
        }
        tok.groups[tok.n_groups] = Group { start: group_start, end: i, first, len, gap_before };
        tok.n_groups += 1;
        // Numerals right against digits (`幺三8`, `五43五`, as speech
        // recognition mixes them) join with an empty "soft" gap: a match may
        // start or end there (`张三13812345678`, `13812345678一直`) or run
        // across it.
        let soft = prev.is_some_and(|p| p.value != super::units::CHECK_X) && digit_at(hay, i).is_some();
        let (gap, next, continues) = if soft { (GapSet::default(), i, true) } else { read_gap(hay, i) };
        tok.examined = next;
        if !continues {
            tok.closed = true;
            return Read::Token;
        }
        if tok.n_units == MAX_UNITS {
            return Read::Token;
        }
        gap_before = gap;
        i = next;
    }
}

/// Offset just past the run of units that continues at `i`.
pub(crate) fn skip_run(hay: &[u8], mut i: usize) -> usize {
    let mut prev = None;
    while let Some(u) = unit_in_group(hay, i, prev) {
        i += usize::from(u.len);
        prev = Some(u);
        if u.value == super::units::CHECK_X {
            break;
        }
    }
    i
}

impl Token {
    /// Units of groups `0..=last`.
    pub(crate) fn units_through(&self, last: usize) -> &[Unit] {
        let g = &self.groups[last];
        &self.units[..g.first + g.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(s: &str) -> Token {
        let mut t = Token::default();
        match read(s.as_bytes(), 0, &mut t) {
            Read::Token => t,
            Read::Long(_) => panic!("unexpected long run in {s:?}"),
        }
    }

    fn lens(t: &Token) -> Vec<usize> {
        t.groups[..t.n_groups].iter().map(|g| g.len).collect()
    }

    #[test]
    fn groups_follow_separators() {
        assert_eq!(lens(&token("138 1234 5678")), [3, 4, 4]);
        assert_eq!(lens(&token("138-1234-5678。")), [3, 4, 4]);
        assert_eq!(lens(&token("021)5555-1234")), [3, 4, 4]);
        assert_eq!(lens(&token("1，3，8，1")), [1, 1, 1, 1]);
        assert_eq!(lens(&token("１３８　１２３４")), [3, 4]);
        assert_eq!(lens(&token("幺三八 一二三四 五六七八")), [3, 4, 4]);
        assert_eq!(lens(&token("138 - 1234")), [3, 4]);
        assert_eq!(lens(&token("138 —— 1234‐5678")), [3, 4, 4]);
        let t = token("13812345678一直");
        assert_eq!(lens(&t), [11, 1], "numerals against digits form their own group");
        assert!(t.groups[1].gap_before.is_empty(), "joined by a soft gap");
        assert_eq!(lens(&token("五43五")), [1, 2, 1]);
        assert_eq!(lens(&token("138１２３４5678")), [11], "ASCII and full-width digits mix");
    }

    #[test]
    fn gaps_end_tokens() {
        assert_eq!(lens(&token("1,380.00")), [1, 3]);
        assert_eq!(lens(&token("12345,13812345678")), [5], "a comma joins short groups only");
        assert_eq!(lens(&token("一三八，一二三四，五六七八")), [3, 4, 4]);
        assert_eq!(lens(&token("13:45:12")), [2]);
        assert_eq!(lens(&token("138     1234")), [3], "five spaces are not a gap");
        let t = token("138 ");
        assert_eq!(lens(&t), [3]);
        assert!(t.closed);
        assert_eq!(t.examined, 4);
    }

    #[test]
    fn check_character_ends_a_group() {
        let t = token("11010519491231002X");
        assert_eq!(lens(&t), [18]);
        assert_eq!(t.units[17].value, super::super::units::CHECK_X);
        assert_eq!(lens(&token("110105 19491231 002x，")), [6, 8, 4]);
        assert_eq!(lens(&token("12345Xyz")), [5], "X followed by letters is a word");
        assert_eq!(lens(&token("0x1F")), [1]);
    }

    #[test]
    fn long_runs_are_skipped_whole() {
        let s = "1".repeat(40) + " 138";
        match read(s.as_bytes(), 0, &mut Token::default()) {
            Read::Long(end) => assert_eq!(end, 40),
            Read::Token => panic!("a 40-digit run is no token"),
        }
        let t = token(&("138 ".to_string() + &"9".repeat(30)));
        assert_eq!(lens(&t), [3], "a long later group stops the token before it");
    }
}
