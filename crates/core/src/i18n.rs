//! The message catalogue: every text a person reads (pages, errors, e-mails) in French, English and
//! German, kept as Fluent files in `crates/i18n/locales/<lang>/<area>.ftl` (the crate `guichet-i18n`).
//! `t(lang, key)` looks one up; `tf` fills its parameters (`{ $name }`) and picks plural forms.
//! A key missing from the catalogue is a bug: it renders as the key itself and the test below, which
//! reads the sources of the crates that call `t`, fails.

use crate::Lang;
use std::sync::LazyLock;

/// Every key of the catalogue, sorted.
pub static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| guichet_i18n::keys().collect());

/// The text of `key` in `lang`; a key the catalogue lacks reads as itself (and fails the test below).
/// A text with parameters is read with [`tf`].
pub fn t(lang: Lang, key: &str) -> &str {
    guichet_i18n::text(lang.code(), key).unwrap_or(key)
}

/// The text of `key` in `lang` with its parameters (`{ $name }` in the Fluent file) filled in.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    guichet_i18n::format(lang.code(), key, args).unwrap_or_else(|| key.to_string())
}

pub fn is_known(key: &str) -> bool {
    guichet_i18n::has(Lang::Fr.code(), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_and_placeholders() {
        assert_eq!(t(Lang::En, "nav.products"), "Products");
        assert_eq!(t(Lang::De, "nav.products"), "Produkte");
        assert_eq!(
            tf(Lang::Fr, "mail.greeting", &[("name", "Alice")]),
            "Bonjour Alice,"
        );
    }

    #[test]
    fn every_key_used_in_the_code_is_in_the_catalogue() {
        // Keys are string literals of the form `area.word` passed to t/tf/msg or kept in
        // constants; scan the crates for literals that look like catalogue keys.
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let mut missing = Vec::new();
        for krate in ["core/src", "app/src", "web/src", "pdf/src"] {
            let dir = format!("{root}/{krate}");
            visit(std::path::Path::new(&dir), &mut |text| {
                for key in quoted_keys(text) {
                    if !is_known(&key) && !missing.contains(&key) {
                        missing.push(key);
                    }
                }
            });
        }
        assert!(
            missing.is_empty(),
            "keys missing from the catalogue: {missing:?}"
        );
        for key in KEYS.iter() {
            for lang in Lang::ALL {
                assert!(!t(lang, key).is_empty(), "{key} is empty in {lang:?}");
            }
        }
    }

    fn visit(dir: &std::path::Path, f: &mut dyn FnMut(&str)) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                visit(&p, f);
            } else if p.extension().is_some_and(|x| x == "rs")
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                f(&text);
            }
        }
    }

    /// Literals like "mail.greeting" that start with a known catalogue area.
    fn quoted_keys(text: &str) -> Vec<String> {
        let areas: Vec<&str> = KEYS.iter().filter_map(|k| k.split('.').next()).collect();
        let mut out = Vec::new();
        for literal in text.split('"').skip(1).step_by(2) {
            // Notices travel in redirects as `?done=key`.
            let part = literal
                .split_once("done=")
                .map_or(literal, |(_, k)| k.split('&').next().unwrap_or(""));
            let Some((area, rest)) = part.split_once('.') else {
                continue;
            };
            if areas.contains(&area)
                && !rest.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
                && !std::path::Path::new(part)
                    .extension()
                    .is_some_and(|e| e == "rs" || e == "csv")
            {
                out.push(part.to_string());
            }
        }
        out
    }
}
