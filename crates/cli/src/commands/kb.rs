//! `guichet kb …`: search the help centre, import and export guides.

use clap::Subcommand;
use guichet::Config;
use guichet_app::SystemClock;
use std::sync::Arc;

#[derive(Subcommand)]
pub enum KbCommand {
    /// Search the published guides, best first.
    Search {
        query: String,
        /// Only guides in this language (fr, en, de); all languages when absent.
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print `[{"id", "title", "score", "snippet"}]`.
        #[arg(long)]
        json: bool,
    },
    /// Import guide files (DIR/<lang>/<id>.md, or a flat folder with YAML `---` or TOML `+++`
    /// front matter and `lang` in it): changed ones are published as new versions, each file is
    /// reported; exits non-zero if a file is broken or a non-empty folder yields no guide.
    Import {
        dir: std::path::PathBuf,
        /// Then unpublish every guide that was not in DIR (their versions are kept), so the
        /// published set is exactly the imported guides. Not done if any file is broken.
        #[arg(long)]
        replace: bool,
    },
    /// Export the published guides to DIR/<lang>/<id>.md.
    Export { dir: std::path::PathBuf },
}

pub async fn run(config: &Config, action: KbCommand) -> anyhow::Result<()> {
    let app = guichet::open(config, Arc::new(SystemClock)).await?;
    match action {
        KbCommand::Search {
            query,
            lang,
            limit,
            json,
        } => {
            let lang = match lang.as_deref() {
                Some(code) => Some(
                    guichet_core::Lang::parse(code)
                        .ok_or_else(|| anyhow::anyhow!("--lang must be fr, en or de"))?,
                ),
                None => None,
            };
            let hits = app.kb_search(&query, lang, limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else if hits.is_empty() {
                println!("No guide matches {query:?}.");
            } else {
                for (i, h) in hits.iter().enumerate() {
                    let snippet = h.snippet.replace("<mark>", "[").replace("</mark>", "]");
                    println!(
                        "{:>2}. {} ({}, score {:.2})\n    {}",
                        i + 1,
                        h.title,
                        h.id,
                        h.score,
                        snippet
                    );
                }
            }
        }
        KbCommand::Import { dir, replace } => {
            let mut report = |l: &guichet_app::kb::ImportLine| {
                use guichet_app::kb::ImportOutcome as O;
                let id = l.id.as_ref().map_or("", guichet_core::GuideId::as_str);
                match &l.outcome {
                    O::Published => println!("published  {} ({id})", l.path),
                    O::Unchanged => println!("unchanged  {} ({id})", l.path),
                    O::Skipped(why) => println!("skipped    {}: {why}", l.path),
                    O::Broken(why) => println!("BROKEN     {why}"),
                }
                for w in &l.warnings {
                    println!("  warning: {w}");
                }
            };
            let sum = app
                .kb_import_dir(&dir, replace, &mut report)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
            for id in &sum.unpublished {
                println!("unpublished {id} (not in {})", dir.display());
            }
            println!(
                "{} guide(s) published, {} unchanged, {} skipped, {} broken{}.",
                sum.published,
                sum.unchanged,
                sum.skipped,
                sum.broken.len(),
                if replace {
                    format!(", {} unpublished", sum.unpublished.len())
                } else {
                    String::new()
                }
            );
            if !sum.broken.is_empty() {
                anyhow::bail!(
                    "{} broken file(s){}: {}",
                    sum.broken.len(),
                    if replace { ", nothing unpublished" } else { "" },
                    sum.broken.join(", ")
                );
            }
            if sum.published + sum.unchanged == 0 && sum.skipped > 0 {
                anyhow::bail!(
                    "{}: no guide found among {} file(s) (expected .md files with front matter)",
                    dir.display(),
                    sum.skipped
                );
            }
        }
        KbCommand::Export { dir } => {
            let n = app.kb_export_dir(&dir).await?;
            println!("{n} guide(s) written to {}.", dir.display());
        }
    }
    Ok(())
}
