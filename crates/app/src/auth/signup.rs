//! Sign-up without enumeration (AUTH-01): the same answer whether the address is known, a one-time confirmation link, limits per address and per IP.

use super::*;

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
                self.account_event(&mut tx, &user, "signup.existing_address", None, origin, now)
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
        let mut c = self.db.write_conn().await?;
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
}
