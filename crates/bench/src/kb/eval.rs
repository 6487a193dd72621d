//! Search quality and speed, measured on customer questions mapped to the guide that answers them
//! (`crates/bench/eval/questions.toml`): MRR@10, Recall@1, Recall@5 and latency percentiles.

use guichet_kb::Index;
use serde::Deserialize;
use std::time::{Duration, Instant};
use thiserror::Error;

/// The question set shipped with the crate.
pub const DEFAULT_QUESTIONS: &str = include_str!("../../eval/questions.toml");

/// Why an evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    /// The question file is invalid.
    #[error("{source_name}: {message}")]
    Questions {
        /// The file (or `built-in`).
        source_name: String,
        /// What is wrong.
        message: String,
    },
    /// A search engine failed.
    #[error("{engine}: {message}")]
    Search {
        /// Which engine.
        engine: String,
        /// Its error.
        message: String,
    },
}

/// A customer question and the guide that answers it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as typed (typos, no accents, everyday words).
    pub q: String,
    /// The language of the help page it is typed in (`fr` when absent).
    #[serde(default = "default_lang")]
    pub lang: String,
    /// The id of the guide that answers it.
    pub expected: String,
}

fn default_lang() -> String {
    "fr".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    question: Vec<Question>,
}

/// Parses `[[question]]` tables (`q`, `lang`, `expected`); `source_name` names the file in errors.
pub fn questions_from_toml(text: &str, source_name: &str) -> Result<Vec<Question>, EvalError> {
    toml::from_str::<QuestionFile>(text)
        .map(|f| f.question)
        .map_err(|e| EvalError::Questions {
            source_name: source_name.to_string(),
            message: e.to_string(),
        })
}

/// The question set shipped with the crate.
pub fn default_questions() -> Result<Vec<Question>, EvalError> {
    questions_from_toml(DEFAULT_QUESTIONS, "eval/questions.toml")
}

/// Anything that ranks guide ids for a question (our index, the FTS5 baseline).
pub trait Ranker {
    /// A short name for reports.
    fn name(&self) -> &str;
    /// Guide ids, best first, at most `limit`.
    fn rank(&self, query: &str, lang: Option<&str>, limit: usize)
    -> Result<Vec<String>, EvalError>;
}

impl Ranker for Index {
    fn name(&self) -> &'static str {
        "tantivy"
    }

    fn rank(
        &self,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<String>, EvalError> {
        self.search(query, lang, limit)
            .map(|hits| hits.into_iter().map(|h| h.id).collect())
            .map_err(|e| EvalError::Search {
                engine: "tantivy".into(),
                message: e.to_string(),
            })
    }
}

/// A question whose guide did not come first.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    /// The question.
    pub question: String,
    /// The guide that answers it.
    pub expected: String,
    /// Its rank (1-based) in the top 10, if there.
    pub rank: Option<usize>,
    /// What came first, if anything.
    pub first: Option<String>,
}

/// Quality figures over a question set.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Number of questions.
    pub questions: usize,
    /// Mean reciprocal rank of the right guide in the top 10 (0 when absent).
    pub mrr_at_10: f64,
    /// Share of questions whose guide comes first.
    pub recall_at_1: f64,
    /// Share of questions whose guide is in the top 5.
    pub recall_at_5: f64,
    /// Questions whose guide was not first.
    pub misses: Vec<Miss>,
}

/// Quality figures of the questions typed in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageMetrics {
    /// The language code (`fr`, `en`, `de`).
    pub lang: String,
    /// Its figures.
    pub metrics: Metrics,
}

/// Runs every question through `ranker` in the question's language.
pub fn evaluate(ranker: &dyn Ranker, questions: &[Question]) -> Result<Metrics, EvalError> {
    let ranked = rank_all(ranker, questions)?;
    Ok(aggregate(&ranked))
}

/// Like [`evaluate`], with the figures of each language too (in the order the languages first
/// appear in `questions`). Each question is searched once.
pub fn evaluate_per_language(
    ranker: &dyn Ranker,
    questions: &[Question],
) -> Result<(Metrics, Vec<LanguageMetrics>), EvalError> {
    let ranked = rank_all(ranker, questions)?;
    let mut langs: Vec<&str> = Vec::new();
    for q in questions {
        if !langs.contains(&q.lang.as_str()) {
            langs.push(&q.lang);
        }
    }
    let per_lang = langs
        .into_iter()
        .map(|lang| {
            let subset: Vec<(&Question, Vec<String>)> = ranked
                .iter()
                .filter(|(q, _)| q.lang == lang)
                .map(|(q, ids)| (*q, ids.clone()))
                .collect();
            LanguageMetrics {
                lang: lang.to_string(),
                metrics: aggregate(&subset),
            }
        })
        .collect();
    Ok((aggregate(&ranked), per_lang))
}

fn rank_all<'q>(
    ranker: &dyn Ranker,
    questions: &'q [Question],
) -> Result<Vec<(&'q Question, Vec<String>)>, EvalError> {
    questions
        .iter()
        .map(|q| Ok((q, ranker.rank(&q.q, Some(&q.lang), 10)?)))
        .collect()
}

fn aggregate(ranked: &[(&Question, Vec<String>)]) -> Metrics {
    let (mut rr, mut at1, mut at5) = (0.0, 0usize, 0usize);
    let mut misses = Vec::new();
    for (q, ids) in ranked {
        let rank = ids.iter().position(|id| *id == q.expected).map(|p| p + 1);
        if let Some(r) = rank {
            rr += 1.0 / r as f64;
            at1 += usize::from(r == 1);
            at5 += usize::from(r <= 5);
        }
        if rank != Some(1) {
            misses.push(Miss {
                question: q.q.clone(),
                expected: q.expected.clone(),
                rank,
                first: ids.first().cloned(),
            });
        }
    }
    let n = ranked.len().max(1) as f64;
    Metrics {
        questions: ranked.len(),
        mrr_at_10: rr / n,
        recall_at_1: at1 as f64 / n,
        recall_at_5: at5 as f64 / n,
        misses,
    }
}

/// Latency percentiles of single searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Latency {
    /// Number of searches timed.
    pub samples: usize,
    /// Median.
    pub p50: Duration,
    /// 95th percentile.
    pub p95: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest.
    pub max: Duration,
}

/// Times every question `rounds` times (top 10, with snippets for our index), after one warm-up
/// round. Besides the full questions, each question's prefixes (as typed letter by letter, every
/// third letter) are timed too, as the search box sends them.
pub fn latency(
    ranker: &dyn Ranker,
    questions: &[Question],
    rounds: usize,
) -> Result<Latency, EvalError> {
    let mut queries: Vec<(String, &str)> = Vec::new();
    for q in questions {
        let chars: Vec<char> = q.q.chars().collect();
        for end in (3..chars.len()).step_by(3) {
            queries.push((chars[..end].iter().collect(), &q.lang));
        }
        queries.push((q.q.clone(), &q.lang));
    }
    for (text, lang) in &queries {
        ranker.rank(text, Some(lang), 10)?;
    }
    let mut samples = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds {
        for (text, lang) in &queries {
            let start = Instant::now();
            ranker.rank(text, Some(lang), 10)?;
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    Ok(Latency {
        samples: samples.len(),
        p50: percentile(&samples, 0.50),
        p95: percentile(&samples, 0.95),
        p99: percentile(&samples, 0.99),
        max: samples.last().copied().unwrap_or_default(),
    })
}

/// The `p`-quantile (0…1) of sorted durations (nearest rank).
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(Vec<String>);
    impl Ranker for Fixed {
        fn name(&self) -> &'static str {
            "fixed"
        }
        fn rank(&self, _: &str, _: Option<&str>, _: usize) -> Result<Vec<String>, EvalError> {
            Ok(self.0.clone())
        }
    }

    fn q(expected: &str) -> Question {
        Question {
            q: "x".into(),
            lang: "fr".into(),
            expected: expected.into(),
        }
    }

    #[test]
    fn metrics_follow_their_definitions() {
        let r = Fixed(vec![
            "a".into(),
            "b".into(),
            "c".into(),
            "d".into(),
            "e".into(),
            "f".into(),
        ]);
        let m = evaluate(&r, &[q("a"), q("b"), q("f"), q("z")]).expect("runs");
        assert!((m.mrr_at_10 - (1.0 + 0.5 + 1.0 / 6.0) / 4.0).abs() < 1e-9);
        assert!((m.recall_at_1 - 0.25).abs() < 1e-9);
        assert!((m.recall_at_5 - 0.5).abs() < 1e-9);
        assert_eq!(m.misses.len(), 3);
    }

    #[test]
    fn figures_per_language_split_the_questions_by_their_language() {
        let r = Fixed(vec!["a".into(), "b".into()]);
        let mut de = q("b");
        de.lang = "de".into();
        let (all, per) = evaluate_per_language(&r, &[q("a"), q("z"), de]).expect("runs");
        assert_eq!(all.questions, 3);
        assert_eq!(per.len(), 2);
        assert_eq!((per[0].lang.as_str(), per[0].metrics.questions), ("fr", 2));
        assert!((per[0].metrics.mrr_at_10 - 0.5).abs() < 1e-9);
        assert_eq!((per[1].lang.as_str(), per[1].metrics.questions), ("de", 1));
        assert!((per[1].metrics.mrr_at_10 - 0.5).abs() < 1e-9);
        assert!((all.mrr_at_10 - 0.5).abs() < 1e-9);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&d, 0.5), Duration::from_millis(50));
        assert_eq!(percentile(&d, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&[], 0.99), Duration::ZERO);
    }
}
