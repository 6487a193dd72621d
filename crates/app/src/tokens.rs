//! Personal API tokens (`Authorization: Bearer gch_…`), each scoped to one Organization.

use crate::auth::SessionCtx;
use crate::crypto::{random_token, sha256_hex};
use crate::error::{AppError, AppResult};
use crate::{Actor, App, Origin};
use guichet_core::{ApiTokenId, OrgId, validate};
use guichet_store::tokens::ApiToken;
use guichet_store::{audit, memberships, tokens};

pub const PREFIX: &str = "gch_";

impl App {
    /// Creates a token for one of the person's Organizations; the secret is returned once.
    pub async fn create_api_token(
        &self,
        ctx: &SessionCtx,
        org: OrgId,
        name: &str,
        origin: &Origin,
    ) -> AppResult<(ApiToken, String)> {
        let name = validate::line(name, 80).ok_or(AppError::invalid("name", "field.required"))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        memberships::get(&mut tx, org, ctx.user.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let secret = format!("{PREFIX}{}", random_token());
        let t = ApiToken {
            id: ApiTokenId::new(),
            user_id: ctx.user.id,
            org_id: org,
            name,
            created_at: now,
            last_used_at: None,
        };
        tokens::insert(&mut tx, &t, &sha256_hex(&secret)).await?;
        audit::record(
            &mut tx,
            Some(org),
            Some(ctx.user.id),
            "api_token.created",
            &t.name,
            &origin.ip,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((t, secret))
    }

    pub async fn api_tokens(&self, ctx: &SessionCtx) -> AppResult<Vec<ApiToken>> {
        let mut c = self.db.conn().await?;
        Ok(tokens::list_of_user(&mut c, ctx.user.id).await?)
    }

    pub async fn revoke_api_token(
        &self,
        ctx: &SessionCtx,
        id: ApiTokenId,
        origin: &Origin,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        if !tokens::revoke(&mut tx, ctx.user.id, id, self.now()).await? {
            return Err(AppError::NotFound);
        }
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "api_token.revoked",
            &id.to_string(),
            &origin.ip,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The actor behind a bearer token, for the Organization in the URL. A token of another
    /// Organization, or of a person no longer a member, gives `NotFound` for that Organization.
    pub async fn token_actor(&self, bearer: &str, org: OrgId, origin: Origin) -> AppResult<Actor> {
        let mut c = self.db.conn().await?;
        let t = tokens::by_hash(&mut c, &sha256_hex(bearer))
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if t.org_id != org {
            return Err(AppError::NotFound);
        }
        drop(c);
        if t.last_used_at.is_none_or(|at| self.now() - at >= 60) {
            tokens::mark_used(&mut *self.db.write_conn().await?, t.id, self.now()).await?;
        }
        self.actor(t.user_id, org, origin).await
    }

    /// The token's own record (for `/api/v1/me`).
    pub async fn token_info(&self, bearer: &str) -> AppResult<ApiToken> {
        let mut c = self.db.conn().await?;
        tokens::by_hash(&mut c, &sha256_hex(bearer))
            .await?
            .ok_or(AppError::Unauthenticated)
    }
}
