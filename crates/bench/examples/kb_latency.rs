//! Times our search alone on the catalogue grown to N guides (no FTS5), for profiling:
//! `cargo run --release -p guichet-bench --example kb_latency [-- GUIDES ROUNDS]`.

use guichet_bench::kb::{eval, synth};
use guichet_kb::{Index, Library, SearchConfig};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let target: usize = args.next().map_or(Ok(1000), |a| a.parse())?;
    let rounds: usize = args.next().map_or(Ok(5), |a| a.parse())?;
    let library = Library::builtin()?;
    let questions = eval::default_questions()?;
    let mut guides = library.guides().to_vec();
    let extra = target.saturating_sub(guides.len());
    guides.extend(synth::synthetic_guides(library.guides(), extra, 42));
    let start = Instant::now();
    let index = Index::build(&guides, &SearchConfig::default())?;
    println!("{} guides indexed in {:?}", guides.len(), start.elapsed());
    for lang in ["fr", "en", "de"] {
        let qs: Vec<eval::Question> = questions
            .iter()
            .filter(|q| q.lang == lang)
            .cloned()
            .collect();
        let l = eval::latency(&index, &qs, rounds)?;
        println!(
            "{lang}: {} searches p50 {:?} p95 {:?} p99 {:?} max {:?}",
            l.samples, l.p50, l.p95, l.p99, l.max
        );
    }
    Ok(())
}
