//! The redactor: built once, shared everywhere.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::Arc;

use crate::actions::{Actions, AllowList};
use crate::counts::Counts;
use crate::date::Date;
use crate::detect::Detectors;
use crate::detect::phone::AreaCodes;
use crate::error::Error;
use crate::fake::fake_in_place;
use crate::kind::{Kind, KindSet};
use crate::matches::{Action, Evidence, Match};
use crate::policy::{MAX_TAG_LEN, Policy, Preset, mask_in_place, write_replacement};
use crate::pseudonym::PseudonymKey;
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
    /// What to do with each match: actions, thresholds, allow lists.
    actions: Actions,
    key: Option<PseudonymKey>,
}

impl core::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Redactor")
            .field("kinds", &self.inner.det.kinds)
            .field("policies", &self.inner.policies)
            .field("actions", &self.inner.actions.actions)
            .field("thresholds", &self.inner.actions.thresholds)
            .field("hash_key", &self.inner.key.as_ref().map(|_| "<secret>"))
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
    /// Every match is yielded, including those this redactor leaves
    /// unchanged: [`Match::action`] tells whether it is masked, only
    /// reported, or allowed.
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
        FindIter {
            det: &self.inner.det,
            actions: &self.inner.actions,
            hay: haystack.as_ref(),
            pos: 0,
            scratch: LentScratch::new(),
            done: false,
        }
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
        self.redact_bytes_counted(haystack).0
    }

    /// Appends the redacted form of `haystack` to `out` (reusing its
    /// allocation) and returns the number of matches found (masked or not).
    pub fn redact_into(&self, haystack: &[u8], out: &mut Vec<u8>) -> usize {
        let mut counts = Counts::new();
        self.redact_into_counted(haystack, out, &mut counts)
    }

    /// Like [`Redactor::redact_into`], and adds what was found and what was
    /// done with it to `counts`.
    ///
    /// ```
    /// use tuomin::{Counts, Kind, Redactor};
    ///
    /// let redactor = Redactor::new();
    /// let mut out = Vec::new();
    /// let mut counts = Counts::new();
    /// for message in ["手机13812345678", "卡号6222020200112345679", "谢谢"] {
    ///     out.clear();
    ///     redactor.redact_into_counted(message.as_bytes(), &mut out, &mut counts);
    /// }
    /// assert_eq!(counts.get(Kind::Phone).masked, 1);
    /// assert_eq!(counts.get(Kind::BankCard).masked, 1);
    /// assert_eq!(counts.total().found(), 2);
    /// ```
    pub fn redact_into_counted(&self, haystack: &[u8], out: &mut Vec<u8>, counts: &mut Counts) -> usize {
        out.reserve(haystack.len());
        self.write_redacted(haystack, self.find_iter(haystack), out, counts)
    }

    /// Like [`Redactor::redact`], with the counts of what was found and
    /// what was done with it (see [`Counts`]).
    pub fn redact_counted<'h>(&self, text: &'h str) -> (Cow<'h, str>, Counts) {
        let (bytes, counts) = self.redact_bytes_counted(text.as_bytes());
        let text = match bytes {
            Cow::Borrowed(_) => Cow::Borrowed(text),
            // As in `redact`: UTF-8 in, UTF-8 out.
            Cow::Owned(bytes) => Cow::Owned(String::from_utf8(bytes).expect("redacting UTF-8 yields UTF-8")),
        };
        (text, counts)
    }

    /// Like [`Redactor::redact_bytes`], with the counts of what was found
    /// and what was done with it.
    pub fn redact_bytes_counted<'h>(&self, haystack: &'h [u8]) -> (Cow<'h, [u8]>, Counts) {
        let mut counts = Counts::new();
        let mut it = self.find_iter(haystack);
        let Some(first) = it.next() else {
            return (Cow::Borrowed(haystack), counts);
        };
        let mut out = Vec::with_capacity(haystack.len() + 16);
        self.write_redacted(haystack, core::iter::once(first).chain(it), &mut out, &mut counts);
        (Cow::Owned(out), counts)
    }

    /// Counts the matches in `haystack` by kind and action, without
    /// redacting anything: an audit of what redaction would do.
    ///
    /// ```
    /// use tuomin::{Kind, Redactor};
    ///
    /// let counts = Redactor::new().count("身份证11010519491231002X，电话 010-62345678");
    /// assert_eq!(counts.get(Kind::IdCard).masked, 1);
    /// assert_eq!(counts.get(Kind::Phone).masked, 1);
    /// ```
    pub fn count<H: AsRef<[u8]> + ?Sized>(&self, haystack: &H) -> Counts {
        let mut counts = Counts::new();
        for m in self.find_iter(haystack) {
            counts.add_match(&m);
        }
        counts
    }

    fn write_redacted(
        &self,
        hay: &[u8],
        matches: impl Iterator<Item = Match>,
        out: &mut Vec<u8>,
        counts: &mut Counts,
    ) -> usize {
        let mut last = 0;
        let mut count = 0;
        for m in matches {
            out.extend_from_slice(&hay[last..m.start()]);
            self.write_match(hay, &m, out);
            counts.add_match(&m);
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

    /// Decides what to do with a match just found in `hay`.
    pub(crate) fn decide(&self, m: &mut Match, hay: &[u8]) {
        m.set_action(self.inner.actions.decide(m, &hay[m.range()]));
    }

    /// Appends the replacement of one match of `hay`: the match's own bytes
    /// when it is only reported or allowed.
    pub(crate) fn write_match(&self, hay: &[u8], m: &Match, out: &mut Vec<u8>) {
        let span = &hay[m.range()];
        match (m.action(), self.policy_for(m), &self.inner.key) {
            (Action::Mask, Policy::Hash, Some(key)) => key.write_token(m, span, out),
            (Action::Mask, Policy::Fake, Some(key)) => {
                let at = out.len();
                out.extend_from_slice(span);
                fake_in_place(key, m, &mut out[at..]);
            }
            (Action::Mask, policy, _) => write_replacement(policy, m, span, out),
            _ => out.extend_from_slice(span),
        }
    }

    /// Masks `buffer` in place and returns the number of matches found
    /// (masked or not).
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
        for m in matches.iter().filter(|m| m.action() == Action::Mask) {
            match (self.policy_for(m), &self.inner.key) {
                (Policy::Fake, Some(key)) => fake_in_place(key, m, &mut buffer[m.range()]),
                (policy, _) => mask_in_place(policy, m, &mut buffer[m.range()]),
            }
        }
        Ok(matches.len())
    }
}

/// An iterator over the matches in a haystack, made by
/// [`Redactor::find_iter`].
#[derive(Debug)]
pub struct FindIter<'r, 'h> {
    det: &'r Detectors,
    actions: &'r Actions,
    hay: &'h [u8],
    pos: usize,
    scratch: LentScratch,
    done: bool,
}

thread_local! {
    /// Scratch space a dropped [`FindIter`] leaves to the next one made on
    /// its thread. Allocating and clearing its 1.8 KB cost about 740
    /// instructions, a fifth of redacting a 42-byte message.
    static SPARE_SCRATCH: Cell<Option<Box<Scratch>>> = const { Cell::new(None) };
}

/// Scratch space borrowed from the thread's spare and given back when
/// dropped. A type of its own, without the iterator's lifetimes: a `Drop`
/// on [`FindIter`] itself would keep the haystack borrowed until the
/// iterator goes out of scope, even after its last use.
#[derive(Debug)]
struct LentScratch(Option<Box<Scratch>>);

impl LentScratch {
    /// The thread's spare scratch space, cleared, or a new one (the first
    /// on a thread, or while another iterator holds the spare).
    fn new() -> LentScratch {
        LentScratch(Some(match SPARE_SCRATCH.try_with(Cell::take).ok().flatten() {
            Some(mut scratch) => {
                scratch.reset(0);
                scratch
            }
            None => Box::default(),
        }))
    }
}

impl Drop for LentScratch {
    fn drop(&mut self) {
        if let Some(scratch) = self.0.take() {
            // While the thread is being torn down there is nothing to
            // return it to: it is freed.
            let _ = SPARE_SCRATCH.try_with(|spare| spare.set(Some(scratch)));
        }
    }
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let scratch = self.scratch.0.as_deref_mut()?;
        if self.done {
            return None;
        }
        match step(self.det, self.hay, &mut self.pos, true, scratch) {
            Step::Found(mut m) => {
                m.set_action(self.actions.decide(&m, &self.hay[m.range()]));
                Some(m)
            }
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
///
/// `Debug` output never shows the hash key.
#[derive(Clone, Debug)]
pub struct Builder {
    kinds: KindSet,
    preset: Preset,
    policies: [Option<Policy>; Kind::ALL.len()],
    actions: Actions,
    allow_values: Vec<String>,
    allow_patterns: Vec<(Kind, String)>,
    key: Option<Result<PseudonymKey, Error>>,
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
            actions: Actions::default(),
            allow_values: Vec::new(),
            allow_patterns: Vec::new(),
            key: None,
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

    /// What to do with the matches of one kind: [`Action::Mask`] (the
    /// default) replaces them by the kind's policy, [`Action::Report`]
    /// finds and counts them but leaves them unchanged (to review what a
    /// kind would catch before masking it), [`Action::Allow`] leaves them
    /// unchanged and counts them as allowed.
    ///
    /// ```
    /// use tuomin::{Action, Kind, Redactor};
    ///
    /// let redactor = Redactor::builder().action(Kind::Email, Action::Report).build()?;
    /// let text = "邮箱 zhangsan@example.com，手机13812345678";
    /// assert_eq!(redactor.redact(text), "邮箱 zhangsan@example.com，手机138****5678");
    /// let actions: Vec<Action> = redactor.find_iter(text).map(|m| m.action()).collect();
    /// assert_eq!(actions, [Action::Report, Action::Mask]);
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn action(mut self, kind: Kind, action: Action) -> Builder {
        self.actions.actions[kind.index()] = action;
        self
    }

    /// Masks the matches of one kind only when their [`Evidence`] is at
    /// least `evidence`; weaker matches are reported ([`Action::Report`]):
    /// found and counted, left unchanged. The default,
    /// [`Evidence::Context`], masks every match.
    ///
    /// This is how a deployment masks what is certain and sends the rest
    /// for review: with [`Evidence::Checksum`], ID numbers with a valid
    /// check character are masked while 15-digit numbers accepted on a
    /// context word alone are reported.
    ///
    /// ```
    /// use tuomin::{Action, Evidence, Kind, Redactor};
    ///
    /// let redactor = Redactor::builder().mask_threshold(Kind::IdCard, Evidence::Checksum).build()?;
    /// let text = "身份证11010519491231002X，旧身份证号 110105491231002";
    /// assert_eq!(redactor.redact(text), "身份证1***************2X，旧身份证号 110105491231002");
    /// let actions: Vec<Action> = redactor.find_iter(text).map(|m| m.action()).collect();
    /// assert_eq!(actions, [Action::Mask, Action::Report]);
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn mask_threshold(mut self, kind: Kind, evidence: Evidence) -> Builder {
        self.actions.thresholds[kind.index()] = evidence;
        self
    }

    /// Never masks this value, of whatever kind: a company hotline
    /// (`95588`, `400-820-8820`), an agent's extension, a test number.
    /// Matches with an allowed value get [`Action::Allow`]: left unchanged,
    /// still yielded by [`Redactor::find_iter`] and counted as allowed.
    ///
    /// Values are compared after normalisation. For phone, ID and bank
    /// card numbers only the digits count (and an ID's check character
    /// `X`), read as the scanner reads them: full-width digits and Chinese
    /// numerals are digits, separators and a country code (`+86`) in the
    /// text are ignored. So allowing `400-820-8820` also allows
    /// `400 820 8820`, `4008208820` and `４００-８２０-８８２０`. Write the
    /// value without a country code. For other kinds the whole matched
    /// text must equal the value, after full-width ASCII forms are folded
    /// to ASCII (and, for email addresses, ASCII letters to lower case).
    ///
    /// ```
    /// use tuomin::{Action, Kind, Redactor};
    ///
    /// let redactor = Redactor::builder().allow_value("400-820-8820").build()?;
    /// let text = "客服热线４００ ８２０ ８８２０，我的手机13812345678";
    /// assert_eq!(redactor.redact(text), "客服热线４００ ８２０ ８８２０，我的手机138****5678");
    /// assert_eq!(redactor.count(text).get(Kind::Phone).allowed, 1);
    /// let actions: Vec<Action> = redactor.find_iter(text).map(|m| m.action()).collect();
    /// assert_eq!(actions, [Action::Allow, Action::Mask]);
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn allow_value(mut self, value: impl Into<String>) -> Builder {
        self.allow_values.push(value.into());
        self
    }

    /// Never masks a match of `kind` whose whole text matches `pattern`, a
    /// regular expression in the syntax of the `regex` crate. The pattern
    /// is matched against the matched text as written (not normalised) and
    /// must match all of it, as if written `^(?:pattern)$`. Allowed
    /// matches get [`Action::Allow`].
    ///
    /// A pattern that does not compile makes [`Builder::build`] fail with
    /// [`Error::AllowPattern`], which quotes the pattern.
    ///
    /// ```
    /// use tuomin::{Kind, Redactor};
    ///
    /// let redactor = Redactor::builder().allow_pattern(Kind::Email, r"[a-z]+@kefu\.example\.com").build()?;
    /// let text = "请联系 service@kefu.example.com 或 zhangsan@example.com";
    /// assert_eq!(redactor.redact(text), "请联系 service@kefu.example.com 或 z*******@example.com");
    /// assert!(Redactor::builder().allow_pattern(Kind::Email, "(").build().is_err());
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn allow_pattern(mut self, kind: Kind, pattern: impl Into<String>) -> Builder {
        self.allow_patterns.push((kind, pattern.into()));
        self
    }

    /// The key for [`Policy::Hash`] pseudonyms: at least
    /// [`MIN_HASH_KEY_LEN`](crate::MIN_HASH_KEY_LEN) bytes, best 32 random
    /// bytes kept in a secret store. Redactors built with the same key give
    /// the same token for the same value; with another key, other tokens.
    ///
    /// The key is not kept: the builder and the redactor hold only the
    /// HMAC state derived from it (wiped when dropped), and their `Debug`
    /// output never shows it.
    ///
    /// ```
    /// use tuomin::{Kind, Policy, Redactor};
    ///
    /// let key = b"0123456789abcdef-demo-key"; // use a random secret key
    /// let redactor = Redactor::builder().policy(Kind::Phone, Policy::Hash).hash_key(key).build()?;
    /// assert_eq!(redactor.redact("手机13812345678"), "手机[PHONE:1cfe20ec3903d206]");
    /// // The same number written another way gives the same token.
    /// assert_eq!(redactor.redact("手机 +86 138-1234-5678"), "手机 [PHONE:1cfe20ec3903d206]");
    /// # Ok::<(), tuomin::Error>(())
    /// ```
    pub fn hash_key(mut self, key: impl AsRef<[u8]>) -> Builder {
        self.key = Some(PseudonymKey::new(key.as_ref()));
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
    /// [`Error::TooManyRules`]; [`Error::AllowPattern`] for an allow pattern
    /// that does not compile; [`Error::HashKeyMissing`] for a
    /// [`Policy::Hash`] or [`Policy::Fake`] (a kind's or a rule's) without a
    /// key and [`Error::HashKeyTooShort`] for a short key.
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
        let key = match &self.key {
            Some(Ok(key)) => Some(key.clone()),
            Some(Err(e)) => return Err(e.clone()),
            None => {
                let keyed = |p: &Policy| matches!(p, Policy::Hash | Policy::Fake);
                if let Some(kind) = kinds.iter().find(|&k| keyed(&policies[k.index()])) {
                    return Err(Error::HashKeyMissing { kind });
                }
                // A rule's own policy, or the one it takes from the custom
                // kind or the preset.
                if rules.iter().any(|(_, p)| keyed(p)) {
                    return Err(Error::HashKeyMissing { kind: Kind::Custom });
                }
                None
            }
        };
        let actions =
            Actions { allow: AllowList::new(&self.allow_values, &self.allow_patterns)?, ..self.actions.clone() };
        Ok(Redactor { inner: Arc::new(Inner { det, policies, rules, actions, key }) })
    }
}
