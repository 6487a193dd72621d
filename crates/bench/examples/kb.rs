//! Runs the knowledge-base benchmark on the shipped guides and questions and prints the report:
//! `cargo run --release -p guichet-bench --example kb [-- TARGET_GUIDES ROUNDS]`.

use guichet_bench::kb::{BenchOptions, bench, eval};
use guichet_kb::{Library, SearchConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut opts = BenchOptions::default();
    if let Some(n) = args.next() {
        opts.target_guides = n.parse()?;
    }
    if let Some(r) = args.next() {
        opts.rounds = r.parse()?;
    }
    let library = Library::builtin()?;
    let questions = eval::default_questions()?;
    let report = bench(
        library.guides(),
        &questions,
        &SearchConfig::default(),
        &opts,
    )?;
    print!("{report}");
    let fts5_misses: Vec<String> = report
        .fts5
        .misses
        .iter()
        .map(|m| format!("  {:?}: {} at {:?}", m.question, m.expected, m.rank))
        .collect();
    println!(
        "\nQuestions whose guide was not first (FTS5):\n{}",
        fts5_misses.join("\n")
    );
    Ok(())
}
