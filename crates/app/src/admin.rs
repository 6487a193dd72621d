//! The back office (operators only): customers list, look-up by support code.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_store::orgs::Org;
use guichet_store::{orgs, users};

pub const PAGE_SIZE: i64 = 25;

/// One page of customers, newest first, with their number of members, and the cursors of the
/// pages around it.
pub struct CustomerPage {
    pub orgs: Vec<(Org, i64)>,
    pub pager: crate::pager::Pager,
}

impl App {
    pub(crate) fn require_operator(ctx: &SessionCtx) -> AppResult<()> {
        if ctx.user.is_operator {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Customers (Organizations), newest first, filtered by name, `PAGE_SIZE` a page seeked by
    /// key (no count).
    pub async fn admin_customers(
        &self,
        ctx: &SessionCtx,
        search: Option<&str>,
        at: &crate::pager::At,
    ) -> AppResult<CustomerPage> {
        Self::require_operator(ctx)?;
        let page = at.page()?;
        let mut c = self.db.conn().await?;
        let found = orgs::page(
            &mut c,
            search.filter(|s| !s.trim().is_empty()),
            &page,
            PAGE_SIZE,
        )
        .await?;
        Ok(CustomerPage {
            pager: crate::pager::Pager::of(&found, |(o, _)| orgs::cursor(o)),
            orgs: found.rows,
        })
    }

    /// SUP-01: finds a person by support code (name and e-mail only; nothing of their Organizations).
    pub async fn admin_find_by_support_code(
        &self,
        ctx: &SessionCtx,
        code: &str,
    ) -> AppResult<Option<(String, String)>> {
        Self::require_operator(ctx)?;
        let code: String = code.chars().filter(char::is_ascii_digit).collect();
        let mut c = self.db.conn().await?;
        Ok(users::by_support_code(&mut c, &code)
            .await?
            .map(|u| (u.name, u.email)))
    }

    /// Creates an operator account (the `guichet user create` command).
    pub async fn create_operator(
        &self,
        email: &str,
        name: &str,
        password: &str,
    ) -> AppResult<guichet_core::UserId> {
        let email = guichet_core::validate::email(email)
            .ok_or(AppError::invalid("email", "field.email"))?;
        let name = guichet_core::validate::line(name, 100)
            .ok_or(AppError::invalid("name", "field.required"))?;
        if let Err(p) = guichet_core::password::check(password, &[&email, &name]) {
            return Err(AppError::invalid("password", p.key()));
        }
        let hash = self.hash_password(password).await?;
        let mut tx = self.db.begin().await?;
        let id = self
            .insert_user(&mut tx, &email, &name, &hash, guichet_core::Lang::En, true)
            .await?;
        tx.commit().await?;
        Ok(id)
    }
}
