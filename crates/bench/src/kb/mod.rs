//! `guichet bench kb`: quality of our search next to SQLite FTS5 on the question set, and query
//! latency with the catalogue grown to 1 000 guides by synthetic ones.

pub mod eval;
pub mod fts5;
pub mod synth;

use self::eval::{EvalError, LanguageMetrics, Latency, Metrics, Question};
use self::fts5::{Fts5Baseline, Fts5Error};
use guichet_kb::{Guide, Index, IndexError, SearchConfig};
use std::fmt;
use std::time::{Duration, Instant};
use thiserror::Error;

/// Why the benchmark could not run.
#[derive(Debug, Error)]
pub enum BenchError {
    /// Our index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The baseline failed.
    #[error(transparent)]
    Fts5(#[from] Fts5Error),
    /// A search failed during evaluation.
    #[error(transparent)]
    Eval(#[from] EvalError),
}

/// What to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BenchOptions {
    /// Catalogue size for the latency measurement (real guides plus synthetic ones).
    pub target_guides: usize,
    /// How many times each query is timed.
    pub rounds: usize,
    /// Seed of the synthetic guides.
    pub seed: u64,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            target_guides: 1000,
            rounds: 5,
            seed: 42,
        }
    }
}

/// The benchmark's results; `Display` prints the report the CLI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Real guides.
    pub guides: usize,
    /// Questions in the set.
    pub questions: usize,
    /// Our search on the real guides.
    pub kb: Metrics,
    /// Our search on the real guides, per language of the questions.
    pub kb_by_lang: Vec<LanguageMetrics>,
    /// Time to build our index of the real guides.
    pub real_build_time: Duration,
    /// FTS5 on the real guides.
    pub fts5: Metrics,
    /// FTS5 on the real guides, per language of the questions.
    pub fts5_by_lang: Vec<LanguageMetrics>,
    /// Guides in the grown catalogue.
    pub scaled_guides: usize,
    /// Our search on the grown catalogue (same questions).
    pub kb_scaled: Metrics,
    /// Time to build our index of the grown catalogue.
    pub build_time: Duration,
    /// Our latency on the grown catalogue.
    pub kb_latency: Latency,
    /// FTS5's latency on the grown catalogue.
    pub fts5_latency: Latency,
    /// Whether this was an optimised (release) build.
    pub release_build: bool,
}

/// Measures quality (ours and FTS5's) on `guides`, then latency with the catalogue grown to
/// `opts.target_guides`.
pub fn bench(
    guides: &[Guide],
    questions: &[Question],
    config: &SearchConfig,
    opts: &BenchOptions,
) -> Result<Report, BenchError> {
    let start = Instant::now();
    let index = Index::build(guides, config)?;
    let real_build_time = start.elapsed();
    let baseline = Fts5Baseline::build(guides)?;
    let (kb, kb_by_lang) = eval::evaluate_per_language(&index, questions)?;
    let (fts5, fts5_by_lang) = eval::evaluate_per_language(&baseline, questions)?;
    drop(index);
    drop(baseline);

    let extra = opts.target_guides.saturating_sub(guides.len());
    let mut scaled: Vec<Guide> = guides.to_vec();
    scaled.extend(synth::synthetic_guides(guides, extra, opts.seed));
    let start = Instant::now();
    let index = Index::build(&scaled, config)?;
    let build_time = start.elapsed();
    let baseline = Fts5Baseline::build(&scaled)?;
    let kb_scaled = eval::evaluate(&index, questions)?;
    let kb_latency = eval::latency(&index, questions, opts.rounds)?;
    let fts5_latency = eval::latency(&baseline, questions, opts.rounds)?;
    Ok(Report {
        guides: guides.len(),
        questions: questions.len(),
        kb,
        kb_by_lang,
        real_build_time,
        fts5,
        fts5_by_lang,
        scaled_guides: scaled.len(),
        kb_scaled,
        build_time,
        kb_latency,
        fts5_latency,
        release_build: !cfg!(debug_assertions),
    })
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts: Vec<String> = self
            .kb_by_lang
            .iter()
            .map(|l| format!("{} {}", l.metrics.questions, l.lang))
            .collect();
        writeln!(
            f,
            "Knowledge-base search: {} questions ({}) on {} guides (index built in {})",
            self.questions,
            counts.join(", "),
            self.guides,
            ms(self.real_build_time)
        )?;
        writeln!(
            f,
            "{:<26} {:<4} {:>9} {:>8} {:>9} {:>9}",
            "engine", "lang", "questions", "MRR@10", "Recall@1", "Recall@5"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, lang: &str, m: &Metrics| {
            writeln!(
                f,
                "{:<26} {:<4} {:>9} {:>8.3} {:>9.3} {:>9.3}",
                name, lang, m.questions, m.mrr_at_10, m.recall_at_1, m.recall_at_5
            )
        };
        for (name, all, by_lang) in [
            ("guichet (tantivy)", &self.kb, &self.kb_by_lang),
            ("SQLite FTS5 (baseline)", &self.fts5, &self.fts5_by_lang),
        ] {
            for l in by_lang {
                row(f, name, &l.lang, &l.metrics)?;
            }
            row(f, name, "all", all)?;
        }
        row(f, "guichet, 1 000-guide set", "all", &self.kb_scaled)?;
        writeln!(
            f,
            "\nLatency with {} guides (index built in {}), {} searches each, top 10:",
            self.scaled_guides,
            ms(self.build_time),
            self.kb_latency.samples
        )?;
        writeln!(
            f,
            "{:<26} {:>10} {:>10} {:>10} {:>10}",
            "engine", "p50", "p95", "p99", "max"
        )?;
        for (name, l) in [
            ("guichet (with snippets)", &self.kb_latency),
            ("SQLite FTS5 (ids only)", &self.fts5_latency),
        ] {
            writeln!(
                f,
                "{:<26} {:>10} {:>10} {:>10} {:>10}",
                name,
                ms(l.p50),
                ms(l.p95),
                ms(l.p99),
                ms(l.max)
            )?;
        }
        if !self.release_build {
            writeln!(
                f,
                "\nNote: debug build; latency figures are only meaningful in release."
            )?;
        }
        if !self.kb.misses.is_empty() {
            writeln!(f, "\nQuestions whose guide was not first (ours):")?;
            for m in &self.kb.misses {
                writeln!(
                    f,
                    "  {:?}: expected {} at {}, first {}",
                    m.question,
                    m.expected,
                    m.rank.map_or("-".to_string(), |r| r.to_string()),
                    m.first.as_deref().unwrap_or("nothing")
                )?;
            }
        }
        Ok(())
    }
}
