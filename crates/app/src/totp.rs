//! Optional two-factor authentication (SEC-01): TOTP (RFC 6238, ±1 step, each step once) and
//! single-use recovery codes stored as hashes.

use crate::auth::SessionCtx;
use crate::crypto::{random_digits, sha256_hex};
use crate::error::{AppError, AppResult};
use crate::mail::Mail;
use crate::{App, Origin};
use guichet_store::{Conn, users};
use rand::RngCore;
use totp_rs::{Builder, Secret, Totp};

/// What the setup page shows: the secret to type and the `otpauth://` URL to scan.
pub struct TotpSetup {
    pub secret_base32: String,
    pub url: String,
}

fn totp_for(secret_b32: &str, account: &str) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret_b32)
        .map_err(|e| AppError::Internal(format!("totp secret: {e:?}")))?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some("Guichet"))
        .build()
        .map_err(|e| AppError::Internal(format!("totp: {e:?}")))
}

/// Recovery codes look like `4821-0937-5516`; spaces and dashes are ignored when typed.
fn normalise_recovery(code: &str) -> String {
    code.chars().filter(char::is_ascii_digit).collect()
}

impl App {
    /// Starts the setup: a new secret, not active until a code from it is confirmed.
    pub async fn totp_begin(&self, ctx: &SessionCtx) -> AppResult<TotpSetup> {
        if ctx.user.totp_enabled {
            return Err(AppError::Conflict("totp.already_on"));
        }
        let mut bytes = [0u8; 20];
        rand::rng().fill_bytes(&mut bytes);
        let secret = Secret::from(bytes.to_vec()).to_base32();
        let mut c = self.db.write_conn().await?;
        users::set_totp(&mut c, ctx.user.id, Some(&secret), false).await?;
        self.totp_pending(&secret, &ctx.user.email)
    }

    /// The setup data of a secret already stored but not confirmed yet (to show the page again).
    pub fn totp_pending(&self, secret: &str, email: &str) -> AppResult<TotpSetup> {
        let totp = totp_for(secret, email)?;
        let url = totp
            .to_url()
            .map_err(|e| AppError::Internal(format!("totp url: {e:?}")))?;
        Ok(TotpSetup {
            secret_base32: secret.to_string(),
            url,
        })
    }

    /// Confirms the setup with a code from the app; returns the recovery codes, shown once.
    pub async fn totp_confirm(
        &self,
        ctx: &SessionCtx,
        code: &str,
        origin: &Origin,
    ) -> AppResult<Vec<String>> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let user = users::by_id(&mut tx, ctx.user.id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let secret = user
            .totp_secret
            .clone()
            .filter(|_| !user.totp_enabled)
            .ok_or(AppError::Conflict("totp.not_started"))?;
        let step = totp_for(&secret, &user.email)?
            .check(code.trim(), now as u64)
            .ok_or(AppError::invalid("code", "auth.bad_code"))?;
        users::set_totp(&mut tx, user.id, Some(&secret), true).await?;
        users::advance_totp_step(&mut tx, user.id, step as i64).await?;
        let codes: Vec<String> = (0..10)
            .map(|_| {
                format!(
                    "{}-{}-{}",
                    random_digits(4),
                    random_digits(4),
                    random_digits(4)
                )
            })
            .collect();
        let hashes: Vec<String> = codes
            .iter()
            .map(|c| sha256_hex(&normalise_recovery(c)))
            .collect();
        users::replace_recovery_codes(&mut tx, user.id, &hashes).await?;
        self.account_event(
            &mut tx,
            &user,
            "totp.enabled",
            Some(Mail::TotpEnabled),
            origin,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Turns 2FA off; needs the password again.
    pub async fn totp_disable(
        &self,
        ctx: &SessionCtx,
        password: &str,
        origin: &Origin,
    ) -> AppResult<()> {
        if !self
            .verify_password(password, Some(&ctx.user.password_hash))
            .await
        {
            return Err(AppError::invalid("password", "password.current_wrong"));
        }
        let now = self.now();
        let mut tx = self.db.begin().await?;
        users::set_totp(&mut tx, ctx.user.id, None, false).await?;
        users::replace_recovery_codes(&mut tx, ctx.user.id, &[]).await?;
        self.account_event(
            &mut tx,
            &ctx.user,
            "totp.disabled",
            Some(Mail::TotpDisabled),
            origin,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn recovery_codes_left(&self, ctx: &SessionCtx) -> AppResult<i64> {
        let mut c = self.db.conn().await?;
        Ok(users::unused_recovery_codes(&mut c, ctx.user.id).await?)
    }

    /// A TOTP code of the current step ± 1 that was not used before, or an unused recovery code.
    pub(crate) async fn check_second_factor(
        &self,
        c: &mut Conn,
        user: &users::User,
        code: &str,
        now: i64,
    ) -> AppResult<bool> {
        let Some(secret) = user.totp_secret.as_deref().filter(|_| user.totp_enabled) else {
            return Ok(false);
        };
        let digits = normalise_recovery(code);
        if digits.len() == 6 {
            let Some(step) = totp_for(secret, &user.email)?.check(&digits, now as u64) else {
                return Ok(false);
            };
            // A replayed code (same or older step) is refused.
            return Ok(users::advance_totp_step(c, user.id, step as i64).await?);
        }
        if digits.len() == 12 {
            return Ok(users::use_recovery_code(c, user.id, &sha256_hex(&digits), now).await?);
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_current_step_verify_and_others_do_not() {
        let secret = Secret::from([7u8; 20].to_vec()).to_base32();
        let totp = totp_for(&secret, "a@example.ch").unwrap();
        let now = 1_800_000_000u64;
        let code = totp.generate(now).to_string();
        assert_eq!(totp.check(&code, now), Some(now / 30));
        assert!(
            totp.check(&code, now + 30).is_some(),
            "one step of skew is accepted"
        );
        assert!(
            totp.check(&code, now + 120).is_none(),
            "four steps later it is refused"
        );
        assert_eq!(normalise_recovery("1234-5678 9012"), "123456789012");
    }
}
