//! The settings the use cases read (the CLI builds them from flags, environment and file).

use std::path::PathBuf;

/// The provider as it appears on QR-bills: who is paid, on which accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Creditor {
    pub name: String,
    pub street: String,
    pub building_number: String,
    pub postcode: String,
    pub town: String,
    pub country: String,
    /// QR-IBAN (IID 30000–31999): CHF bills with a QR reference.
    pub qr_iban: String,
    /// Ordinary IBAN: EUR bills with an ISO 11649 creditor reference.
    pub iban: String,
    /// The accounts payouts are debited from, one per currency (`GUICHET_PAYOUT_IBAN_CHF`,
    /// `GUICHET_PAYOUT_IBAN_EUR`). A payout in a currency without one is set aside, never
    /// debited from another currency's account.
    pub payout_iban_chf: Option<String>,
    pub payout_iban_eur: Option<String>,
    /// The provider's VAT number (`GUICHET_CREDITOR_VAT_NUMBER`, e.g. `CHE-123.456.789 MWST`),
    /// printed on every invoice (required on a Swiss VAT invoice) and the seller's VAT identifier
    /// of the Factur-X e-invoice.
    pub vat_number: Option<String>,
    /// The billing contact printed on invoices and given as the seller's electronic address of
    /// the e-invoice (`GUICHET_CREDITOR_EMAIL`).
    pub email: Option<String>,
    /// Phone and website printed on invoices with the e-mail (`GUICHET_CREDITOR_PHONE`,
    /// `GUICHET_CREDITOR_WEBSITE`).
    pub phone: Option<String>,
    pub website: Option<String>,
}

impl Creditor {
    /// The account payouts of `currency` are debited from, if one is configured.
    pub fn payout_iban(&self, currency: guichet_core::Currency) -> Option<&str> {
        match currency {
            guichet_core::Currency::Chf => self.payout_iban_chf.as_deref(),
            guichet_core::Currency::Eur => self.payout_iban_eur.as_deref(),
        }
    }
}

impl Default for Creditor {
    /// A fictitious provider with the example accounts of the Swiss guidelines (demo and tests).
    fn default() -> Self {
        Creditor {
            name: "Guichet Hébergement SA".into(),
            street: "Rue du Grand-Pont".into(),
            building_number: "2".into(),
            postcode: "1003".into(),
            town: "Lausanne".into(),
            country: "CH".into(),
            qr_iban: "CH4431999123000889012".into(),
            iban: "CH9300762011623852957".into(),
            payout_iban_chf: Some("CH4708390012345678901".into()),
            payout_iban_eur: Some("CH9300762011623852957".into()),
            vat_number: Some("CHE-123.456.789 MWST".into()),
            email: Some("facturation@guichet.example".into()),
            phone: Some("+41 21 000 00 01".into()),
            website: Some("www.guichet.example".into()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Base URL used in e-mailed links, and to tell whether cookies get `Secure`.
    pub public_url: String,
    /// Where `.eml` files go when no SMTP server is configured.
    pub mail_dir: PathBuf,
    /// `smtp://user:pass@host:587` or `smtps://…`; none writes files to `mail_dir`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub session_idle_secs: i64,
    pub session_absolute_secs: i64,
    pub invitation_days: i64,
    /// Failed logins allowed per account per minute before refusing (the next one is refused).
    pub login_failures_per_minute: i64,
    pub login_failures_per_hour: i64,
    pub login_failures_per_ip_per_minute: i64,
    /// PP-02 ⚙: smallest and largest top-up, largest balance, in minor units.
    pub top_up_min: i64,
    pub top_up_max: i64,
    pub prepaid_max_balance: i64,
    /// KB-02 ⚙: the search's synonym groups, a TOML file; none uses the built-in list.
    pub kb_synonyms: Option<PathBuf>,
    /// Who is paid by bank transfer (QR-bills).
    pub creditor: Creditor,
    /// Renewal invoices are issued this many days before expiry (⚙).
    pub renewal_lead_days: i64,
    /// AR-01: automatic renewals are charged this many days before expiry (⚙), then retried at
    /// D-7, D-3 and D-1; auto-renewal cannot be switched on later than this.
    pub auto_renew_days: i64,
    /// FREQ-01: monthly billing is offered only when the monthly price reaches this (minor units ⚙).
    pub monthly_minimum: i64,
    /// SUP-03 ⚙: the durations (hours) an Organization may grant support access for.
    pub support_grant_hours: Vec<i64>,
    /// SUP-02 ⚙: the Premium Support contact channels shown with the VIP code.
    pub premium_phone: String,
    pub premium_email: String,
    /// DB-05: the MySQL/MariaDB server where customers' databases and users are created
    /// (`mysql://USER:PASSWORD@HOST:PORT`); none turns provisioning off.
    pub mysql_url: Option<String>,
    /// REM-05 ⚙: reminders R1, R2, R3 go out this many days after the due date.
    pub reminder_days: [i64; 3],
    /// REM-05 ⚙: no reminder within this many banking days (Monday to Friday) after the customer
    /// declared a bank transfer for the invoice.
    pub reminder_grace_banking_days: i64,
    /// Card payments through Stripe (issue #13); none uses the built-in test processor.
    pub stripe: Option<crate::stripe::StripeConfig>,
    /// A pending card charge older than this is settled by the reconciler, which asks the
    /// provider (longer than a provider call can take, so a live request is not raced).
    pub reconcile_after_secs: i64,
    /// Each call to the test processor takes this long (a slow provider, for tests).
    pub test_card_delay_ms: u64,
    /// Outgoing webhooks ⚙: percent of the retry delays (`core::webhook::retry_delay`); 100 is
    /// the documented schedule, 0 retries at once (tests).
    pub webhook_retry_scale: i64,
    /// The provider's time zone (`GUICHET_TIME_ZONE`): every date and time a person reads.
    pub time_zone: guichet_core::human::TimeZone,
    /// Support requests (issue #16) ⚙: attachments, response times, reply addresses, mail-in.
    pub tickets: TicketConfig,
    /// The operator's name, logo and colour on every page (issue #14).
    pub brand: Brand,
}

/// The operator's brand ⚙ (`GUICHET_BRAND_NAME`, `GUICHET_BRAND_LOGO`, `GUICHET_BRAND_COLOR`):
/// shown in the header of every page and in page titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brand {
    pub name: String,
    /// The primary colour, `#rrggbb` in lower case (checked at start-up).
    pub color: String,
    /// The logo, read once at start-up and served by Guichet itself (`/assets/brand-logo`).
    pub logo: Option<BrandLogo>,
}

impl Default for Brand {
    fn default() -> Self {
        Brand {
            name: "Guichet".into(),
            color: "#0b5cad".into(),
            logo: None,
        }
    }
}

impl Brand {
    /// A short fingerprint of the colour and the logo, put in their URLs so a browser fetches
    /// them again after the operator changes them.
    pub fn version(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let logo = self.logo.as_ref().map_or(&[][..], |l| &l.bytes[..]);
        for b in self.color.as_bytes().iter().chain(logo) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{:08x}", h >> 32)
    }
}

/// An image file's bytes and type.
#[derive(Clone, PartialEq, Eq)]
pub struct BrandLogo {
    pub bytes: std::sync::Arc<[u8]>,
    /// `image/png`, `image/jpeg`, `image/svg+xml` or `image/webp`.
    pub content_type: &'static str,
}

impl std::fmt::Debug for BrandLogo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "BrandLogo({}, {} bytes)",
            self.content_type,
            self.bytes.len()
        )
    }
}

/// Support requests' settings (issue #16), each ⚙ in the README.
#[derive(Clone, Debug)]
pub struct TicketConfig {
    /// Attachments: size, count and content types kept.
    pub attachments: guichet_core::support_request::AttachmentLimits,
    /// The promised first-response time in hours: `[standard, tier 1, tier 2, …]` (the last one
    /// holds for any higher tier).
    pub response_hours: Vec<i64>,
    /// The address replies go to, `local@domain`; a notification's Reply-To is
    /// `local+TOKEN@domain`. None: notifications carry no reply address.
    pub reply_address: Option<String>,
    /// Days a reply address stays valid.
    pub token_days: i64,
    /// The key that signs reply addresses; none: one kept in the database (made once).
    pub secret: Option<String>,
    /// mail-in: the largest message read, in bytes (refused before parsing).
    pub mail_max_bytes: usize,
    /// mail-in: the most MIME parts, and the deepest nesting, of a message.
    pub mail_max_parts: usize,
    pub mail_max_depth: usize,
}

impl Default for TicketConfig {
    fn default() -> Self {
        TicketConfig {
            attachments: guichet_core::support_request::AttachmentLimits::default(),
            response_hours: vec![48, 8, 2],
            reply_address: Some("support@guichet.localhost".into()),
            token_days: 30,
            secret: None,
            mail_max_bytes: 25 * 1024 * 1024,
            mail_max_parts: 100,
            mail_max_depth: 8,
        }
    }
}

impl TicketConfig {
    /// The promised first-response time of `tier`, in seconds.
    pub fn response_secs(&self, tier: i64) -> i64 {
        let i = usize::try_from(tier.max(0)).unwrap_or(0);
        let hours = self
            .response_hours
            .get(i)
            .or(self.response_hours.last())
            .copied()
            .unwrap_or(48);
        hours * 3600
    }
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            public_url: "http://127.0.0.1:8080".into(),
            mail_dir: PathBuf::from("./mail"),
            smtp_url: None,
            mail_from: "Guichet <no-reply@guichet.localhost>".into(),
            session_idle_secs: 2 * 3600,
            session_absolute_secs: 24 * 3600,
            invitation_days: 14,
            login_failures_per_minute: 10,
            login_failures_per_hour: 100,
            login_failures_per_ip_per_minute: 50,
            top_up_min: 1_000,
            top_up_max: 1_000_000,
            prepaid_max_balance: 5_000_000,
            kb_synonyms: None,
            creditor: Creditor::default(),
            renewal_lead_days: 30,
            auto_renew_days: 14,
            monthly_minimum: 500,
            support_grant_hours: vec![1, 24, 168],
            premium_phone: "+41 21 000 00 00".into(),
            premium_email: "premium@guichet.localhost".into(),
            mysql_url: None,
            reminder_days: [1, 10, 20],
            reminder_grace_banking_days: 3,
            stripe: None,
            reconcile_after_secs: 120,
            test_card_delay_ms: 0,
            webhook_retry_scale: 100,
            time_zone: guichet_core::human::TimeZone::Zurich,
            tickets: TicketConfig::default(),
            brand: Brand::default(),
        }
    }
}
