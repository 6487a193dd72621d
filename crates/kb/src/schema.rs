//! The fields of the search index (per language: light, stemmed and vocabulary fields), the
//! analyzers that feed them, and the document a guide becomes.

use crate::analysis::Lang;
use crate::error::IndexError;
use crate::guide::Guide;
use crate::render;
use tantivy::TantivyDocument;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;

/// The title, summary, tags and body fields of one language and one analysis.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextFields {
    pub(crate) title: Field,
    pub(crate) summary: Field,
    pub(crate) tags: Field,
    pub(crate) body: Field,
}

/// The fields of one language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LangFields {
    pub(crate) lang: Lang,
    /// Analysed with the light analyzer (plurals only): precise matches.
    pub(crate) light: TextFields,
    /// Analysed with the stemming analyzer: broader matches.
    pub(crate) stemmed: TextFields,
    /// The four light fields in one: the vocabulary typos and prefixes are looked up in.
    pub(crate) vocabulary: Field,
}

/// The two analyzers of a language.
#[derive(Clone)]
pub(crate) struct Analyzers {
    pub(crate) light: TextAnalyzer,
    pub(crate) stemmed: TextAnalyzer,
}

/// Every field of the index: the stored ones and the analysed ones of each language.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) lang: Field,
    pub(crate) title: Field,
    pub(crate) summary: Field,
    pub(crate) body: Field,
    pub(crate) per_lang: Vec<LangFields>,
}

/// The schema of the index and its fields.
pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let lang = b.add_text_field("lang", STRING | STORED);
    let title = b.add_text_field("title", STORED);
    let summary = b.add_text_field("summary", STORED);
    let body = b.add_text_field("body", STORED);
    let per_lang = Lang::ALL
        .into_iter()
        .map(|l| {
            let opts = |tokenizer: &str, record: IndexRecordOption| {
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(tokenizer)
                        .set_index_option(record),
                )
            };
            // The light fields keep positions: two words of the question side by side in a guide
            // (`Passwort ändern`) count more than the same words apart.
            let mut fields = |suffix: &str, tokenizer: &str, record: IndexRecordOption| {
                let mut field = |name: &str| {
                    b.add_text_field(
                        &format!("{name}_{}{suffix}", l.code()),
                        opts(tokenizer, record),
                    )
                };
                TextFields {
                    title: field("title"),
                    summary: field("summary"),
                    tags: field("tags"),
                    body: field("body"),
                }
            };
            let light = fields(
                "_light",
                l.light_tokenizer_name(),
                IndexRecordOption::WithFreqsAndPositions,
            );
            let stemmed = fields("", l.tokenizer_name(), IndexRecordOption::WithFreqs);
            let vocabulary = b.add_text_field(
                &format!("vocabulary_{}", l.code()),
                opts(l.light_tokenizer_name(), IndexRecordOption::WithFreqs),
            );
            LangFields {
                lang: l,
                light,
                stemmed,
                vocabulary,
            }
        })
        .collect();
    let fields = Fields {
        id,
        lang,
        title,
        summary,
        body,
        per_lang,
    };
    (b.build(), fields)
}

/// The document of `guide`: its stored text, and its text in the fields of its language.
pub(crate) fn document(fields: &Fields, guide: &Guide) -> Result<TantivyDocument, IndexError> {
    let unsupported = || IndexError::UnsupportedLanguage {
        id: guide.id.clone(),
        language: guide.language.clone(),
    };
    let lang = Lang::from_code(&guide.language).ok_or_else(unsupported)?;
    let lf = fields
        .per_lang
        .iter()
        .find(|f| f.lang == lang)
        .ok_or_else(unsupported)?;
    let body = render::plain_text(&guide.body);
    let tags = guide.tags.join(" \n ");
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &guide.id);
    doc.add_text(fields.lang, &guide.language);
    doc.add_text(fields.title, &guide.title);
    doc.add_text(fields.summary, &guide.summary);
    doc.add_text(fields.body, &body);
    for tf in [lf.light, lf.stemmed] {
        doc.add_text(tf.title, &guide.title);
        doc.add_text(tf.summary, &guide.summary);
        doc.add_text(tf.tags, &tags);
        doc.add_text(tf.body, &body);
    }
    for text in [&guide.title, &guide.summary, &tags, &body] {
        doc.add_text(lf.vocabulary, text);
    }
    Ok(doc)
}
