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

pub struct SignUp<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub country: &'a str,
    pub lang: Lang,
}

/// How long a sign-up link can be followed.
pub const SIGNUP_LINK_SECS: i64 = 24 * 3600;
/// Sign-ups one IP address may send in an hour; the next is refused (`429`) and writes nothing.
pub const SIGNUPS_PER_IP_PER_HOUR: i64 = 10;
/// Sign-up e-mails (a link, or "someone tried") one address may receive in a day: the form cannot
/// be used to flood a mailbox, whether it is a customer's or not.
pub const SIGNUP_MAILS_PER_ADDRESS_PER_DAY: i64 = 3;

/// What a sign-up link leads to, for its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignUpLink {
    /// It can be followed: the account it creates.
    Live { name: String, email: String },
    /// Unknown, already used or expired.
    Invalid,
    /// The address got a login since the sign-up.
    LoginExists { email: String },
}

/// The throttle key of a login attempt: `login:` and the address as typed (normalised when it is
/// one). Every other counter has its own prefix (`reset:`, `2fa:`, `signup-…`), so nothing typed in
/// the login form can use up another counter (e.g. someone's password-reset mails).
fn login_key(typed: &str) -> String {
    let address = validate::email(typed).unwrap_or_else(|| typed.trim().to_lowercase());
    format!("login:{address}")
}

impl App {
    /// ORG-02, first step (issue #11 item 7): checks the form, then e-mails the address. A new
    /// address gets a one-time link that creates the login and its Organization
    /// ([`App::confirm_sign_up`]); the owner of an existing login gets "someone tried to create an
    /// account with your address" in their own language instead. Either way the caller answers the
    /// same page after the same work (the password is hashed in both cases), so the form does not
    /// tell who has an account. Throttled per IP ([`SIGNUPS_PER_IP_PER_HOUR`]) and per address
    /// ([`SIGNUP_MAILS_PER_ADDRESS_PER_DAY`], beyond which the answer is the same but nothing is
    /// sent). Returns the address the mail went to, as normalised.
    pub async fn sign_up(&self, input: SignUp<'_>, origin: &Origin) -> AppResult<String> {
        let now = self.now();
        let ip_key = format!("signup-ip:{}", origin.ip);
        {
            let mut c = self.db.conn().await?;
            let (sent, oldest) =
                throttle::successes_for_account(&mut c, &ip_key, now - 3600).await?;
            if sent >= SIGNUPS_PER_IP_PER_HOUR {
                return Err(AppError::TooMany {
                    key: "auth.signup_throttled",
                    retry_after: oldest.map_or(3600, |o| o + 3600 - now).max(1),
                });
            }
        }
        let mut errs = Errors::default();
        let name = errs.check(validate::line(input.name, 100), "name", "field.required");
        let email = errs.check(validate::email(input.email), "email", "field.email");
        let country = errs.check(validate::country(input.country), "country", "field.country");
        if let Err(p) = password::check(input.password, &[input.email, input.name]) {
            errs.add("password", p.key());
        }
        errs.finish()?;
        let (name, email, country) = (
            name.unwrap_or_default(),
            email.unwrap_or_default(),
            country.unwrap_or_default(),
        );
        // Hashed whether or not the address has a login: the same work, the same time.
        let hash = self.hash_password(input.password).await?;
        let mut tx = self.db.begin().await?;
        throttle::record(&mut tx, &ip_key, &origin.ip, true, now).await?;
        let mail_key = format!("signup-mail:{email}");
        let mailed = throttle::successes_for_account(&mut tx, &mail_key, now - 24 * 3600)
            .await?
            .0;
        if mailed >= SIGNUP_MAILS_PER_ADDRESS_PER_DAY {
            tx.commit().await?;
            return Ok(email);
        }
        throttle::record(&mut tx, &mail_key, &origin.ip, true, now).await?;
        let base = self.config.public_url.trim_end_matches('/');
        match users::by_email(&mut tx, &email).await? {
            Some(user) => {
                if !user.disabled {
                    let login = format!("{base}/login");
                    let reset = format!("{base}/password/forgot");
                    mail::enqueue(
                        &mut tx,
                        self,
                        &user.email,
                        user.lang,
                        Mail::SignUpExisting {
                            login: &login,
                            reset: &reset,
                        },
                        now,
                    )
                    .await?;
                }
                audit::record(
                    &mut tx,
                    None,
                    Some(user.id),
                    "signup.existing_address",
                    "",
                    &origin.ip,
                    now,
                )
                .await?;
            }
            None => {
                let token = random_token();
                let pending = signups::PendingSignUp {
                    email: email.clone(),
                    name,
                    password_hash: hash,
                    country,
                    lang: input.lang,
                    created_at: now,
                    expires_at: now + SIGNUP_LINK_SECS,
                };
                signups::insert(&mut tx, &sha256_hex(&token), &pending).await?;
                let link = format!("{base}/signup/confirm/{token}");
                mail::enqueue(
                    &mut tx,
                    self,
                    &email,
                    input.lang,
                    Mail::SignUpConfirm {
                        name: &pending.name,
                        link: &link,
                    },
                    now,
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(email)
    }

    /// The hourly clean-up: expired sessions, login attempts older than two hours (sign-up counters
    /// a day longer), and sign-ups whose link expired more than a day ago (they hold a password
    /// hash and personal details no longer needed).
    pub async fn purge_expired_records(&self) -> AppResult<()> {
        let now = self.now();
        let mut c = self.db.conn().await?;
        sessions::purge_expired(&mut c, now, self.config.session_idle_secs).await?;
        throttle::purge_before(&mut c, now - 2 * 3600).await?;
        signups::purge_expired(&mut c, now - 24 * 3600).await?;
        Ok(())
    }

    /// What a sign-up link leads to (read only: a mail scanner opening it changes nothing).
    pub async fn sign_up_link(&self, token: &str) -> AppResult<SignUpLink> {
        let mut c = self.db.conn().await?;
        let Some(p) = signups::live(&mut c, &sha256_hex(token), self.now()).await? else {
            return Ok(SignUpLink::Invalid);
        };
        if users::by_email(&mut c, &p.email).await?.is_some() {
            return Ok(SignUpLink::LoginExists { email: p.email });
        }
        Ok(SignUpLink::Live {
            name: p.name,
            email: p.email,
        })
    }

    /// ORG-02, second step: follows a sign-up link (once, within [`SIGNUP_LINK_SECS`]). Creates the
    /// login and an Organization in the person's name, with them as LR, and signs in. A used or
    /// expired link is `Conflict("auth.signup_link_invalid")`; an address that got a login in the
    /// meantime is `Conflict("auth.signup_exists")` and changes nothing.
    pub async fn confirm_sign_up(&self, token: &str, origin: &Origin) -> AppResult<NewSession> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let p = signups::consume(&mut tx, &sha256_hex(token), now)
            .await?
            .ok_or(AppError::Conflict("auth.signup_link_invalid"))?;
        if users::by_email(&mut tx, &p.email).await?.is_some() {
            return Err(AppError::Conflict("auth.signup_exists"));
        }
        let user = self
            .insert_user(&mut tx, &p.email, &p.name, &p.password_hash, p.lang, false)
            .await
            .map_err(|e| match e {
                AppError::Invalid(_) => AppError::Conflict("auth.signup_exists"),
                other => other,
            })?;
        let details = orgs::OrgDetails {
            name: p.name.clone(),
            country: p.country.clone(),
            ..Default::default()
        };
        let org = orgs::insert(
            &mut tx,
            &details,
            OrgKind::Individual,
            currency_for_country(&p.country),
            now,
        )
        .await?;
        memberships::insert(
            &mut tx,
            &memberships::Membership {
                org_id: org,
                user_id: user,
                role: Role::LegalRep,
                accounting: true,
                billing_contact: true,
                created_at: now,
            },
        )
        .await?;
        audit::record(
            &mut tx,
            Some(org),
            Some(user),
            "signup",
            &p.email,
            &origin.ip,
            now,
        )
        .await?;
        mail::enqueue(
            &mut tx,
            self,
            &p.email,
            p.lang,
            Mail::Welcome { name: &p.name },
            now,
        )
        .await?;
        users::remember_device(&mut tx, user, &device_fingerprint(origin), now).await?;
        let s = self
            .create_session(&mut tx, user, Some(org), false, origin)
            .await?;
        tx.commit().await?;
        Ok(s)
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
            let when = crate::mail::format_time(now);
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
            sessions::delete(&mut c, &hash).await?;
            return Ok(None);
        }
        let Some(user) = users::by_id(&mut c, s.user_id)
            .await?
            .filter(|u| !u.disabled)
        else {
            return Ok(None);
        };
        if now - s.last_seen_at >= 60 {
            sessions::touch(&mut c, &hash, now).await?;
        }
        Ok(Some(SessionCtx { session: s, user }))
    }

    pub async fn logout(&self, token: &str) -> AppResult<()> {
        let mut c = self.db.conn().await?;
        sessions::delete(&mut c, &sha256_hex(token)).await?;
        Ok(())
    }

    /// Makes `org` the session's current Organization (ORG-03), if the person belongs to it.
    pub async fn switch_org(&self, ctx: &SessionCtx, org: OrgId) -> AppResult<()> {
        let mut c = self.db.conn().await?;
        memberships::get(&mut c, org, ctx.user.id)
            .await?
            .ok_or(AppError::NotFound)?;
        sessions::set_org(&mut c, &ctx.session.id_hash, Some(org)).await?;
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
        let mut tx = self.db.begin().await?;
        users::set_password(&mut tx, ctx.user.id, &hash).await?;
        sessions::delete_all_of_user(&mut tx, ctx.user.id, Some(&ctx.session.id_hash)).await?;
        audit::record(
            &mut tx,
            None,
            Some(ctx.user.id),
            "password.changed",
            "",
            &origin.ip,
            now,
        )
        .await?;
        mail::enqueue(
            &mut tx,
            self,
            &ctx.user.email,
            ctx.user.lang,
            Mail::PasswordChanged,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
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
        audit::record(
            &mut tx,
            None,
            Some(user.id),
            "password.reset_requested",
            "",
            &origin.ip,
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
        users::set_password(&mut tx, user.id, &hash).await?;
        sessions::delete_all_of_user(&mut tx, user.id, None).await?;
        throttle::clear_account(&mut tx, &login_key(&user.email)).await?;
        audit::record(
            &mut tx,
            None,
            Some(user.id),
            "password.reset",
            "",
            &origin.ip,
            now,
        )
        .await?;
        mail::enqueue(
            &mut tx,
            self,
            &user.email,
            user.lang,
            Mail::PasswordChanged,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn update_profile(&self, ctx: &SessionCtx, name: &str, lang: Lang) -> AppResult<()> {
        let name = validate::line(name, 100).ok_or(AppError::invalid("name", "field.required"))?;
        let mut c = self.db.conn().await?;
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
