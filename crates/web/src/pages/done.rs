//! The `?done=<key>` a page is sent back with after a change, and the notice it shows.

use crate::layout::notice;
use maud::{Markup, html};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

pub fn done_notice(ctx: &crate::ctx::Ctx, d: &Done) -> Markup {
    html! { @if let Some(k) = d.done.as_deref().filter(|k| guichet_core::i18n::is_known(k)) { (notice(ctx.t(k))) } }
}
