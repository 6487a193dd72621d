//! The in-memory search index over the guides (tantivy), kept current by back-office edits.
//!
//! Each language has its own fields (title, summary, tags, body), twice: with the light analysis
//! (plurals only, precise) and with stemming (broad), plus a vocabulary field where typos and
//! prefixes are looked up. A query is analysed once per language it is searched in. Scores are
//! BM25 times the field weight, summed over the query's words; misspelt and unfinished words and
//! synonyms add terms with lower weights (see the private `query` module).

use crate::analysis::{self, Lang};
use crate::config::SearchConfig;
use crate::guide::Guide;
use crate::query::{self, LangQuery};
use crate::render;
use crate::schema::{Analyzers, Fields, LangFields, document, schema};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tantivy::collector::TopDocs;
use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, Occur, Query};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use crate::error::IndexError;

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// The guide's id.
    pub id: String,
    /// The guide's title.
    pub title: String,
    /// Relevance (higher is better; only comparable within one search).
    pub score: f32,
    /// An extract of the body with the matched words in `<mark>`, HTML-escaped.
    pub snippet: String,
    /// The guide's language (not part of the JSON shape).
    #[serde(skip)]
    pub language: String,
}

/// The search index: build it from the guides, search it, update one guide at a time.
pub struct Index {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    analyzers: HashMap<Lang, Analyzers>,
    config: SearchConfig,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("guides", &self.len())
            .finish_non_exhaustive()
    }
}

const WRITER_MEMORY: usize = 50_000_000;

impl Index {
    /// Builds an in-memory index of `guides`.
    pub fn build(guides: &[Guide], config: &SearchConfig) -> Result<Index, IndexError> {
        let (schema, fields) = schema();
        let index = tantivy::Index::create_in_ram(schema);
        let mut analyzers = HashMap::new();
        let compounds = Arc::new(german_compounds(guides, config));
        for lang in Lang::ALL {
            let pair = Analyzers {
                light: analysis::light_analyzer_with(lang, Some(compounds.clone())),
                stemmed: analysis::analyzer_with(lang, Some(compounds.clone())),
            };
            let tokenizers = index.tokenizers();
            tokenizers.register(lang.tokenizer_name(), pair.stemmed.clone());
            tokenizers.register(lang.light_tokenizer_name(), pair.light.clone());
            analyzers.insert(lang, pair);
        }
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        for guide in guides {
            writer.add_document(document(&fields, guide)?)?;
        }
        writer.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            reader,
            writer: Mutex::new(writer),
            fields,
            analyzers,
            config: config.clone(),
        })
    }

    /// Adds a guide or replaces the one with the same id; searches see it as soon as this returns.
    pub fn upsert(&self, guide: &Guide) -> Result<(), IndexError> {
        let doc = document(&self.fields, guide)?;
        let mut writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        writer.delete_term(Term::from_field_text(self.fields.id, &guide.id));
        writer.add_document(doc)?;
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Removes the guide with this id (no-op if absent); effective when this returns.
    pub fn remove(&self, id: &str) -> Result<(), IndexError> {
        let mut writer = self.writer.lock().map_err(|_| IndexError::Poisoned)?;
        writer.delete_term(Term::from_field_text(self.fields.id, id));
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of guides indexed.
    pub fn len(&self) -> usize {
        usize::try_from(self.reader.searcher().num_docs()).unwrap_or(usize::MAX)
    }

    /// Whether no guide is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The settings the index searches with.
    pub fn config(&self) -> &SearchConfig {
        &self.config
    }

    /// Searches guides in `lang` (every language if `None`), best first, at most `limit` hits.
    /// A query that matches nothing returns an empty list (the caller records it for operators).
    pub fn search(
        &self,
        text: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Hit>, IndexError> {
        let langs: Vec<LangFields> = match lang {
            Some(code) => {
                let l = Lang::from_code(code)
                    .ok_or_else(|| IndexError::UnknownSearchLanguage(code.to_string()))?;
                self.fields
                    .per_lang
                    .iter()
                    .filter(|f| f.lang == l)
                    .copied()
                    .collect()
            }
            None => self.fields.per_lang.clone(),
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut highlights: HashMap<Lang, LangQuery> = HashMap::new();
        for lf in &langs {
            let mut analyzers = self.analyzers(lf.lang);
            let lq = query::build(&searcher, lf, &mut analyzers, text, &self.config)?;
            clauses.extend(lq.clauses.iter().map(|(o, q)| (*o, q.box_clone())));
            highlights.insert(lf.lang, lq);
        }
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(clauses);
        let collector = TopDocs::with_limit(limit).order_by_score();
        let top = match langs.as_slice() {
            // One language: BM25 counts the guides of that language only, so that a word found in
            // every German guide weighs as little as a word found in every French one.
            [lf] => {
                let stats = LanguageStatistics {
                    searcher: &searcher,
                    docs: searcher
                        .doc_freq(&Term::from_field_text(self.fields.lang, lf.lang.code()))?,
                };
                searcher.search_with_statistics_provider(&query, &collector, &stats)?
            }
            _ => searcher.search(&query, &collector)?,
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let get = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let language = get(self.fields.lang);
            let body = get(self.fields.body);
            let snippet = Lang::from_code(&language)
                .and_then(|l| highlights.get(&l).map(|lq| (l, lq)))
                .map(|(l, lq)| self.snippet(l, lq, &body))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| escape(&get(self.fields.summary)));
            hits.push(Hit {
                id: get(self.fields.id),
                title: get(self.fields.title),
                score,
                snippet,
                language,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        Ok(hits)
    }

    fn analyzers(&self, lang: Lang) -> Analyzers {
        self.analyzers
            .get(&lang)
            .cloned()
            .unwrap_or_else(|| Analyzers {
                light: analysis::light_analyzer(lang),
                stemmed: analysis::analyzer(lang),
            })
    }

    fn snippet(&self, lang: Lang, lq: &LangQuery, body: &str) -> String {
        let generator = SnippetGenerator::new(
            lq.highlight_terms.clone(),
            self.analyzers(lang).light,
            self.fields.body,
            self.config.snippet_chars,
        );
        let mut snippet = generator.snippet(body);
        if snippet.is_empty() {
            return String::new();
        }
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        snippet.to_html()
    }
}

/// The dictionary German compounds are split with: every word of the German guides and of the
/// synonym groups. Guides added later by [`Index::upsert`] are split with it too; their new words
/// join it at the next build.
fn german_compounds(guides: &[Guide], config: &SearchConfig) -> analysis::Compounds {
    let mut texts: Vec<String> = Vec::new();
    for g in guides.iter().filter(|g| g.language == Lang::De.code()) {
        texts.push(g.title.clone());
        texts.push(g.summary.clone());
        texts.push(g.tags.join(" "));
        texts.push(render::plain_text(&g.body));
    }
    texts.extend(config.synonyms.entries());
    analysis::german_dictionary(texts.iter().map(String::as_str))
}

/// BM25 statistics of one language's guides: each language has its own fields, so only the
/// number of documents needs narrowing (the index's count includes every language's guides).
struct LanguageStatistics<'a> {
    searcher: &'a Searcher,
    docs: u64,
}

impl Bm25StatisticsProvider for LanguageStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.docs.max(1))
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
