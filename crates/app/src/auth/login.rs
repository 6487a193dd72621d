//! Login (AUTH-02): throttled per address and per IP, the second factor, the new session.

use super::*;

impl App {
    /// Login with e-mail and password. A wrong password and an unknown e-mail give the same error
    /// after the same work; throttled per account (per minute and per hour) and per IP.
    /// `previous` is the session token the browser already had: it is ended (no fixation).
    pub async fn login(
        &self,
        email: &str,
        pw: &str,
        previous: Option<&str>,
        origin: &Origin,
    ) -> AppResult<NewSession> {
        let now = self.now();
        let address = validate::email(email).unwrap_or_else(|| email.trim().to_lowercase());
        let account = login_key(email);
        let mut c = self.db.conn().await?;
        self.check_throttle(&mut c, &account, &origin.ip, now)
            .await?;
        let user = users::by_email(&mut c, &address).await?;
        drop(c);
        let ok = self
            .verify_password(pw, user.as_ref().map(|u| u.password_hash.as_str()))
            .await;
        let mut tx = self.db.begin().await?;
        let user = match user {
            Some(u) if ok && !u.disabled => u,
            other => {
                throttle::record(&mut tx, &account, &origin.ip, false, now).await?;
                audit::record(
                    &mut tx,
                    None,
                    other.map(|u| u.id),
                    "login.failed",
                    &address,
                    &origin.ip,
                    now,
                )
                .await?;
                tx.commit().await?;
                return Err(AppError::Forbidden("auth.bad_credentials"));
            }
        };
        throttle::record(&mut tx, &account, &origin.ip, true, now).await?;
        if needs_rehash(&user.password_hash) {
            let h = self.hash_password(pw).await?;
            users::set_password(&mut tx, user.id, &h).await?;
        }
        if let Some(prev) = previous {
            sessions::delete(&mut tx, &sha256_hex(prev)).await?;
        }
        let org = memberships::orgs_of(&mut tx, user.id)
            .await?
            .first()
            .map(|o| o.org_id);
        let s = if user.totp_enabled {
            self.create_session(&mut tx, user.id, org, true, origin)
                .await?
        } else {
            self.finish_login(&mut tx, &user, org, origin).await?
        };
        tx.commit().await?;
        Ok(s)
    }

    /// The second step of a login with 2FA: a TOTP code or a recovery code. Replaces the half-open
    /// session with a full one (new token).
    pub async fn login_second_factor(
        &self,
        pending_token: &str,
        code: &str,
        origin: &Origin,
    ) -> AppResult<NewSession> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let s = sessions::get(&mut tx, &sha256_hex(pending_token))
            .await?
            .filter(|s| s.pending_2fa && s.expires_at > now)
            .ok_or(AppError::Unauthenticated)?;
        let user = users::by_id(&mut tx, s.user_id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let account = format!("2fa:{}", user.id);
        self.check_throttle(&mut tx, &account, &origin.ip, now)
            .await?;
        if !self.check_second_factor(&mut tx, &user, code, now).await? {
            throttle::record(&mut tx, &account, &origin.ip, false, now).await?;
            audit::record(
                &mut tx,
                None,
                Some(user.id),
                "login.2fa_failed",
                "",
                &origin.ip,
                now,
            )
            .await?;
            tx.commit().await?;
            return Err(AppError::invalid("code", "auth.bad_code"));
        }
        sessions::delete(&mut tx, &s.id_hash).await?;
        let new = self.finish_login(&mut tx, &user, s.org_id, origin).await?;
        tx.commit().await?;
        Ok(new)
    }
}
