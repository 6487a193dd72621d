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
            ..Default::default()
        }
    }
}

/// An amount setting typed as people write it (`5.00`, `10`), in minor units; none: the default.
fn amount(name: &str, raw: Option<String>, default: i64) -> anyhow::Result<i64> {
    match raw {
        None => Ok(default),
        Some(r) => guichet_core::money::parse_amount_text(&r, guichet_core::money::Zero::Refused)
            .map_err(|e| {
                anyhow::anyhow!(
                    "{name}: give a positive amount such as 5.00, at most 1000000000.00 ({e}), got {r:?}"
                )
            }),
    }
}

/// `1,10,20` → the days after the due date of reminders R1, R2, R3 (increasing, 1…365).
fn reminder_days(list: &str) -> anyhow::Result<[i64; 3]> {
    let days: Vec<i64> = list
        .split(',')
        .map(str::trim)
        .map(|p| p.parse::<i64>())
        .collect::<Result<_, _>>()
        .map_err(|_| anyhow::anyhow!("reminder_days: give three numbers of days, e.g. 1,10,20"))?;
    match days[..] {
        [a, b, c] if 1 <= a && a < b && b < c && c <= 365 => Ok([a, b, c]),
        _ => anyhow::bail!(
            "reminder_days: give three increasing numbers of days (1…365), e.g. 1,10,20; got {list:?}"
        ),
    }
}

/// `1,24,168` → the hours offered for temporary support access (each 1…8760, at least one).
fn grant_hours(list: &str) -> anyhow::Result<Vec<i64>> {
    let mut out = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<i64>() {
            Ok(h) if (1..=8760).contains(&h) => out.push(h),
            _ => anyhow::bail!("support_grant_hours: {part:?} is not a number of hours (1…8760)"),
        }
    }
    if out.is_empty() {
        anyhow::bail!("support_grant_hours: give at least one duration, e.g. 1,24,168");
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// The provider's accounts must be what they claim: the QR-IBAN a QR-IBAN, the IBAN an ordinary one.
/// Returns the creditor with its accounts in electronic form (no spaces).
fn check_creditor(c: guichet_app::Creditor) -> anyhow::Result<guichet_app::Creditor> {
    use guichet_bank::references::{is_qr_iban, validate_iban};
    let qr = validate_iban(&c.qr_iban).map_err(|e| anyhow::anyhow!("qr_iban: {e}"))?;
    if !is_qr_iban(&qr) {
        anyhow::bail!(
            "qr_iban: {} is an ordinary IBAN, not a QR-IBAN (IID 30000–31999)",
            c.qr_iban
        );
    }
    let iban = validate_iban(&c.iban).map_err(|e| anyhow::anyhow!("iban: {e}"))?;
    if is_qr_iban(&iban) {
        anyhow::bail!(
            "iban: {} is a QR-IBAN; EUR bills need an ordinary IBAN",
            c.iban
        );
    }
    let payout = |setting: &str, v: &Option<String>| -> anyhow::Result<Option<String>> {
        let Some(v) = v else { return Ok(None) };
        let iban = validate_iban(v).map_err(|e| anyhow::anyhow!("{setting}: {e}"))?;
        if is_qr_iban(&iban) {
            anyhow::bail!(
                "{setting}: {v} is a QR-IBAN, which only receives QR payments; give the account payouts are debited from"
            );
        }
        Ok(Some(iban))
    };
    let payout_iban_chf = payout("payout_iban_chf", &c.payout_iban_chf)?;
    let payout_iban_eur = payout("payout_iban_eur", &c.payout_iban_eur)?;
    if payout_iban_chf.is_some() && payout_iban_chf == payout_iban_eur {
        anyhow::bail!(
            "payout_iban_chf and payout_iban_eur are the same account: an IBAN holds one currency, give the CHF and the EUR account"
        );
    }
    if c.name.trim().is_empty()
        || c.town.trim().is_empty()
        || c.postcode.trim().is_empty()
        || c.country.len() != 2
    {
        anyhow::bail!("creditor: name, postcode, town and a two-letter country are required");
    }
    // Every text goes onto QR-bills and into pain.001 files: typographic characters are written
    // plainly, anything else outside the Swiss Payment Standards set stops the start with the
    // setting and the character named, and each text must fit its field.
    let text = |setting: &str, v: &str, max: usize| -> anyhow::Result<String> {
        let plain = guichet_core::sps_text::transliterate(v.trim()).map_err(|ch| {
            anyhow::anyhow!(
                "{setting}: the character {} cannot be used in a Swiss payment (QR-bill, pain.001)",
                guichet_core::sps_text::describe(ch)
            )
        })?;
        if plain.chars().count() > max {
            anyhow::bail!(
                "{setting}: at most {max} characters, got {}",
                plain.chars().count()
            );
        }
        Ok(plain)
    };
    Ok(guichet_app::Creditor {
        name: text("creditor_name", &c.name, 70)?,
        street: text("creditor_street", &c.street, 70)?,
        building_number: text("creditor_building", &c.building_number, 16)?,
        postcode: text("creditor_postcode", &c.postcode, 16)?,
        town: text("creditor_town", &c.town, 35)?,
        country: c.country.to_ascii_uppercase(),
        qr_iban: qr,
        iban,
        payout_iban_chf,
        payout_iban_eur,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_which_wins_over_defaults() {
        let file: FileConfig = toml::from_str(
            "addr = \"0.0.0.0:9000\"\ninvitation_days = 7\ndatabase_url = \"sqlite://x.db\"",
        )
        .unwrap();
        let args = ConfigArgs {
            database_url: Some("postgres://u@h/db".into()),
            ..Default::default()
        };
        let c = Config::resolve(args, file).unwrap();
        assert_eq!(c.database_url, "postgres://u@h/db");
        assert_eq!(c.addr, "0.0.0.0:9000");
        assert_eq!(c.invitation_days, 7);
        assert_eq!(c.public_url, "http://0.0.0.0:9000");
        let d = Config::default();
        let resolved = Config::resolve(ConfigArgs::default(), FileConfig::default()).unwrap();
        assert_eq!(
            format!("{resolved:?}"),
            format!("{d:?}"),
            "resolving nothing gives the defaults, which are valid"
        );
        assert_eq!(
            (d.database_url.as_str(), d.addr.as_str()),
            ("sqlite://guichet.db", "127.0.0.1:8080")
        );
        assert_eq!(d.mail_dir, PathBuf::from("./mail"));
        // SUP-03 ⚙: the support access durations.
        let file: FileConfig = toml::from_str("support_grant_hours = \"2, 48\"").unwrap();
        let c = Config::resolve(ConfigArgs::default(), file).unwrap();
        assert_eq!(c.app_config().support_grant_hours, [2, 48]);
        let file: FileConfig =
            toml::from_str("reminder_days = \"2, 15, 30\"\nreminder_grace_days = 5").unwrap();
        let c = Config::resolve(ConfigArgs::default(), file).unwrap();
        assert_eq!(c.app_config().reminder_days, [2, 15, 30]);
        assert_eq!(c.app_config().reminder_grace_banking_days, 5);
        for bad in [
            "reminder_days = \"10, 1, 20\"",
            "reminder_days = \"1,2\"",
            "reminder_grace_days = -1",
        ] {
            let file: FileConfig = toml::from_str(bad).unwrap();
            assert!(
                Config::resolve(ConfigArgs::default(), file).is_err(),
                "{bad}"
            );
        }
        let file: FileConfig = toml::from_str("support_grant_hours = \"0\"").unwrap();
        assert!(Config::resolve(ConfigArgs::default(), file).is_err());
    }

    #[test]
    fn payouts_have_one_account_per_currency() {
        let resolve = |toml_text: &str| {
            Config::resolve(ConfigArgs::default(), toml::from_str(toml_text).unwrap())
                .map(|c| (c.creditor.payout_iban_chf, c.creditor.payout_iban_eur))
        };
        let ok = resolve(
            "payout_iban_chf = \"CH56 0483 5012 3456 7800 9\"\npayout_iban_eur = \"CH9300762011623852957\"",
        )
        .unwrap();
        assert_eq!(
            ok,
            (
                Some("CH5604835012345678009".into()),
                Some("CH9300762011623852957".into())
            )
        );
        // Before issue #15 payouts were debited from `iban`: it stays the EUR payout account until
        // `payout_iban_eur` is set, and CHF payouts have no account (set aside) until theirs is.
        assert_eq!(
            resolve("iban = \"CH9300762011623852957\"").unwrap(),
            (None, Some("CH9300762011623852957".into()))
        );
        assert_eq!(
            resolve("payout_iban_chf = \"\"").unwrap().0,
            None,
            "empty: none"
        );
        for (bad, setting) in [
            (
                "payout_iban_chf = \"CH5604835012345678000\"",
                "payout_iban_chf",
            ),
            (
                "payout_iban_eur = \"CH4431999123000889012\"",
                "payout_iban_eur",
            ),
            (
                "payout_iban_chf = \"CH9300762011623852957\"\npayout_iban_eur = \"CH9300762011623852957\"",
                "same account",
            ),
        ] {
            let e = resolve(bad).unwrap_err().to_string();
            assert!(e.contains(setting), "{bad}: {e}");
        }
    }

    #[test]
    fn bad_values_are_refused_with_the_setting_named() {
        assert!(
            toml::from_str::<FileConfig>("adr = \"x\"").is_err(),
            "unknown keys are refused"
        );
        let e = Config::resolve(
            ConfigArgs {
                invitation_days: Some(0),
                ..Default::default()
            },
            FileConfig::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("invitation_days"));
        let e = Config::resolve(
            ConfigArgs {
                public_url: Some("ftp://x".into()),
                ..Default::default()
            },
            FileConfig::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("public_url"));
        let qr = ConfigArgs {
            qr_iban: Some("CH9300762011623852957".into()),
            ..Default::default()
        };
        let e = Config::resolve(qr, FileConfig::default()).unwrap_err();
        assert!(e.to_string().contains("qr_iban"), "{e}");
        let iban = ConfigArgs {
            iban: Some("CH93 0076 2011 6238 5295 8".into()),
            ..Default::default()
        };
        let e = Config::resolve(iban, FileConfig::default()).unwrap_err();
        assert!(e.to_string().starts_with("iban"), "{e}");
        let ok = ConfigArgs {
            iban: Some("CH93 0076 2011 6238 5295 7".into()),
            ..Default::default()
        };
        assert!(
            Config::resolve(ok, FileConfig::default()).is_ok(),
            "spaces in an IBAN are fine"
        );
    }

    #[test]
    fn creditor_texts_are_plain_or_refused_with_the_character_named() {
        let typographic = ConfigArgs {
            creditor_name: Some("Hébergement l’Arc — Sàrl".into()),
            creditor_town: Some("«Lausanne»".into()),
            ..Default::default()
        };
        let c = Config::resolve(typographic, FileConfig::default())
            .unwrap()
            .creditor;
        assert_eq!(c.name, "Hébergement l'Arc - Sàrl");
        assert_eq!(c.town, "\"Lausanne\"");
        let emoji = ConfigArgs {
            creditor_street: Some("Rue du Port 🚢".into()),
            ..Default::default()
        };
        let e = Config::resolve(emoji, FileConfig::default()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("creditor_street: the character 🚢"),
            "{e}"
        );
        let long = ConfigArgs {
            creditor_town: Some("x".repeat(36)),
            ..Default::default()
        };
        let e = Config::resolve(long, FileConfig::default()).unwrap_err();
        assert!(e.to_string().contains("creditor_town: at most 35"), "{e}");
    }

    #[test]
    fn trusted_proxies_are_read_and_checked() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let file: FileConfig =
            toml::from_str("trusted_proxies = \"10.0.0.0/8, fd00::/8\"").unwrap();
        let c = Config::resolve(ConfigArgs::default(), file).unwrap();
        assert!(c.trusted_proxies.contains(ip("10.2.3.4")));
        assert!(c.trusted_proxies.contains(ip("fd00::1")));
        assert!(!c.trusted_proxies.contains(ip("127.0.0.1")));
        // The old switch keeps its documented meaning: the proxy on this machine.
        let old = ConfigArgs {
            trust_proxy: Some(true),
            ..Default::default()
        };
        let c = Config::resolve(old, FileConfig::default()).unwrap();
        assert!(c.trusted_proxies.contains(ip("127.0.0.1")));
        assert!(c.trusted_proxies.contains(ip("::1")));
        assert!(!c.trusted_proxies.contains(ip("10.0.0.1")));
        assert!(
            Config::resolve(ConfigArgs::default(), FileConfig::default())
                .unwrap()
                .trusted_proxies
                .is_empty(),
            "by default no X-Forwarded-For is believed"
        );
        let bad = ConfigArgs {
            trusted_proxies: Some("10.0.0.0/8, proxy.lan".into()),
            ..Default::default()
        };
        let e = Config::resolve(bad, FileConfig::default()).unwrap_err();
        assert!(
            e.to_string().contains("trusted_proxies") && e.to_string().contains("proxy.lan"),
            "{e}"
        );
    }

    #[test]
    fn billing_settings_are_read_and_checked() {
        let file: FileConfig = toml::from_str(
            "renewal_lead_days = 45\nauto_renew_days = 21\nmonthly_minimum = \"8.50\"\ntop_up_min = \"20\"",
        )
        .unwrap();
        let c = Config::resolve(ConfigArgs::default(), file).unwrap();
        let app = c.app_config();
        assert_eq!(
            (
                app.renewal_lead_days,
                app.auto_renew_days,
                app.monthly_minimum,
                app.top_up_min
            ),
            (45, 21, 850, 2_000)
        );
        for (args, name) in [
            (
                ConfigArgs {
                    auto_renew_days: Some(5),
                    ..Default::default()
                },
                "auto_renew_days",
            ),
            (
                ConfigArgs {
                    renewal_lead_days: Some(0),
                    ..Default::default()
                },
                "renewal_lead_days",
            ),
            (
                ConfigArgs {
                    monthly_minimum: Some("cinq".into()),
                    ..Default::default()
                },
                "monthly_minimum",
            ),
            (
                ConfigArgs {
                    top_up_min: Some("500000".into()),
                    ..Default::default()
                },
                "top_up_min",
            ),
        ] {
            let e = Config::resolve(args, FileConfig::default()).unwrap_err();
            assert!(e.to_string().contains(name), "{name}: {e}");
        }
    }
}
