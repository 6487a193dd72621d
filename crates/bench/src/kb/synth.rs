//! Synthetic guides to reach a realistic catalogue size (1 000 guides) for the latency benchmark.
//!
//! Each synthetic guide is built from sentences of the real guides in the same language, with
//! some made-up words mixed in so that the vocabulary grows the way a large help centre's does.
//! Deterministic for a given seed.

use guichet_kb::Guide;
use guichet_kb::render;
use std::collections::HashMap;

/// A small deterministic random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

const SYLLABLES: &[&str] = &[
    "ba", "ri", "ko", "lu", "men", "tar", "vel", "os", "ne", "quo", "fra", "dil", "sto", "ga",
    "pli", "ver", "zu", "ma", "cen", "tro",
];

/// `count` synthetic guides in the languages of `real` (in the same proportions), ids
/// `synth-<lang>-<n>`; empty if `real` is empty.
pub fn synthetic_guides(real: &[Guide], count: usize, seed: u64) -> Vec<Guide> {
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(count);
    let mut pools: HashMap<&str, Vec<String>> = HashMap::new();
    for n in 0..count {
        let Some(template) = real.get(n % real.len().max(1)) else {
            break;
        };
        let sentences = pools
            .entry(template.language.as_str())
            .or_insert_with(|| sentences_in(real, &template.language));
        let words: Vec<&str> = sentences
            .iter()
            .flat_map(|s| s.split_whitespace())
            .collect();
        let sentences: &[String] = sentences;
        let sentence = |rng: &mut Rng| -> String {
            let base = rng.pick(sentences).cloned().unwrap_or_default();
            base.split_whitespace()
                .map(|w| {
                    if rng.below(8) == 0 {
                        made_up_word(rng)
                    } else {
                        w.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let title_words: Vec<String> = (0..3 + rng.below(4))
            .map(|i| {
                if i == 0 {
                    made_up_word(&mut rng)
                } else {
                    rng.pick(&words)
                        .map(std::string::ToString::to_string)
                        .unwrap_or_default()
                }
            })
            .collect();
        let mut body = String::new();
        for section in 0..2 + rng.below(3) {
            body.push_str(&format!(
                "## {} {}\n\n",
                made_up_word(&mut rng),
                section + 1
            ));
            for _ in 0..3 + rng.below(6) {
                body.push_str("- ");
                body.push_str(&sentence(&mut rng));
                body.push('\n');
            }
            body.push('\n');
        }
        out.push(Guide {
            id: format!("synth-{}-{:04}", template.language, n),
            title: capitalise(&title_words.join(" ")),
            summary: sentence(&mut rng),
            category: template.category.clone(),
            language: template.language.clone(),
            translations: Vec::new(),
            related: Vec::new(),
            tags: (0..3).map(|_| made_up_word(&mut rng)).collect(),
            videos: Vec::new(),
            pages: Vec::new(),
            body: body.trim_end().to_string(),
        });
    }
    out
}

/// The lines of four words or more of the guides in `lang`.
fn sentences_in(real: &[Guide], lang: &str) -> Vec<String> {
    real.iter()
        .filter(|g| g.language == lang)
        .flat_map(|g| {
            render::plain_text(&g.body)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|l| l.split_whitespace().count() >= 4)
        .collect()
}

fn made_up_word(rng: &mut Rng) -> String {
    (0..2 + rng.below(3))
        .filter_map(|_| rng.pick(SYLLABLES).copied())
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real() -> Vec<Guide> {
        vec![Guide {
            id: "g".into(),
            title: "Titre".into(),
            summary: "Résumé".into(),
            category: "billing".into(),
            language: "fr".into(),
            translations: vec![],
            related: vec![],
            tags: vec![],
            videos: vec![],
            pages: vec![],
            body: "- Cliquez sur le bouton Créditer le compte.\n- Indiquez le montant à créditer."
                .into(),
        }]
    }

    #[test]
    fn makes_as_many_distinct_guides_as_asked_deterministically() {
        let a = synthetic_guides(&real(), 50, 7);
        let b = synthetic_guides(&real(), 50, 7);
        assert_eq!(a.len(), 50);
        assert_eq!(a, b);
        let mut ids: Vec<&str> = a.iter().map(|g| g.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), 50);
        assert!(a.iter().all(|g| g.language == "fr" && !g.body.is_empty()));
        assert!(synthetic_guides(&[], 10, 1).is_empty());
    }
}
