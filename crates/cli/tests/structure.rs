//! The shape of the code, checked on every test run (issue #17): typed rows and views, files of one
//! concern, no import cycles, arrows one way. Each check prints every place it refuses, with the
//! file and line, and says what to do instead.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn crates() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("Cargo.toml").exists())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
}

/// The production part of a source file: up to its `#[cfg(test)]` module, if any.
fn production(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    }
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace("/../..", "")
}

/// Field names that hold an amount of money: these must be `Money`, not a bare integer.
const MONEY_NAMES: [&str; 15] = [
    "included",
    "debited",
    "amount",
    "net",
    "vat",
    "gross",
    "refunded",
    "balance",
    "withdrawable",
    "unit_net",
    "price",
    "fee",
    "fees",
    "charges",
    "paid",
];

/// Identifiers that are not our records' ids but text another system gave or expects: kept as
/// text, each with why.
const EXTERNAL_IDS: [(&str, &str); 1] = [(
    "message_id",
    "the ISO 20022 MsgId of a payout file: text the bank echoes back, not a record of ours",
)];

/// Acceptance 1: no `id: String`, `status: String` or bare `i64` amount in a store row or an app
/// view (structs that are deserialized are inputs: they are parsed and checked by the use case).
#[test]
fn rows_and_views_are_typed() {
    let mut refused = Vec::new();
    for krate in ["store", "app"] {
        let mut files = Vec::new();
        rust_files(&root().join("crates").join(krate).join("src"), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let text = production(&text);
            let lines: Vec<&str> = text.lines().collect();
            let mut i = 0;
            while i < lines.len() {
                let line = lines[i].trim_start();
                if line.starts_with("pub struct ") && line.ends_with('{') {
                    let derives: String = lines[i.saturating_sub(4)..i]
                        .iter()
                        .filter(|l| l.trim_start().starts_with("#[derive"))
                        .copied()
                        .collect();
                    let input = derives.contains("Deserialize");
                    let mut j = i + 1;
                    while j < lines.len() && lines[j].trim() != "}" {
                        let field = lines[j].trim();
                        if let Some((name, ty)) = field
                            .strip_prefix("pub ")
                            .and_then(|f| f.trim_end_matches(',').split_once(": "))
                        {
                            let is_id =
                                (name == "id" || name.ends_with("_id") || name.ends_with("_ids"))
                                    && !EXTERNAL_IDS.iter().any(|(n, _)| *n == name);
                            let stringly = matches!(
                                ty,
                                "String"
                                    | "Option<String>"
                                    | "Vec<String>"
                                    | "&str"
                                    | "Option<&str>"
                            );
                            let why = if !input && is_id && stringly {
                                Some("an id: use its type from core::ids")
                            } else if !input && (name == "status" || name == "state") && stringly {
                                Some("a status: use its enum from core::status")
                            } else if !input
                                && matches!(ty, "i64" | "Option<i64>")
                                && (MONEY_NAMES.contains(&name) || name.ends_with("_minor"))
                            {
                                Some("an amount: use core::Money (amount and currency together)")
                            } else {
                                None
                            };
                            if let Some(why) = why {
                                refused.push(format!("{}:{}: `{field}` is {why}", rel(&f), j + 1));
                            }
                        }
                        j += 1;
                    }
                    i = j;
                }
                i += 1;
            }
        }
    }
    assert!(
        refused.is_empty(),
        "untyped rows or views:\n{}",
        refused.join("\n")
    );
}

/// Files that may be longer than the rest: data, not code.
const LONG_FILES_ALLOWED: [&str; 0] = [];
const MAX_LINES: usize = 600;

/// Acceptance 3: no file in `crates/*/src` over about 600 lines, except data tables.
#[test]
fn files_hold_one_concern() {
    let mut refused = Vec::new();
    for (_, dir) in crates() {
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        for f in files {
            let r = rel(&f);
            if LONG_FILES_ALLOWED.contains(&r.as_str()) {
                continue;
            }
            let n = std::fs::read_to_string(&f).unwrap().lines().count();
            if n > MAX_LINES {
                refused.push(format!(
                    "{r}: {n} lines (split it by concern, at most {MAX_LINES})"
                ));
            }
        }
    }
    assert!(
        refused.is_empty(),
        "files too long:\n{}",
        refused.join("\n")
    );
}

/// The code of a file without its comments (doc links name modules without importing them).
fn code_only(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| l.split(" // ").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a source file within its crate (`billing::order` for `src/billing/order.rs`).
fn module_of(src: &Path, f: &Path) -> String {
    let r = f.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = r
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = match parts.last().map(String::as_str) {
        Some("lib" | "main" | "mod") => parts[..parts.len() - 1]
            .iter()
            .map(|s| s.as_str())
            .collect(),
        _ => parts.iter().map(|s| s.as_str()).collect(),
    };
    parts.join("::")
}

/// The modules a file refers to (`crate::a::b…`, `super::…`), resolved to the longest module
/// path that is a file of the crate.
fn references(text: &str, me: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let parent = |m: &str| {
        m.rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_owned())
    };
    let bytes = text.as_bytes();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent(me))] {
        let mut at = 0;
        while let Some(i) = text[at..].find(prefix) {
            let start = at + i;
            at = start + prefix.len();
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let rest: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut path = base.clone();
            let mut best = base.clone();
            for seg in rest.split("::").filter(|s| !s.is_empty()) {
                if seg == "super" {
                    path = parent(&path);
                    best.clone_from(&path);
                    continue;
                }
                let next = if path.is_empty() {
                    seg.to_owned()
                } else {
                    format!("{path}::{seg}")
                };
                if modules.contains(&next) {
                    best.clone_from(&next);
                    path = next;
                } else {
                    break;
                }
            }
            out.insert(best);
        }
    }
    out
}

/// Acceptance 3: no two files of one crate import each other. A module declaring and re-exporting
/// its own children is structure, not an import: only references to other modules count.
#[test]
fn no_import_cycles_between_files() {
    let mut refused = Vec::new();
    for (name, dir) in crates() {
        let src = dir.join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let modules: BTreeMap<String, PathBuf> = files
            .iter()
            .map(|f| (module_of(&src, f), f.clone()))
            .collect();
        let names: BTreeSet<String> = modules.keys().cloned().collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (m, f) in &modules {
            let text = std::fs::read_to_string(f).unwrap();
            let refs = references(&code_only(production(&text)), m, &names)
                .into_iter()
                .filter(|r| r != m)
                // A parent naming its own descendants is structure.
                .filter(|r| !(m.is_empty() || r.starts_with(&format!("{m}::"))))
                .collect();
            edges.insert(m.clone(), refs);
        }
        for (a, to) in &edges {
            for b in to {
                if a < b && edges.get(b).is_some_and(|back| back.contains(a)) {
                    refused.push(format!(
                        "{name}: {} and {} import each other (move what both need to a third module)",
                        rel(&modules[a]),
                        rel(&modules[b])
                    ));
                }
            }
        }
    }
    assert!(refused.is_empty(), "import cycles:\n{}", refused.join("\n"));
}

/// Acceptance 2: arrows one way. `web` reaches the store only through `app`; the pure crates hold
/// no SQL and no benchmark code.
#[test]
fn layers_point_one_way() {
    let manifest = |c: &str| {
        std::fs::read_to_string(root().join("crates").join(c).join("Cargo.toml")).unwrap()
    };
    let mut refused = Vec::new();
    if manifest("web").contains("guichet-store") {
        refused.push("crates/web/Cargo.toml depends on guichet-store: use app's views".to_owned());
    }
    for c in ["core", "bank", "kb"] {
        let m = manifest(c);
        for dep in ["sqlx", "rusqlite", "guichet-store"] {
            if m.lines().any(|l| l.trim_start().starts_with(dep)) {
                refused.push(format!(
                    "crates/{c}/Cargo.toml depends on {dep}: {c} holds no SQL"
                ));
            }
        }
        let mut files = Vec::new();
        rust_files(&root().join("crates").join(c).join("src"), &mut files);
        for f in files {
            let stem = f.file_stem().unwrap().to_string_lossy();
            if stem.starts_with("bench") || stem == "fts5" {
                refused.push(format!(
                    "{}: benchmark code belongs in crates/bench",
                    rel(&f)
                ));
            }
        }
    }
    assert!(refused.is_empty(), "layer leaks:\n{}", refused.join("\n"));
}
