//! Guide files: TOML front matter between `+++` lines, then the Markdown body.
//!
//! ```text
//! +++
//! title = "Le compte prépayé"
//! summary = "Créditer, payer avec et récupérer le solde."
//! category = "billing"
//! language = "fr"
//! translations = ["prepaid-account"]
//! pages = ["/accounting/prepaid"]
//! +++
//!
//! ## Préambule
//! …
//! ```
//!
//! TOML because it is typed (a list is a list, `no` is not `false`), has one maintained parser that
//! reports where an error is (the `toml` crate, already used by the workspace), and writes back
//! exactly. Every error names the file and the field.

use crate::analysis::Lang;
use crate::categories;
use crate::guide::{Guide, Video};
use serde::Serialize;
use thiserror::Error;
use toml::{Table, Value};

const FENCE: &str = "+++";

/// Why a guide file could not be read. Every variant names the file and, where there is one, the
/// field.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The file does not start with a `+++` line, or the closing `+++` line is missing.
    #[error("{file}: front matter must start with a `+++` line and end with another")]
    Fences {
        /// The file.
        file: String,
    },
    /// The TOML between the fences does not parse.
    #[error("{file}: line {line}{}: {message}", field.as_ref().map(|f| format!(", field `{f}`")).unwrap_or_default())]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line in the file.
        line: usize,
        /// The key on that line, if one can be seen.
        field: Option<String>,
        /// The parser's message.
        message: String,
    },
    /// A required field is absent.
    #[error("{file}: field `{field}` is missing")]
    Missing {
        /// The file.
        file: String,
        /// The field.
        field: String,
    },
    /// A field has the wrong type or an invalid value.
    #[error("{file}: field `{field}`: {reason}")]
    Invalid {
        /// The file.
        file: String,
        /// The field.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// A field that guides do not have (often a typo).
    #[error("{file}: unknown field `{field}`")]
    Unknown {
        /// The file.
        file: String,
        /// The field.
        field: String,
    },
}

const FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "category",
    "language",
    "translations",
    "related",
    "tags",
    "pages",
    "videos",
];

/// Parses a guide file. `file` is its path (for errors); `default_id` is used when the front matter
/// has no `id` (the file name without `.md`); `default_language` when it has no `language` (the
/// folder name, e.g. `fr`).
pub fn parse(
    file: &str,
    text: &str,
    default_id: &str,
    default_language: Option<&str>,
) -> Result<Guide, FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body, front_line) = split(file, text)?;
    let table: Table = front.parse().map_err(|e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start).min(front.len());
        let line_in_front = front[..offset].matches('\n').count();
        let field = front
            .lines()
            .nth(line_in_front)
            .and_then(|l| l.split_once('='))
            .map(|(k, _)| k.trim().trim_matches('"').to_string())
            .filter(|k| !k.is_empty() && !k.starts_with('['));
        FrontMatterError::Syntax {
            file: file.to_string(),
            line: front_line + line_in_front,
            field,
            message: e.message().to_string(),
        }
    })?;
    let f = Fields {
        file,
        table: &table,
    };
    if let Some(unknown) = table.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(f.unknown(unknown));
    }
    let id = f.opt_str("id")?.unwrap_or_else(|| default_id.to_string());
    check_id(file, "id", &id)?;
    let language = match (f.opt_str("language")?, default_language) {
        (Some(l), Some(d)) if l != d => {
            return Err(f.invalid(
                "language",
                format!("is `{l}` but the file is in the `{d}` folder"),
            ));
        }
        (Some(l), _) => l,
        (None, Some(d)) => d.to_string(),
        (None, None) => return Err(f.missing("language")),
    };
    if Lang::from_code(&language).is_none() {
        return Err(f.invalid("language", format!("`{language}` is not one of fr, en, de")));
    }
    let category = f.req_str("category")?;
    if categories::category(&category).is_none() {
        let known: Vec<&str> = categories::CATEGORIES.iter().map(|c| c.slug).collect();
        return Err(f.invalid(
            "category",
            format!("`{category}` is not one of {}", known.join(", ")),
        ));
    }
    let translations = f.str_list("translations")?;
    let related = f.str_list("related")?;
    for (field, ids) in [("translations", &translations), ("related", &related)] {
        for other in ids {
            check_id(file, field, other)?;
        }
    }
    let pages = f.str_list("pages")?;
    if let Some(bad) = pages.iter().find(|p| !p.starts_with('/')) {
        return Err(f.invalid("pages", format!("`{bad}` must be a path starting with `/`")));
    }
    Ok(Guide {
        id,
        title: f.req_str("title")?,
        summary: f.req_str("summary")?,
        category,
        language,
        translations,
        related,
        tags: f.str_list("tags")?,
        videos: f.videos()?,
        pages,
        body: body.trim_start_matches(['\n', '\r']).trim_end().to_string(),
    })
}

/// Writes a guide file that [`parse`] reads back to the same guide.
pub fn write(guide: &Guide) -> String {
    #[derive(Serialize)]
    struct VideoOut<'a> {
        title: &'a str,
        url: &'a str,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        id: &'a str,
        title: &'a str,
        summary: &'a str,
        category: &'a str,
        language: &'a str,
        translations: &'a [String],
        related: &'a [String],
        tags: &'a [String],
        pages: &'a [String],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        videos: Vec<VideoOut<'a>>,
    }
    let out = Out {
        id: &guide.id,
        title: &guide.title,
        summary: &guide.summary,
        category: &guide.category,
        language: &guide.language,
        translations: &guide.translations,
        related: &guide.related,
        tags: &guide.tags,
        pages: &guide.pages,
        videos: guide
            .videos
            .iter()
            .map(|v| VideoOut {
                title: &v.title,
                url: &v.url,
            })
            .collect(),
    };
    // Serialising plain strings and lists of strings cannot fail.
    let front = toml::to_string(&out).unwrap_or_default();
    format!("{FENCE}\n{front}{FENCE}\n\n{}\n", guide.body.trim_end())
}

/// Splits the file into (front matter, body, 1-based line where the front matter starts).
fn split<'a>(file: &str, text: &'a str) -> Result<(&'a str, &'a str, usize), FrontMatterError> {
    let fences = || FrontMatterError::Fences {
        file: file.to_string(),
    };
    let rest = text
        .strip_prefix(FENCE)
        .and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n')))
        .ok_or_else(fences)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == FENCE {
            return Ok((&rest[..offset], &rest[offset + line.len()..], 2));
        }
        offset += line.len();
    }
    Err(fences())
}

fn check_id(file: &str, field: &str, id: &str) -> Result<(), FrontMatterError> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: field.to_string(),
            reason: format!("`{id}` must use only a-z, 0-9, `-` and `_`"),
        })
    }
}

struct Fields<'a> {
    file: &'a str,
    table: &'a Table,
}

impl Fields<'_> {
    fn missing(&self, field: &str) -> FrontMatterError {
        FrontMatterError::Missing {
            file: self.file.to_string(),
            field: field.to_string(),
        }
    }

    fn invalid(&self, field: &str, reason: String) -> FrontMatterError {
        FrontMatterError::Invalid {
            file: self.file.to_string(),
            field: field.to_string(),
            reason,
        }
    }

    fn unknown(&self, field: &str) -> FrontMatterError {
        FrontMatterError::Unknown {
            file: self.file.to_string(),
            field: field.to_string(),
        }
    }

    fn opt_str(&self, field: &str) -> Result<Option<String>, FrontMatterError> {
        match self.table.get(field) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Some(Value::String(_)) => Err(self.invalid(field, "must not be empty".into())),
            Some(v) => Err(self.invalid(field, format!("must be a string, not {}", v.type_str()))),
        }
    }

    fn req_str(&self, field: &str) -> Result<String, FrontMatterError> {
        self.opt_str(field)?.ok_or_else(|| self.missing(field))
    }

    fn str_list(&self, field: &str) -> Result<Vec<String>, FrontMatterError> {
        let Some(value) = self.table.get(field) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.invalid(
                field,
                format!("must be a list of strings, not {}", value.type_str()),
            ));
        };
        items
            .iter()
            .map(|item| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                Value::String(_) => Err(self.invalid(field, "contains an empty string".into())),
                other => Err(self.invalid(
                    field,
                    format!("must be a list of strings, found {}", other.type_str()),
                )),
            })
            .collect()
    }

    fn videos(&self) -> Result<Vec<Video>, FrontMatterError> {
        let Some(value) = self.table.get("videos") else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.invalid("videos", "must be a list of `[[videos]]` tables".into()));
        };
        items
            .iter()
            .map(|item| {
                let Value::Table(t) = item else {
                    return Err(self.invalid(
                        "videos",
                        "each video must be a table with title and url".into(),
                    ));
                };
                let get = |key: &str| match t.get(key) {
                    Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                    _ => Err(self.invalid(
                        &format!("videos.{key}"),
                        "must be a non-empty string".into(),
                    )),
                };
                if let Some(k) = t.keys().find(|k| *k != "title" && *k != "url") {
                    return Err(self.unknown(&format!("videos.{k}")));
                }
                let url = get("url")?;
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(
                        self.invalid("videos.url", format!("`{url}` must start with https://"))
                    );
                }
                Ok(Video {
                    title: get("title")?,
                    url,
                })
            })
            .collect()
    }
}

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
            let offset = e.span().map_or(0, |s| s.start).min(front.len());
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
    let category = if let Some(Value::String(c)) = table.get("category") {
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
    } else {
        warnings.push(format!("no category: `{DEFAULT_CATEGORY}` used"));
        DEFAULT_CATEGORY.to_string()
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
            line: 1 + e.location().map_or(0, |l| l.line()),
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
    fn id_defaults_to_the_file_name_and_language_to_the_folder() {
        let g = parse("fr/compte-prepaye.md", GOOD, "compte-prepaye", Some("fr")).expect("parses");
        assert_eq!(g.id, "compte-prepaye");
        assert_eq!(g.language, "fr");
        assert_eq!(g.translations, vec!["prepaid-account"]);
        assert_eq!(g.videos[0].url, "https://videos.example/credit");
        assert_eq!(g.body, "## Préambule\nTexte.");
    }

    #[test]
    fn writes_back_what_it_read() {
        let g = parse("a.md", GOOD, "compte-prepaye", Some("fr")).expect("parses");
        let again = parse("a.md", &write(&g), "other", Some("fr")).expect("parses again");
        assert_eq!(g, again);
    }

    #[test]
    fn a_missing_title_names_file_and_field() {
        let text = GOOD.replace("title = \"Le compte prépayé\"\n", "");
        let err = parse("guides/fr/x.md", &text, "x", Some("fr")).expect_err("no title");
        assert_eq!(err.to_string(), "guides/fr/x.md: field `title` is missing");
    }

    #[test]
    fn a_wrong_type_names_file_and_field() {
        let text = GOOD.replace(
            "pages = [\"/accounting/prepaid\"]",
            "pages = \"/accounting\"",
        );
        let err = parse("guides/fr/x.md", &text, "x", Some("fr")).expect_err("not a list");
        assert_eq!(
            err.to_string(),
            "guides/fr/x.md: field `pages`: must be a list of strings, not string"
        );
    }

    #[test]
    fn a_typo_in_a_key_is_reported() {
        let text = GOOD.replace("summary =", "sumary =");
        let err = parse("f.md", &text, "x", Some("fr")).expect_err("unknown key");
        assert_eq!(err.to_string(), "f.md: unknown field `sumary`");
    }

    #[test]
    fn a_syntax_error_names_line_and_field() {
        let text = GOOD.replace("category = \"billing\"", "category = billing");
        let err = parse("f.md", &text, "x", Some("fr")).expect_err("bad toml");
        match err {
            FrontMatterError::Syntax { line, field, .. } => {
                assert_eq!(line, 4);
                assert_eq!(field.as_deref(), Some("category"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unknown_category_language_mismatch_and_missing_fences() {
        let text = GOOD.replace("\"billing\"", "\"bills\"");
        assert!(matches!(
            parse("f.md", &text, "x", Some("fr")),
            Err(FrontMatterError::Invalid { field, .. }) if field == "category"
        ));
        let text = GOOD.replace("category =", "language = \"en\"\ncategory =");
        assert!(matches!(
            parse("f.md", &text, "x", Some("fr")),
            Err(FrontMatterError::Invalid { field, .. }) if field == "language"
        ));
        assert!(matches!(
            parse("f.md", "# no front matter", "x", Some("fr")),
            Err(FrontMatterError::Fences { .. })
        ));
        let text = GOOD.replace("https://videos.example/credit", "javascript:alert(1)");
        assert!(matches!(
            parse("f.md", &text, "x", Some("fr")),
            Err(FrontMatterError::Invalid { field, .. }) if field == "videos.url"
        ));
    }
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
