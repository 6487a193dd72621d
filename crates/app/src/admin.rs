//! The back office (operators only): customers list, look-up by support code.

use crate::App;
use crate::auth::SessionCtx;
use crate::error::{AppError, AppResult};
use guichet_store::orgs::Org;
use guichet_store::{orgs, users};

pub const PAGE_SIZE: i64 = 25;

pub struct CustomerPage {
    pub orgs: Vec<(Org, i64)>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

impl App {
    fn require_operator(ctx: &SessionCtx) -> AppResult<()> {
        if ctx.user.is_operator {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Customers (Organizations), newest first, filtered by name, `PAGE_SIZE` a page (1-based).
    pub async fn admin_customers(
        &self,
        ctx: &SessionCtx,
        search: Option<&str>,
        page: i64,
    ) -> AppResult<CustomerPage> {
        Self::require_operator(ctx)?;
        let page = page.max(1);
        let mut c = self.db.conn().await?;
        let (list, total) = orgs::page(
            &mut c,
            search.filter(|s| !s.trim().is_empty()),
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
        .await?;
        Ok(CustomerPage {
            orgs: list,
            total,
            page,
            pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
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
