//! Settings checked when they are read: amounts, day lists, and the creditor's bank details and
//! texts (they go onto QR-bills and into pain.001 files).

/// An amount setting typed as people write it (`5.00`, `10`), in minor units; none: the default.
pub(super) fn amount(name: &str, raw: Option<String>, default: i64) -> anyhow::Result<i64> {
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
pub(super) fn reminder_days(list: &str) -> anyhow::Result<[i64; 3]> {
    let days: Vec<i64> = list
        .split(',')
        .map(str::trim)
        .map(str::parse::<i64>)
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
pub(super) fn grant_hours(list: &str) -> anyhow::Result<Vec<i64>> {
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
pub(super) fn check_creditor(c: guichet_app::Creditor) -> anyhow::Result<guichet_app::Creditor> {
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
        vat_number: c
            .vat_number
            .as_deref()
            .map(|v| text("creditor_vat_number", v, 40))
            .transpose()?,
        email: match c.email.as_deref().map(str::trim) {
            Some(e) if !e.contains('@') || e.contains(char::is_whitespace) || e.len() > 254 => {
                anyhow::bail!("creditor_email: {e:?} is not an e-mail address")
            }
            e => e.map(str::to_owned),
        },
        phone: c
            .phone
            .as_deref()
            .map(|v| text("creditor_phone", v, 40))
            .transpose()?,
        website: c
            .website
            .as_deref()
            .map(|v| text("creditor_website", v, 70))
            .transpose()?,
    })
}

/// The Stripe settings: none without a secret key; a key that is not one, or an API or script URL
/// that is not http(s), is refused at start with the setting's name.
pub(super) fn stripe(
    secret_key: Option<String>,
    publishable_key: Option<String>,
    webhook_secret: Option<String>,
    api_base: Option<String>,
    js_url: Option<String>,
) -> anyhow::Result<Option<guichet_app::stripe::StripeConfig>> {
    let Some(secret_key) = secret_key.filter(|k| !k.trim().is_empty()) else {
        return Ok(None);
    };
    if !(secret_key.starts_with("sk_") || secret_key.starts_with("rk_")) {
        anyhow::bail!(
            "stripe_secret_key must be a Stripe secret key (sk_live_…, sk_test_… or rk_…)"
        );
    }
    if let Some(pk) = &publishable_key
        && !pk.starts_with("pk_")
    {
        anyhow::bail!("stripe_publishable_key must be a Stripe publishable key (pk_…)");
    }
    if let Some(w) = &webhook_secret
        && !w.starts_with("whsec_")
    {
        anyhow::bail!("stripe_webhook_secret must be the endpoint's signing secret (whsec_…)");
    }
    let http = |name: &str, v: String| {
        if v.starts_with("https://") || v.starts_with("http://") {
            Ok(v)
        } else {
            Err(anyhow::anyhow!("{name} must be an http(s) URL, got {v:?}"))
        }
    };
    Ok(Some(guichet_app::stripe::StripeConfig {
        secret_key,
        publishable_key,
        webhook_secret: webhook_secret.filter(|w| !w.is_empty()),
        api_base: http(
            "stripe_api_base",
            api_base.unwrap_or_else(|| guichet_app::stripe::DEFAULT_API_BASE.into()),
        )?,
        js_url: http(
            "stripe_js_url",
            js_url.unwrap_or_else(|| guichet_app::stripe::DEFAULT_JS_URL.into()),
        )?,
    }))
}
