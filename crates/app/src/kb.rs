//! The knowledge base (KB-01…04) as the app serves it: guides stored in the database (published
//! text, drafts, every version), the shipped guides installed when absent, one search index per
//! instance rebuilt whenever a guide is published anywhere (a counter in the database says so), the
//! searches that found nothing and readers' feedback recorded for operators.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_core::Lang;
use guichet_kb::{Guide, Hit, Index, Library, SearchConfig};
use guichet_store::kb as store;
use std::sync::{Arc, RwLock};

/// One consistent snapshot of the published guides and their index.
pub struct Snapshot {
    pub version: i64,
    pub library: Library,
    pub index: Index,
}

#[derive(Default)]
pub struct KbCache {
    current: RwLock<Option<Arc<Snapshot>>>,
}

/// What an import did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Published,
    Unchanged,
    /// Not a guide file; the reason.
    Skipped(String),
    /// A guide file that could not be read; the reason, naming the file and field.
    Broken(String),
}

/// One line of an import's report.
#[derive(Debug, Clone)]
pub struct ImportLine {
    pub path: String,
    pub id: Option<guichet_core::GuideId>,
    pub outcome: ImportOutcome,
    pub warnings: Vec<String>,
}

/// What an import did in all.
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    pub published: usize,
    pub unchanged: usize,
    pub skipped: usize,
    /// The files that could not be read.
    pub broken: Vec<String>,
    /// The guides `--replace` withdrew.
    pub unpublished: Vec<String>,
}

/// The most searches of one query are recorded per language; longer queries are cut.
const MAX_QUERY: usize = 200;

fn parse(id_hint: &str, content: &str) -> AppResult<Guide> {
    guichet_kb::frontmatter::parse(&format!("{id_hint}.md"), content, id_hint, None)
        .map_err(|e| AppError::Unreadable(e.to_string()))
}

impl App {
    /// Installs the guides shipped with Guichet that the database does not have yet (operators'
    /// edits are never overwritten). Returns how many were installed.
    pub async fn kb_install_builtin(&self) -> AppResult<usize> {
        let lib = Library::builtin().map_err(|e| AppError::Internal(e.to_string()))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let mut n = 0;
        for g in lib.guides() {
            if store::get(&mut tx, &g.id).await?.is_none() {
                store::save(
                    &mut tx,
                    &g.id,
                    &g.language,
                    &guichet_kb::frontmatter::write(g),
                    true,
                    None,
                    now,
                )
                .await?;
                n += 1;
            }
        }
        tx.commit().await?;
        Ok(n)
    }

    /// The current snapshot, rebuilt first if a guide was published since it was built.
    pub async fn kb(&self) -> AppResult<Arc<Snapshot>> {
        let mut c = self.db.conn().await?;
        let version = store::state(&mut c).await?;
        if let Some(s) = self
            .kb
            .current
            .read()
            .map_err(|_| AppError::Internal("kb lock".into()))?
            .as_ref()
            && s.version == version
        {
            return Ok(s.clone());
        }
        let mut guides = Vec::new();
        for (id, _lang, text) in store::published(&mut c).await? {
            match parse(&id, &text) {
                Ok(g) => guides.push(g),
                Err(e) => {
                    tracing::warn!(guide = %id, error = %e, "published guide does not parse; skipped");
                }
            }
        }
        drop(c);
        let library = Library::new(guides).map_err(|e| AppError::Internal(e.to_string()))?;
        let index = Index::build(library.guides(), &self.kb_config()?)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let snap = Arc::new(Snapshot {
            version,
            library,
            index,
        });
        *self
            .kb
            .current
            .write()
            .map_err(|_| AppError::Internal("kb lock".into()))? = Some(snap.clone());
        Ok(snap)
    }

    /// The search settings: the default ones, with the operator's synonyms when configured.
    pub fn kb_config(&self) -> AppResult<SearchConfig> {
        let mut cfg = SearchConfig::default();
        if let Some(path) = &self.config.kb_synonyms {
            cfg.synonyms = guichet_kb::Synonyms::load(path)
                .map_err(|e| AppError::Unreadable(e.to_string()))?;
        }
        Ok(cfg)
    }

    /// KB-02: searches the published guides (in `lang`, or all languages); a search that finds
    /// nothing is recorded for the operators' report.
    pub async fn kb_search(
        &self,
        query: &str,
        lang: Option<Lang>,
        limit: usize,
    ) -> AppResult<Vec<Hit>> {
        let query: String = query
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_QUERY)
            .collect();
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        let snap = self.kb().await?;
        let hits = snap
            .index
            .search(&query, lang.map(Lang::code), limit.clamp(1, 50))
            .map_err(|e| AppError::Internal(e.to_string()))?;
        if hits.is_empty() {
            let mut c = self.db.write_conn().await?;
            let normalised = query.trim().to_lowercase();
            store::record_empty_search(
                &mut c,
                &normalised,
                lang.map_or("all", Lang::code),
                self.now(),
            )
            .await?;
        }
        Ok(hits)
    }

    /// KB-03: "was this helpful?" with an optional comment.
    pub async fn kb_feedback(&self, guide: &str, helpful: bool, comment: &str) -> AppResult<()> {
        let snap = self.kb().await?;
        snap.library.get(guide).ok_or(AppError::NotFound)?;
        let comment =
            guichet_core::validate::optional_line(&comment.replace(['\r', '\n'], " "), 1000)
                .ok_or(AppError::invalid("comment", "field.too_long"))?;
        let mut c = self.db.write_conn().await?;
        store::record_feedback(&mut c, guide, helpful, comment.as_deref(), self.now()).await?;
        Ok(())
    }

    /// KB-04: imports guide files: `DIR/<lang>/<id>.md` or a flat folder exported from another tool
    /// (YAML or TOML front matter, see [`guichet_kb::import_files`]). Each guide whose text differs
    /// from the published one becomes a new published version; `report` is called once per file as
    /// it goes. With `replace`, every other published guide is then unpublished (its versions are
    /// kept), in the same transaction, unless a file was broken.
    pub async fn kb_import_dir(
        &self,
        dir: &std::path::Path,
        replace: bool,
        report: &mut (dyn FnMut(&ImportLine) + Send),
    ) -> AppResult<ImportSummary> {
        let files =
            guichet_kb::import_files(dir).map_err(|e| AppError::Unreadable(e.to_string()))?;
        let now = self.now();
        let mut sum = ImportSummary::default();
        let mut tx = self.db.begin().await?;
        let mut imported = std::collections::HashSet::new();
        for file in files {
            let line = match file {
                guichet_kb::ImportFile::Guide { path, imported: i } => {
                    let i = *i;
                    let g = &i.guide;
                    imported.insert(g.id.clone());
                    let text = guichet_kb::frontmatter::write(g);
                    let current = store::get(&mut tx, &g.id).await?.and_then(|s| s.published);
                    let outcome = if current.as_deref() == Some(text.as_str()) {
                        sum.unchanged += 1;
                        ImportOutcome::Unchanged
                    } else {
                        store::save(&mut tx, &g.id, &g.language, &text, true, None, now).await?;
                        sum.published += 1;
                        ImportOutcome::Published
                    };
                    ImportLine {
                        path,
                        id: Some(guichet_core::GuideId(g.id.clone())),
                        outcome,
                        warnings: i.warnings,
                    }
                }
                guichet_kb::ImportFile::Skipped { path, reason } => {
                    sum.skipped += 1;
                    ImportLine {
                        path,
                        id: None,
                        outcome: ImportOutcome::Skipped(reason),
                        warnings: Vec::new(),
                    }
                }
                guichet_kb::ImportFile::Broken { path, reason } => {
                    sum.broken.push(path.clone());
                    ImportLine {
                        path,
                        id: None,
                        outcome: ImportOutcome::Broken(reason),
                        warnings: Vec::new(),
                    }
                }
            };
            report(&line);
        }
        if replace && sum.broken.is_empty() && !imported.is_empty() {
            for (id, _, _) in store::published(&mut tx).await? {
                if !imported.contains(&id) && store::unpublish(&mut tx, &id, now).await? {
                    sum.unpublished.push(id);
                }
            }
        }
        tx.commit().await?;
        Ok(sum)
    }

    /// KB-04: writes every published guide to `DIR/<lang>/<id>.md`. Returns how many.
    pub async fn kb_export_dir(&self, dir: &std::path::Path) -> AppResult<usize> {
        let snap = self.kb().await?;
        guichet_kb::export(snap.library.guides(), dir)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(snap.library.guides().len())
    }

    fn operator(ctx: &SessionCtx) -> AppResult<()> {
        if ctx.user.is_operator {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    pub async fn kb_admin_list(&self, ctx: &SessionCtx) -> AppResult<Vec<store::StoredGuide>> {
        Self::operator(ctx)?;
        let mut c = self.db.conn().await?;
        Ok(store::list(&mut c).await?)
    }

    pub async fn kb_admin_guide(
        &self,
        ctx: &SessionCtx,
        id: &str,
    ) -> AppResult<(store::StoredGuide, Vec<store::Version>)> {
        Self::operator(ctx)?;
        let mut c = self.db.conn().await?;
        let g = store::get(&mut c, id).await?.ok_or(AppError::NotFound)?;
        let v = store::versions(&mut c, id).await?;
        Ok((g, v))
    }

    /// Saves an operator's edit (front matter and Markdown) as a draft or published; every save is a
    /// new version, the previous ones are kept. A guide's id cannot be changed by an edit.
    pub async fn kb_admin_save(
        &self,
        ctx: &SessionCtx,
        id: Option<&str>,
        content: &str,
        publish: bool,
    ) -> AppResult<String> {
        Self::operator(ctx)?;
        let guide = parse(id.unwrap_or("new-guide"), content)?;
        if let Some(id) = id
            && guide.id != id
        {
            return Err(AppError::Unreadable(format!(
                "{id}.md: the id cannot change (found `{}`)",
                guide.id
            )));
        }
        if !guichet_kb::categories::CATEGORIES
            .iter()
            .any(|c| c.slug == guide.category)
        {
            return Err(AppError::Unreadable(format!(
                "{}.md: unknown category `{}`",
                guide.id, guide.category
            )));
        }
        let mut tx = self.db.begin().await?;
        if id.is_none() && store::get(&mut tx, &guide.id).await?.is_some() {
            return Err(AppError::Unreadable(format!(
                "a guide `{}` exists already",
                guide.id
            )));
        }
        store::save(
            &mut tx,
            &guide.id,
            &guide.language,
            content,
            publish,
            Some(ctx.user.id),
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(guide.id)
    }

    /// The operators' report: searches that found nothing (most frequent first) and feedback counts.
    pub async fn kb_admin_report(
        &self,
        ctx: &SessionCtx,
    ) -> AppResult<(Vec<(String, String, i64, i64)>, Vec<(String, i64, i64)>)> {
        Self::operator(ctx)?;
        let mut c = self.db.conn().await?;
        Ok((
            store::empty_searches(&mut c, 200).await?,
            store::feedback_counts(&mut c).await?,
        ))
    }
}
