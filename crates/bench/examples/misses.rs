//! Quality alone, per language, with the misses (quick: no latency, no FTS5):
//! `cargo run --release -p guichet-bench --example misses [-- LANG]`.

use guichet_bench::kb::eval;
use guichet_kb::{Index, Library, SearchConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let only = std::env::args().nth(1);
    let library = Library::builtin()?;
    let questions = eval::default_questions()?;
    let index = Index::build(library.guides(), &SearchConfig::default())?;
    let (_, per_lang) = eval::evaluate_per_language(&index, &questions)?;
    for lm in per_lang {
        let m = &lm.metrics;
        println!(
            "{}: {} questions, MRR@10 {:.3}, R@1 {:.3}, R@5 {:.3}",
            lm.lang, m.questions, m.mrr_at_10, m.recall_at_1, m.recall_at_5
        );
        if only.as_deref().is_none_or(|l| l == lm.lang) {
            for miss in &m.misses {
                println!(
                    "  {:?}: {} at {:?}, first {:?}",
                    miss.question, miss.expected, miss.rank, miss.first
                );
            }
        }
    }
    Ok(())
}
