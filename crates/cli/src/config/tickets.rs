//! Support requests' settings (issue #16): flags and variables, and the `[tickets]` table of the
//! file, resolved into the app's `TicketConfig` (the README's configuration table lists them).

use clap::Args;
use guichet_app::config::TicketConfig;
use serde::Deserialize;

#[derive(Args, Debug, Default, Clone)]
pub struct TicketArgs {
    /// Address replies to support notifications go to; each notification's Reply-To is LOCAL+TOKEN@DOMAIN; empty: no reply address [default: support@guichet.localhost]
    #[arg(long, env = "GUICHET_SUPPORT_REPLY_ADDRESS", global = true)]
    pub support_reply_address: Option<String>,
    /// Key signing the reply addresses (at least 32 characters) [default: one kept in the database]
    #[arg(
        long,
        env = "GUICHET_SUPPORT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub support_secret: Option<String>,
    /// Days a reply address stays valid [default: 30]
    #[arg(long, env = "GUICHET_SUPPORT_TOKEN_DAYS", global = true)]
    pub support_token_days: Option<i64>,
    /// Promised first-response time in hours: standard, then Premium Support tier 1, tier 2… [default: 48,8,2]
    #[arg(long, env = "GUICHET_SUPPORT_RESPONSE_HOURS", global = true)]
    pub support_response_hours: Option<String>,
    /// Largest attachment, in KiB [default: 5120]
    #[arg(long, env = "GUICHET_SUPPORT_ATTACHMENT_MAX_KB", global = true)]
    pub support_attachment_max_kb: Option<usize>,
    /// Most attachments on one message [default: 5]
    #[arg(long, env = "GUICHET_SUPPORT_ATTACHMENT_MAX_FILES", global = true)]
    pub support_attachment_max_files: Option<usize>,
    /// Attachment types accepted, comma-separated [default: image/png,image/jpeg,image/gif,application/pdf,text/plain,text/csv,application/zip]
    #[arg(long, env = "GUICHET_SUPPORT_ATTACHMENT_TYPES", global = true)]
    pub support_attachment_types: Option<String>,
    /// mail-in: largest message read, in KiB (refused before parsing) [default: 25600]
    #[arg(long, env = "GUICHET_MAIL_IN_MAX_KB", global = true)]
    pub mail_in_max_kb: Option<usize>,
    /// mail-in: most MIME parts of a message [default: 100]
    #[arg(long, env = "GUICHET_MAIL_IN_MAX_PARTS", global = true)]
    pub mail_in_max_parts: Option<usize>,
    /// mail-in: deepest nesting of a message's parts [default: 8]
    #[arg(long, env = "GUICHET_MAIL_IN_MAX_DEPTH", global = true)]
    pub mail_in_max_depth: Option<usize>,
}

/// The `[tickets]` table of the file: the same settings, without the `support_`/`mail_in_` prefix.
#[derive(Deserialize, Debug, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct TicketFile {
    pub reply_address: Option<String>,
    pub secret: Option<String>,
    pub token_days: Option<i64>,
    pub response_hours: Option<String>,
    pub attachment_max_kb: Option<usize>,
    pub attachment_max_files: Option<usize>,
    pub attachment_types: Option<String>,
    pub mail_in_max_kb: Option<usize>,
    pub mail_in_max_parts: Option<usize>,
    pub mail_in_max_depth: Option<usize>,
}

fn within(name: &str, v: usize, lo: usize, hi: usize) -> anyhow::Result<usize> {
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        anyhow::bail!("{name} must be {lo}…{hi}, got {v}")
    }
}

pub fn resolve(a: TicketArgs, f: Option<TicketFile>) -> anyhow::Result<TicketConfig> {
    let f = f.unwrap_or_default();
    let d = TicketConfig::default();
    let reply_address = match a.support_reply_address.or(f.reply_address) {
        Some(v) if v.trim().is_empty() => None,
        Some(v) => {
            let v = v.trim().to_string();
            let ok = v
                .split_once('@')
                .is_some_and(|(l, dom)| !l.is_empty() && !l.contains('+') && dom.contains('.'));
            if !ok {
                anyhow::bail!("support_reply_address must be local@domain without '+', got {v:?}");
            }
            Some(v)
        }
        None => d.reply_address,
    };
    let secret = match a.support_secret.or(f.secret) {
        Some(s) if s.len() < 32 => anyhow::bail!("support_secret must have at least 32 characters"),
        other => other,
    };
    let response_hours = match a.support_response_hours.or(f.response_hours) {
        Some(list) => {
            let hours: Vec<i64> = list
                .split(',')
                .map(|h| h.trim().parse::<i64>())
                .collect::<Result<_, _>>()
                .map_err(|_| {
                    anyhow::anyhow!(
                        "support_response_hours: whole hours, comma-separated, got {list:?}"
                    )
                })?;
            if hours.is_empty() || hours.iter().any(|h| !(1..=720).contains(h)) {
                anyhow::bail!("support_response_hours: each 1…720 hours, got {list:?}");
            }
            hours
        }
        None => d.response_hours,
    };
    let mut attachments = d.attachments.clone();
    if let Some(kb) = a.support_attachment_max_kb.or(f.attachment_max_kb) {
        attachments.max_bytes = within("support_attachment_max_kb", kb, 1, 50 * 1024)? * 1024;
    }
    if let Some(n) = a.support_attachment_max_files.or(f.attachment_max_files) {
        attachments.max_files = within("support_attachment_max_files", n, 0, 20)?;
    }
    if let Some(types) = a.support_attachment_types.or(f.attachment_types) {
        attachments.types = types
            .split(',')
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if attachments
            .types
            .iter()
            .any(|t| !t.contains('/') || t == "text/html")
        {
            anyhow::bail!(
                "support_attachment_types: types like image/png (text/html is never accepted), got {types:?}"
            );
        }
    }
    let token_days = match a.support_token_days.or(f.token_days) {
        Some(n) if (1..=365).contains(&n) => n,
        Some(n) => anyhow::bail!("support_token_days must be 1…365, got {n}"),
        None => d.token_days,
    };
    Ok(TicketConfig {
        attachments,
        response_hours,
        reply_address,
        token_days,
        secret,
        mail_max_bytes: match a.mail_in_max_kb.or(f.mail_in_max_kb) {
            Some(kb) => within("mail_in_max_kb", kb, 16, 200 * 1024)? * 1024,
            None => d.mail_max_bytes,
        },
        mail_max_parts: match a.mail_in_max_parts.or(f.mail_in_max_parts) {
            Some(n) => within("mail_in_max_parts", n, 1, 10_000)?,
            None => d.mail_max_parts,
        },
        mail_max_depth: match a.mail_in_max_depth.or(f.mail_in_max_depth) {
            Some(n) => within("mail_in_max_depth", n, 1, 100)?,
            None => d.mail_max_depth,
        },
    })
}
