//! Turns what a customer typed into a tantivy query for one language.
//!
//! Each word (after folding, elision and stop words) gives a list of *variants*: the word itself
//! (plurals aside); if it is not in the guides' vocabulary and is long enough, the vocabulary
//! words within 1 or 2 edits (typos); if it is the last word and the query does not end with a
//! space or punctuation, the vocabulary words it starts (prefix search while typing). Each variant
//! is searched in the light fields (the word itself, full weight) and, through its stem, in the
//! stemmed fields (lower weight), each field with its own weight. A word scores as its best
//! variant; words add up. Synonym groups add their other entries at a lower weight.

use crate::analysis::{self, Lang};
use crate::config::SearchConfig;
use crate::error::IndexError;
use crate::schema::{Analyzers, LangFields, TextFields};
use std::collections::BTreeMap;
use tantivy::query::{
    BooleanQuery, BoostQuery, DfaWrapper, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// The query for one language, and the terms to highlight in snippets (light analysis).
pub(crate) struct LangQuery {
    pub(crate) clauses: Vec<(Occur, Box<dyn Query>)>,
    pub(crate) highlight_terms: BTreeMap<String, f32>,
}

/// Tie-breaker of a word's variants: the best counts, the others a little.
const TIE: f32 = 0.1;

/// Builds the query for `text` in the language of `lf`.
pub(crate) fn build(
    searcher: &Searcher,
    lf: &LangFields,
    analyzers: &mut Analyzers,
    text: &str,
    config: &SearchConfig,
) -> Result<LangQuery, IndexError> {
    let words = analysis::words(text);
    let raw = analysis::raw_words(text);
    let typing = text.chars().last().is_some_and(char::is_alphanumeric);
    let w = &config.weights;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut highlight_terms = BTreeMap::new();
    let mut query_terms: Vec<String> = Vec::new();
    let mut synonym_words: Vec<String> = Vec::new();
    let mut sequence: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        // The word as typed, accents kept, analysed as the guides are: folding first would turn
        // a word into a stop word the guides keep (`ändern` → `andern`, "other").
        let typed = raw
            .get(i)
            .filter(|_| raw.len() == words.len())
            .unwrap_or(word);
        let mut analysed = analysis::collect(&mut analyzers.light, typed).into_iter();
        let Some(light) = analysed.next() else {
            continue;
        };
        // German compounds: the analyzer follows the word with its parts.
        let parts: Vec<String> = analysed.filter(|p| *p != light).collect();
        synonym_words.extend(parts.iter().cloned());
        query_terms.push(light.clone());
        sequence.push(light.clone());
        let mut variants: Vec<(String, f32)> = vec![(light.clone(), 1.0)];
        let chars = word.chars().count();
        let distance = config.fuzzy.distance_for(chars);
        let known = searcher.doc_freq(&Term::from_field_text(lf.vocabulary, &light))? > 0;
        if distance > 0 && !known {
            let automaton =
                FuzzyTermQuery::new(Term::from_field_text(lf.vocabulary, &light), distance, true)
                    .automaton()?;
            let mut found: Vec<(String, u32, usize)> =
                vocabulary(searcher, lf.vocabulary, &automaton)?
                    .into_iter()
                    .filter(|(t, _)| *t != light)
                    .map(|(t, df)| {
                        let d = edit_distance(&t, &light);
                        (t, df, d)
                    })
                    .collect();
            found.sort_by(|a, b| a.2.cmp(&b.2).then(b.1.cmp(&a.1)));
            for (t, _, d) in found.into_iter().take(config.fuzzy.max_expansions) {
                variants.push((t, if d <= 1 { w.one_typo } else { w.two_typos }));
            }
        }
        let last = i + 1 == words.len();
        if last && typing && config.prefix.min_chars > 0 && chars >= config.prefix.min_chars {
            let mut found: Vec<(String, u32)> = Vec::new();
            for prefix in [word.as_str(), light.as_str()] {
                let automaton = FuzzyTermQuery::new_prefix(
                    Term::from_field_text(lf.vocabulary, prefix),
                    0,
                    true,
                )
                .automaton()?;
                for (t, df) in vocabulary(searcher, lf.vocabulary, &automaton)? {
                    if t != light && !found.iter().any(|(f, _)| *f == t) {
                        found.push((t, df));
                    }
                }
            }
            found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (t, _) in found.into_iter().take(config.prefix.max_expansions) {
                if !variants.iter().any(|(v, _)| *v == t) {
                    variants.push((t, w.prefix));
                }
            }
        }
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for (t, weight) in &variants {
            highlight_terms.insert(t.clone(), *weight);
            alternatives.push(term_query(lf, analyzers, t, *weight, config));
        }
        if !parts.is_empty() {
            let together: Vec<(Occur, Box<dyn Query>)> = parts
                .iter()
                .map(|p| {
                    highlight_terms.entry(p.clone()).or_insert(w.compound_part);
                    query_terms.push(p.clone());
                    (
                        Occur::Should,
                        term_query(lf, analyzers, p, w.compound_part, config),
                    )
                })
                .collect();
            alternatives.push(Box::new(BooleanQuery::new(together)));
        }
        clauses.push((
            Occur::Should,
            Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, TIE)),
        ));
    }
    if w.phrase > 0.0 {
        for pair in sequence.windows(2) {
            clauses.push((Occur::Should, phrase_query(&lf.light, pair, config)));
        }
    }
    let groups = if lf.lang == Lang::De {
        let mut all = words.clone();
        all.extend(synonym_words);
        config.synonyms.expand_groups_by(&all, &german_key)
    } else {
        config.synonyms.expand_groups(&words)
    };
    for group in groups {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for phrase in group {
            let terms = analysis::collect(&mut analyzers.light, &phrase.join(" "));
            if terms.is_empty() || terms.iter().all(|t| query_terms.contains(t)) {
                continue;
            }
            let weight = w.synonym / terms.len() as f32;
            let parts: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| {
                    highlight_terms.entry(t.clone()).or_insert(weight);
                    (Occur::Should, term_query(lf, analyzers, t, weight, config))
                })
                .collect();
            alternatives.push(Box::new(BooleanQuery::new(parts)));
        }
        if !alternatives.is_empty() {
            clauses.push((
                Occur::Should,
                Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, TIE)),
            ));
        }
    }
    Ok(LangQuery {
        clauses,
        highlight_terms,
    })
}

/// How German words are compared with synonym entries: umlauts written out or dropped meet
/// ([`analysis::german_fold`]) and a plural or case ending is ignored (`Mahnungen` → `mahnung`).
pub(crate) fn german_key(word: &str) -> String {
    let mut w = analysis::german_fold(word);
    for ending in ["en", "es", "e", "n", "s"] {
        if w.len() >= ending.len() + 4 && w.ends_with(ending) && !w.ends_with("ss") {
            w.truncate(w.len() - ending.len());
            break;
        }
    }
    w
}

/// The light term `term` in the light fields, and its stem in the stemmed fields, times `weight`.
fn term_query(
    lf: &LangFields,
    analyzers: &mut Analyzers,
    term: &str,
    weight: f32,
    config: &SearchConfig,
) -> Box<dyn Query> {
    let w = &config.weights;
    let mut parts = fields_query(&lf.light, term, weight * w.exact, config);
    if let Some(stem) = analysis::collect(&mut analyzers.stemmed, term)
        .into_iter()
        .next()
    {
        parts.extend(fields_query(&lf.stemmed, &stem, weight * w.stem, config));
    }
    Box::new(BooleanQuery::new(parts))
}

/// `term` in each of the four fields, each weighted by its field weight times `weight`.
fn fields_query(
    tf: &TextFields,
    term: &str,
    weight: f32,
    config: &SearchConfig,
) -> Vec<(Occur, Box<dyn Query>)> {
    let w = &config.weights;
    [
        (tf.title, w.title),
        (tf.summary, w.summary),
        (tf.tags, w.tags),
        (tf.body, w.body),
    ]
    .into_iter()
    .map(|(field, fw): (Field, f32)| {
        let q = TermQuery::new(
            Term::from_field_text(field, term),
            IndexRecordOption::WithFreqs,
        );
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(q), fw * weight)) as Box<dyn Query>,
        )
    })
    .collect()
}

/// How many other words may stand between two words of the question for [`phrase_query`].
const PHRASE_SLOP: u32 = 2;

/// The consecutive words `pair` side by side in each light field, weighted by the field.
fn phrase_query(tf: &TextFields, pair: &[String], config: &SearchConfig) -> Box<dyn Query> {
    let w = &config.weights;
    let parts = [
        (tf.title, w.title),
        (tf.summary, w.summary),
        (tf.tags, w.tags),
        (tf.body, w.body),
    ]
    .into_iter()
    .map(|(field, fw)| {
        let terms = pair
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect();
        let mut q = PhraseQuery::new(terms);
        q.set_slop(PHRASE_SLOP);
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(q), fw * w.phrase)) as Box<dyn Query>,
        )
    })
    .collect();
    Box::new(BooleanQuery::new(parts))
}

/// The terms of `field` the automaton accepts, with their document frequency (all segments).
fn vocabulary(
    searcher: &Searcher,
    field: Field,
    automaton: &DfaWrapper,
) -> Result<Vec<(String, u32)>, IndexError> {
    let mut out: BTreeMap<String, u32> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .search(automaton)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                *out.entry(term.to_string()).or_insert(0) += stream.value().doc_freq;
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// Edit distance where swapping two neighbours counts as one edit (what a typo usually is).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn a_swap_is_one_typo() {
        assert_eq!(edit_distance("factur", "factur"), 0);
        assert_eq!(edit_distance("facutr", "factur"), 1);
        assert_eq!(edit_distance("factr", "factur"), 1);
        assert_eq!(edit_distance("fcatru", "factur"), 2);
    }
}
