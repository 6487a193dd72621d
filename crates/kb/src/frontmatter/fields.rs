//! Typed reading of the front matter's fields (strings, lists, videos, ids).

use super::error::FrontMatterError;
use crate::guide::Video;
use toml::{Table, Value};

/// An id of a-z, 0-9, `-` and `_`, or an error naming `field`.
pub(super) fn check_id(file: &str, field: &str, id: &str) -> Result<(), FrontMatterError> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(FrontMatterError::Invalid {
            file: file.to_string(),
            field: field.to_string(),
            reason: format!("`{id}` must use only a-z, 0-9, `-` and `_`"),
        })
    }
}

/// The fields of a front matter table, read with errors that name the file and the field.
pub(super) struct Fields<'a> {
    pub(super) file: &'a str,
    pub(super) table: &'a Table,
}

impl Fields<'_> {
    pub(super) fn missing(&self, field: &str) -> FrontMatterError {
        FrontMatterError::Missing {
            file: self.file.to_string(),
            field: field.to_string(),
        }
    }

    pub(super) fn invalid(&self, field: &str, reason: String) -> FrontMatterError {
        FrontMatterError::Invalid {
            file: self.file.to_string(),
            field: field.to_string(),
            reason,
        }
    }

    pub(super) fn unknown(&self, field: &str) -> FrontMatterError {
        FrontMatterError::Unknown {
            file: self.file.to_string(),
            field: field.to_string(),
        }
    }

    pub(super) fn opt_str(&self, field: &str) -> Result<Option<String>, FrontMatterError> {
        match self.table.get(field) {
            None => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
            Some(Value::String(_)) => Err(self.invalid(field, "must not be empty".into())),
            Some(v) => Err(self.invalid(field, format!("must be a string, not {}", v.type_str()))),
        }
    }

    pub(super) fn req_str(&self, field: &str) -> Result<String, FrontMatterError> {
        self.opt_str(field)?.ok_or_else(|| self.missing(field))
    }

    pub(super) fn str_list(&self, field: &str) -> Result<Vec<String>, FrontMatterError> {
        let Some(value) = self.table.get(field) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.invalid(
                field,
                format!("must be a list of strings, not {}", value.type_str()),
            ));
        };
        items
            .iter()
            .map(|item| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                Value::String(_) => Err(self.invalid(field, "contains an empty string".into())),
                other => Err(self.invalid(
                    field,
                    format!("must be a list of strings, found {}", other.type_str()),
                )),
            })
            .collect()
    }

    pub(super) fn videos(&self) -> Result<Vec<Video>, FrontMatterError> {
        let Some(value) = self.table.get("videos") else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            return Err(self.invalid("videos", "must be a list of `[[videos]]` tables".into()));
        };
        items
            .iter()
            .map(|item| {
                let Value::Table(t) = item else {
                    return Err(self.invalid(
                        "videos",
                        "each video must be a table with title and url".into(),
                    ));
                };
                let get = |key: &str| match t.get(key) {
                    Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                    _ => Err(self.invalid(
                        &format!("videos.{key}"),
                        "must be a non-empty string".into(),
                    )),
                };
                if let Some(k) = t.keys().find(|k| *k != "title" && *k != "url") {
                    return Err(self.unknown(&format!("videos.{k}")));
                }
                let url = get("url")?;
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(
                        self.invalid("videos.url", format!("`{url}` must start with https://"))
                    );
                }
                Ok(Video {
                    title: get("title")?,
                    url,
                })
            })
            .collect()
    }
}
