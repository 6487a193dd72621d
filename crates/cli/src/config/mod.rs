//! One configuration: defaults, then the optional TOML file, then environment variables and flags
//! (clap reads both; a flag wins over its variable). Every setting is listed in the README.

use clap::Args;
use serde::Deserialize;
use std::path::PathBuf;

/// Settings as flags / environment variables (all optional: unset means "file, then default").
#[derive(Args, Debug, Default, Clone)]
pub struct ConfigArgs {
    /// TOML configuration file.
    #[arg(long, env = "GUICHET_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB [default: sqlite://guichet.db]
    #[arg(long, env = "GUICHET_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "GUICHET_ADDR", global = true)]
    pub addr: Option<String>,
    /// Folder for outgoing e-mail as .eml files when no SMTP server is set [default: ./mail]
    #[arg(long, env = "GUICHET_MAIL_DIR", global = true)]
    pub mail_dir: Option<PathBuf>,
    /// Public base URL, for links in e-mails; https:// turns on Secure/__Host- cookies [default: http://ADDR]
    #[arg(long, env = "GUICHET_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// SMTP server, e.g. smtps://user:password@mail.example.ch [default: none, write files]
    #[arg(long, env = "GUICHET_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// Sender of e-mails [default: Guichet <no-reply@guichet.localhost>]
    #[arg(long, env = "GUICHET_MAIL_FROM", global = true)]
    pub mail_from: Option<String>,
    /// Deprecated: true means --trusted-proxies 127.0.0.1/8,::1 (added to that list) [default: false]
    #[arg(long, env = "GUICHET_TRUST_PROXY", global = true)]
    pub trust_proxy: Option<bool>,
    /// Reverse proxies whose X-Forwarded-For is believed, comma-separated CIDRs, e.g. 10.0.0.0/8,::1 [default: none]
    #[arg(long, env = "GUICHET_TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// Minutes of inactivity after which a session ends [default: 120]
    #[arg(long, env = "GUICHET_SESSION_IDLE_MINUTES", global = true)]
    pub session_idle_minutes: Option<i64>,
    /// Hours after which a session ends whatever happens [default: 24]
    #[arg(long, env = "GUICHET_SESSION_ABSOLUTE_HOURS", global = true)]
    pub session_absolute_hours: Option<i64>,
    /// Days an invitation stays valid [default: 14]
    #[arg(long, env = "GUICHET_INVITATION_DAYS", global = true)]
    pub invitation_days: Option<i64>,
    /// Synonym groups for the help search, a TOML file [default: the built-in list]
    #[arg(long, env = "GUICHET_KB_SYNONYMS", global = true)]
    pub kb_synonyms: Option<PathBuf>,
    /// Name of the provider on QR-bills [default: Guichet Hébergement SA (demo)]
    #[arg(long, env = "GUICHET_CREDITOR_NAME", global = true)]
    pub creditor_name: Option<String>,
    /// Street of the provider on QR-bills [default: Rue du Grand-Pont]
    #[arg(long, env = "GUICHET_CREDITOR_STREET", global = true)]
    pub creditor_street: Option<String>,
    /// Building number of the provider [default: 2]
    #[arg(long, env = "GUICHET_CREDITOR_BUILDING", global = true)]
    pub creditor_building: Option<String>,
    /// Postcode of the provider [default: 1003]
    #[arg(long, env = "GUICHET_CREDITOR_POSTCODE", global = true)]
    pub creditor_postcode: Option<String>,
    /// Town of the provider [default: Lausanne]
    #[arg(long, env = "GUICHET_CREDITOR_TOWN", global = true)]
    pub creditor_town: Option<String>,
    /// Country of the provider, two letters [default: CH]
    #[arg(long, env = "GUICHET_CREDITOR_COUNTRY", global = true)]
    pub creditor_country: Option<String>,
    /// VAT number of the provider, printed on invoices and in the e-invoice; empty: none [default: an example number]
    #[arg(long, env = "GUICHET_CREDITOR_VAT_NUMBER", global = true)]
    pub creditor_vat_number: Option<String>,
    /// The same as --creditor-vat-number (the name the invoice settings use), e.g. "CHE-123.456.789 TVA"
    #[arg(long, env = "GUICHET_VAT_NUMBER", global = true)]
    pub vat_number: Option<String>,
    /// Phone of the provider, printed on invoices; empty: none [default: an example number]
    #[arg(long, env = "GUICHET_CREDITOR_PHONE", global = true)]
    pub creditor_phone: Option<String>,
    /// Website of the provider, printed on invoices; empty: none [default: an example site]
    #[arg(long, env = "GUICHET_CREDITOR_WEBSITE", global = true)]
    pub creditor_website: Option<String>,
    /// Time zone of the dates people read: Europe/Zurich or UTC (no other zone is known) [default: Europe/Zurich]
    #[arg(long, env = "GUICHET_TIME_ZONE", global = true)]
    pub time_zone: Option<String>,
    /// Billing contact e-mail of the provider, printed on invoices; empty: none [default: an example address]
    #[arg(long, env = "GUICHET_CREDITOR_EMAIL", global = true)]
    pub creditor_email: Option<String>,
    /// QR-IBAN for CHF QR-bills with a QR reference [default: the guidelines' example]
    #[arg(long, env = "GUICHET_QR_IBAN", global = true)]
    pub qr_iban: Option<String>,
    /// IBAN for EUR QR-bills with a creditor reference [default: an example IBAN]
    #[arg(long, env = "GUICHET_IBAN", global = true)]
    pub iban: Option<String>,
    /// Account debited by CHF payouts (pain.001); empty: none, CHF payouts are set aside [default: an example IBAN; none when GUICHET_IBAN is set]
    #[arg(long, env = "GUICHET_PAYOUT_IBAN_CHF", global = true)]
    pub payout_iban_chf: Option<String>,
    /// Account debited by EUR payouts (pain.001); empty: none, EUR payouts are set aside [default: GUICHET_IBAN (deprecated fallback), else an example IBAN]
    #[arg(long, env = "GUICHET_PAYOUT_IBAN_EUR", global = true)]
    pub payout_iban_eur: Option<String>,
    /// Durations (hours) offered for temporary support access, comma-separated [default: 1,24,168]
    #[arg(long, env = "GUICHET_SUPPORT_GRANT_HOURS", global = true)]
    pub support_grant_hours: Option<String>,
    /// Premium Support phone shown with the VIP code [default: +41 21 000 00 00]
    #[arg(long, env = "GUICHET_PREMIUM_PHONE", global = true)]
    pub premium_phone: Option<String>,
    /// Premium Support e-mail shown with the VIP code [default: premium@guichet.localhost]
    #[arg(long, env = "GUICHET_PREMIUM_EMAIL", global = true)]
    pub premium_email: Option<String>,
    /// MySQL/MariaDB server where customers' databases and users are created, e.g. mysql://guichet:PASSWORD@127.0.0.1:3306 [default: none, provisioning off]
    #[arg(long, env = "GUICHET_MYSQL_URL", global = true, hide_env_values = true)]
    pub mysql_url: Option<String>,
    /// Days after the due date on which reminders R1, R2, R3 go out [default: 1,10,20]
    #[arg(long, env = "GUICHET_REMINDER_DAYS", global = true)]
    pub reminder_days: Option<String>,
    /// Banking days without reminders after a customer declares a bank transfer [default: 3]
    #[arg(long, env = "GUICHET_REMINDER_GRACE_DAYS", global = true)]
    pub reminder_grace_days: Option<i64>,
    /// Days before expiry a renewal invoice is issued [default: 30]
    #[arg(long, env = "GUICHET_RENEWAL_LEAD_DAYS", global = true)]
    pub renewal_lead_days: Option<i64>,
    /// Days before expiry an automatic renewal is charged (retries D-7, D-3, D-1) [default: 14]
    #[arg(long, env = "GUICHET_AUTO_RENEW_DAYS", global = true)]
    pub auto_renew_days: Option<i64>,
    /// Smallest monthly price (excl. VAT) for which monthly billing is offered [default: 5.00]
    #[arg(long, env = "GUICHET_MONTHLY_MINIMUM", global = true)]
    pub monthly_minimum: Option<String>,
    /// Smallest and largest prepaid top-up [default: 10.00 and 10000.00]
    #[arg(long, env = "GUICHET_TOP_UP_MIN", global = true)]
    pub top_up_min: Option<String>,
    #[arg(long, env = "GUICHET_TOP_UP_MAX", global = true)]
    pub top_up_max: Option<String>,
    /// Stripe secret key (sk_live_… / sk_test_…): cards go through Stripe [default: none, the built-in test processor]
    #[arg(
        long,
        env = "GUICHET_STRIPE_SECRET_KEY",
        global = true,
        hide_env_values = true
    )]
    pub stripe_secret_key: Option<String>,
    /// Stripe publishable key (pk_…), for Stripe.js's card field in the Manager
    #[arg(long, env = "GUICHET_STRIPE_PUBLISHABLE_KEY", global = true)]
    pub stripe_publishable_key: Option<String>,
    /// Signing secret (whsec_…) of the Stripe webhook endpoint /webhooks/stripe [default: none, webhooks refused]
    #[arg(
        long,
        env = "GUICHET_STRIPE_WEBHOOK_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub stripe_webhook_secret: Option<String>,
    /// Stripe's API [default: https://api.stripe.com]
    #[arg(long, env = "GUICHET_STRIPE_API_BASE", global = true)]
    pub stripe_api_base: Option<String>,
    /// Where browsers load Stripe.js from [default: https://js.stripe.com/v3/]
    #[arg(long, env = "GUICHET_STRIPE_JS_URL", global = true)]
    pub stripe_js_url: Option<String>,
    /// Seconds after which a pending card payment is settled by asking the provider [default: 120]
    #[arg(long, env = "GUICHET_RECONCILE_AFTER_SECS", global = true)]
    pub reconcile_after_secs: Option<i64>,
    /// Milliseconds each call to the built-in test processor takes (a slow provider) [default: 0]
    #[arg(long, env = "GUICHET_TEST_CARD_DELAY_MS", global = true)]
    pub test_card_delay_ms: Option<u64>,
    /// Percent of the outgoing webhooks' retry delays (5 s, 5 min, 30 min, 2 h, 5 h, 10 h…); 0 retries at once (tests) [default: 100]
    #[arg(long, env = "GUICHET_WEBHOOK_RETRY_SCALE", global = true)]
    pub webhook_retry_scale: Option<i64>,
    #[command(flatten)]
    pub tickets: tickets::TicketArgs,
    #[command(flatten)]
    pub brand: brand::BrandArgs,
}

/// The same settings in the TOML file.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub database_url: Option<String>,
    pub addr: Option<String>,
    pub mail_dir: Option<PathBuf>,
    pub public_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub trust_proxy: Option<bool>,
    pub trusted_proxies: Option<String>,
    pub session_idle_minutes: Option<i64>,
    pub session_absolute_hours: Option<i64>,
    pub invitation_days: Option<i64>,
    pub kb_synonyms: Option<PathBuf>,
    pub creditor_name: Option<String>,
    pub creditor_street: Option<String>,
    pub creditor_building: Option<String>,
    pub creditor_postcode: Option<String>,
    pub creditor_town: Option<String>,
    pub creditor_country: Option<String>,
    pub creditor_vat_number: Option<String>,
    pub vat_number: Option<String>,
    pub creditor_email: Option<String>,
    pub creditor_phone: Option<String>,
    pub creditor_website: Option<String>,
    pub time_zone: Option<String>,
    pub qr_iban: Option<String>,
    pub iban: Option<String>,
    pub payout_iban_chf: Option<String>,
    pub payout_iban_eur: Option<String>,
    pub support_grant_hours: Option<String>,
    pub premium_phone: Option<String>,
    pub premium_email: Option<String>,
    pub mysql_url: Option<String>,
    pub reminder_days: Option<String>,
    pub reminder_grace_days: Option<i64>,
    pub renewal_lead_days: Option<i64>,
    pub auto_renew_days: Option<i64>,
    pub monthly_minimum: Option<String>,
    pub top_up_min: Option<String>,
    pub top_up_max: Option<String>,
    pub stripe_secret_key: Option<String>,
    pub stripe_publishable_key: Option<String>,
    pub stripe_webhook_secret: Option<String>,
    pub stripe_api_base: Option<String>,
    pub stripe_js_url: Option<String>,
    pub reconcile_after_secs: Option<i64>,
    pub test_card_delay_ms: Option<u64>,
    pub webhook_retry_scale: Option<i64>,
    pub tickets: Option<tickets::TicketFile>,
    pub brand: Option<brand::BrandFile>,
}

/// The resolved configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub addr: String,
    pub mail_dir: PathBuf,
    pub public_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The proxies whose `X-Forwarded-For` is believed (with `trust_proxy = true`: loopback too).
    pub trusted_proxies: guichet_web::TrustedProxies,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    pub invitation_days: i64,
    pub kb_synonyms: Option<PathBuf>,
    /// Who is paid by bank transfer.
    pub creditor: guichet_app::Creditor,
    /// Run the e-mail sender and clean-up jobs (tests that inspect the outbox turn them off).
    pub background_jobs: bool,
    /// SUP-03: durations (hours) offered for temporary support access.
    pub support_grant_hours: Vec<i64>,
    /// SUP-02: Premium Support contact channels.
    pub premium_phone: String,
    pub premium_email: String,
    /// DB-05: the MySQL/MariaDB server for customers' databases (none: provisioning off).
    pub mysql_url: Option<String>,
    /// REM-05: days after the due date for R1, R2, R3; banking days of grace after a declared transfer.
    pub reminder_days: [i64; 3],
    pub reminder_grace_days: i64,
    /// Renewal invoices this many days before expiry; automatic renewals charged this many days
    /// before (AR-01); monthly billing from this monthly price; top-up limits (minor units).
    pub renewal_lead_days: i64,
    pub auto_renew_days: i64,
    pub monthly_minimum: i64,
    pub top_up_min: i64,
    pub top_up_max: i64,
    /// Card payments through Stripe (none: the built-in test processor); pending charges settled
    /// by asking the provider after this many seconds; the test processor's delay per call.
    pub stripe: Option<guichet_app::stripe::StripeConfig>,
    pub reconcile_after_secs: i64,
    pub test_card_delay_ms: u64,
    /// Outgoing webhooks: percent of the retry delays (100: the documented schedule).
    pub webhook_retry_scale: i64,
    /// The zone of every date and time a person reads (`GUICHET_TIME_ZONE`).
    pub time_zone: guichet_core::human::TimeZone,
    /// Support requests (issue #16).
    pub tickets: guichet_app::config::TicketConfig,
    /// The operator's name, logo and colour (issue #14).
    pub brand: guichet_app::config::Brand,
}

impl Default for Config {
    /// Every setting's default, in one place (the README's configuration table lists the same).
    fn default() -> Self {
        Config {
            database_url: "sqlite://guichet.db".into(),
            addr: "127.0.0.1:8080".into(),
            mail_dir: PathBuf::from("./mail"),
            public_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            mail_from: "Guichet <no-reply@guichet.localhost>".into(),
            trusted_proxies: guichet_web::TrustedProxies::default(),
            session_idle_minutes: 120,
            session_absolute_hours: 24,
            invitation_days: 14,
            kb_synonyms: None,
            creditor: guichet_app::Creditor::default(),
            support_grant_hours: guichet_app::AppConfig::default().support_grant_hours,
            premium_phone: guichet_app::AppConfig::default().premium_phone,
            premium_email: guichet_app::AppConfig::default().premium_email,
            reminder_days: guichet_app::AppConfig::default().reminder_days,
            reminder_grace_days: guichet_app::AppConfig::default().reminder_grace_banking_days,
            background_jobs: true,
            mysql_url: None,
            renewal_lead_days: guichet_app::AppConfig::default().renewal_lead_days,
            auto_renew_days: guichet_app::AppConfig::default().auto_renew_days,
            monthly_minimum: guichet_app::AppConfig::default().monthly_minimum,
            top_up_min: guichet_app::AppConfig::default().top_up_min,
            top_up_max: guichet_app::AppConfig::default().top_up_max,
            stripe: None,
            reconcile_after_secs: guichet_app::AppConfig::default().reconcile_after_secs,
            test_card_delay_ms: 0,
            webhook_retry_scale: guichet_app::AppConfig::default().webhook_retry_scale,
            time_zone: guichet_core::human::TimeZone::Zurich,
            tickets: guichet_app::config::TicketConfig::default(),
            brand: guichet_app::config::Brand::default(),
        }
    }
}

impl Config {
    /// Reads the file named by `--config`/`GUICHET_CONFIG` (if any) and merges.
    pub fn load(args: ConfigArgs) -> anyhow::Result<Config> {
        let file = match &args.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
            }
            None => FileConfig::default(),
        };
        Config::resolve(args, file)
    }

    pub fn resolve(a: ConfigArgs, f: FileConfig) -> anyhow::Result<Config> {
        let d = Config::default();
        let addr = a.addr.or(f.addr).unwrap_or(d.addr);
        let positive = |name: &str, v: i64| {
            if v > 0 {
                Ok(v)
            } else {
                Err(anyhow::anyhow!("{name} must be a positive number, got {v}"))
            }
        };
        let c = Config {
            database_url: a.database_url.or(f.database_url).unwrap_or(d.database_url),
            public_url: a
                .public_url
                .or(f.public_url)
                .unwrap_or_else(|| format!("http://{addr}"))
                .trim_end_matches('/')
                .to_string(),
            addr,
            mail_dir: a.mail_dir.or(f.mail_dir).unwrap_or(d.mail_dir),
            smtp_url: a.smtp_url.or(f.smtp_url).filter(|s| !s.is_empty()),
            mail_from: a.mail_from.or(f.mail_from).unwrap_or(d.mail_from),
            trusted_proxies: {
                let mut list = match a.trusted_proxies.or(f.trusted_proxies) {
                    Some(l) => guichet_web::TrustedProxies::parse(&l)
                        .map_err(|e| anyhow::anyhow!("trusted_proxies: {e}"))?,
                    None => d.trusted_proxies,
                };
                if a.trust_proxy.or(f.trust_proxy).unwrap_or(false) {
                    list.extend(guichet_web::TrustedProxies::loopback());
                }
                list
            },
            session_idle_minutes: positive(
                "session_idle_minutes",
                a.session_idle_minutes
                    .or(f.session_idle_minutes)
                    .unwrap_or(d.session_idle_minutes),
            )?,
            session_absolute_hours: positive(
                "session_absolute_hours",
                a.session_absolute_hours
                    .or(f.session_absolute_hours)
                    .unwrap_or(d.session_absolute_hours),
            )?,
            invitation_days: positive(
                "invitation_days",
                a.invitation_days
                    .or(f.invitation_days)
                    .unwrap_or(d.invitation_days),
            )?,
            kb_synonyms: a.kb_synonyms.or(f.kb_synonyms),
            creditor: {
                let d = d.creditor;
                let explicit_iban = a.iban.or(f.iban);
                guichet_app::Creditor {
                    name: a.creditor_name.or(f.creditor_name).unwrap_or(d.name),
                    street: a.creditor_street.or(f.creditor_street).unwrap_or(d.street),
                    building_number: a
                        .creditor_building
                        .or(f.creditor_building)
                        .unwrap_or(d.building_number),
                    postcode: a
                        .creditor_postcode
                        .or(f.creditor_postcode)
                        .unwrap_or(d.postcode),
                    town: a.creditor_town.or(f.creditor_town).unwrap_or(d.town),
                    country: a
                        .creditor_country
                        .or(f.creditor_country)
                        .unwrap_or(d.country),
                    vat_number: match a
                        .vat_number
                        .or(a.creditor_vat_number)
                        .or(f.vat_number)
                        .or(f.creditor_vat_number)
                    {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None => d.vat_number,
                    },
                    email: match a.creditor_email.or(f.creditor_email) {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None => d.email,
                    },
                    phone: match a.creditor_phone.or(f.creditor_phone) {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None => d.phone,
                    },
                    website: match a.creditor_website.or(f.creditor_website) {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None => d.website,
                    },
                    qr_iban: a.qr_iban.or(f.qr_iban).unwrap_or(d.qr_iban),
                    // Before issue #15 every payout was debited from `iban` (the EUR account):
                    // an installation that set it keeps its EUR payouts there until it sets
                    // `payout_iban_eur` (deprecated fallback), and has no CHF payout account
                    // until it sets `payout_iban_chf` (its CHF payouts are set aside, never
                    // debited from the EUR account). An empty value means "none".
                    payout_iban_chf: match a.payout_iban_chf.or(f.payout_iban_chf) {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None if explicit_iban.is_some() => None,
                        None => d.payout_iban_chf,
                    },
                    payout_iban_eur: match a.payout_iban_eur.or(f.payout_iban_eur) {
                        Some(v) => Some(v).filter(|v| !v.trim().is_empty()),
                        None if explicit_iban.is_some() => explicit_iban.clone(),
                        None => d.payout_iban_eur,
                    },
                    iban: explicit_iban.unwrap_or(d.iban),
                }
            },
            background_jobs: true,
            support_grant_hours: match a.support_grant_hours.or(f.support_grant_hours) {
                Some(list) => grant_hours(&list)?,
                None => d.support_grant_hours,
            },
            premium_phone: a
                .premium_phone
                .or(f.premium_phone)
                .unwrap_or(d.premium_phone),
            premium_email: a
                .premium_email
                .or(f.premium_email)
                .unwrap_or(d.premium_email),
            mysql_url: a.mysql_url.or(f.mysql_url).filter(|s| !s.is_empty()),
            reminder_days: match a.reminder_days.or(f.reminder_days) {
                Some(list) => reminder_days(&list)?,
                None => d.reminder_days,
            },
            reminder_grace_days: match a.reminder_grace_days.or(f.reminder_grace_days) {
                Some(g) if (0..=30).contains(&g) => g,
                Some(g) => anyhow::bail!("reminder_grace_days must be 0…30, got {g}"),
                None => d.reminder_grace_days,
            },
            renewal_lead_days: match a.renewal_lead_days.or(f.renewal_lead_days) {
                Some(n) if (1..=180).contains(&n) => n,
                Some(n) => anyhow::bail!("renewal_lead_days must be 1…180, got {n}"),
                None => d.renewal_lead_days,
            },
            auto_renew_days: match a.auto_renew_days.or(f.auto_renew_days) {
                // The retries are at D-7, D-3 and D-1: the first charge comes before them.
                Some(n) if (8..=60).contains(&n) => n,
                Some(n) => anyhow::bail!(
                    "auto_renew_days must be 8…60 (retries follow at D-7, D-3, D-1), got {n}"
                ),
                None => d.auto_renew_days,
            },
            monthly_minimum: amount(
                "monthly_minimum",
                a.monthly_minimum.or(f.monthly_minimum),
                d.monthly_minimum,
            )?,
            top_up_min: amount("top_up_min", a.top_up_min.or(f.top_up_min), d.top_up_min)?,
            top_up_max: amount("top_up_max", a.top_up_max.or(f.top_up_max), d.top_up_max)?,
            stripe: stripe(
                a.stripe_secret_key.or(f.stripe_secret_key),
                a.stripe_publishable_key.or(f.stripe_publishable_key),
                a.stripe_webhook_secret.or(f.stripe_webhook_secret),
                a.stripe_api_base.or(f.stripe_api_base),
                a.stripe_js_url.or(f.stripe_js_url),
            )?,
            reconcile_after_secs: positive(
                "reconcile_after_secs",
                a.reconcile_after_secs
                    .or(f.reconcile_after_secs)
                    .unwrap_or(d.reconcile_after_secs),
            )?,
            test_card_delay_ms: a
                .test_card_delay_ms
                .or(f.test_card_delay_ms)
                .unwrap_or(d.test_card_delay_ms),
            webhook_retry_scale: match a.webhook_retry_scale.or(f.webhook_retry_scale) {
                Some(n) if (0..=1000).contains(&n) => n,
                Some(n) => anyhow::bail!("webhook_retry_scale must be 0…1000 (percent), got {n}"),
                None => d.webhook_retry_scale,
            },
            time_zone: match a.time_zone.or(f.time_zone) {
                Some(z) => guichet_core::human::TimeZone::parse(&z).ok_or_else(|| {
                    anyhow::anyhow!(
                        "time_zone: {z:?} is not known; Guichet knows Europe/Zurich and UTC only"
                    )
                })?,
                None => d.time_zone,
            },
            tickets: tickets::resolve(a.tickets, f.tickets)?,
            brand: brand::resolve(a.brand, f.brand)?,
        };
        if c.top_up_min > c.top_up_max {
            anyhow::bail!("top_up_min must not be above top_up_max");
        }
        let c = Config {
            creditor: check_creditor(c.creditor)?,
            ..c
        };
        if let Some(u) = &c.mysql_url
            && guichet_store::provision::MysqlServer::new(u).is_err()
        {
            anyhow::bail!(
                "mysql_url must start with mysql:// (e.g. mysql://guichet:PASSWORD@127.0.0.1:3306)"
            );
        }
        if !(c.public_url.starts_with("http://") || c.public_url.starts_with("https://")) {
            anyhow::bail!(
                "public_url must start with http:// or https://, got {:?}",
                c.public_url
            );
        }
        Ok(c)
    }

    pub fn app_config(&self) -> guichet_app::AppConfig {
        guichet_app::AppConfig {
            public_url: self.public_url.clone(),
            mail_dir: self.mail_dir.clone(),
            smtp_url: self.smtp_url.clone(),
            mail_from: self.mail_from.clone(),
            session_idle_secs: self.session_idle_minutes * 60,
            session_absolute_secs: self.session_absolute_hours * 3600,
            invitation_days: self.invitation_days,
            kb_synonyms: self.kb_synonyms.clone(),
            creditor: self.creditor.clone(),
            support_grant_hours: self.support_grant_hours.clone(),
            premium_phone: self.premium_phone.clone(),
            premium_email: self.premium_email.clone(),
            mysql_url: self.mysql_url.clone(),
            reminder_days: self.reminder_days,
            reminder_grace_banking_days: self.reminder_grace_days,
            renewal_lead_days: self.renewal_lead_days,
            auto_renew_days: self.auto_renew_days,
            monthly_minimum: self.monthly_minimum,
            top_up_min: self.top_up_min,
            top_up_max: self.top_up_max,
            stripe: self.stripe.clone(),
            reconcile_after_secs: self.reconcile_after_secs,
            test_card_delay_ms: self.test_card_delay_ms,
            webhook_retry_scale: self.webhook_retry_scale,
            time_zone: self.time_zone,
            tickets: self.tickets.clone(),
            brand: self.brand.clone(),
            ..Default::default()
        }
    }
}

pub mod brand;
mod checks;
pub mod tickets;
use checks::{amount, check_creditor, grant_hours, reminder_days, stripe};

#[cfg(test)]
mod tests;
