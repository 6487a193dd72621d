//! Keyset paging of the lists a person pages through (invoices, the activity log, the back
//! office's customers): which page a link asks for, and the first/previous/next/last links around
//! a page. No page numbers and no count: a page is a seek past a cursor, whatever its depth.

use crate::error::{AppError, AppResult};
use guichet_store::keyset::{Cursor, Page, Paged};

/// Which page a link asks for, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum At {
    /// The newest.
    #[default]
    First,
    /// Older than the cursor (`?after=`).
    After(String),
    /// Newer than the cursor (`?before=`).
    Before(String),
    /// The oldest (`?page=last`).
    Last,
}

impl At {
    /// From a link's query parameters: `after`, `before` (a cursor) or `page=last`.
    pub fn from_query(after: Option<&str>, before: Option<&str>, page: Option<&str>) -> At {
        match (after, before, page) {
            (Some(a), _, _) if !a.is_empty() => At::After(a.to_string()),
            (_, Some(b), _) if !b.is_empty() => At::Before(b.to_string()),
            (_, _, Some("last")) => At::Last,
            _ => At::First,
        }
    }

    /// The store's page; a cursor that is not one is a 422 naming its parameter.
    pub(crate) fn page(&self) -> AppResult<Page> {
        let cursor = |field: &'static str, s: &str| {
            Cursor::parse(s).ok_or(AppError::invalid(field, "pager.cursor_invalid"))
        };
        Ok(match self {
            At::First => Page::First,
            At::After(s) => Page::After(cursor("after", s)?),
            At::Before(s) => Page::Before(cursor("before", s)?),
            At::Last => Page::Last,
        })
    }
}

/// The links around a page, as relative URLs (`None`: no such page from here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLinks {
    pub first: Option<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub last: Option<String>,
}

/// Where a page stands: the cursors of the pages on either side (opaque strings for `?before=`
/// and `?after=`), `None` when there is no such page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pager {
    /// The cursor of the page's first row, when newer rows exist (the previous page: `?before=`).
    pub prev: Option<String>,
    /// The cursor of the page's last row, when older rows exist (the next page: `?after=`).
    pub next: Option<String>,
}

impl Pager {
    pub(crate) fn of<T>(p: &Paged<T>, cursor: impl Fn(&T) -> Cursor) -> Pager {
        Pager {
            prev: p
                .rows
                .first()
                .filter(|_| p.has_newer)
                .map(|r| cursor(r).encode()),
            next: p
                .rows
                .last()
                .filter(|_| p.has_older)
                .map(|r| cursor(r).encode()),
        }
    }

    /// The first/previous/next/last links under `base` (a path, with its filters as a query or
    /// not). Cursors are letters, digits, `.` and `-`: they need no escaping.
    pub fn links(&self, base: &str) -> PageLinks {
        let sep = if base.contains('?') { '&' } else { '?' };
        PageLinks {
            first: self.prev.as_ref().map(|_| base.to_string()),
            prev: self.prev.as_ref().map(|c| format!("{base}{sep}before={c}")),
            next: self.next.as_ref().map(|c| format!("{base}{sep}after={c}")),
            last: self.next.as_ref().map(|_| format!("{base}{sep}page=last")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_point_to_the_pages_that_exist() {
        let page = Paged {
            rows: vec![(5, "b"), (4, "a")],
            has_newer: true,
            has_older: false,
        };
        let p = Pager::of(&page, |(at, k)| Cursor::new(*at, *k));
        assert_eq!(p.prev.as_deref(), Some("5.b"));
        assert_eq!(p.next, None);
        let l = p.links("/x?status=paid");
        assert_eq!(l.first.as_deref(), Some("/x?status=paid"));
        assert_eq!(l.prev.as_deref(), Some("/x?status=paid&before=5.b"));
        assert_eq!((l.next, l.last), (None, None));
        assert_eq!(
            At::from_query(None, None, Some("last")).page().ok(),
            Some(Page::Last)
        );
        assert!(At::After("nope".into()).page().is_err());
    }
}
