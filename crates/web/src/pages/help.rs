//! The help centre (KB-01…03, WEB-01): home with categories and a search box, category pages, guide
//! pages (related guides, the other languages, "was this helpful?"), search results, and the guides
//! about one Manager page. Public: no login needed. Printable (the stylesheet hides the chrome).

use crate::csrf::CsrfForm;
use crate::ctx::Ctx;
use crate::error::WebError;
use crate::layout::{csrf_field, notice, public_page};
use axum::Json;
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Redirect, Response};
use guichet_app::AppError;
use guichet_core::Lang;
use guichet_kb::Guide;
use guichet_kb::categories::CATEGORIES;
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;

fn search_box(ctx: &Ctx, q: &str) -> Markup {
    html! {
        form.search method="get" action="/help/search" role="search" {
            label for="help-q" { (ctx.t("help.search_label")) }
            input id="help-q" name="q" type="search" value=(q) placeholder=(ctx.t("help.search_placeholder"));
            button type="submit" { (ctx.t("help.search")) }
        }
    }
}

fn guide_link(g: &Guide) -> Markup {
    html! { li { a href=(format!("/help/{}", g.id)) { (g.title) } " — " span.muted { (g.summary) } } }
}

#[derive(Deserialize, Default)]
pub struct HomeQuery {
    /// The Manager page the visitor came from (contextual help, KB-03).
    page: Option<String>,
}

pub async fn home(ctx: Ctx, Query(q): Query<HomeQuery>) -> Result<Markup, WebError> {
    let kb = ctx.state.app.kb().await?;
    let lang = ctx.lang.code();
    let about = q
        .page
        .as_deref()
        .map(|p| kb.library.for_page(p, lang))
        .unwrap_or_default();
    Ok(public_page(
        &ctx,
        ctx.t("help.title"),
        html! {
            h1 { (ctx.t("help.title")) }
            p.muted { (ctx.t("help.intro")) }
            (search_box(&ctx, ""))
            @if q.page.is_some() {
                section.card {
                    h2 { (ctx.t("help.about_page")) }
                    @if about.is_empty() { p.empty { (ctx.t("help.none_for_page")) } }
                    @else { ul { @for g in &about { (guide_link(g)) } } }
                }
            }
            @for cat in CATEGORIES {
                @let guides = kb.library.in_category(cat.slug, lang);
                @if !guides.is_empty() {
                    section.card {
                        h2 { a href=(format!("/help/c/{}", cat.slug)) { (cat.label(lang)) } }
                        ul { @for g in guides.iter().take(5) { (guide_link(g)) } }
                        @if guides.len() > 5 { p { a href=(format!("/help/c/{}", cat.slug)) { (ctx.t("help.all_in_category")) } } }
                    }
                }
            }
        },
    ))
}

pub async fn category(ctx: Ctx, Path(slug): Path<String>) -> Result<Markup, WebError> {
    let cat = CATEGORIES
        .iter()
        .find(|c| c.slug == slug)
        .ok_or(AppError::NotFound)?;
    let kb = ctx.state.app.kb().await?;
    let lang = ctx.lang.code();
    let guides = kb.library.in_category(cat.slug, lang);
    Ok(public_page(
        &ctx,
        cat.label(lang),
        html! {
            p { a href="/help" { "← " (ctx.t("help.title")) } }
            h1 { (cat.label(lang)) }
            (search_box(&ctx, ""))
            @if guides.is_empty() { p.empty { (ctx.t("help.empty_category")) } }
            @else { ul { @for g in &guides { (guide_link(g)) } } }
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct GuideQuery {
    /// Stay on this language even if the visitor reads another one.
    stay: Option<String>,
    done: Option<String>,
}

pub async fn guide(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<GuideQuery>,
) -> Result<Response, WebError> {
    let kb = ctx.state.app.kb().await?;
    let g = kb.library.get(&id).ok_or(AppError::NotFound)?;
    let lang = ctx.lang.code();
    // A link to a guide opens it in the visitor's language when a translation exists.
    if g.language != lang
        && q.stay.is_none()
        && let Some(t) = kb.library.in_lang(&id, lang)
    {
        return Ok(Redirect::to(&format!("/help/{}", t.id)).into_response());
    }
    let body = guichet_kb::render::render_guide(g, &|path: &str| path.to_string());
    let category = CATEGORIES.iter().find(|c| c.slug == g.category);
    let translations = kb.library.translations(&id);
    let related = kb.library.related(&id);
    let page = public_page(
        &ctx,
        &g.title,
        html! {
            p.crumbs {
                a href="/help" { (ctx.t("help.title")) }
                @if let Some(c) = category { " › " a href=(format!("/help/c/{}", c.slug)) { (c.label(lang)) } }
            }
            article.guide lang=(g.language) {
                h1 { (g.title) }
                p.summary { (g.summary) }
                (PreEscaped(body))
            }
            @if !translations.is_empty() {
                p.langs { (ctx.t("help.other_languages")) " "
                    @for t in &translations {
                        a href=(format!("/help/{}?stay=1", t.id)) lang=(t.language) { (Lang::parse(&t.language).map(Lang::native_name).unwrap_or(&t.language)) } " "
                    }
                }
            }
            @if !related.is_empty() {
                section.card { h2 { (ctx.t("help.related")) } ul { @for r in &related { (guide_link(r)) } } }
            }
            section.card.feedback {
                @if q.done.as_deref() == Some("thanks") {
                    (notice(ctx.t("help.thanks")))
                } @else {
                    h2 { (ctx.t("help.helpful")) }
                    form method="post" action=(format!("/help/{}/feedback", g.id)) {
                        (csrf_field(&ctx))
                        label for="fb-comment" { (ctx.t("help.comment_label")) }
                        input id="fb-comment" name="comment" type="text" maxlength="1000";
                        button type="submit" name="helpful" value="yes" { (ctx.t("help.yes")) }
                        " "
                        button.secondary type="submit" name="helpful" value="no" { (ctx.t("help.no")) }
                    }
                }
            }
        },
    );
    Ok(page.into_response())
}

#[derive(Deserialize)]
pub struct FeedbackForm {
    helpful: String,
    comment: Option<String>,
}

pub async fn feedback(
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<FeedbackForm>,
) -> Result<Response, WebError> {
    let helpful = match f.helpful.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::invalid("helpful", "field.choice").into()),
    };
    ctx.state
        .app
        .kb_feedback(&id, helpful, f.comment.as_deref().unwrap_or(""))
        .await?;
    Ok(Redirect::to(&format!("/help/{id}?stay=1&done=thanks")).into_response())
}

#[derive(Deserialize, Default)]
pub struct SearchQuery {
    q: Option<String>,
    lang: Option<String>,
}

fn search_lang(ctx: &Ctx, q: &SearchQuery) -> Option<Lang> {
    match q.lang.as_deref() {
        Some("all") => None,
        Some(code) => Lang::parse(code).or(Some(ctx.lang)),
        None => Some(ctx.lang),
    }
}

pub async fn search(ctx: Ctx, Query(q): Query<SearchQuery>) -> Result<Markup, WebError> {
    let text = q.q.clone().unwrap_or_default();
    let hits = ctx
        .state
        .app
        .kb_search(&text, search_lang(&ctx, &q), 20)
        .await?;
    Ok(public_page(
        &ctx,
        ctx.t("help.results"),
        html! {
            p { a href="/help" { "← " (ctx.t("help.title")) } }
            h1 { (ctx.t("help.results")) }
            (search_box(&ctx, &text))
            @if text.trim().is_empty() {
            } @else if hits.is_empty() {
                p.empty { (ctx.t("help.no_results")) }
            } @else {
                ol.results {
                    @for h in &hits {
                        li {
                            a href=(format!("/help/{}?stay=1", h.id)) { (h.title) }
                            p.snippet { (PreEscaped(&h.snippet)) }
                        }
                    }
                }
            }
        },
    ))
}

/// The same search as JSON (`[{"id", "title", "score", "snippet"}]`, best first), for the API and
/// as-you-type suggestions.
pub async fn search_json(
    ctx: Ctx,
    Query(q): Query<SearchQuery>,
) -> Result<Json<Vec<guichet_kb::Hit>>, crate::api::error::ApiError> {
    let text = q.q.clone().unwrap_or_default();
    Ok(Json(
        ctx.state
            .app
            .kb_search(&text, search_lang(&ctx, &q), 10)
            .await?,
    ))
}
