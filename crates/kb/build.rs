//! Embeds the guides shipped with Guichet (`guides/<lang>/*.md` at the repository root) so that
//! `Library::builtin()` works in any installed binary.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let guides = Path::new(&manifest).join("../../guides");
    println!("cargo:rerun-if-changed={}", guides.display());
    let mut files = Vec::new();
    if let Ok(langs) = fs::read_dir(&guides) {
        for lang in langs.flatten() {
            let dir = lang.path();
            if !dir.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", dir.display());
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "md") {
                    println!("cargo:rerun-if-changed={}", path.display());
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let mut out =
        String::from("/// The guides shipped with Guichet: (path under `guides/`, content).\n");
    out.push_str("pub(crate) static BUILTIN: &[(&str, &str)] = &[\n");
    for path in &files {
        let rel = path.strip_prefix(&guides).unwrap_or(path);
        let abs = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            rel.display().to_string(),
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = fs::write(Path::new(&out_dir).join("builtin_guides.rs"), out) {
        panic!("cannot write builtin_guides.rs: {e}");
    }
}
