//! Passwords: changed while signed in, reset by a one-time link sent by e-mail.

use super::*;

/// A password about to replace a person's: its hash, the session that stays signed in (the one
/// that changed it; none after a reset) and the audit action.
struct NewPassword<'a> {
    hash: &'a str,
    keep: Option<&'a str>,
    action: &'static str,
}

impl App {
    /// Sets the new password, ends the person's other sessions, records it and tells them by
    /// e-mail, then commits.
    async fn set_new_password(
        &self,
        mut tx: guichet_store::Tx,
        user: &users::User,
        p: NewPassword<'_>,
        origin: &Origin,
        now: i64,
    ) -> AppResult<()> {
        users::set_password(&mut tx, user.id, p.hash).await?;
        sessions::delete_all_of_user(&mut tx, user.id, p.keep).await?;
        let mail = Some(Mail::PasswordChanged);
        self.account_event(&mut tx, user, p.action, mail, origin, now)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the password (the current one is asked again); other sessions are ended.
    pub async fn change_password(
        &self,
        ctx: &SessionCtx,
        current: &str,
        new: &str,
        origin: &Origin,
    ) -> AppResult<()> {
        if !self
            .verify_password(current, Some(&ctx.user.password_hash))
            .await
        {
            return Err(AppError::invalid("current", "password.current_wrong"));
        }
        if let Err(p) = password::check(new, &[&ctx.user.email, &ctx.user.name]) {
            return Err(AppError::invalid("password", p.key()));
        }
        let hash = self.hash_password(new).await?;
        let now = self.now();
        let tx = self.db.begin().await?;
        let keep = Some(ctx.session.id_hash.as_str());
        let change = NewPassword {
            hash: &hash,
            keep,
            action: "password.changed",
        };
        self.set_new_password(tx, &ctx.user, change, origin, now)
            .await
    }

    /// Sends a reset link if the address has a login; answers the same either way.
    pub async fn request_password_reset(&self, email: &str, origin: &Origin) -> AppResult<()> {
        let Some(email) = validate::email(email) else {
            return Ok(());
        };
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let Some(user) = users::by_email(&mut tx, &email)
            .await?
            .filter(|u| !u.disabled)
        else {
            return Ok(());
        };
        // At most five reset mails an hour per address: no mail-bombing through this form.
        let key = format!("reset:{email}");
        if throttle::failures_for_account(&mut tx, &key, now - 3600)
            .await?
            .0
            >= 5
        {
            return Ok(());
        }
        throttle::record(&mut tx, &key, &origin.ip, false, now).await?;
        let token = random_token();
        users::insert_password_reset(&mut tx, user.id, &sha256_hex(&token), now, now + 3600)
            .await?;
        let link = format!(
            "{}/password/reset/{token}",
            self.config.public_url.trim_end_matches('/')
        );
        mail::enqueue(
            &mut tx,
            self,
            &email,
            user.lang,
            Mail::PasswordReset { link: &link },
            now,
        )
        .await?;
        self.account_event(
            &mut tx,
            &user,
            "password.reset_requested",
            None,
            origin,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn password_reset_is_live(&self, token: &str) -> AppResult<bool> {
        let mut c = self.db.conn().await?;
        Ok(users::password_reset_is_live(&mut c, &sha256_hex(token), self.now()).await?)
    }

    /// Sets a new password from a reset link; every session of the person ends and throttling resets.
    pub async fn reset_password(&self, token: &str, new: &str, origin: &Origin) -> AppResult<()> {
        if let Err(p) = password::check(new, &[]) {
            return Err(AppError::invalid("password", p.key()));
        }
        let hash = self.hash_password(new).await?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let user_id = users::consume_password_reset(&mut tx, &sha256_hex(token), now)
            .await?
            .ok_or(AppError::NotFound)?;
        let user = users::by_id(&mut tx, user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Err(p) = password::check(new, &[&user.email, &user.name]) {
            return Err(AppError::invalid("password", p.key()));
        }
        throttle::clear_account(&mut tx, &login_key(&user.email)).await?;
        let change = NewPassword {
            hash: &hash,
            keep: None,
            action: "password.reset",
        };
        self.set_new_password(tx, &user, change, origin, now).await
    }
}
