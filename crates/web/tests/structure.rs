//! The shape of the web crate (issue #17): files that hold one concern (at most 600 lines), no two
//! files that import each other, and no dependency on the store (web → app → {core, store}).
//! Each failure names the files to change.

// A test file: a failing step should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `src/`, keyed by its module path (`[]` is the crate root).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = src_dir();
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut segs: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if segs.last().is_some_and(|s| s == "mod" || s == "lib") {
                segs.pop();
            }
            (segs, path)
        })
        .collect()
}

fn shown(path: &Path) -> String {
    path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The source without comments, string and character literals (a path in a string or a doc
/// comment is not an import), and without the `#[cfg(test)] mod tests` at the end of a file.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if matches!(c.get(i + 1), Some('#' | '"'))
                && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                while c.get(j) == Some(&'#') {
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                j += 1;
                while j < c.len()
                    && !(c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')))
                {
                    j += 1;
                }
                out.push_str("\"\"");
                i = j + 1 + hashes;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                out.push_str("\"\"");
                i += 1;
            }
            '\'' if c.get(i + 1) == Some(&'\\') => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if c.get(i + 2) == Some(&'\'') => i += 3,
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    match out.find("#[cfg(test)]\nmod tests") {
        Some(at) => out[..at].to_string(),
        None => out,
    }
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The paths written in `code` as lists of segments: `crate::a::b`, `super::x`, `x::y`; a use
/// group `a::{b, c::d}` gives `a::b` and `a::c`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !is_ident(c[i]) || (i > 0 && (is_ident(c[i - 1]) || c[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        loop {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            segs.push(c[start..i].iter().collect::<String>());
            if c.get(i) == Some(&':') && c.get(i + 1) == Some(&':') {
                i += 2;
                if c.get(i) == Some(&'{') {
                    let mut depth = 0;
                    let mut close = i;
                    let mut items = vec![String::new()];
                    while close < c.len() {
                        match c[close] {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            ',' if depth == 1 => items.push(String::new()),
                            _ => {}
                        }
                        if depth == 0 {
                            break;
                        }
                        if depth >= 1
                            && !(depth == 1 && matches!(c[close], '{' | ','))
                            && let Some(last) = items.last_mut()
                        {
                            last.push(c[close]);
                        }
                        close += 1;
                    }
                    for item in &items {
                        let first: String =
                            item.trim().chars().take_while(|&ch| is_ident(ch)).collect();
                        if !first.is_empty() && first != "self" {
                            let mut p = segs.clone();
                            p.push(first);
                            out.push(p);
                        }
                    }
                    i = close;
                    break;
                }
                if c.get(i).is_some_and(|&ch| is_ident(ch)) {
                    continue;
                }
                if c.get(i) == Some(&'*') {
                    // A glob import (`use super::*`) imports the module itself.
                    out.push(segs.clone());
                }
            }
            break;
        }
        if segs.len() > 1 {
            out.push(segs);
        }
    }
    out
}

/// The file a path leads to, seen from `module`: the longest prefix that is a module of the crate.
fn target(
    module: &[String],
    path: &[String],
    files: &BTreeMap<Vec<String>, PathBuf>,
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = match path[0].as_str() {
        "crate" => Vec::new(),
        "super" => module[..module.len().saturating_sub(1)].to_vec(),
        "self" => module.to_vec(),
        child if children.contains(child) => {
            let mut m = module.to_vec();
            m.push(child.to_string());
            return Some(m);
        }
        _ => return None,
    };
    for seg in &path[1..] {
        let mut next = base.clone();
        next.push(seg.clone());
        if !files.contains_key(&next) {
            break;
        }
        base = next;
    }
    Some(base)
}

#[test]
fn no_file_of_the_web_crate_is_over_600_lines() {
    let long: Vec<String> = modules()
        .values()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(path).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", shown(path)))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these files by concern (at most {MAX_LINES} lines): {long:?}"
    );
}

#[test]
fn no_two_files_of_the_web_crate_import_each_other() {
    let files = modules();
    let mut uses: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, path) in &files {
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        let children: BTreeSet<String> = code
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let l = l
                    .strip_prefix("pub(crate) ")
                    .or_else(|| l.strip_prefix("pub "))
                    .unwrap_or(l);
                l.strip_prefix("mod ")?
                    .strip_suffix(';')
                    .map(str::to_string)
            })
            .collect();
        let targets = paths(&code)
            .iter()
            .filter_map(|p| target(module, p, &files, &children))
            .filter(|t| t != module)
            .collect();
        uses.insert(module.clone(), targets);
    }
    let name = |m: &Vec<String>| shown(&files[m]);
    let mut cycles = Vec::new();
    for (a, targets) in &uses {
        for b in targets {
            if a < b && uses.get(b).is_some_and(|t| t.contains(a)) {
                cycles.push(format!("{} <-> {}", name(a), name(b)));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "these files import each other; move what they share to its own module: {cycles:?}"
    );
    // The check sees imports at all: the pages use the layout, the crate root uses the pages.
    assert!(
        uses[&vec!["pages".to_string(), "org".to_string()]].contains(&vec!["layout".to_string()])
    );
    assert!(uses[&Vec::new()].contains(&vec!["pages".to_string()]));
}

#[test]
fn the_web_crate_does_not_depend_on_the_store() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    assert!(
        !manifest.contains("guichet-store"),
        "crates/web/Cargo.toml depends on guichet-store: web reads app::views, not store rows"
    );
    let naming: Vec<String> = modules()
        .values()
        .filter(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains("guichet_store")
        })
        .map(|p| shown(p))
        .collect();
    assert!(
        naming.is_empty(),
        "these files name guichet_store; use guichet_app::views or an app use case: {naming:?}"
    );
}
