//! A set of guides: import from and export to a folder (`<dir>/<lang>/<id>.md`), the guides
//! shipped with Guichet, look-ups for the help pages, and consistency checks.

use crate::frontmatter::{self, FrontMatterError};
use crate::guide::{self, Guide};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::{fs, io};
use thiserror::Error;

include!(concat!(env!("OUT_DIR"), "/builtin_guides.rs"));

/// Why a set of guides could not be imported or exported.
#[derive(Debug, Error)]
pub enum LibraryError {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system error.
        source: io::Error,
    },
    /// One or more guide files are invalid (each error names its file and field).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<FrontMatterError>),
    /// Two guides have the same id.
    #[error("guide id `{id}` is used twice ({first} and {second})")]
    Duplicate {
        /// The id.
        id: String,
        /// Where it was seen first.
        first: String,
        /// Where it was seen again.
        second: String,
    },
}

/// Something inconsistent between guides (found by [`Library::check`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `related` or `translations` names a guide that does not exist.
    UnknownReference {
        /// The guide.
        guide: String,
        /// `related` or `translations`.
        field: &'static str,
        /// The missing id.
        missing: String,
    },
    /// A translation is in the same language, or does not name this guide back.
    BadTranslation {
        /// The guide.
        guide: String,
        /// The other guide.
        other: String,
    },
    /// A related guide is in another language.
    RelatedInOtherLanguage {
        /// The guide.
        guide: String,
        /// The related guide.
        other: String,
    },
    /// A `manager:` link that is not an absolute path.
    BadManagerLink {
        /// The guide.
        guide: String,
        /// The link as written.
        link: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownReference {
                guide,
                field,
                missing,
            } => write!(f, "{guide}: `{field}` names unknown guide `{missing}`"),
            Problem::BadTranslation { guide, other } => write!(
                f,
                "{guide}: translation `{other}` is in the same language or does not name it back"
            ),
            Problem::RelatedInOtherLanguage { guide, other } => {
                write!(f, "{guide}: related guide `{other}` is in another language")
            }
            Problem::BadManagerLink { guide, link } => {
                write!(f, "{guide}: `{link}` is not a manager:/path link")
            }
        }
    }
}

/// A set of guides with unique ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Library {
    guides: Vec<Guide>,
}

impl Library {
    /// A library of these guides; fails if two share an id.
    pub fn new(guides: Vec<Guide>) -> Result<Library, LibraryError> {
        let mut seen: HashMap<&str, &Guide> = HashMap::new();
        for g in &guides {
            if let Some(first) = seen.insert(&g.id, g) {
                return Err(LibraryError::Duplicate {
                    id: g.id.clone(),
                    first: format!("{}/{}", first.language, first.id),
                    second: format!("{}/{}", g.language, g.id),
                });
            }
        }
        let mut guides = guides;
        guides.sort_by(|a, b| (&a.language, &a.id).cmp(&(&b.language, &b.id)));
        Ok(Library { guides })
    }

    /// Reads `<dir>/<lang>/*.md` (a guide's language defaults to its folder's name).
    pub fn import(dir: &Path) -> Result<Library, LibraryError> {
        Library::new(import(dir)?)
    }

    /// The guides shipped with Guichet (embedded at build time from `guides/`).
    pub fn builtin() -> Result<Library, LibraryError> {
        let mut guides = Vec::new();
        let mut errors = Vec::new();
        for (path, text) in BUILTIN {
            let p = Path::new(path);
            match parse_file(p, text) {
                Ok(g) => guides.push(g),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(LibraryError::Invalid(errors));
        }
        Library::new(guides)
    }

    /// Writes every guide to `<dir>/<lang>/<id>.md`.
    pub fn export(&self, dir: &Path) -> Result<(), LibraryError> {
        export(&self.guides, dir)
    }

    /// All guides, by language then id.
    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }

    /// The guide with this id.
    pub fn get(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// Adds a guide, or replaces the one with the same id (a back-office edit).
    pub fn upsert(&mut self, guide: Guide) {
        if let Some(existing) = self.guides.iter_mut().find(|g| g.id == guide.id) {
            *existing = guide;
        } else {
            self.guides.push(guide);
            self.guides
                .sort_by(|a, b| (&a.language, &a.id).cmp(&(&b.language, &b.id)));
        }
    }

    /// The guides in `lang`.
    pub fn in_language<'a>(&'a self, lang: &str) -> impl Iterator<Item = &'a Guide> + 'a {
        let lang = lang.to_string();
        self.guides.iter().filter(move |g| g.language == lang)
    }

    /// The guides of a category in `lang`, by title.
    pub fn in_category(&self, category: &str, lang: &str) -> Vec<&Guide> {
        let mut out: Vec<&Guide> = self
            .in_language(lang)
            .filter(|g| g.category == category)
            .collect();
        out.sort_by(|a, b| a.title.cmp(&b.title));
        out
    }

    /// The guides in `lang` that explain the Manager page at `path` (for its help link).
    pub fn for_page(&self, path: &str, lang: &str) -> Vec<&Guide> {
        self.in_language(lang)
            .filter(|g| g.explains(path))
            .collect()
    }

    /// The same guide in other languages.
    pub fn translations(&self, id: &str) -> Vec<&Guide> {
        self.get(id)
            .map(|g| g.translations.iter().filter_map(|t| self.get(t)).collect())
            .unwrap_or_default()
    }

    /// The version of guide `id` in `lang`: itself, one of its translations, or none.
    pub fn in_lang(&self, id: &str, lang: &str) -> Option<&Guide> {
        let g = self.get(id)?;
        if g.language == lang {
            return Some(g);
        }
        self.translations(id)
            .into_iter()
            .find(|t| t.language == lang)
    }

    /// The related guides that exist.
    pub fn related(&self, id: &str) -> Vec<&Guide> {
        self.get(id)
            .map(|g| g.related.iter().filter_map(|r| self.get(r)).collect())
            .unwrap_or_default()
    }

    /// Every `manager:` link of every guide, as (guide id, link as written).
    pub fn manager_links(&self) -> Vec<(String, String)> {
        self.guides
            .iter()
            .flat_map(|g| {
                guide::manager_links(g)
                    .into_iter()
                    .map(|l| (g.id.clone(), l))
            })
            .collect()
    }

    /// Dangling references, one-way or same-language translations, bad deep links.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for g in &self.guides {
            for t in &g.translations {
                match self.get(t) {
                    None => problems.push(Problem::UnknownReference {
                        guide: g.id.clone(),
                        field: "translations",
                        missing: t.clone(),
                    }),
                    Some(other)
                        if other.language == g.language || !other.translations.contains(&g.id) =>
                    {
                        problems.push(Problem::BadTranslation {
                            guide: g.id.clone(),
                            other: t.clone(),
                        });
                    }
                    Some(_) => {}
                }
            }
            for r in &g.related {
                match self.get(r) {
                    None => problems.push(Problem::UnknownReference {
                        guide: g.id.clone(),
                        field: "related",
                        missing: r.clone(),
                    }),
                    Some(other) if other.language != g.language => {
                        problems.push(Problem::RelatedInOtherLanguage {
                            guide: g.id.clone(),
                            other: r.clone(),
                        });
                    }
                    Some(_) => {}
                }
            }
            for link in guide::manager_links(g) {
                if guide::resolve_manager_link(&link).is_none() {
                    problems.push(Problem::BadManagerLink {
                        guide: g.id.clone(),
                        link,
                    });
                }
            }
        }
        problems
    }
}

/// Reads every guide in `<dir>/<lang>/*.md`, reporting every invalid file at once.
pub fn import(dir: &Path) -> Result<Vec<Guide>, LibraryError> {
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LibraryError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let sub = entry.map_err(io_err(dir))?.path();
        if !sub.is_dir() {
            continue;
        }
        for file in fs::read_dir(&sub).map_err(io_err(&sub))? {
            let path = file.map_err(io_err(&sub))?.path();
            if path.extension().is_some_and(|e| e == "md") && path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut guides = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for path in files {
        let text = fs::read_to_string(&path).map_err(io_err(&path))?;
        match parse_file(&path, &text) {
            Ok(g) => {
                if !seen.insert(g.id.clone()) {
                    return Err(LibraryError::Duplicate {
                        id: g.id.clone(),
                        first: "an earlier file".into(),
                        second: path.display().to_string(),
                    });
                }
                guides.push(g);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(guides)
    } else {
        Err(LibraryError::Invalid(errors))
    }
}

/// What an import made of one file.
#[derive(Debug, Clone)]
pub enum ImportFile {
    /// A guide, with warnings about what was ignored or replaced.
    Guide {
        /// The file.
        path: String,
        /// What was read.
        imported: Box<frontmatter::Imported>,
    },
    /// Not a guide file (not `.md`); not an error.
    Skipped {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A `.md` file that could not be read as a guide.
    Broken {
        /// The file.
        path: String,
        /// Why, naming the file and field.
        reason: String,
    },
}

/// Reads a folder exported from another tool: `.md` files directly in `dir` (the language in the
/// front matter) and in `dir/<lang>/` (the folder gives the language), with YAML or TOML front
/// matter (see [`frontmatter::parse_import`]). Every file gets one entry, in path order; only a
/// folder that cannot be listed is an error.
pub fn import_files(dir: &Path) -> Result<Vec<ImportFile>, LibraryError> {
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LibraryError::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let path = entry.map_err(io_err(dir))?.path();
        if path.is_dir() {
            for file in fs::read_dir(&path).map_err(io_err(&path))? {
                let p = file.map_err(io_err(&path))?.path();
                if p.is_file() {
                    files.push(p);
                }
            }
        } else if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    let mut out = Vec::new();
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for path in files {
        let shown = path.display().to_string();
        if path.extension().is_none_or(|e| e != "md") {
            out.push(ImportFile::Skipped {
                path: shown,
                reason: "not a .md file".into(),
            });
            continue;
        }
        let text = match read_capped(&path) {
            Ok(t) => t,
            Err(reason) => {
                out.push(ImportFile::Broken {
                    path: shown.clone(),
                    reason: format!("{shown}: {reason}"),
                });
                continue;
            }
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = path
            .parent()
            .filter(|p| *p != dir)
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|f| crate::analysis::Lang::from_code(f).is_some());
        match frontmatter::parse_import(&shown, &text, &id, lang.as_deref()) {
            Ok(imported) => {
                if let Some(first) = seen.get(&imported.guide.id) {
                    out.push(ImportFile::Broken {
                        path: shown.clone(),
                        reason: format!(
                            "{shown}: guide id `{}` is already used by {first}",
                            imported.guide.id
                        ),
                    });
                } else {
                    seen.insert(imported.guide.id.clone(), shown.clone());
                    out.push(ImportFile::Guide {
                        path: shown,
                        imported: Box::new(imported),
                    });
                }
            }
            Err(e) => out.push(ImportFile::Broken {
                path: shown,
                reason: e.to_string(),
            }),
        }
    }
    Ok(out)
}

fn read_capped(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(frontmatter::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > frontmatter::MAX_FILE_BYTES {
        return Err(format!(
            "is larger than {} KiB",
            frontmatter::MAX_FILE_BYTES / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_string())
}

/// Writes each guide to `<dir>/<lang>/<id>.md`, creating folders as needed.
pub fn export(guides: &[Guide], dir: &Path) -> Result<(), LibraryError> {
    for g in guides {
        let folder = dir.join(&g.language);
        fs::create_dir_all(&folder).map_err(|source| LibraryError::Io {
            path: folder.clone(),
            source,
        })?;
        let path = folder.join(format!("{}.md", g.id));
        fs::write(&path, frontmatter::write(g)).map_err(|source| LibraryError::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
}

fn parse_file(path: &Path, text: &str) -> Result<Guide, FrontMatterError> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().into_owned());
    let lang = folder
        .as_deref()
        .filter(|f| crate::analysis::Lang::from_code(f).is_some());
    frontmatter::parse(&path.display().to_string(), text, &id, lang)
}
