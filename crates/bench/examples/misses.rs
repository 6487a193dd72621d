//! Scratch: the questions whose guide is not first, with the top 3 and the analysed words.
use guichet_bench::kb::eval;
use guichet_kb::analysis::{self, Lang};
use guichet_kb::{Index, Library, SearchConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let only = std::env::args().nth(1);
    let library = Library::builtin()?;
    let index = Index::build(library.guides(), &SearchConfig::default())?;
    let mut rr = std::collections::BTreeMap::<String, (f64, usize)>::new();
    for q in eval::default_questions()? {
        let hits = index.search(&q.q, Some(&q.lang), 10)?;
        let rank = hits.iter().position(|h| h.id == q.expected);
        let e = rr.entry(q.lang.clone()).or_default();
        e.0 += rank.filter(|r| *r < 10).map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        e.1 += 1;
        if rank == Some(0) || only.as_deref().is_some_and(|l| l != q.lang) {
            continue;
        }
        let lang = Lang::from_code(&q.lang).unwrap_or(Lang::Fr);
        println!("{:?} [{}] expected {} at {:?}  terms {:?}", q.q, q.lang, q.expected, rank.map(|r| r + 1), analysis::terms(lang, &q.q));
        for h in hits.iter().take(3) {
            println!("    {:>7.3} {}", h.score, h.id);
        }
        if let Some(r) = rank.filter(|r| *r >= 3) {
            println!("    {:>7.3} {} (expected)", hits[r].score, hits[r].id);
        }
    }
    for (l, (s, n)) in rr {
        println!("{l}: MRR@10 {:.3} ({n})", s / n as f64);
    }
    Ok(())
}
