//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tuomin::{Evidence, Kind, KindSet, Policy, Preset};

/// Find and mask personal information (phone, resident ID and bank card
/// numbers) in Chinese customer-service chat text.
#[derive(Debug, Parser)]
#[command(name = "tuomin", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the input with every finding masked; all other bytes are copied
    /// unchanged.
    Redact(RedactArgs),
    /// List the findings with their byte offsets.
    Scan(ScanArgs),
}

#[derive(Debug, Args)]
pub struct RedactArgs {
    /// File to read; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// After the output, write per-kind counts of what was found, masked,
    /// reported and allowed to standard error (never the values).
    #[arg(long)]
    pub summary: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// File to read; standard input when absent or `-`.
    pub file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Include the matched text in the output (off by default: the listing
    /// itself should not leak what it lists).
    #[arg(long, conflicts_with = "summary")]
    pub show_text: bool,
    /// Print per-kind counts of what was found, masked, reported and allowed
    /// instead of the listing (never the values).
    #[arg(long)]
    pub summary: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per finding, one per line.
    Jsonl,
    /// A human-readable listing.
    Text,
}

/// Options shared by both subcommands.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Read kinds, policies, rules, allow lists and actions from this TOML
    /// file (the schema is in the README and the `tuomin::config` docs)
    /// instead of the options below; --key-file may still give the key.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = [
            "kinds", "preset", "policies", "context_window", "rules", "report_only", "thresholds", "allow",
            "allow_files", "allow_patterns",
        ]
    )]
    pub config: Option<PathBuf>,
    /// Kinds to look for, comma-separated kind names (phone, id_card, bank_card, address, email, ...),
    /// `default` (every kind but name) or `all`.
    #[arg(long, value_name = "LIST", default_value = "default", value_parser = parse_kinds)]
    pub kinds: KindSet,
    /// Masking preset for every kind: conventional, full, tag, tag-en, remove, hash.
    #[arg(long, value_name = "NAME", default_value = "conventional", value_parser = parse_preset)]
    pub preset: Preset,
    /// Policy for one kind, overriding the preset; repeatable.
    /// SPEC is conventional, full, remove, hash, fake, tag, tag:TEXT or keep:HEAD:TAIL.
    #[arg(long = "policy", value_name = "KIND=SPEC", value_parser = parse_policy)]
    pub policies: Vec<(Kind, PolicySpec)>,
    /// Characters before a number searched for a context word.
    #[arg(long, value_name = "CHARS", default_value_t = tuomin::DEFAULT_CONTEXT_WINDOW)]
    pub context_window: usize,
    /// A kind of your own: NAME (lower case, digits, `_`) and a regular
    /// expression whose matches are at most 256 bytes long, such as
    /// `member_id=M[0-9]{8}`. Matches are listed under NAME and masked by
    /// the policy for `custom` (every letter and digit unless
    /// --policy custom=SPEC says otherwise). Repeatable.
    #[arg(long = "rule", value_name = "NAME=PATTERN", value_parser = parse_rule)]
    pub rules: Vec<(String, String)>,
    /// Kinds to find and count but leave unchanged, comma-separated; repeatable.
    #[arg(long = "report-only", value_name = "LIST", value_parser = parse_kinds)]
    pub report_only: Vec<KindSet>,
    /// Mask a kind's matches only with at least this evidence (context, pattern,
    /// checksum) and report weaker ones; KIND may be `all`; repeatable.
    #[arg(long = "mask-threshold", value_name = "KIND=EVIDENCE", value_parser = parse_threshold)]
    pub thresholds: Vec<(KindSet, Evidence)>,
    /// A value never masked (a hotline such as 400-820-8820); numbers compare by
    /// their digits; repeatable.
    #[arg(long = "allow", value_name = "VALUE")]
    pub allow: Vec<String>,
    /// A file of values never masked, one a line (blank lines and lines starting
    /// with # are skipped); repeatable.
    #[arg(long = "allow-file", value_name = "FILE")]
    pub allow_files: Vec<PathBuf>,
    /// A regular expression; matches of KIND whose whole text it matches are never
    /// masked; repeatable.
    #[arg(long = "allow-pattern", value_name = "KIND=REGEX", value_parser = parse_allow_pattern)]
    pub allow_patterns: Vec<(Kind, String)>,
    /// File holding the key for the hash and fake policies (its bytes, less one final line
    /// break; at least 16 bytes).
    #[arg(long = "key-file", value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Encoding of the input; redacted output is written in the same one
    /// (scan output is always UTF-8). gbk reads as gb18030, its superset.
    #[arg(long, value_enum, value_name = "NAME", default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
    #[command(flatten)]
    pub jsonl: JsonlArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    /// UTF-8 (bytes that are not UTF-8 are passed through unchanged).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030; GBK and GB2312 text is GB18030 too.
    #[value(name = "gb18030", alias = "gbk", alias = "gb2312")]
    Gb18030,
}

/// Options for JSON Lines input.
#[derive(Debug, Args)]
pub struct JsonlArgs {
    /// Read the input as JSON Lines (one JSON value per line) and look only
    /// in the string values of the fields given with --field; every other
    /// byte of each record is left as it is.
    #[arg(long, requires = "fields")]
    pub jsonl: bool,
    /// A field to look in, as a dotted path (`text`, `message.body`); an
    /// array on the way applies the rest of the path to each element
    /// (`turns.text`). Repeatable. Needs --jsonl.
    #[arg(long = "field", id = "fields", value_name = "PATH", requires = "jsonl", value_parser = parse_field)]
    pub fields: Vec<Vec<String>>,
    /// What to do with a line that is not JSON: `error` stops with its line
    /// number; `plain` reports it on standard error and treats the whole
    /// line as plain text.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = InvalidLines::Error, requires = "jsonl")]
    pub invalid_lines: InvalidLines,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InvalidLines {
    /// Stop with an error naming the line.
    Error,
    /// Redact (or scan) the line as plain text and go on.
    Plain,
}

fn parse_field(s: &str) -> Result<Vec<String>, String> {
    let path: Vec<String> = s.split('.').map(str::to_string).collect();
    if path.iter().any(String::is_empty) {
        return Err(format!("{s:?} is not a dotted path of field names (e.g. message.body)"));
    }
    Ok(path)
}

/// A policy as written on the command line; `tag` alone means the preset
/// tag for the kind.
#[derive(Clone, Debug)]
pub enum PolicySpec {
    Policy(Policy),
    DefaultTag,
}

fn parse_rule(s: &str) -> Result<(String, String), String> {
    let (name, pattern) = s.split_once('=').ok_or("expected NAME=PATTERN, e.g. member_id=M[0-9]{8}")?;
    Ok((name.trim().to_string(), pattern.to_string()))
}

fn parse_kinds(s: &str) -> Result<KindSet, String> {
    let set: KindSet = s.parse().map_err(|e: tuomin::UnknownKind| e.to_string())?;
    if set.is_empty() {
        return Err("no kind given".to_string());
    }
    Ok(set)
}

fn parse_threshold(s: &str) -> Result<(KindSet, Evidence), String> {
    let (kinds, evidence) = s.split_once('=').ok_or("expected KIND=EVIDENCE, e.g. id_card=checksum")?;
    let kinds = parse_kinds(kinds)?;
    let evidence = Evidence::from_name(evidence.trim())
        .ok_or_else(|| format!("unknown evidence {evidence:?} (known: context, pattern, checksum)"))?;
    Ok((kinds, evidence))
}

fn parse_allow_pattern(s: &str) -> Result<(Kind, String), String> {
    let (kind, pattern) = s.split_once('=').ok_or("expected KIND=REGEX, e.g. phone=400-?820-?\\d{4}")?;
    let kind = Kind::from_name(kind.trim()).ok_or_else(|| format!("unknown kind {kind:?}"))?;
    Ok((kind, pattern.to_string()))
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::from_name(s)
        .ok_or_else(|| format!("unknown preset {s:?} (known: conventional, full, tag, tag-en, remove, hash)"))
}

fn parse_policy(s: &str) -> Result<(Kind, PolicySpec), String> {
    let (kind, spec) = s.split_once('=').ok_or("expected KIND=SPEC, e.g. phone=full")?;
    let kind = Kind::from_name(kind.trim()).ok_or_else(|| format!("unknown kind {kind:?}"))?;
    let spec = match spec.trim() {
        "tag" => PolicySpec::DefaultTag,
        other => PolicySpec::Policy(Policy::from_spec(other, || Policy::Full)?),
    };
    Ok((kind, spec))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_policies() {
        assert!(matches!(parse_policy("phone=full"), Ok((Kind::Phone, PolicySpec::Policy(Policy::Full)))));
        assert!(matches!(
            parse_policy("bank_card=keep:6:4"),
            Ok((Kind::BankCard, PolicySpec::Policy(Policy::Partial { head: 6, tail: 4 })))
        ));
        assert!(matches!(parse_policy("id_card=tag"), Ok((Kind::IdCard, PolicySpec::DefaultTag))));
        assert!(matches!(parse_policy("phone=hash"), Ok((Kind::Phone, PolicySpec::Policy(Policy::Hash)))));
        assert!(parse_policy("phone").is_err());
        assert!(parse_policy("e-mail=full").is_err());
        assert!(matches!(parse_policy("email=full"), Ok((Kind::Email, PolicySpec::Policy(Policy::Full)))));
        assert!(parse_policy("phone=keep:3").is_err());
        assert!(parse_policy("phone=keep:3:999").is_err());
        assert!(parse_policy("phone=blur").is_err());
    }

    #[test]
    fn parses_thresholds() {
        assert_eq!(parse_threshold("id_card=checksum"), Ok((KindSet::NONE.with(Kind::IdCard), Evidence::Checksum)));
        assert_eq!(parse_threshold("all=pattern"), Ok((KindSet::ALL, Evidence::Pattern)));
        assert!(parse_threshold("id_card").is_err());
        assert!(parse_threshold("id_card=strong").is_err());
        assert!(parse_threshold("idcard=checksum").is_err());
    }
}
