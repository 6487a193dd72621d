//! Issue #17: the crate's files hold one concern each — at most 600 lines, and no two files
//! import each other (`use super::x` / `use crate::x` read as "this file needs x").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src`: `camt/reader.rs` → `camt::reader`, `camt/mod.rs` →
/// `camt`, `lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("below src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// The modules a file imports, resolved to file modules that exist.
fn imports(module: &str, text: &str, known: &BTreeMap<String, PathBuf>) -> Vec<String> {
    let parent = match module.rsplit_once("::") {
        Some((p, _)) => p.to_owned(),
        None => String::new(),
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix("use ") else {
            continue;
        };
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let full = if let Some(p) = path.strip_prefix("super::") {
            if parent.is_empty() {
                p.to_owned()
            } else {
                format!("{parent}::{p}")
            }
        } else if let Some(p) = path.strip_prefix("crate::") {
            p.to_owned()
        } else {
            continue;
        };
        // The longest prefix that is a file module of this crate.
        let mut segments: Vec<&str> = full.split("::").filter(|s| !s.is_empty()).collect();
        while !segments.is_empty() {
            let candidate = segments.join("::");
            if known.contains_key(&candidate) && candidate != module {
                out.push(candidate);
                break;
            }
            segments.pop();
        }
    }
    out
}

#[test]
fn files_are_short_and_never_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let known: BTreeMap<String, PathBuf> = files
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let mut long = Vec::new();
    let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).expect("readable");
        let lines = text.lines().count();
        if lines > 600 {
            long.push(format!("{} ({lines} lines)", file.display()));
        }
        edges.insert(module.clone(), imports(module, &text, &known));
    }
    assert!(long.is_empty(), "files over 600 lines: {long:?}");
    let mut cycles = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if a < b && edges.get(b).is_some_and(|t| t.contains(a)) {
                cycles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(cycles.is_empty(), "files importing each other: {cycles:?}");
    // The scan sees the imports it is meant to see.
    assert!(edges["camt::reader"].contains(&"camt::fields".to_owned()));
    assert!(edges["pain001::xml"].contains(&"pain001::check".to_owned()));
}
