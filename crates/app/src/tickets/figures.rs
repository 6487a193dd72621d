//! The provider's figures (issue #16): first-response and resolution times per Premium Support
//! tier and per operator, whether the tier's promised response time was kept, and which guides
//! the contact window suggested before requests were sent anyway (what the help centre should
//! answer better).

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_core::UserId;
use guichet_core::support_request::median;
use guichet_store::support_requests as store;
use std::collections::BTreeMap;

/// Times of a group of requests, in seconds (medians of those measured).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Times {
    pub requests: usize,
    pub answered: usize,
    pub first_response_median: Option<i64>,
    pub resolved: usize,
    pub resolution_median: Option<i64>,
    /// Answered within the tier's promised time (for the tiers).
    pub within_promise: usize,
}

pub struct Figures {
    pub since: i64,
    /// Per tier (0: standard), with the promised response time in seconds.
    pub tiers: Vec<(i64, i64, Times)>,
    /// Per operator who answered first: (id, name, times).
    pub operators: Vec<(UserId, String, Times)>,
    /// Guides suggested before a request was sent anyway, most often first: (guide id, times).
    pub deflection_misses: Vec<(String, usize)>,
}

fn times(rows: &[&store::Request], promise: Option<i64>) -> Times {
    let mut first: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.first_response_at.map(|t| t - r.created_at))
        .collect();
    let mut resolved: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.closed_at.map(|t| t - r.created_at))
        .collect();
    let within = promise.map_or(0, |p| first.iter().filter(|s| **s <= p).count());
    Times {
        requests: rows.len(),
        answered: first.len(),
        resolved: resolved.len(),
        first_response_median: median(&mut first),
        resolution_median: median(&mut resolved),
        within_promise: within,
    }
}

impl App {
    /// The figures of the requests opened in the last `days` days.
    pub async fn admin_support_figures(&self, ctx: &SessionCtx, days: i64) -> AppResult<Figures> {
        if !ctx.user.is_operator {
            return Err(AppError::NotFound);
        }
        let since = self.now() - days.clamp(1, 3660) * 86_400;
        let mut c = self.db.conn().await?;
        let rows = store::opened_since(&mut c, since).await?;
        let mut by_tier: BTreeMap<i64, Vec<&store::Request>> = BTreeMap::new();
        let mut by_op: BTreeMap<UserId, Vec<&store::Request>> = BTreeMap::new();
        let mut misses: BTreeMap<String, usize> = BTreeMap::new();
        for r in &rows {
            by_tier.entry(r.tier).or_default().push(r);
            if let Some(op) = r.first_responder {
                by_op.entry(op).or_default().push(r);
            }
            for g in &r.suggested {
                *misses.entry(g.clone()).or_default() += 1;
            }
        }
        let tiers = by_tier
            .iter()
            .rev()
            .map(|(tier, list)| {
                let promise = self.config.tickets.response_secs(*tier);
                (*tier, promise, times(list, Some(promise)))
            })
            .collect();
        let mut operators = Vec::new();
        for (op, list) in &by_op {
            let name = guichet_store::users::by_id(&mut c, *op)
                .await?
                .map_or_else(|| op.to_string(), |u| u.name);
            operators.push((*op, name, times(list, None)));
        }
        let mut deflection_misses: Vec<(String, usize)> = misses.into_iter().collect();
        deflection_misses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Figures {
            since,
            tiers,
            operators,
            deflection_misses,
        })
    }
}
