//! The redactor: built once, shared everywhere.

use std::borrow::Cow;
use std::sync::Arc;

use crate::date::Date;
use crate::detect::Detectors;
use crate::detect::phone::AreaCodes;
use crate::error::Error;
use crate::kind::{Kind, KindSet};
use crate::matches::Match;
use crate::policy::{MAX_TAG_LEN, Policy, Preset, mask_in_place, write_replacement};
use crate::rule::Rule;
use crate::scan::context::Hotwords;
use crate::scan::{Scratch, Step, step};

/// Default number of characters before a number searched for a context
/// word.
pub const DEFAULT_CONTEXT_WINDOW: usize = 12;

/// Largest context window accepted, in characters.
pub const MAX_CONTEXT_WINDOW: usize = 64;

/// Finds and masks personal information.
///
/// A `Redactor` is immutable once built. It is `Send + Sync`, and cloning it
/// is cheap (a reference count), so build one per process and share it
/// between threads. Building compiles every automaton; scanning never
/// allocates per match.
///
/// ```
/// let redactor = tuomin::Redactor::new();
/// let masked = redactor.redact("手机13812345678，身份证11010519491231002X");
/// assert_eq!(masked, "手机138****5678，身份证1***************2X");
/// ```
#[derive(Clone)]
pub struct Redactor {
    inner: Arc<Inner>,
}

struct Inner {
    det: Detectors,
    policies: [Policy; Kind::ALL.len()],
    /// The rules, in the order they were added, and the policy of each.
    rules: Vec<(Rule, Policy)>,
}

impl core::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Redactor")
            .field("kinds", &self.inner.det.kinds)
            .field("policies", &self.inner.policies)
            .field("context_window", &self.inner.det.window)
            .field("rules", &self.inner.rules.iter().map(|(r, _)| r.name()).collect::<Vec<_>>())
            .finish()
    }
}

impl Default for Redactor {
    fn default() -> Redactor {
        Redactor::new()
    }
}

impl Redactor {
    /// A redactor with every kind and the [`Preset::Conventional`] masks.
    pub fn new() -> Redactor {
        Builder::new().build().expect("the default configuration is valid")
    }

    /// A builder to choose kinds, policies and limits.
    pub fn builder() -> Builder {
        Builder::new()
    }

    /// The kinds this redactor looks for.
    pub fn kinds(&self) -> KindSet {
        self.inner.det.kinds
    }

    /// The policy applied to `kind`.
    pub fn policy(&self, kind: Kind) -> &Policy {
        &self.inner.policies[kind.index()]
    }

    /// The rule at `index` (in the order rules were added), as
    /// [`Match::rule`] gives it.
    pub fn rule(&self, index: usize) -> Option<&Rule> {
        self.inner.rules.get(index).map(|(r, _)| r)
    }

    /// The rules, in the order they were added.
    pub fn rules(&self) -> impl ExactSizeIterator<Item = &Rule> {
        self.inner.rules.iter().map(|(r, _)| r)
    }

    /// The name a match is reported under: its kind's name, or for a
    /// [`Kind::Custom`] match, its rule's name.
    pub fn kind_name(&self, m: &Match) -> &str {
        self.name_of(m.kind(), m.rule())
    }

    /// The name a match of `kind` found by `rule` is reported under (for a
    /// [`StreamMatch`](crate::StreamMatch), whose offsets are the
    /// stream's): the rule's name, else the kind's.
    pub fn name_of(&self, kind: Kind, rule: Option<usize>) -> &str {
        match rule.and_then(|i| self.rule(i)) {
            Some(rule) => rule.name(),
            None => kind.name(),
        }
    }

    /// The policy applied to `m`: its rule's for a custom match, else its
    /// kind's.
    pub fn policy_for(&self, m: &Match) -> &Policy {
        match m.rule().and_then(|i| self.inner.rules.get(i)) {
            Some((_, policy)) => policy,
            None => self.policy(m.kind()),
        }
    }

    /// Whether every policy keeps the byte length of the text (so that
    /// [`Redactor::redact_in_place`] works).
    pub fn is_length_preserving(&self) -> bool {
        self.not_length_preserving().is_none()
    }

    /// The first kind whose policy (or a rule's) changes the length.
    fn not_length_preserving(&self) -> Option<Kind> {
        let kinds = self.kinds().iter().find(|&k| !self.policy(k).is_length_preserving());
        kinds.or_else(|| self.inner.rules.iter().any(|(_, p)| !p.is_length_preserving()).then_some(Kind::Custom))
    }

    /// The matches in `haystack`, left to right, non-overlapping.
    ///
    /// `haystack` need not be UTF-8: invalid bytes are never part of a match.
    ///
    /// ```
    /// use tuomin::{Kind, Redactor};
    ///
    /// let text = "请拨打 0755-86001234 转 8001，或者 138 1234 5678";
    /// let kinds: Vec<(Kind, &str)> =
    ///     Redactor::new().find_iter(text).map(|m| (m.kind(), &text[m.range()])).collect();
    /// assert_eq!(kinds, [(Kind::Phone, "0755-86001234 转 8001"), (Kind::Phone, "138 1234 5678")]);
    /// ```
    pub fn find_iter<'r, 'h, H: AsRef<[u8]> + ?Sized>(&'r self, haystack: &'h H) -> FindIter<'r, 'h> {
        FindIter { det: &self.inner.det, hay: haystack.as_ref(), pos: 0, scratch: Box::default(), done: false }
    }

    /// The text with every match masked; borrowed when nothing was found.
    pub fn redact<'h>(&self, text: &'h str) -> Cow<'h, str> {
        match self.redact_bytes(text.as_bytes()) {
            Cow::Borrowed(_) => Cow::Borrowed(text),
            Cow::Owned(bytes) => Cow::Owned(
                // Matches start and end on character boundaries and every
                // replacement is UTF-8, so the output is UTF-8. Checking
                // costs one pass and turns a broken promise into a loud
                // failure instead of undefined behaviour.
                String::from_utf8(bytes).expect("redacting UTF-8 yields UTF-8"),
            ),
        }
    }

    /// Like [`Redactor::redact`] for bytes that need not be UTF-8. Bytes
    /// outside matches are copied unchanged.
    pub fn redact_bytes<'h>(&self, haystack: &'h [u8]) -> Cow<'h, [u8]> {
        let mut it = self.find_iter(haystack);
        let Some(first) = it.next() else {
            return Cow::Borrowed(haystack);
        };
        let mut out = Vec::with_capacity(haystack.len() + 16);
        self.write_redacted(haystack, core::iter::once(first).chain(it), &mut out);
        Cow::Owned(out)
    }

    /// Appends the redacted form of `haystack` to `out` (reusing its
    /// allocation) and returns the number of matches.
    pub fn redact_into(&self, haystack: &[u8], out: &mut Vec<u8>) -> usize {
        out.reserve(haystack.len());
        self.write_redacted(haystack, self.find_iter(haystack), out)
    }

    fn write_redacted(&self, hay: &[u8], matches: impl Iterator<Item = Match>, out: &mut Vec<u8>) -> usize {
        let mut last = 0;
        let mut count = 0;
        for m in matches {
            out.extend_from_slice(&hay[last..m.start()]);
            self.write_match(hay, &m, out);
            last = m.end();
            count += 1;
        }
        out.extend_from_slice(&hay[last..]);
        count
    }

    /// Bytes before a position that decisions at that position may read:
    /// the context window (four bytes a character at most) and the few
    /// characters before a number or address that the edge checks read;
    /// with addresses, the names an address word may reach back over and
    /// the context before them; with anchored kinds, how far a match may
    /// start before its trigger.
    pub(crate) fn lookbehind(&self) -> usize {
        let address =
            if self.inner.det.addresses.is_some() { (crate::detect::address::MAX_BACK_CHARS + 16) * 4 } else { 0 };
        let anchored = if self.inner.det.anchored.is_some() { crate::detect::anchored::MAX_BACK } else { 0 };
        let custom = self.inner.det.custom.as_ref().map_or(0, |c| c.lookbehind());
        self.inner.det.window * 4 + 32 + address.max(anchored).max(custom)
    }

    pub(crate) fn detectors(&self) -> &Detectors {
        &self.inner.det
    }

    /// Appends the replacement of one match of `hay`.
    pub(crate) fn write_match(&self, hay: &[u8], m: &Match, out: &mut Vec<u8>) {
        write_replacement(self.policy_for(m), m, &hay[m.range()], out);
    }

    /// Masks `buffer` in place and returns the number of matches.
    ///
    /// # Errors
    ///
    /// [`Error::NotLengthPreserving`] when a kind's policy is a tag or
    /// removal; the buffer is then left untouched.
    pub fn redact_in_place(&self, buffer: &mut [u8]) -> Result<usize, Error> {
        if let Some(kind) = self.not_length_preserving() {
            return Err(Error::NotLengthPreserving { kind });
        }
        // Find everything before changing anything: a decision may read the
        // bytes before it (context words, the character before a number),
        // and those must be the original bytes.
        let matches: Vec<Match> = self.find_iter(&*buffer).collect();
        for m in &matches {
            mask_in_place(self.policy_for(m), m, &mut buffer[m.range()]);
        }
        Ok(matches.len())
    }
}

/// An iterator over the matches in a haystack, made by
/// [`Redactor::find_iter`].
#[derive(Debug)]
pub struct FindIter<'r, 'h> {
    det: &'r Detectors,
    hay: &'h [u8],
    pos: usize,
    scratch: Box<Scratch>,
    done: bool,
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        if self.done {
            return None;
        }
        match step(self.det, self.hay, &mut self.pos, true, &mut self.scratch) {
            Step::Found(m) => Some(m),
            Step::Done(end) => {
                debug_assert_eq!(end, self.hay.len(), "a complete haystack is decided to its end");
                self.done = true;
                None
            }
        }
    }
}

impl core::iter::FusedIterator for FindIter<'_, '_> {}

/// Configures and builds a [`Redactor`].
///
/// ```
/// use tuomin::{Kind, KindSet, Policy, Redactor};
///
/// let redactor = Redactor::builder()
///     .kinds(KindSet::NONE.with(Kind::Phone).with(Kind::BankCard))
///     .policy(Kind::Phone, Policy::Full)
///     .policy(Kind::BankCard, Policy::tag("[卡号]"))
///     .build()?;
/// assert_eq!(redactor.redact("电话 138-1234-5678"), "电话 ***-****-****");
/// assert_eq!(redactor.redact("卡号6222021234567890128"), "卡号[卡号]");
/// # Ok::<(), tuomin::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Builder {
    kinds: KindSet,
    preset: Preset,
    policies: [Option<Policy>; Kind::ALL.len()],
    window: usize,
    today: Option<Date>,
    rules: Vec<Rule>,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder::new()
    }
}

impl Builder {
    /// Every kind, [`Preset::Conventional`], the default context window.
    pub fn new() -> Builder {
        Builder {
            kinds: KindSet::DEFAULT,
            preset: Preset::Conventional,
            policies: Default::default(),
            window: DEFAULT_CONTEXT_WINDOW,
            today: None,
            rules: Vec::new(),
        }
    }

    /// Only look for these kinds.
    pub fn kinds(mut self, kinds: KindSet) -> Builder {
        self.kinds = kinds;
        self
    }

    /// Start every kind from this preset's policy (later
    /// [`Builder::policy`] calls override single kinds).
    pub fn preset(mut self, preset: Preset) -> Builder {
        self.preset = preset;
        self
    }

    /// The policy for one kind.
    pub fn policy(mut self, kind: Kind, policy: Policy) -> Builder {
        self.policies[kind.index()] = Some(policy);
        self
    }

    /// How many characters before a number are searched for a context word
    /// (default [`DEFAULT_CONTEXT_WINDOW`], at most [`MAX_CONTEXT_WINDOW`]).
    pub fn context_window(mut self, chars: usize) -> Builder {
        self.window = chars;
        self
    }

    /// The date birth dates in ID numbers must not be after (default: today
    /// in China Standard Time, read once when the redactor is built).
    pub fn reference_date(mut self, date: Date) -> Builder {
        self.today = Some(date);
        self
    }

    /// Adds a rule of the deployment's own (see [`Rule`]). Rules are looked
    /// for whatever [`Builder::kinds`] says; their matches have
    /// [`Kind::Custom`]. Where a rule's match and a built-in kind's start
    /// at the same offset, the rule's wins.
    pub fn rule(mut self, rule: Rule) -> Builder {
        self.rules.push(rule);
        self
    }

    /// Whether `rule` would compile next to the rules added so far: the
    /// error [`Builder::build`] would give for it, found now.
    ///
    /// # Errors
    ///
    /// [`Error::Rule`] and [`Error::TooManyRules`], as `build` gives them.
    pub fn check_rule(&self, rule: &Rule) -> Result<(), Error> {
        let mut all = self.rules.clone();
        all.push(rule.clone());
        crate::detect::custom::Rules::new(&all).map(|_| ())
    }

    /// Compiles the redactor.
    ///
    /// # Errors
    ///
    /// [`Error::ContextWindowTooLarge`] and [`Error::TagTooLong`] for limits
    /// exceeded; [`Error::Rule`] for a rule that cannot be compiled (a bad
    /// name or pattern, a pattern whose matches are unbounded) and
    /// [`Error::TooManyRules`].
    pub fn build(&self) -> Result<Redactor, Error> {
        if self.window > MAX_CONTEXT_WINDOW {
            return Err(Error::ContextWindowTooLarge { chars: self.window, max: MAX_CONTEXT_WINDOW });
        }
        let policies = Kind::ALL.map(|k| self.policies[k.index()].clone().unwrap_or_else(|| self.preset.policy(k)));
        for k in Kind::ALL {
            if let Policy::Tag(t) = &policies[k.index()]
                && t.len() > MAX_TAG_LEN
            {
                return Err(Error::TagTooLong { kind: k, len: t.len(), max: MAX_TAG_LEN });
            }
        }
        let custom = crate::detect::custom::Rules::new(&self.rules)?;
        let rules = self
            .rules
            .iter()
            .map(|r| {
                let policy =
                    r.policy.clone().or_else(|| self.policies[Kind::Custom.index()].clone()).unwrap_or_else(|| {
                        match self.preset {
                            Preset::TagChinese | Preset::TagEnglish => Policy::tag(r.tag()),
                            p => p.policy(Kind::Custom),
                        }
                    });
                match &policy {
                    Policy::Tag(t) if t.len() > MAX_TAG_LEN => {
                        Err(Error::TagTooLong { kind: Kind::Custom, len: t.len(), max: MAX_TAG_LEN })
                    }
                    _ => Ok((r.clone(), policy)),
                }
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let kinds = if custom.is_some() { self.kinds.with(Kind::Custom) } else { self.kinds.without(Kind::Custom) };
        // Tables shared by every redactor are built on the first build, and
        // everything the scan would otherwise set up on its first call is
        // set up here: the first call costs what later ones do.
        crate::scan::finder::prepare();
        if self.kinds.contains(Kind::IdCard) {
            crate::detect::id_card::prepare();
        }
        let det = Detectors {
            kinds,
            hotwords: Hotwords::shared(),
            area_codes: AreaCodes::shared(),
            today: self.today.unwrap_or_else(Date::today),
            window: self.window,
            addresses: self.kinds.contains(Kind::Address).then(crate::detect::address::Addresses::shared),
            anchored: crate::detect::anchored::Anchored::new(self.kinds),
            custom,
        };
        Ok(Redactor { inner: Arc::new(Inner { det, policies, rules }) })
    }
}
