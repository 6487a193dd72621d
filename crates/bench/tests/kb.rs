//! The knowledge-base benchmark: quality against the FTS5 baseline on the question set, and the
//! report `guichet bench kb` prints (issue 6, acceptance 2; issue 18).

// A test binary: a failed unwrap is a failed test (the lints are for production code).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use guichet_bench::kb::eval::{self, Question};
use guichet_bench::kb::fts5::Fts5Baseline;
use guichet_kb::{Index, Library, SearchConfig};
use std::sync::OnceLock;

/// The guides shipped with Guichet.
fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| match Library::builtin() {
        Ok(lib) => lib,
        Err(e) => panic!("the shipped guides must import:\n{e}"),
    })
}

/// The index of the shipped guides with the shipped settings.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        Index::build(library().guides(), &SearchConfig::default()).expect("index builds")
    })
}

#[test]
fn acceptance_2_quality_on_the_question_set_beats_fts5() {
    let questions = eval::default_questions().expect("questions parse");
    assert!(questions.len() >= 60);
    let count = |lang: &str| questions.iter().filter(|q| q.lang == lang).count();
    assert!(count("fr") >= 60, "French first");
    assert!(
        count("de") >= count("fr"),
        "German measured as much as French"
    );
    for q in &questions {
        let g = library().get(&q.expected);
        assert!(
            g.is_some_and(|g| g.language == q.lang),
            "{q:?}: no such guide in that language"
        );
    }
    let ours = eval::evaluate(index(), &questions).expect("eval");
    let fts5 = Fts5Baseline::build(library().guides()).expect("fts5");
    let base = eval::evaluate(&fts5, &questions).expect("eval");
    let report = format!(
        "ours MRR@10 {:.3} R@1 {:.3} R@5 {:.3}; FTS5 MRR@10 {:.3} R@1 {:.3} R@5 {:.3}; misses: {:#?}",
        ours.mrr_at_10,
        ours.recall_at_1,
        ours.recall_at_5,
        base.mrr_at_10,
        base.recall_at_1,
        base.recall_at_5,
        ours.misses
    );
    assert!(ours.mrr_at_10 >= 0.85, "{report}");
    assert!(ours.recall_at_5 >= 0.95, "{report}");
    assert!(ours.mrr_at_10 > base.mrr_at_10, "{report}");
    assert!(ours.recall_at_5 >= base.recall_at_5, "{report}");
}

#[test]
fn bench_reports_quality_and_latency() {
    let questions: Vec<Question> = eval::default_questions()
        .expect("questions")
        .into_iter()
        .take(10)
        .collect();
    let opts = guichet_bench::kb::BenchOptions {
        target_guides: 120,
        rounds: 1,
        seed: 1,
    };
    let report = guichet_bench::kb::bench(
        library().guides(),
        &questions,
        &SearchConfig::default(),
        &opts,
    )
    .expect("bench");
    assert_eq!(report.scaled_guides, 120);
    assert!(report.kb_latency.samples > 0 && report.fts5_latency.samples > 0);
    let text = report.to_string();
    assert!(
        text.contains("MRR@10") && text.contains("p99") && text.contains("FTS5"),
        "{text}"
    );
    assert!(text.contains("index built in"), "{text}");
    let langs: Vec<&str> = report.kb_by_lang.iter().map(|l| l.lang.as_str()).collect();
    assert_eq!(langs, ["fr"], "the first 10 questions are French");
    assert!(text.contains("guichet (tantivy)          fr"), "{text}");
}
