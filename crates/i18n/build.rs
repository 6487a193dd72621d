//! Lists the Fluent files of `locales/<lang>/*.ftl` so the crate compiles them in (`include_str!`):
//! a new file is picked up without touching the code, and any change rebuilds.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = String::from("/// Every Fluent file: (language, file name, text).\n");
    out.push_str("pub const FILES: &[(&str, &str, &str)] = &[\n");
    let mut langs: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    langs.sort();
    for lang in langs.iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", lang.display());
        let mut files: Vec<_> = std::fs::read_dir(lang)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        {
            println!("cargo:rerun-if-changed={}", file.display());
            let code = lang
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    ({code:?}, {name:?}, include_str!({:?})),",
                file.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
