//! Guide files exported from other tools (Jekyll, Hugo, …): TOML or YAML front matter, `lang`
//! for `language`, a summary derived from the first paragraph, unknown fields and categories
//! accepted with a warning.

use super::error::FrontMatterError;
use super::guide_file::{FENCE, FIELDS, parse, split};
use crate::categories;
use crate::guide::Guide;
use toml::{Table, Value};

/// The largest guide file an import reads (front matter and body).
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// The largest front matter an import parses: hostile YAML stays cheap.
pub const MAX_FRONT_BYTES: usize = 16 * 1024;
/// The longest summary, in characters; a derived one is cut at a word boundary below it.
pub const MAX_SUMMARY_CHARS: usize = 200;
/// The category an imported guide gets when its own is absent or not one of ours.
pub const DEFAULT_CATEGORY: &str = "support";

/// A guide read by an import, with what was accepted but not used (unknown fields, a category
/// replaced by the default, a derived summary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The guide, normalised (it is stored as TOML front matter).
    pub guide: Guide,
    /// One line per thing the reader of the report should know.
    pub warnings: Vec<String>,
}

/// Parses a guide file exported from another tool: TOML (`+++`) or YAML (`---`) front matter;
/// `lang` as well as `language`; the summary derived from the first paragraph when absent; an
/// unknown category replaced by [`DEFAULT_CATEGORY`]; unknown fields ignored with a warning.
/// `default_language` is the folder's language, if the file is in one.
pub fn parse_import(
    file: &str,
    text: &str,
    default_id: &str,
    default_language: Option<&str>,
) -> Result<Imported, FrontMatterError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: "(file)".into(),
            reason: format!("is larger than {} KiB", MAX_FILE_BYTES / 1024),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut table, body) = if text.starts_with("---") {
        let (front, body) = split_fence(file, text, "---")?;
        bounded(file, front)?;
        (yaml_table(file, front)?, body)
    } else {
        let (front, body, _) = split(file, text)?;
        bounded(file, front)?;
        let table: Table = front.parse().map_err(|e: toml::de::Error| {
            let offset = e.span().map(|s| s.start).unwrap_or(0).min(front.len());
            FrontMatterError::Syntax {
                file: file.to_string(),
                line: 2 + front[..offset].matches('\n').count(),
                field: None,
                message: e.message().to_string(),
            }
        })?;
        (table, body)
    };
    let mut warnings = Vec::new();
    if let Some(lang) = table.remove("lang") {
        if table.contains_key("language") {
            warnings.push("both `lang` and `language` given: `lang` ignored".into());
        } else {
            table.insert("language".into(), lang);
        }
    }
    // Jekyll and Hugo accept `tags: a, b` as well as a list.
    if let Some(Value::String(tags)) = table.get("tags") {
        let list = tags
            .split([',', ' '])
            .filter(|t| !t.is_empty())
            .map(|t| Value::String(t.to_string()))
            .collect();
        table.insert("tags".into(), Value::Array(list));
    }
    let unknown: Vec<String> = table
        .keys()
        .filter(|k| !FIELDS.contains(&k.as_str()))
        .cloned()
        .collect();
    for k in unknown {
        table.remove(&k);
        warnings.push(format!("unknown field `{k}` ignored"));
    }
    let category = match table.get("category") {
        Some(Value::String(c)) => {
            let slug = c.trim().to_lowercase();
            if categories::category(&slug).is_some() {
                slug
            } else {
                warnings.push(format!(
                    "category `{}` is not one of ours: `{DEFAULT_CATEGORY}` used",
                    c.trim()
                ));
                DEFAULT_CATEGORY.to_string()
            }
        }
        Some(_) | None => {
            warnings.push(format!("no category: `{DEFAULT_CATEGORY}` used"));
            DEFAULT_CATEGORY.to_string()
        }
    };
    table.insert("category".into(), Value::String(category));
    if table.get("summary").is_none() {
        let summary = summary_of(body).ok_or_else(|| FrontMatterError::Missing {
            file: file.to_string(),
            field: "summary (and the body has no paragraph to take it from)".into(),
        })?;
        warnings.push("no summary: taken from the first paragraph".into());
        table.insert("summary".into(), Value::String(summary));
    }
    let mut front = toml::to_string(&table).map_err(|e| FrontMatterError::Invalid {
        file: file.to_string(),
        field: "(front matter)".into(),
        reason: e.to_string(),
    })?;
    if !front.ends_with('\n') {
        front.push('\n');
    }
    let guide = parse(
        file,
        &format!("{FENCE}\n{front}{FENCE}\n{body}"),
        default_id,
        default_language,
    )?;
    if guide.summary.chars().count() > MAX_SUMMARY_CHARS {
        return Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: "summary".into(),
            reason: format!("is longer than {MAX_SUMMARY_CHARS} characters"),
        });
    }
    Ok(Imported { guide, warnings })
}

fn bounded(file: &str, front: &str) -> Result<(), FrontMatterError> {
    if front.len() > MAX_FRONT_BYTES {
        return Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: "(front matter)".into(),
            reason: format!("is larger than {} KiB", MAX_FRONT_BYTES / 1024),
        });
    }
    Ok(())
}

/// Splits on a fence line (`---`): (front matter, body).
fn split_fence<'a>(
    file: &str,
    text: &'a str,
    fence: &str,
) -> Result<(&'a str, &'a str), FrontMatterError> {
    let fences = || FrontMatterError::Fences {
        file: file.to_string(),
    };
    let rest = text
        .strip_prefix(fence)
        .and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n')))
        .ok_or_else(fences)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == fence || l == "..." {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(fences())
}

/// The YAML front matter as a TOML table (strings, numbers, booleans, lists and maps; `null`
/// dropped), so the rest of the checks are shared with TOML files.
fn yaml_table(file: &str, front: &str) -> Result<Table, FrontMatterError> {
    if front.trim().is_empty() {
        return Ok(Table::new());
    }
    let value: serde_norway::Value =
        serde_norway::from_str(front).map_err(|e| FrontMatterError::Syntax {
            file: file.to_string(),
            line: 1 + e.location().map(|l| l.line()).unwrap_or(0),
            field: None,
            message: e.to_string(),
        })?;
    match yaml_to_toml(value, 0) {
        Some(Value::Table(t)) => Ok(t),
        _ => Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: "(front matter)".into(),
            reason: "must be a mapping of `key: value` lines".into(),
        }),
    }
}

fn yaml_to_toml(v: serde_norway::Value, depth: usize) -> Option<Value> {
    use serde_norway::Value as Y;
    if depth > 16 {
        return None;
    }
    Some(match v {
        Y::Null => return None,
        Y::Bool(b) => Value::Boolean(b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(
            items
                .into_iter()
                .filter_map(|i| yaml_to_toml(i, depth + 1))
                .collect(),
        ),
        Y::Mapping(m) => {
            let mut t = Table::new();
            for (k, v) in m {
                let key = match k {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    _ => continue,
                };
                if let Some(v) = yaml_to_toml(v, depth + 1) {
                    t.insert(key, v);
                }
            }
            Value::Table(t)
        }
        Y::Tagged(t) => return yaml_to_toml(t.value, depth + 1),
    })
}

/// The first paragraph of a Markdown body as plain text, cut at a word boundary to
/// [`MAX_SUMMARY_CHARS`] (with `…` when cut); `None` if there is no paragraph with text.
pub fn summary_of(body: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut in_para = false;
    let mut text = String::new();
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Paragraph) => in_para = true,
            Event::End(TagEnd::Paragraph) => {
                if !text.trim().is_empty() {
                    break;
                }
                in_para = false;
            }
            Event::Text(t) | Event::Code(t) if in_para => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    if text.chars().count() <= MAX_SUMMARY_CHARS {
        return Some(text);
    }
    let mut cut = String::new();
    for word in text.split(' ') {
        // Room for a space and the ellipsis.
        if cut.chars().count() + word.chars().count() + 2 > MAX_SUMMARY_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = text.chars().take(MAX_SUMMARY_CHARS - 1).collect();
    }
    let cut = cut.trim_end_matches([',', ';', ':', '.']).to_string();
    Some(format!("{cut}…"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::guide_file::write;

    const YAML: &str = "---\n\
        title: Changer de mot de passe\n\
        lang: fr\n\
        category: Security\n\
        layout: post\n\
        tags: [mot de passe, connexion]\n\
        ---\n\
        \n\
        # Changer de mot de passe\n\
        \n\
        Ouvrez votre profil, puis choisissez **un nouveau** mot de passe.\n\
        Il s'applique aussitôt.\n\
        \n\
        Deuxième paragraphe.\n";

    const GOOD: &str = "+++\n\
        title = \"Le compte prépayé\"\n\
        summary = \"Créditer le compte.\"\n\
        category = \"billing\"\n\
        translations = [\"prepaid-account\"]\n\
        pages = [\"/accounting/prepaid\"]\n\
        \n\
        [[videos]]\n\
        title = \"Créditer en 1 minute\"\n\
        url = \"https://videos.example/credit\"\n\
        +++\n\
        \n\
        ## Préambule\n\
        Texte.\n";

    #[test]
    fn yaml_front_matter_with_lang_and_no_summary_is_imported() {
        let i = parse_import("x/mot-de-passe.md", YAML, "mot-de-passe", None).expect("parses");
        assert_eq!(i.guide.id, "mot-de-passe");
        assert_eq!(i.guide.language, "fr");
        assert_eq!(i.guide.category, "security");
        assert_eq!(i.guide.title, "Changer de mot de passe");
        assert_eq!(
            i.guide.summary,
            "Ouvrez votre profil, puis choisissez un nouveau mot de passe. Il s'applique aussitôt."
        );
        assert_eq!(i.guide.tags, vec!["mot de passe", "connexion"]);
        assert!(i.guide.body.starts_with("# Changer de mot de passe"));
        assert!(
            i.warnings
                .iter()
                .any(|w| w == "unknown field `layout` ignored"),
            "{:?}",
            i.warnings
        );
        assert!(i.warnings.iter().any(|w| w.contains("first paragraph")));
        // What is stored reads back with the strict parser.
        let again = parse("a.md", &write(&i.guide), "other", None).expect("strict parse");
        assert_eq!(again, i.guide);
    }

    #[test]
    fn toml_front_matter_is_imported_as_before_and_unknown_fields_only_warn() {
        let text = GOOD.replace("category =", "weight = 3\ncategory =");
        let i = parse_import("fr/compte-prepaye.md", &text, "compte-prepaye", Some("fr"))
            .expect("parses");
        assert_eq!(i.guide.summary, "Créditer le compte.");
        assert_eq!(i.guide.category, "billing");
        assert_eq!(i.warnings, vec!["unknown field `weight` ignored"]);
        assert!(
            parse("f.md", &text, "x", Some("fr")).is_err(),
            "strict parse still refuses"
        );
    }

    #[test]
    fn an_unknown_category_becomes_the_default_with_a_warning() {
        let text = YAML.replace("category: Security", "category: Tutoriels");
        let i = parse_import("a.md", &text, "a", None).expect("parses");
        assert_eq!(i.guide.category, DEFAULT_CATEGORY);
        assert!(
            i.warnings.iter().any(|w| w.contains("`Tutoriels`")),
            "{:?}",
            i.warnings
        );
    }

    #[test]
    fn a_long_first_paragraph_is_cut_at_a_word() {
        let long = "mot ".repeat(100);
        let s = summary_of(&format!("## Titre\n\n{long}\n")).expect("a summary");
        assert!(
            s.chars().count() <= MAX_SUMMARY_CHARS,
            "{}",
            s.chars().count()
        );
        assert!(s.ends_with("mot…"), "{s}");
        assert_eq!(summary_of("## Seulement un titre\n"), None);
    }

    #[test]
    fn broken_yaml_missing_language_and_oversize_are_errors_naming_the_file() {
        let bad = "---\ntitle: [unclosed\nlang: fr\n---\nTexte.\n";
        let err = parse_import("flat/casse.md", bad, "casse", None).expect_err("bad yaml");
        assert!(matches!(err, FrontMatterError::Syntax { .. }), "{err:?}");
        assert!(err.to_string().starts_with("flat/casse.md: line "), "{err}");
        let no_lang = YAML.replace("lang: fr\n", "");
        let err = parse_import("flat/a.md", &no_lang, "a", None).expect_err("no language");
        assert_eq!(err.to_string(), "flat/a.md: field `language` is missing");
        let no_fence = "---\ntitle: x\n";
        assert!(matches!(
            parse_import("f.md", no_fence, "f", None),
            Err(FrontMatterError::Fences { .. })
        ));
        let huge_front = format!(
            "---\ntitle: x\nlang: fr\nx: \"{}\"\n---\nT.\n",
            "a".repeat(MAX_FRONT_BYTES)
        );
        let err = parse_import("big.md", &huge_front, "big", None).expect_err("oversize");
        assert!(err.to_string().contains("larger than 16 KiB"), "{err}");
        let huge = format!("{YAML}{}", "b ".repeat(MAX_FILE_BYTES));
        assert!(parse_import("big.md", &huge, "big", None).is_err());
        // A YAML list or scalar is not front matter; aliases do not blow up.
        assert!(parse_import("l.md", "---\n- a\n- b\n---\nT.\n", "l", None).is_err());
        let bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\nT.\n";
        assert!(parse_import("bomb.md", bomb, "bomb", None).is_err());
    }
}
