//! `guichet mail-in` (issue #16): one RFC 5322 message on standard input, as a Postfix or Exim pipe
//! transport runs it, or every message of a Maildir's `new/` (once, or every `--poll` seconds),
//! appended to the support request it answers or refused with a log line. Standard input is read
//! up to the configured limit plus one byte, so an oversized message never reaches memory whole.
//!
//! Exit status: 0 when the message was appended or refused (a refused message is not bounced:
//! its sender may be forged); 75 (`EX_TEMPFAIL`, the MTA retries) when it could not be processed
//! (the database is unreachable).

use guichet::Config;
use guichet_app::SystemClock;
use guichet_app::tickets::mail_in::MailOutcome;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const EX_TEMPFAIL: i32 = 75;

fn read_capped(r: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(max.min(1 << 20));
    r.take(max as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn say(source: &str, o: &MailOutcome) {
    match o {
        MailOutcome::Appended {
            request,
            dropped_attachments,
        } => println!(
            "{source}: appended to request {request} ({dropped_attachments} attachments dropped)"
        ),
        MailOutcome::Refused(r) => eprintln!("{source}: refused ({})", r.code()),
    }
}

async fn one_maildir_pass(app: &guichet_app::App, dir: &Path, max: usize) -> anyhow::Result<usize> {
    let new = dir.join("new");
    let cur = dir.join("cur");
    std::fs::create_dir_all(&cur)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&new)
        .map_err(|e| anyhow::anyhow!("{}: {e}", new.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut done = 0;
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("message")
            .to_string();
        let bytes = read_capped(std::fs::File::open(&path)?, max)?;
        let outcome = app.mail_in(&bytes).await?;
        say(&name, &outcome);
        // Seen either way: a refused message is not read again.
        std::fs::rename(&path, cur.join(format!("{name}:2,S")))?;
        done += 1;
    }
    Ok(done)
}

pub async fn run(
    config: &Config,
    maildir: Option<PathBuf>,
    poll: Option<u64>,
) -> anyhow::Result<i32> {
    let app = match guichet::open(config, Arc::new(SystemClock)).await {
        Ok(a) => a,
        Err(e) => {
            eprintln!("mail-in: cannot open the database: {e:#}");
            return Ok(EX_TEMPFAIL);
        }
    };
    let max = config.tickets.mail_max_bytes;
    let Some(dir) = maildir else {
        let bytes = read_capped(std::io::stdin().lock(), max)?;
        return Ok(match app.mail_in(&bytes).await {
            Ok(o) => {
                say("stdin", &o);
                0
            }
            Err(e) => {
                eprintln!("mail-in: {e}");
                EX_TEMPFAIL
            }
        });
    };
    loop {
        match one_maildir_pass(&app, &dir, max).await {
            Ok(n) if n > 0 => eprintln!("mail-in: {n} messages read from {}", dir.display()),
            Ok(_) => {}
            Err(e) => eprintln!("mail-in: {e:#}"),
        }
        match poll {
            Some(secs) => tokio::time::sleep(std::time::Duration::from_secs(secs.max(1))).await,
            None => return Ok(0),
        }
    }
}
