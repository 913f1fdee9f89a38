//! Release builds format `{:?}` as nothing (`-Zfmt-debug=none`, scripts/env.sh), so the page's
//! code must never show Debug text to anyone: outside its test modules, no file in `src/` may
//! format with `{:?}`, `{x:?}` or `{:#?}`, in `format!`, `write!` or anywhere else. Tests may.

use std::fs;
use std::path::Path;

/// The code of a source file before its `#[cfg(test)]` module, if any.
fn code_outside_tests(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

/// The lines of `code` with a Debug placeholder: `{` then an optional name, then `:` with `?` at the end of
/// the format spec (`{:?}`, `{value:?}`, `{:#?}`, `{:>8?}`); never inside `//` comments.
fn debug_placeholders(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(open) = rest.find('{') {
            rest = &rest[open + 1..];
            let Some(close) = rest.find('}') else { break };
            let inside = &rest[..close];
            if let Some((name, spec)) = inside.split_once(':') {
                let named = name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
                if named && spec.ends_with('?') && !spec.contains(['{', '"', ' ']) {
                    found.push(line.trim().to_owned());
                    break;
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ can be read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_checker_finds_every_kind_of_debug_placeholder() {
    let code = r#"let a = format!("{:?}", x); write!(f, "{value:?}")?; let b = format!("{:#?}", y);
        let c = format!("{}: {}", d, e); let map = HashMap::<u8, u8>::new(); // format!("{:?}")"#;
    assert_eq!(
        debug_placeholders(code).len(),
        1,
        "{:?}",
        debug_placeholders(code)
    );
    assert_eq!(
        debug_placeholders("let a = format!(\"{:?} {v:?} {:#?}\", x, y);").len(),
        1
    );
    assert!(debug_placeholders("let a = format!(\"{:?}\", x);")
        .iter()
        .any(|line| line.contains("{:?}")));
    assert!(debug_placeholders("match x { Some(y) => {} }").is_empty());
    assert_eq!(
        code_outside_tests("fn a() {}\n#[cfg(test)]\nmod tests { format!(\"{:?}\", 1); }"),
        "fn a() {}\n"
    );
}

#[test]
fn the_page_never_formats_with_debug() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() > 20, "{} files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let source = fs::read_to_string(path).expect("a source file");
            debug_placeholders(code_outside_tests(&source))
                .into_iter()
                .map(move |line| format!("{}: {line}", path.display()))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "Debug formatting outside tests:\n{}",
        offenders.join("\n")
    );
}
