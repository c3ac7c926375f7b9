//! A redactor described by a configuration file (TOML), for the CLI's
//! `--config`, for C's `tuomin_redactor_new_from_config` and for Rust
//! programs that keep their settings in a file. Needs the `config` feature
//! (on by default through `cli`).
//!
//! ```
//! let text = r#"
//! kinds = ["default"]
//! preset = "conventional"
//!
//! [policy]
//! bank_card = "keep:0:4"
//!
//! [[rule]]
//! name = "member_id"
//! patterns = ['M[0-9]{8}']
//! policy = "tag:[会员号]"
//! "#;
//! let redactor = tuomin::config::parse(text)?.build()?;
//! assert_eq!(redactor.redact("会员M12345678，卡号6222021234567890128"), "会员[会员号]，卡号***************0128");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Schema
//!
//! Every key is optional; a key the schema does not know is an error (so
//! that a misspelt key is not silently ignored).
//!
//! | key | value | default |
//! |---|---|---|
//! | `kinds` | kind names (`phone`, `id_card` ...), `default` or `all`: an array or one comma-separated string | `default` |
//! | `preset` | `conventional`, `full`, `tag`, `tag-en`, `remove` | `conventional` |
//! | `context_window` | characters before a number searched for a context word, 0 to 64 | 12 |
//! | `[policy]` | a table of kind name = policy spec (`conventional`, `full`, `remove`, `hash`, `fake`, `tag`, `tag:TEXT`, `keep:HEAD:TAIL`); `custom` for every rule without its own | the preset's |
//! | `report_only` | kinds found and counted but left as they are (as `kinds`) | none |
//! | `[mask_threshold]` | a table of kind name (or `all`) = weakest evidence masked (`context`, `pattern`, `checksum`); weaker matches are reported | `context` |
//! | `[allow]` | `values` (never masked; numbers compared by their digits), `files` (one value a line, `#` comments), `[allow.patterns]` (kind = array of regular expressions the whole match must match) | none |
//! | `key_file` | file holding the key of the `hash` and `fake` policies (at least 16 bytes; one final line break is not part of it) | none |
//! | `[[rule]]` | one table per rule of the deployment's own (below) | none |
//!
//! Relative paths (`key_file`, allow `files`) are taken from the
//! configuration file's directory by [`load`], from the current directory
//! by [`parse`]. Keep the key out of the configuration file itself: the
//! file names where the key is, not the key.
//!
//! A `[[rule]]` ([`Rule`]) has a `name` (required) and at least one of
//! `literals` and `patterns` (arrays of strings; patterns in the syntax of
//! the `regex` crate, their matches at most 256 bytes long and never
//! empty, and each able to match some text), and may set
//! `case_insensitive` (bool), `context` (array of words), `context_window`
//! (characters, 0 to 64; with context words, at least as many as the
//! shortest word has, or the rule could never match), `validator` (`none`, `luhn`, `mod11-2`,
//! `mod97-10`), `standalone` (bool, default true) and `policy` (a spec as
//! above; `tag` is the rule's own tag, `[MEMBER_ID]`).
//!
//! Errors ([`ConfigError`]) give the line and column of the value at
//! fault and say what is accepted.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::{Action, Builder, Evidence, Kind, KindSet, MAX_CONTEXT_WINDOW, Policy, Preset, Redactor, Rule, Validator};

/// Why a configuration could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// Line of the value at fault, from 1 (none for errors about the file
    /// as a whole, such as one that cannot be read).
    pub line: Option<usize>,
    /// Column (in characters, from 1), with `line`.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The file's tables, with where each value was written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kinds: Option<Spanned<Kinds>>,
    preset: Option<Spanned<String>>,
    context_window: Option<Spanned<i64>>,
    #[serde(default)]
    policy: BTreeMap<Spanned<String>, Spanned<String>>,
    report_only: Option<Spanned<Kinds>>,
    #[serde(default)]
    mask_threshold: BTreeMap<Spanned<String>, Spanned<String>>,
    allow: Option<AllowTable>,
    key_file: Option<Spanned<String>>,
    #[serde(default)]
    rule: Vec<RuleTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllowTable {
    #[serde(default)]
    values: Vec<String>,
    #[serde(default)]
    files: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: BTreeMap<Spanned<String>, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Kinds {
    List(String),
    Array(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleTable {
    name: Spanned<String>,
    #[serde(default)]
    literals: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    case_insensitive: Option<bool>,
    #[serde(default)]
    context: Vec<String>,
    context_window: Option<Spanned<i64>>,
    validator: Option<Spanned<String>>,
    standalone: Option<bool>,
    policy: Option<Spanned<String>>,
}

/// Reads a configuration, giving a builder that later calls may adjust.
///
/// # Errors
///
/// [`ConfigError`] with the line and column of what is wrong: TOML syntax,
/// an unknown key, kind, preset, policy or validator, a value out of range,
/// a rule that does not compile.
pub fn parse(text: &str) -> Result<Builder, ConfigError> {
    parse_in(text, Path::new(""))
}

/// [`parse`], with relative paths (`key_file`, allow `files`) taken from
/// `base`.
fn parse_in(text: &str, base: &Path) -> Result<Builder, ConfigError> {
    let at = |span: core::ops::Range<usize>, message: String| {
        let (line, column) = line_column(text, span.start);
        ConfigError { line: Some(line), column: Some(column), message }
    };
    let kinds_of = |kinds: &Spanned<Kinds>| -> Result<KindSet, ConfigError> {
        let list = match kinds.get_ref() {
            Kinds::List(s) => s.clone(),
            Kinds::Array(names) => names.join(","),
        };
        list.parse().map_err(|e: crate::UnknownKind| at(kinds.span(), e.to_string()))
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let message = e.message().to_string();
        match e.span() {
            Some(span) => at(span, message),
            None => ConfigError { line: None, column: None, message },
        }
    })?;
    let mut b = Redactor::builder();
    if let Some(kinds) = &file.kinds {
        let set = kinds_of(kinds)?;
        if set.is_empty() {
            return Err(at(kinds.span(), "no kind given".into()));
        }
        b = b.kinds(set);
    }
    let preset = match &file.preset {
        Some(p) => Preset::from_name(p.get_ref()).ok_or_else(|| {
            at(p.span(), format!("unknown preset {:?} (known: conventional, full, tag, tag-en, remove)", p.get_ref()))
        })?,
        None => Preset::Conventional,
    };
    b = b.preset(preset);
    if let Some(w) = &file.context_window {
        b = b.context_window(window(w, MAX_CONTEXT_WINDOW).map_err(|m| at(w.span(), m))?);
    }
    for (kind, spec) in &file.policy {
        let k = Kind::from_name(kind.get_ref())
            .ok_or_else(|| at(kind.span(), format!("unknown kind {:?} in [policy]", kind.get_ref())))?;
        let policy =
            Policy::from_spec(spec.get_ref(), || Preset::TagChinese.policy(k)).map_err(|m| at(spec.span(), m))?;
        b = b.policy(k, policy);
    }
    if let Some(kinds) = &file.report_only {
        for kind in kinds_of(kinds)?.iter() {
            b = b.action(kind, Action::Report);
        }
    }
    for (kind, evidence) in &file.mask_threshold {
        let kinds = if kind.get_ref() == "all" {
            KindSet::ALL
        } else {
            KindSet::NONE.with(
                Kind::from_name(kind.get_ref())
                    .ok_or_else(|| at(kind.span(), format!("unknown kind {:?} in [mask_threshold]", kind.get_ref())))?,
            )
        };
        let e = Evidence::from_name(evidence.get_ref()).ok_or_else(|| {
            at(
                evidence.span(),
                format!("unknown evidence {:?} (known: context, pattern, checksum)", evidence.get_ref()),
            )
        })?;
        for k in kinds.iter() {
            b = b.mask_threshold(k, e);
        }
    }
    if let Some(allow) = &file.allow {
        for value in &allow.values {
            b = b.allow_value(value.as_str());
        }
        for f in &allow.files {
            let path = base.join(f.get_ref());
            for value in read_allow_file(&path).map_err(|m| at(f.span(), m))? {
                b = b.allow_value(value);
            }
        }
        for (kind, patterns) in &allow.patterns {
            let k = Kind::from_name(kind.get_ref())
                .ok_or_else(|| at(kind.span(), format!("unknown kind {:?} in [allow.patterns]", kind.get_ref())))?;
            for p in patterns {
                // Checked now, so that the error points at the kind.
                crate::actions::check_pattern(k, p).map_err(|e| at(kind.span(), e.to_string()))?;
                b = b.allow_pattern(k, p.as_str());
            }
        }
    }
    if let Some(f) = &file.key_file {
        let path = base.join(f.get_ref());
        let mut key = std::fs::read(&path).map_err(|e| at(f.span(), format!("cannot read {}: {e}", path.display())))?;
        b = b.hash_key(trim_line_break(&key));
        // The builder keeps only the state derived from the key.
        key.fill(0);
        std::hint::black_box(&key);
    }
    for t in &file.rule {
        let mut rule = Rule::new(t.name.get_ref().as_str())
            .literals(t.literals.iter().cloned())
            .context(t.context.iter().cloned());
        for p in &t.patterns {
            rule = rule.pattern(p.as_str());
        }
        if let Some(yes) = t.case_insensitive {
            rule = rule.case_insensitive(yes);
        }
        if let Some(yes) = t.standalone {
            rule = rule.standalone(yes);
        }
        if let Some(w) = &t.context_window {
            rule = rule.context_window(window(w, crate::MAX_RULE_CONTEXT_WINDOW).map_err(|m| at(w.span(), m))?);
            // Checked here as well as below, so that a window too small for
            // every context word is reported at the window.
            crate::detect::custom::check_context_window(&rule).map_err(|e| at(w.span(), e.to_string()))?;
        }
        if let Some(v) = &t.validator {
            let validator = Validator::from_name(v.get_ref()).ok_or_else(|| {
                at(v.span(), format!("unknown validator {:?} (known: none, luhn, mod11-2, mod97-10)", v.get_ref()))
            })?;
            rule = rule.validator(validator);
        }
        if let Some(spec) = &t.policy {
            let tag = rule.tag();
            let policy = Policy::from_spec(spec.get_ref(), || Policy::tag(tag)).map_err(|m| at(spec.span(), m))?;
            rule = rule.policy(policy);
        }
        // Compiled now, so that its errors point at the rule.
        b.check_rule(&rule).map_err(|e| at(t.name.span(), e.to_string()))?;
        b = b.rule(rule);
    }
    Ok(b)
}

/// Reads the configuration file at `path` (see [`parse`]).
///
/// # Errors
///
/// [`ConfigError`]: the file cannot be read (no line), or [`parse`]'s.
pub fn load(path: impl AsRef<Path>) -> Result<Builder, ConfigError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        line: None,
        column: None,
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    parse_in(&text, path.parent().unwrap_or(Path::new("")))
}

/// A key file's bytes less one final line break (keys written with `echo`
/// or an editor end in one that is not part of the key).
pub fn trim_line_break(key: &[u8]) -> &[u8] {
    key.strip_suffix(b"\r\n").or_else(|| key.strip_suffix(b"\n")).unwrap_or(key)
}

/// The values of an allow file: one a line, ends of lines trimmed, blank
/// lines and lines starting with `#` skipped.
///
/// # Errors
///
/// A message naming the file when it cannot be read or is not UTF-8.
pub fn read_allow_file(path: &Path) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("cannot read {}: not UTF-8 (at byte {})", path.display(), e.utf8_error().valid_up_to()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// A context window from the file, checked against `max`.
fn window(w: &Spanned<i64>, max: usize) -> Result<usize, String> {
    usize::try_from(*w.get_ref())
        .ok()
        .filter(|&n| n <= max)
        .ok_or_else(|| format!("a context window is 0 to {max} characters, not {}", w.get_ref()))
}

/// 1-based line and character column of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary_at(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// `str::floor_char_boundary`, which is not stable at the crate's MSRV.
trait FloorCharBoundary {
    fn floor_char_boundary_at(&self, i: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_at(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\n规则 = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_column(text, text.rfind('=').unwrap()), (2, 4));
    }
}
