//! Every word a person reads, in French, English and German, as Fluent files translators edit:
//! `locales/<lang>/<area>.ftl` (compiled in; `build.rs` lists them). The code names a text by its
//! key `area.rest` (`nav.products`); in the files it is the message `area-rest` (`nav-products`),
//! in `<area>.ftl`. Parameters are Fluent variables (`{ $name }`); a count selects a plural form:
//! `{ $n -> [one] … *[other] … }`.
//!
//! Bidi isolation is off (CRATES.md §4.6): the texts go into PDFs, e-mail subjects and CSV, where the
//! U+2068/U+2069 marks Fluent would put around each value show up as odd characters.
//!
//! `guichet_core::i18n` is the API the rest of the code uses (`t`, `tf`, `is_known`, `KEYS`).

use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_templates::{FluentBundle, LanguageIdentifier};
use std::collections::HashMap;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The languages, in the order of `guichet_core::Lang::ALL`. French is the fallback.
pub const LANGS: [&str; 3] = ["fr", "en", "de"];

struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Each message as it reads without parameters (a `{ $name }` stays visible as `{$name}`).
    plain: HashMap<String, String>,
}

struct Catalogue {
    languages: Vec<Language>,
    keys: Vec<String>,
    problems: Vec<String>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(load);

fn load() -> Catalogue {
    let mut problems = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut languages = Vec::new();
    for code in LANGS {
        let locale: LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        bundle.set_use_isolating(false);
        let mut ids = Vec::new();
        for (_, name, text) in FILES.iter().filter(|(l, _, _)| *l == code) {
            let resource = match FluentResource::try_new((*text).to_string()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        problems.push(format!("{code}/{name}: {e:?}"));
                    }
                    r
                }
            };
            ids.extend(message_ids(text));
            if let Err(errors) = bundle.add_resource(resource) {
                for e in errors {
                    problems.push(format!("{code}/{name}: {e}"));
                }
            }
        }
        let mut plain = HashMap::new();
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            let key = id.replace('-', ".");
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
            plain.insert(key, text);
        }
        languages.push(Language { bundle, plain });
    }
    keys.sort();
    Catalogue {
        languages,
        keys,
        problems,
    }
}

/// The ids of the messages a Fluent file defines (a line `id = …` at the start of a line).
fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim_end()))
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .collect()
}

fn language(code: &str) -> Option<&'static Language> {
    let i = LANGS.iter().position(|l| *l == code)?;
    CATALOGUE.languages.get(i)
}

/// The text of `key` in `lang` (its parameters left as `{$name}`); French when `lang` lacks it.
pub fn text(lang: &str, key: &str) -> Option<&'static str> {
    language(lang)
        .and_then(|l| l.plain.get(key))
        .or_else(|| language(LANGS[0]).and_then(|l| l.plain.get(key)))
        .map(String::as_str)
}

/// The text of `key` in `lang` with its parameters filled in. A value that is a whole number
/// (`3`, not `007` nor `1.50`) is passed as a number, so it selects the plural form.
pub fn format(lang: &str, key: &str, args: &[(&str, &str)]) -> Option<String> {
    let id = key.replace('.', "-");
    let l = language(lang)
        .filter(|l| l.bundle.has_message(&id))
        .or_else(|| language(LANGS[0]))?;
    let pattern = l.bundle.get_message(&id)?.value()?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value.parse::<i64>() {
            Ok(n) if n.to_string() == *value => fluent_args.set(*name, FluentValue::from(n)),
            _ => fluent_args.set(*name, FluentValue::from(*value)),
        }
    }
    let mut errors = Vec::new();
    Some(
        l.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// Whether `lang` has its own text for `key`.
pub fn has(lang: &str, key: &str) -> bool {
    language(lang).is_some_and(|l| l.plain.contains_key(key))
}

/// Every key, in any language, sorted.
pub fn keys() -> impl Iterator<Item = &'static str> {
    CATALOGUE.keys.iter().map(String::as_str)
}

/// What is wrong with the files (syntax errors, a message defined twice): empty when all is well.
pub fn problems() -> &'static [String] {
    &CATALOGUE.problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_parse_and_every_key_is_in_every_language() {
        assert!(problems().is_empty(), "{:#?}", problems());
        assert!(keys().count() > 1000);
        let mut missing = Vec::new();
        for key in keys() {
            for lang in LANGS {
                if !has(lang, key) {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing: {missing:#?}");
    }

    #[test]
    fn parameters_are_filled_without_isolation_marks() {
        assert_eq!(
            format("fr", "mail.greeting", &[("name", "Élodie")]).as_deref(),
            Some("Bonjour Élodie,")
        );
        assert_eq!(text("de", "nav.products"), Some("Produkte"));
        assert_eq!(text("en", "no.such_key"), None);
    }

    #[test]
    fn a_count_picks_its_plural_form() {
        let retry = |lang, secs| format(lang, "error.retry_after", &[("secs", secs)]);
        assert_eq!(
            retry("fr", "1").as_deref(),
            Some("Réessayez dans 1 seconde.")
        );
        assert_eq!(
            retry("fr", "30").as_deref(),
            Some("Réessayez dans 30 secondes.")
        );
        assert_eq!(retry("en", "1").as_deref(), Some("Try again in 1 second."));
        assert_eq!(
            retry("de", "2").as_deref(),
            Some("Versuchen Sie es in 2 Sekunden erneut.")
        );
        let left = |lang, n| format(lang, "totp.codes_left", &[("n", n)]);
        assert_eq!(
            left("fr", "0").as_deref(),
            Some("(aucun code de secours restant)")
        );
        assert_eq!(left("en", "1").as_deref(), Some("(1 recovery code left)"));
        assert_eq!(
            left("de", "8").as_deref(),
            Some("(8 Wiederherstellungscodes übrig)")
        );
        // Not a count: kept as written, never reformatted.
        assert_eq!(
            format("en", "mail.greeting", &[("name", "007")]).as_deref(),
            Some("Hello 007,")
        );
    }

    #[test]
    fn a_text_spread_over_lines_keeps_its_lines() {
        let body = text("en", "mail.password_reset.body").unwrap_or_default();
        assert!(body.contains(":\n{$link}\n\nIf you"), "{body:?}");
    }
}
