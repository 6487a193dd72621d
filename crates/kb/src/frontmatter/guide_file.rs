//! A guide file as Guichet writes and reads it: TOML front matter between `+++` lines, then the
//! Markdown body; [`parse`] reads back exactly what [`write`] writes.

use super::error::FrontMatterError;
use super::fields::{Fields, check_id};
use crate::analysis::Lang;
use crate::categories;
use crate::guide::Guide;
use serde::Serialize;
use toml::Table;

/// The fence around the front matter.
pub(super) const FENCE: &str = "+++";

/// The fields a guide's front matter may have.
pub(super) const FIELDS: &[&str] = &[
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
        let offset = e.span().map(|s| s.start).unwrap_or(0).min(front.len());
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
pub(super) fn split<'a>(
    file: &str,
    text: &'a str,
) -> Result<(&'a str, &'a str, usize), FrontMatterError> {
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
}
