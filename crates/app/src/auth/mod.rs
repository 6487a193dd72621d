//! Sign-up, login (with throttling and the second factor), sessions, password change and reset.

use crate::crypto::{needs_rehash, random_token, sha256_hex};
use crate::error::{AppError, AppResult, Errors};
use crate::mail::{self, Mail};
use crate::{App, Origin};
use guichet_core::{
    Currency, Lang, OrgId, OrgKind, Role, UserId, currency_for_country, password, validate,
};
use guichet_store::sessions::Session;
use guichet_store::{Conn, audit, memberships, orgs, sessions, signups, throttle, users};

mod login;
mod passwords;
mod signup;
pub use signup::{
    SIGNUP_LINK_SECS, SIGNUP_MAILS_PER_ADDRESS_PER_DAY, SIGNUPS_PER_IP_PER_HOUR, SignUp, SignUpLink,
};

/// A signed-in (or half signed-in, awaiting the second factor) session with its person.
#[derive(Clone, Debug)]
pub struct SessionCtx {
    pub session: Session,
    pub user: users::User,
}

/// What the browser gets back from a successful step: the cookie token to set.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub token: String,
    pub pending_2fa: bool,
    pub org: Option<OrgId>,
}

/// The throttle key of a login attempt: `login:` and the address as typed (normalised when it is
/// one). Every other counter has its own prefix (`reset:`, `2fa:`, `signup-…`), so nothing typed in
/// the login form can use up another counter (e.g. someone's password-reset mails).
fn login_key(typed: &str) -> String {
    let address = validate::email(typed).unwrap_or_else(|| typed.trim().to_lowercase());
    format!("login:{address}")
}

impl App {
    /// A change to a person's own account (no Organization): its audit entry and, when given, the
    /// mail that tells them about it.
    pub(crate) async fn account_event(
        &self,
        c: &mut Conn,
        user: &users::User,
        action: &str,
        mail: Option<Mail<'_>>,
        origin: &Origin,
        now: i64,
    ) -> AppResult<()> {
        audit::record(c, None, Some(user.id), action, "", &origin.ip, now).await?;
        if let Some(m) = mail {
            mail::enqueue(c, self, &user.email, user.lang, m, now).await?;
        }
        Ok(())
    }

    /// Inserts a login with a fresh unique support code.
    pub(crate) async fn insert_user(
        &self,
        c: &mut Conn,
        email: &str,
        name: &str,
        hash: &str,
        lang: Lang,
        is_operator: bool,
    ) -> AppResult<UserId> {
        let code = self.fresh_support_code(c).await?;
        let new = users::NewUser {
            email,
            name,
            password_hash: hash,
            lang,
            is_operator,
            support_code: &code,
            now: self.now(),
        };
        users::insert(c, new).await.map_err(|e| {
            if e.is_unique_violation() {
                AppError::invalid("email", "signup.email_taken")
            } else {
                e.into()
            }
        })
    }

    pub(crate) async fn fresh_support_code(&self, c: &mut Conn) -> AppResult<String> {
        for _ in 0..20 {
            let code = crate::crypto::random_digits(6);
            if !users::support_code_taken(c, &code).await? {
                return Ok(code);
            }
        }
        Err(AppError::Internal(
            "no free support code after 20 draws".into(),
        ))
    }

    async fn create_session(
        &self,
        c: &mut Conn,
        user: UserId,
        org: Option<OrgId>,
        pending_2fa: bool,
        origin: &Origin,
    ) -> AppResult<NewSession> {
        let token = random_token();
        let now = self.now();
        // A half-open session (password done, code pending) lives five minutes.
        let ttl = if pending_2fa {
            300
        } else {
            self.config.session_absolute_secs
        };
        let s = Session {
            id_hash: sha256_hex(&token),
            user_id: user,
            org_id: org,
            csrf: random_token(),
            pending_2fa,
            created_at: now,
            last_seen_at: now,
            expires_at: now + ttl,
            user_agent: origin.user_agent.chars().take(300).collect(),
            ip: origin.ip.clone(),
        };
        sessions::insert(c, &s).await?;
        Ok(NewSession {
            token,
            pending_2fa,
            org,
        })
    }

    async fn check_throttle(
        &self,
        c: &mut Conn,
        account: &str,
        ip: &str,
        now: i64,
    ) -> AppResult<()> {
        let cfg = &self.config;
        let (per_min, oldest) = throttle::failures_for_account(c, account, now - 60).await?;
        if per_min >= cfg.login_failures_per_minute {
            return Err(AppError::TooMany {
                key: "auth.throttled",
                retry_after: oldest.map_or(60, |o| o + 60 - now).max(1),
            });
        }
        let (per_hour, oldest) = throttle::failures_for_account(c, account, now - 3600).await?;
        if per_hour >= cfg.login_failures_per_hour {
            return Err(AppError::TooMany {
                key: "auth.throttled",
                retry_after: oldest.map_or(3600, |o| o + 3600 - now).max(1),
            });
        }
        let (per_ip, oldest) = throttle::failures_for_ip(c, ip, now - 60).await?;
        if per_ip >= cfg.login_failures_per_ip_per_minute {
            return Err(AppError::TooMany {
                key: "auth.throttled",
                retry_after: oldest.map_or(60, |o| o + 60 - now).max(1),
            });
        }
        Ok(())
    }

    /// The full session after the last factor; e-mails a security notice from a new device (SEC-02).
    async fn finish_login(
        &self,
        c: &mut Conn,
        user: &users::User,
        org: Option<OrgId>,
        origin: &Origin,
    ) -> AppResult<NewSession> {
        let now = self.now();
        if users::remember_device(c, user.id, &device_fingerprint(origin), now).await? {
            let when = self.when(now);
            let notice = Mail::NewDevice {
                ip: &origin.ip,
                agent: &origin.user_agent,
                when: &when,
            };
            mail::enqueue(c, self, &user.email, user.lang, notice, now).await?;
        }
        audit::record(c, None, Some(user.id), "login", "", &origin.ip, now).await?;
        self.create_session(c, user.id, org, false, origin).await
    }

    /// Resolves a session cookie: `None` when unknown, expired (absolute) or idle too long. Touches
    /// the last-seen time at most once a minute.
    pub async fn session(&self, token: &str) -> AppResult<Option<SessionCtx>> {
        let now = self.now();
        let hash = sha256_hex(token);
        let mut c = self.db.conn().await?;
        let Some(s) = sessions::get(&mut c, &hash).await? else {
            return Ok(None);
        };
        if s.expires_at <= now || s.last_seen_at + self.config.session_idle_secs <= now {
            drop(c);
            sessions::delete(&mut *self.db.write_conn().await?, &hash).await?;
            return Ok(None);
        }
        let Some(user) = users::by_id(&mut c, s.user_id)
            .await?
            .filter(|u| !u.disabled)
        else {
            return Ok(None);
        };
        if now - s.last_seen_at >= 60 {
            // Never wait for the writer while holding a reader (see `Db::write_conn`).
            drop(c);
            sessions::touch(&mut *self.db.write_conn().await?, &hash, now).await?;
        }
        Ok(Some(SessionCtx { session: s, user }))
    }

    pub async fn logout(&self, token: &str) -> AppResult<()> {
        let mut c = self.db.write_conn().await?;
        sessions::delete(&mut c, &sha256_hex(token)).await?;
        Ok(())
    }

    /// Makes `org` the session's current Organization (ORG-03), if the person belongs to it.
    pub async fn switch_org(&self, ctx: &SessionCtx, org: OrgId) -> AppResult<()> {
        let mut c = self.db.conn().await?;
        memberships::get(&mut c, org, ctx.user.id)
            .await?
            .ok_or(AppError::NotFound)?;
        drop(c);
        sessions::set_org(
            &mut *self.db.write_conn().await?,
            &ctx.session.id_hash,
            Some(org),
        )
        .await?;
        Ok(())
    }

    /// The person's Organizations, for the switcher.
    pub async fn my_orgs(&self, user: UserId) -> AppResult<Vec<memberships::MyOrg>> {
        let mut c = self.db.conn().await?;
        Ok(memberships::orgs_of(&mut c, user).await?)
    }

    /// SEC-02: the person's active sessions, the current one marked by the caller.
    pub async fn my_sessions(&self, user: UserId) -> AppResult<Vec<Session>> {
        let mut c = self.db.conn().await?;
        Ok(sessions::list_of_user(&mut c, user, self.now()).await?)
    }

    /// Ends one of the person's own sessions (by its id hash, as listed).
    pub async fn end_session(
        &self,
        ctx: &SessionCtx,
        id_hash: &str,
        origin: &Origin,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        if !sessions::delete_of_user(&mut tx, ctx.user.id, id_hash).await? {
            return Err(AppError::NotFound);
        }
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "session.ended",
            "",
            &origin.ip,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn end_other_sessions(&self, ctx: &SessionCtx, origin: &Origin) -> AppResult<u64> {
        let mut tx = self.db.begin().await?;
        let n =
            sessions::delete_all_of_user(&mut tx, ctx.user.id, Some(&ctx.session.id_hash)).await?;
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "session.ended_others",
            &n.to_string(),
            &origin.ip,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    pub async fn update_profile(&self, ctx: &SessionCtx, name: &str, lang: Lang) -> AppResult<()> {
        let name = validate::line(name, 100).ok_or(AppError::invalid("name", "field.required"))?;
        let mut c = self.db.write_conn().await?;
        users::set_profile(&mut c, ctx.user.id, &name, lang).await?;
        Ok(())
    }

    /// SUP-01: a new support code for the person.
    pub async fn regenerate_support_code(&self, ctx: &SessionCtx) -> AppResult<String> {
        let mut tx = self.db.begin().await?;
        let code = self.fresh_support_code(&mut tx).await?;
        users::regenerate_support_code(&mut tx, ctx.user.id, &code).await?;
        tx.commit().await?;
        Ok(code)
    }

    /// The currency an address in `country` would give (ORG-05), for forms.
    pub fn currency_for(&self, country: &str) -> Currency {
        currency_for_country(country)
    }
}

/// A device is its browser and network: a new pair triggers the security e-mail (SEC-02).
fn device_fingerprint(origin: &Origin) -> String {
    sha256_hex(&format!("{}|{}", origin.user_agent, origin.ip))
}
