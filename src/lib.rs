//! Find and mask personal information in Chinese customer-service chat text.
//!
//! tuomin (脱敏, "desensitize") finds mobile, landline and 400/800 phone
//! numbers, resident ID numbers, bank card numbers and postal addresses in
//! chat messages and call transcripts, and masks them, leaving every other
//! byte as it was.
//!
//! # Overview
//!
//! Build one [`Redactor`] per process and share it: it is immutable,
//! `Send + Sync` and cheap to clone.
//!
//! * [`Redactor::find_iter`] yields each [`Match`] with its [`Kind`],
//!   [`SubKind`], [`Evidence`] and byte offsets.
//! * [`Redactor::redact`] returns the masked text (borrowed when nothing was
//!   found); [`Redactor::redact_into`] appends to a reused buffer and
//!   [`Redactor::redact_in_place`] masks a mutable buffer.
//! * [`Builder`] chooses kinds, a [`Policy`] per kind or a [`Preset`], and
//!   the context window.
//!
//! # Example: masking a message
//!
//! ```
//! use tuomin::Redactor;
//!
//! let redactor = Redactor::new();
//! let message = "您好，我的手机是 +86 138 1234 5678，卡号 6222 0212 3456 7890 128。";
//! assert_eq!(
//!     redactor.redact(message),
//!     "您好，我的手机是 +86 138 **** 5678，卡号 6222 02** **** ***0 128。",
//! );
//! ```
//!
//! # Example: streaming chunks
//!
//! Text that arrives in pieces goes through a [`Stream`], made from the
//! shared redactor (one per conversation). Whatever the chunking, even one
//! byte at a time or cuts inside a character, the output is byte for byte
//! that of redacting the whole text, and matches carry offsets from the
//! start of the stream.
//!
//! ```
//! use std::io::Write;
//!
//! let redactor = tuomin::Redactor::new();
//! let mut out = tuomin::RedactWriter::new(&redactor, Vec::new());
//! for chunk in ["客户：我的手机是1381", "2345678，地址是北京市朝阳区建国", "路88号"] {
//!     out.write_all(chunk.as_bytes())?;
//! }
//! let text = String::from_utf8(out.finish()?).unwrap();
//! assert_eq!(text, "客户：我的手机是138****5678，地址是北京市朝阳区＊＊＊**＊");
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Buffer reading and writing behavior
//!
//! * [`Stream::push`] hands decided output to a [`Sink`] as [`Piece`]s:
//!   unchanged runs (borrowed from the caller's chunk away from chunk
//!   seams) and replacements with the [`StreamMatch`] they replace.
//! * [`Stream::feed`] works buffer to buffer like an `encoding_rs` decoder:
//!   call it with `last == false` as input arrives, then with `last == true`
//!   until it returns [`Status::InputEmpty`]; on [`Status::OutputFull`] call
//!   again with the unread input. Any output buffer of one byte or more
//!   makes progress; [`Stream::max_output_len`] tells how much room is
//!   enough for the next input.
//! * A stream holds back at most [`MAX_HOLDBACK`] bytes, and only bytes
//!   that may still become part of a match: plain text is emitted in the
//!   call it arrives in. [`Stream::end_message`] releases everything at a
//!   message boundary; [`Stream::finish`] at the end.
//! * [`RedactWriter`] and [`RedactReader`] wrap `std::io` writers and
//!   readers.
//!
//! # What is found
//!
//! Numbers are read the way people type and speech recognition writes
//! them: ASCII or full-width digits (`１３８`), Chinese numerals read digit
//! by digit (`幺三八`, `两`, `拐`, `洞`), grouped by spaces, dashes, full-width
//! spaces or em dashes (`138 1234 5678`, `6222-0212-...`), one digit per
//! space or comma (`1 3 8 ...`, `1，3，8，...`), glued to Chinese characters,
//! with `+86`/`0086` prefixes, area codes in brackets and extensions
//! (`转123`).
//!
//! | kind | accepted when |
//! |---|---|
//! | mobile | 11 digits starting with a segment in use (`130`–`199` as allocated); grouped other than 3-4-4, 3-8, 7-4, 4-3-4, 3-3-5 or digit by digit needs a context word |
//! | landline | area code in use, 7–8 digit number; glued forms need a context word |
//! | 400/800 | 10 digits, grouped; ungrouped forms need a context word |
//! | ID, 18 | check character (ISO 7064 MOD 11-2), birth date from 1900 to today, a region code that exists or once existed |
//! | ID, 15 | birth date and region code, after a context word (`身份证` ...) |
//! | bank card | 16–19 digits, Luhn and an issuer-like prefix; or Luhn, or a 62 prefix, after a card context word; 18 digits laid out as an ID number (region code, birth date) with a wrong check character only after a card context word |
//! | address | detail below the district (road and number, compound and building, village and group), see below |
//!
//! Kinds found next to a word or character that announces them (one
//! search for all their trigger words, then a look at a bounded window
//! around each): each is on by default except names.
//!
//! | kind | found |
//! |---|---|
//! | `verification_code`, `password`, `card_security_code`, `card_expiry` | the value after `验证码`, `密码`, `CVV`, `有效期` ... (only the value is masked, the word stays) |
//! | `passport`, `travel_permit`, `hk_id`, `macao_id`, `taiwan_id`, `military_id` | document numbers after their names (`护照`, `回乡证`, `台胞证` ...), check digits where the format has one |
//! | `email` | local part and domain around an `@` (or `＠`, one space on each side allowed), the last label letters only and not a file extension (`icon@2x.png`); at a common mail service also with `#` for the `@` (`abc#qq.com`) |
//! | `qq`, `wechat` | the number or ID after `QQ`, `扣扣`, `微信`, `威信`, `VX`, `加我Q` ... |
//! | `ip_address` | dotted-quad IPv4 (each part 0–255, not a version number such as `版本 1.2.3.4` or `鸿蒙 4.2.0.121`) and IPv6 |
//! | `license_plate` | province character, letter and five or six characters (`京A12345`, `沪AD12345`) |
//! | `name` | off by default: a surname and a one- or two-character given name after `我叫`, `姓名：`, `收件人：` ... or before `先生`, `女士`, `小姐` |
//!
//! Their numbers are read in the same forms as phone numbers: full-width
//! digits, Chinese numerals (`QQ 一二三四五六七八九`, `验证码 四零七三九零`)
//! and one digit per space or comma (`QQ 1 2 3 4 5 6 7 8 9`, `CVV 1，2，3`),
//! with the letters of a document number read out one by one too
//! (`护照号码 E A 1 2 3 4 5 6 7`, `南字第 1 2 3 4 5 6 7 号`).
//!
//! # Addresses
//!
//! An address is found from its details (`88号`, `3号楼`, `2单元`, `1102室`,
//! `王庄村3组`) and from road, compound and village names, with division
//! names (province, prefecture, county, and their short forms: `北京`,
//! `广西`, `浦东`) from an embedded gazetteer. A span is reported when the
//! evidence is strong: a house number right after a road (`建国路88号`;
//! after a name ending in `道` only with a full division name first:
//! `福建省厦门市思明区鹭江道8号`), a detail right after a compound or village (`阳光花园3栋`, `王庄村3组`), a
//! division name followed by a road, compound or village
//! (`深圳市龙华区人民路`), three details after a division name
//! (`北京18栋6单元2904`, `郑州74弄86号1187室`), or an address word right before
//! a division name and a detail (`地址是北京5栋4单元404`, `寄到西安2902室`,
//! where the word also settles a division name that is an everyday word).
//! Division names alone are not an address (`我去过北京`,
//! `寄到北京市朝阳区`): a detail below the district is required. Details
//! are read as chat writes them: a space between number and unit word
//! (`建国路 88 号`), entrances, villagers' groups, towers and dormitories
//! after another part (`8号楼2门302`, `红星村4社`, `广场B塔3205`,
//! `重庆大学虎溪校区松园3舍214`), floors written `12F`, building, unit and
//! room in dashes or after `#` after a compound or a house number
//! (`阳光花园3-2-502`, `金地花园3#502`, `繁荣路88号3-2-501`), rooms marked
//! by `#` or a tower letter after an office tower's name (`中信广场#2806`,
//! `传媒广场A-2201`), and the name of
//! the building or institution at a house number (`小寨东路126号百盛大厦`,
//! `颐和园路5号北京大学`: a name ending in a word such as `大厦`, `广场`,
//! `大学`, `医院` or `校区`), and the crossing of an address's road with
//! another and where the place lies from it (`郑州市中原路和嵩山路交叉口往东50米`;
//! two roads without a division name are no address). Spans run across spaces and commas between parts
//! (`广东省，深圳市，福田区，福华路88号`, `北京市 朝阳区, 建国路88号`),
//! end where a second address begins (a division name, or a road with its
//! own house number: `建国路88号、人民路5号` is two), and never exceed
//! [`MAX_ADDRESS_CHARS`] characters.
//!
//! # Match semantics
//!
//! A number is read as *groups* of units separated by short gaps. A match
//! always consists of whole groups, so a phone-shaped run inside a longer
//! run of digits or letters (`SF1234567890123`, `2013812345678999`) is
//! never reported, and an 18-digit ID number never yields a phone number
//! inside it. When several readings start at the same group, the one with
//! the strongest [`Evidence`] wins, then the longest, then ID over card
//! over phone. Matches are reported left to right and never overlap.
//!
//! A grouped reading must be grouped the way such numbers are written
//! (`138 1234 5678`, not `1381 2345 679`), and is not taken from the middle
//! of a longer grouped number. A mobile number grouped another way, as
//! someone reading it out pauses (`幺三八 幺二三四 五六 七八`), needs a
//! phone word before it and must be the whole run of groups. Chinese numerals right against digits form
//! their own group, so `张三13812345678` and `13812345678一直打不通` still
//! match while `幺三8 1234 5678` reads as one number.
//!
//! The nearest context word decides borderline cases: the label of an
//! order or tracking number (`订单号`, `运单号`) within a few characters, or
//! a business word right before the number (`订单3427...`), rejects
//! everything but a valid 18-character ID number.
//!
//! # Masking
//!
//! The default [`Policy::Conventional`] follows the common display
//! conventions (`138****5678`, `622202*********1234`) and keeps the byte
//! length: an ASCII digit becomes `*`, a full-width digit or numeral `＊`.
//! For addresses it keeps the province, city and district and masks every
//! other character (`北京市朝阳区＊＊＊**＊`), leaving separators in place.
//! For the other kinds:
//!
//! | kind | kept | example |
//! |---|---|---|
//! | `verification_code`, `password`, `card_security_code`, `card_expiry` | nothing of the value; the word stays | `验证码 ******`, `CVV ***` |
//! | `passport`, `travel_permit`, `hk_id`, `macao_id`, `taiwan_id`, `military_id` | first 1, last 2 | `护照 E******78`, `G*****5(7)` |
//! | `email` | first character, and the domain after `@`, `＠` or a `#` written for it | `z*******@qq.com`, `z*******＠qq.com`, `x*******#qq.com` |
//! | `qq`, `wechat` | first 1, last 1; a WeChat ID's `_` and `-` are masked too | `QQ 1********0`, `微信 z*********8` |
//! | `ip_address` | first two groups | `192.168.*.**` |
//! | `license_plate` | first 2, last 1 | `京A****5` |
//! | `name` | the surname | `我叫张＊＊` |
//!
//! In the C API each kind is a `TUOMIN_KIND_*` constant named after it
//! (`TUOMIN_KIND_PHONE` … `TUOMIN_KIND_NAME`; `wechat` is
//! `TUOMIN_KIND_WE_CHAT`).
//!
//! # GB18030 and GBK
//!
//! With the `gb18030` feature (on with the default `cli` feature),
//! [`Redactor::redact_gb18030`] and [`Redactor::stream_gb18030`] read
//! GB18030 (and its subsets GBK and GB2312) and write the result in
//! GB18030. Bytes outside matches are copied from the input rather than
//! decoded and encoded again, match offsets count input bytes, and a
//! [`Gb18030Stream`] puts a character split between chunks together
//! before decoding, so any chunking gives the one-shot output. Bytes that
//! are not GB18030 are an [`EncodingError`] naming their offset; they are
//! never replaced.
//!
//! ```
//! # #[cfg(feature = "gb18030")] {
//! // 手机 in GB18030, then a mobile number.
//! let input = b"\xCA\xD6\xBB\xFA13812345678";
//! let out = tuomin::Redactor::new().redact_gb18030(input)?;
//! assert_eq!(out, b"\xCA\xD6\xBB\xFA138****5678");
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Deployment policies
//!
//! Every match carries an [`Action`]: [`Action::Mask`] (replaced by its
//! kind's policy), [`Action::Report`] (found and counted, left unchanged)
//! or [`Action::Allow`] (left unchanged, counted as allowed).
//! [`Redactor::find_iter`] yields every match whatever its action.
//!
//! * [`Builder::action`] makes a kind report-only;
//!   [`Builder::mask_threshold`] masks only matches with at least a given
//!   [`Evidence`] and reports the weaker ones.
//! * [`Builder::allow_value`] never masks a value (a company hotline),
//!   compared by digits for numbers whatever the way they are written;
//!   [`Builder::allow_pattern`] allows the matches of a kind whose whole
//!   text matches a regular expression.
//! * [`Policy::Hash`] replaces a value by a keyed pseudonym
//!   (`[PHONE:1cfe20ec3903d206]`), the same for the same value and key, the
//!   value normalised first; the key comes from [`Builder::hash_key`].
//! * [`Policy::Fake`] replaces phone, ID and card numbers by keyed,
//!   deterministic fakes of the same length and layout that pass their
//!   checks, from ranges no real number uses.
//! * [`Counts`] are audit counts per kind (masked, reported, allowed),
//!   never values: from [`Redactor::count`], [`Redactor::redact_counted`]
//!   and [`Redactor::redact_into_counted`], and added up by a [`Stream`]
//!   ([`Stream::counts`]) as it emits, equal to the one-shot counts for any
//!   chunking.
//!
//! # Rules of your own and configuration files
//!
//! A [`Rule`] adds a kind of the deployment's own (member numbers, policy
//! numbers, ticket IDs) from literal values and bounded regular
//! expressions, with optional context words and a [`Validator`]; it runs in
//! the same scan, and its matches have [`Kind::Custom`] and
//! [`Match::rule`]. The [`config`] module (feature `config`) reads all of
//! the above from a TOML file, with errors that give the line and column.
//!
//! ```
//! use tuomin::{Redactor, Rule};
//!
//! let redactor = Redactor::builder().rule(Rule::new("ticket").pattern("TK-[0-9]{6}")).build()?;
//! let m = redactor.find_iter("工单TK-000123").next().unwrap();
//! assert_eq!(redactor.kind_name(&m), "ticket");
//! assert_eq!(redactor.redact("工单TK-000123"), "工单**-******");
//! # Ok::<(), tuomin::Error>(())
//! ```
//!
//! # C API
//!
//! The crate also builds a shared and a static library with a C ABI over
//! the same code: see [`ffi`] and `include/tuomin.h`.
//!
//! # Panics
//!
//! Nothing here panics on any input, valid UTF-8 or not.
//!
//! # Crate features
//!
//! * `cli` (default): the `tuomin` command-line program. Library users can
//!   turn it off with `default-features = false` to skip its dependencies.
//!   It turns on `gb18030`.
//! * `gb18030`: GB18030/GBK input and output ([`Gb18030Stream`]), with
//!   `encoding_rs` for the decoding tables; from C, `tuomin_redact_gb18030`
//!   and `tuomin_gb18030_stream_*` (which, without it, return
//!   `TUOMIN_RESULT_NOT_SUPPORTED`).
//! * `config` (on with `cli`): the [`config`] module, reading a redactor's
//!   settings from a TOML file (`toml` and `serde`); from C,
//!   `tuomin_redactor_new_from_config`.
//!

// The links above to items behind a feature resolve to the items when the
// feature is on, and to the list of features when it is off, so that the
// docs build without broken links under any set of features.
#![cfg_attr(not(feature = "gb18030"), doc = "[`Redactor::redact_gb18030`]: #crate-features")]
#![cfg_attr(not(feature = "gb18030"), doc = "[`Redactor::stream_gb18030`]: #crate-features")]
#![cfg_attr(not(feature = "gb18030"), doc = "[`Gb18030Stream`]: #crate-features")]
#![cfg_attr(not(feature = "gb18030"), doc = "[`EncodingError`]: #crate-features")]
#![cfg_attr(not(feature = "config"), doc = "[`config`]: #crate-features")]
#![deny(missing_docs, unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

mod actions;
#[cfg(feature = "config")]
pub mod config;
mod counts;
mod date;
mod detect;
mod error;
mod fake;
#[allow(unsafe_code)]
pub mod ffi;
#[cfg(feature = "gb18030")]
mod gb18030;
mod io;
mod kind;
mod matches;
mod normalize;
mod policy;
mod pseudonym;
mod redactor;
mod rule;
mod scan;
mod stream;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use crate::counts::{Counts, KindCounts};
pub use crate::date::Date;
pub use crate::detect::address::MAX_ADDRESS_CHARS;
pub use crate::error::Error;
#[cfg(feature = "gb18030")]
pub use crate::gb18030::{EncodingError, Gb18030Error, Gb18030Stream};
pub use crate::io::{RedactReader, RedactWriter};
pub use crate::kind::{Kind, KindSet, SubKind, UnknownKind};
pub use crate::matches::{Action, Evidence, Match};
pub use crate::policy::{MAX_TAG_LEN, Policy, Preset};
pub use crate::pseudonym::MIN_HASH_KEY_LEN;
pub use crate::redactor::{Builder, DEFAULT_CONTEXT_WINDOW, FindIter, MAX_CONTEXT_WINDOW, Redactor};
pub use crate::rule::{MAX_RULE_CONTEXT_WINDOW, MAX_RULE_MATCH_LEN, MAX_RULES, Rule, Validator};
pub use crate::stream::{MAX_HOLDBACK, Piece, Sink, Status, Stream, StreamMatch};
