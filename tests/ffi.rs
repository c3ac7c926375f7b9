//! The C API, from C and C++: builds `tests/c/test.c` against the static
//! and the shared library and `tests/c/test.cpp` against the shared one
//! with gcc/g++, runs them, and checks `include/tuomin.h` against the
//! crate (version macros, exported symbols).
//!
//! * `TUOMIN_FFI_SANITIZE=1` also builds and runs both programs with
//!   AddressSanitizer and UndefinedBehaviorSanitizer.
//! * `TUOMIN_FFI_VALGRIND=1` also runs the shared-library programs under
//!   valgrind's memory checker.
//!
//! The libraries are the `staticlib` and `cdylib` that `cargo test` builds
//! next to this test's executable. When they are missing or older than the
//! sources, the test builds them with `cargo build --lib` first.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::SystemTime;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Where the libraries are and where test programs go.
struct Libs {
    dir: PathBuf,
    out: PathBuf,
}

impl Libs {
    fn staticlib(&self) -> PathBuf {
        self.dir.join("libtuomin.a")
    }

    fn cdylib(&self) -> PathBuf {
        self.dir.join("libtuomin.so")
    }
}

/// The newest modification time of the library's sources.
fn newest_source() -> SystemTime {
    fn walk(dir: &Path, newest: &mut SystemTime) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, newest);
            } else if let Ok(t) = path.metadata().and_then(|m| m.modified()) {
                *newest = (*newest).max(t);
            }
        }
    }
    let root = Path::new(MANIFEST_DIR);
    let mut newest = SystemTime::UNIX_EPOCH;
    walk(&root.join("src"), &mut newest);
    walk(&root.join("data"), &mut newest);
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        if let Ok(t) = root.join(file).metadata().and_then(|m| m.modified()) {
            newest = newest.max(t);
        }
    }
    newest
}

/// Whether `dir` holds both libraries, built after the newest source.
fn fresh(dir: &Path, newest: SystemTime) -> bool {
    ["libtuomin.a", "libtuomin.so"]
        .iter()
        .all(|name| dir.join(name).metadata().and_then(|m| m.modified()).is_ok_and(|t| t >= newest))
}

/// Finds (or builds) the libraries of the profile this test was built with.
fn libs() -> &'static Libs {
    static LIBS: OnceLock<Libs> = OnceLock::new();
    LIBS.get_or_init(|| {
        // target[/<triple>]/<profile>/deps/ffi-<hash>
        let exe = std::env::current_exe().expect("the test knows its path");
        let deps = exe.parent().expect("the test executable is in deps/").to_path_buf();
        let profile_dir = deps.parent().expect("deps/ is in the profile directory").to_path_buf();
        let out = profile_dir.join("ffi-tests");
        std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
        // Always ask cargo (a no-op when they are up to date): libraries
        // left by an earlier build with other features (`cargo build
        // --no-default-features --lib`) are as new as the sources but lack
        // functions the tests call.
        let newest = newest_source();
        build_libs(&profile_dir);
        assert!(
            fresh(&profile_dir, newest),
            "`cargo build --lib` did not leave libtuomin.a and libtuomin.so in {}",
            profile_dir.display()
        );
        Libs { dir: profile_dir, out }
    })
}

/// Runs `cargo build --lib` for the profile and target of `profile_dir`.
fn build_libs(profile_dir: &Path) {
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") => "dev",
        Some(name) => name,
        None => panic!("unexpected profile directory {}", profile_dir.display()),
    };
    let parent = profile_dir.parent().expect("the profile directory is in the target directory");
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "--lib", "--profile", profile]).current_dir(MANIFEST_DIR);
    // target/CACHEDIR.TAG marks the target directory itself; otherwise the
    // parent is a target triple's directory.
    if parent.join("CACHEDIR.TAG").exists() {
        cargo.env("CARGO_TARGET_DIR", parent);
    } else {
        let triple = parent.file_name().and_then(|n| n.to_str()).expect("a target triple");
        cargo.args(["--target", triple]).env("CARGO_TARGET_DIR", parent.parent().expect("a target directory"));
    }
    eprintln!("building the C libraries: {cargo:?}");
    let status = cargo.status().expect("cargo runs");
    assert!(status.success(), "{cargo:?} failed: {status}");
}

/// Runs a command, failing the test with its output if it fails.
fn run(cmd: &mut Command) -> Output {
    let output = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    if !output.status.success() {
        panic!(
            "{cmd:?} failed: {}\n--- stdout\n{}\n--- stderr\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    output
}

/// A compiler that must exist: a clear failure instead of a skipped test.
fn compiler(name: &str) -> Command {
    match Command::new(name).arg("--version").output() {
        Ok(o) if o.status.success() => Command::new(name),
        _ => panic!("`{name}` is needed to build the C/C++ tests of the C API (apt-get install gcc g++)"),
    }
}

/// How a test program is built.
#[derive(Clone, Copy, PartialEq)]
enum Link {
    Static,
    Shared,
}

const SANITIZE: &[&str] =
    &["-fsanitize=address,undefined", "-fno-sanitize-recover=undefined", "-fno-omit-frame-pointer"];

/// Compiles `tests/c/<source>` into `<name>` against one of the libraries.
fn build(source: &str, name: &str, link: Link, extra: &[&str]) -> PathBuf {
    let libs = libs();
    let root = Path::new(MANIFEST_DIR);
    let exe = libs.out.join(name);
    let (mut cmd, std) =
        if source.ends_with(".cpp") { (compiler("g++"), "-std=c++17") } else { (compiler("gcc"), "-std=c99") };
    cmd.args([std, "-Wall", "-Wextra", "-Werror", "-g"])
        .args(extra)
        .arg("-I")
        .arg(root.join("include"))
        .arg(root.join("tests/c").join(source))
        .arg("-o")
        .arg(&exe);
    match link {
        Link::Static => {
            cmd.arg(libs.staticlib());
        }
        Link::Shared => {
            assert!(libs.cdylib().exists());
            cmd.arg(format!("-L{}", libs.dir.display()))
                .arg("-ltuomin")
                .arg(format!("-Wl,-rpath,{}", libs.dir.display()));
        }
    }
    cmd.args(["-lpthread", "-ldl", "-lm"]);
    run(&mut cmd);
    exe
}

/// Runs a test program (optionally under a wrapper such as valgrind) and
/// checks that it reported passing tests and no failures.
fn check(exe: &Path, wrapper: &[&str]) {
    let mut cmd = match wrapper.split_first() {
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(exe);
            c
        }
        None => Command::new(exe),
    };
    cmd.env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
        .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1");
    let output = run(&mut cmd);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let summary = stdout.lines().find(|l| l.ends_with(" failed")).unwrap_or("");
    let passed = summary.strip_suffix(" passed, 0 failed").and_then(|n| n.parse::<u32>().ok());
    assert!(passed.is_some_and(|n| n > 0), "{cmd:?} did not report passing tests:\n{stdout}");
}

fn enabled(var: &str) -> bool {
    let on = std::env::var(var).is_ok_and(|v| v == "1");
    if !on {
        eprintln!("not run: set {var}=1 to run this test");
    }
    on
}

#[test]
fn c_against_the_static_library() {
    check(&build("test.c", "test_c_static", Link::Static, &[]), &[]);
}

#[test]
fn c_against_the_shared_library() {
    check(&build("test.c", "test_c_shared", Link::Shared, &[]), &[]);
}

#[test]
fn cpp_against_the_shared_library() {
    check(&build("test.cpp", "test_cpp_shared", Link::Shared, &["-pthread"]), &[]);
}

#[test]
fn c_and_cpp_with_sanitizers() {
    if !enabled("TUOMIN_FFI_SANITIZE") {
        eprintln!("skipped: set TUOMIN_FFI_SANITIZE=1 to build and run the C tests with ASan+UBSan (.ci/run does)");
        return;
    }
    check(&build("test.c", "test_c_static_asan", Link::Static, SANITIZE), &[]);
    check(&build("test.c", "test_c_shared_asan", Link::Shared, SANITIZE), &[]);
    check(&build("test.cpp", "test_cpp_shared_asan", Link::Shared, &[SANITIZE, &["-pthread"]].concat()), &[]);
}

#[test]
fn c_and_cpp_under_valgrind() {
    if !enabled("TUOMIN_FFI_VALGRIND") {
        eprintln!("skipped: set TUOMIN_FFI_VALGRIND=1 to run the C tests under valgrind (.ci/run does)");
        return;
    }
    if !Command::new("valgrind").arg("--version").output().is_ok_and(|o| o.status.success()) {
        panic!("TUOMIN_FFI_VALGRIND=1 but `valgrind` is not installed (apt-get install valgrind)");
    }
    let memcheck = ["valgrind", "--leak-check=full", "--error-exitcode=99", "--errors-for-leak-kinds=definite", "-q"];
    check(&build("test.c", "test_c_shared_valgrind", Link::Shared, &[]), &memcheck);
    check(&build("test.cpp", "test_cpp_shared_valgrind", Link::Shared, &["-pthread"]), &memcheck);
}

/// The example program gives the same output as the command-line program.
#[test]
#[cfg(feature = "cli")]
fn example_redact_file_matches_the_cli() {
    let libs = libs();
    let root = Path::new(MANIFEST_DIR);
    let exe = libs.out.join("redact_file");
    let mut cc = compiler("gcc");
    cc.args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(root.join("include"))
        .arg(root.join("examples/c/redact_file.c"))
        .arg(libs.staticlib())
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(&exe);
    run(&mut cc);
    let chat = root.join("examples/chat.txt");
    let ours = run(Command::new(&exe).arg(&chat)).stdout;
    let cli = run(Command::new(env!("CARGO_BIN_EXE_tuomin")).arg("redact").arg(&chat)).stdout;
    assert!(ours == cli, "redact_file and `tuomin redact` differ on examples/chat.txt");
    assert!(ours != std::fs::read(&chat).unwrap(), "the sample has something to redact");
}

// ------------------------------------------------------------------ header

fn header() -> String {
    let path = Path::new(MANIFEST_DIR).join("include/tuomin.h");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The replacement text of `#define NAME ...` in the header.
fn define<'h>(header: &'h str, name: &str) -> &'h str {
    header
        .lines()
        .find_map(|l| l.strip_prefix("#define ")?.strip_prefix(name)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("include/tuomin.h does not define {name}"))
        .trim()
}

/// Evaluates a preprocessor expression of integers, names (looked up in
/// `vars`), parentheses, `<<`, `|` and `+`, with C's precedence.
fn eval(expr: &str, vars: &[(&str, u64)]) -> Result<u64, String> {
    #[derive(Debug, PartialEq)]
    enum Tok {
        Num(u64),
        Open,
        Close,
        Op(&'static str),
    }
    let mut toks = Vec::new();
    let b = expr.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let word = &expr[start..i];
            let word = word.trim_end_matches(['u', 'U']);
            let value = match word.parse::<u64>() {
                Ok(n) => n,
                Err(_) => vars.iter().find(|(n, _)| *n == word).ok_or_else(|| format!("unknown name {word}"))?.1,
            };
            toks.push(Tok::Num(value));
        } else if expr[i..].starts_with("<<") {
            toks.push(Tok::Op("<<"));
            i += 2;
        } else {
            toks.push(match c {
                b'(' => Tok::Open,
                b')' => Tok::Close,
                b'|' => Tok::Op("|"),
                b'+' => Tok::Op("+"),
                _ => return Err(format!("unexpected {:?}", c as char)),
            });
            i += 1;
        }
    }
    // Precedence climbing: + binds tighter than <<, which binds tighter than |.
    fn prec(op: &str) -> u8 {
        match op {
            "+" => 3,
            "<<" => 2,
            _ => 1,
        }
    }
    fn primary(t: &[Tok], i: &mut usize) -> Result<u64, String> {
        match t.get(*i) {
            Some(Tok::Num(n)) => {
                *i += 1;
                Ok(*n)
            }
            Some(Tok::Open) => {
                *i += 1;
                let v = binary(t, i, 0)?;
                if t.get(*i) != Some(&Tok::Close) {
                    return Err("missing )".into());
                }
                *i += 1;
                Ok(v)
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }
    fn binary(t: &[Tok], i: &mut usize, min: u8) -> Result<u64, String> {
        let mut lhs = primary(t, i)?;
        while let Some(Tok::Op(op)) = t.get(*i) {
            if prec(op) < min {
                break;
            }
            *i += 1;
            // Left-associative: the right side takes only tighter operators.
            let rhs = binary(t, i, prec(op) + 1)?;
            lhs = match *op {
                "+" => lhs + rhs,
                "<<" => lhs << rhs,
                _ => lhs | rhs,
            };
        }
        Ok(lhs)
    }
    let mut i = 0;
    let v = binary(&toks, &mut i, 0)?;
    if i != toks.len() {
        return Err("trailing tokens".into());
    }
    Ok(v)
}

#[test]
fn evaluator_reads_the_version_expression() {
    let vars = [("MA", 1), ("MI", 2), ("PA", 3)];
    assert_eq!(eval("((MA << 16) | (MI << 8) | PA)", &vars), Ok(0x010203));
    assert_eq!(eval("MA << 16 | MI << 8 | PA", &vars), Ok(0x010203));
    // The mistake rustls-ffi once shipped: MINOR where PATCH was meant.
    assert_eq!(eval("((MA << 16) | (MI << 8) | MI)", &vars), Ok(0x010202));
    assert_eq!(eval("1 + 2 << 1", &[]), Ok(6));
    assert!(eval("(1 << 2", &[]).is_err());
    assert!(eval("FOO", &[]).is_err());
}

#[test]
fn header_version_macros_match_the_crate_version() {
    let h = header();
    let number = |name: &str| -> u64 {
        let text = define(&h, name);
        text.parse().unwrap_or_else(|_| panic!("{name} is {text:?}, not a number"))
    };
    let (major, minor, patch) =
        (number("TUOMIN_VERSION_MAJOR"), number("TUOMIN_VERSION_MINOR"), number("TUOMIN_VERSION_PATCH"));
    let crate_version: Vec<u64> =
        [env!("CARGO_PKG_VERSION_MAJOR"), env!("CARGO_PKG_VERSION_MINOR"), env!("CARGO_PKG_VERSION_PATCH")]
            .iter()
            .map(|n| n.parse().unwrap())
            .collect();
    assert_eq!(
        [major, minor, patch][..],
        crate_version[..],
        "the TUOMIN_VERSION_* macros (after_includes in cbindgen.toml) must match Cargo.toml's version {}; \
         update cbindgen.toml and regenerate include/tuomin.h",
        env!("CARGO_PKG_VERSION")
    );
    let vars = [("TUOMIN_VERSION_MAJOR", major), ("TUOMIN_VERSION_MINOR", minor), ("TUOMIN_VERSION_PATCH", patch)];
    let composite = eval(define(&h, "TUOMIN_VERSION_NUMBER"), &vars).expect("TUOMIN_VERSION_NUMBER evaluates");
    assert_eq!(composite, (major << 16) | (minor << 8) | patch, "TUOMIN_VERSION_NUMBER");
    assert!(minor < 256 && patch < 256, "the composite version has 8 bits for minor and patch");
}

/// Declared names in the header: macros, types, enumerators, functions.
fn header_names(h: &str) -> (Vec<String>, Vec<String>) {
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut names = Vec::new();
    let mut functions = Vec::new();
    let mut in_comment = false;
    for line in h.lines() {
        let t = line.trim();
        if in_comment {
            in_comment = !t.contains("*/");
            continue;
        }
        if t.starts_with("/*") {
            in_comment = !t.contains("*/");
            continue;
        }
        if let Some(rest) = t.strip_prefix("#define ") {
            names.push(ident(rest));
        } else if let Some(rest) = t.strip_prefix("typedef ") {
            if let Some(last) = rest.trim_end_matches(';').split_whitespace().last() {
                names.push(ident(last));
            }
        } else if let Some(rest) = t.strip_prefix("} ") {
            names.push(ident(rest));
        } else if let Some(rest) = t.strip_prefix("enum ").or_else(|| t.strip_prefix("typedef struct ")) {
            names.push(ident(rest));
        } else if t.ends_with(',') && t.contains(" = ") {
            names.push(ident(t));
        } else if t.ends_with(");") && !t.starts_with('#') {
            let open = t.find('(').expect("a function declaration");
            let name = t[..open].rsplit([' ', '*']).next().unwrap().to_string();
            names.push(name.clone());
            functions.push(name);
        }
    }
    (names, functions)
}

#[test]
fn header_declares_only_tuomin_names() {
    let (names, functions) = header_names(&header());
    assert!(functions.len() >= 20, "{functions:?}");
    let stray: Vec<&String> =
        names.iter().filter(|n| !n.is_empty() && !n.starts_with("tuomin_") && !n.starts_with("TUOMIN_")).collect();
    assert!(
        stray.is_empty(),
        "include/tuomin.h declares {stray:?}; exclude them in cbindgen.toml ([export] exclude) and regenerate"
    );
}

#[test]
fn header_declares_exactly_the_exported_functions() {
    let (_, mut declared) = header_names(&header());
    declared.sort();
    let nm = Command::new("nm").args(["-D", "--defined-only"]).arg(libs().cdylib()).output();
    let nm = match nm {
        Ok(o) if o.status.success() => o,
        _ => panic!("`nm` (binutils) is needed to list the symbols of libtuomin.so"),
    };
    let mut exported: Vec<String> = String::from_utf8_lossy(&nm.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .filter(|s| s.starts_with("tuomin_"))
        .map(str::to_string)
        .collect();
    exported.sort();
    assert_eq!(
        declared, exported,
        "include/tuomin.h is out of date; regenerate it with \
         `cbindgen --config cbindgen.toml --crate tuomin --output include/tuomin.h`"
    );
}
