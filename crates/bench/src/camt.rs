//! Bank statements in volume (issue #4, acceptance 3 and 8): a camt.054 generator whose entries pay
//! open invoices, the seeding of those invoices, and `guichet bench import-camt`: entries per second
//! of the real import (matching, ledger postings, invoice status) next to the raw XML parse rate of
//! the same file by the bank crate alone.

use guichet_app::App;
use guichet_core::Currency;
use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// One credit in a generated notification.
#[derive(Clone, Debug)]
pub struct CamtPayment {
    /// Unique per payment: the bank's reference of the transaction (what makes a re-import a no-op).
    pub id: String,
    pub reference: String,
    pub amount_minor: i64,
    pub currency: Currency,
}

/// A camt.054.001.08 notification with one booked credit entry per payment, each with its QR
/// reference — the shape Swiss banks deliver (SPS), as large as asked.
pub fn camt054(message_id: &str, payments: &[CamtPayment]) -> String {
    let mut x = String::with_capacity(200 + payments.len() * 900);
    let _ = write!(
        x,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
 <BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>{message_id}</MsgId><CreDtTm>2026-11-18T06:00:00</CreDtTm></GrpHdr>
  <Ntfctn>
   <Id>{message_id}-N</Id>
   <CreDtTm>2026-11-18T06:00:00</CreDtTm>
   <Acct><Id><IBAN>CH4431999123000889012</IBAN></Id></Acct>
"#
    );
    for p in payments {
        let amount = format!("{}.{:02}", p.amount_minor / 100, p.amount_minor % 100);
        let ccy = p.currency.code();
        let _ = write!(
            x,
            r#"   <Ntry>
    <Amt Ccy="{ccy}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2026-11-18</Dt></BookgDt><ValDt><Dt>2026-11-18</Dt></ValDt>
    <AcctSvcrRef>{id}-E</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><AcctSvcrRef>{id}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <Amt Ccy="{ccy}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
     <RltdPties><Dbtr><Pty><Nm>Payer {id}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></DbtrAcct></RltdPties>
     <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry>{kind}</CdOrPrtry></Tp><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
"#,
            id = p.id,
            reference = p.reference,
            kind = if p.reference.starts_with("RF") {
                "<Cd>SCOR</Cd>"
            } else {
                "<Prtry>QRR</Prtry>"
            },
        );
    }
    x.push_str("  </Ntfctn>\n </BkToCstmrDbtCdtNtfctn>\n</Document>\n");
    x
}

/// The payment of each of the first `count` open invoices (oldest due first), exact amount and
/// reference: a notification that pays what is due.
pub async fn open_invoice_payments(app: &App, count: usize) -> anyhow::Result<Vec<CamtPayment>> {
    let mut c = app.db.conn().await?;
    let last_day = guichet_core::period::Date {
        year: 9999,
        month: 12,
        day: 31,
    };
    Ok(
        guichet_store::billing::open_due_by(&mut c, last_day, count as i64)
            .await?
            .into_iter()
            .map(|i| CamtPayment {
                id: format!("GEN-{}", i.id),
                reference: i.payment_reference,
                amount_minor: i.gross.minor,
                currency: i.currency,
            })
            .collect(),
    )
}

/// Seeds `count` open CHF invoices (100 per Organization, receivables posted in the ledger) and
/// returns the payment of each, exact amount and reference. `tag` keeps references and bank ids of
/// two seedings apart (8 digits at most).
pub async fn seed_open_invoices(
    app: &App,
    count: usize,
    tag: u32,
) -> anyhow::Result<Vec<CamtPayment>> {
    let now = app.now();
    let (net, vat) = (10_000, 810);
    let per_org = 100;
    let mut out = Vec::with_capacity(count);
    let mut n = 0usize;
    while out.len() < count {
        let take = (count - out.len()).min(per_org);
        let refs: Vec<String> = (0..take)
            .map(|i| {
                guichet_bank::references::qr_reference(&format!(
                    "9{tag:08}{:017}",
                    out.len() + i + 1
                ))
            })
            .collect::<Result<_, _>>()?;
        let mut tx = app.db.begin().await?;
        let org =
            guichet_store::bench::bench_org(&mut tx, &format!("Bank import bench {tag}-{n}"), now)
                .await?;
        guichet_store::bench::seed_open_invoices(
            &mut tx,
            org,
            Currency::Chf,
            &format!("{tag}-{n}"),
            &refs,
            net,
            vat,
            now,
            "2026-12-31",
        )
        .await?;
        // What the invoices' issuing would have posted: the receivable, against revenue and VAT.
        let receivable = AccountRef::of_org(AccountKind::Receivable, org, Currency::Chf);
        let description = format!("Invoices seeded for the import bench ({take})");
        guichet_store::ledger::post(
            &mut tx,
            guichet_store::ledger::NewEntry {
                org: Some(org),
                kind: "invoice_issued",
                description: &description,
                idempotency_key: None,
                now,
            },
            &[
                Transfer {
                    debit: receivable,
                    credit: AccountRef::provider(AccountKind::Revenue, Currency::Chf),
                    amount: net * take as i64,
                },
                Transfer {
                    debit: receivable,
                    credit: AccountRef::provider(AccountKind::VatPayable, Currency::Chf),
                    amount: vat * take as i64,
                },
            ],
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        tx.commit().await?;
        for r in refs {
            out.push(CamtPayment {
                id: format!("B{tag}-{}", out.len() + 1),
                reference: r,
                amount_minor: net + vat,
                currency: Currency::Chf,
            });
        }
        n += 1;
    }
    Ok(out)
}

pub struct ImportFigures {
    pub backend: &'static str,
    pub entries: usize,
    pub file_bytes: usize,
    pub parse: Duration,
    pub import: Duration,
    pub credited: usize,
    pub reimport: Duration,
    pub duplicates: usize,
    pub ledger_problems: usize,
    /// Memory of the first import alone.
    pub memory: crate::memory::Peak,
    /// With more than 2 000 entries: a 2 000-entry file imported first on the same database
    /// (entries, time, memory), for the time per entry at both sizes.
    pub small: Option<(usize, Duration, crate::memory::Peak)>,
}

/// Entries of the smaller file the per-entry time is compared with.
const SMALL: usize = 2_000;

/// Seeds `entries` open invoices (`tag` apart) and imports the camt.054 paying them: time and memory
/// of the import alone.
async fn timed_import(
    app: &App,
    entries: usize,
    tag: u32,
) -> anyhow::Result<(Duration, crate::memory::Peak)> {
    let payments = seed_open_invoices(app, entries, tag).await?;
    let xml = camt054(&format!("BENCH-IMPORT-{tag}"), &payments);
    drop(payments);
    let mem = crate::memory::start();
    let started = Instant::now();
    let r = app.import_camt("small.xml", xml.as_bytes(), None).await?;
    let took = started.elapsed();
    let mem = crate::memory::finish(mem);
    anyhow::ensure!(r.credited == entries, "unexpected import result: {r:?}");
    Ok((took, mem))
}

/// Seeds `entries` open invoices, writes the camt.054 paying them all, times the bank crate's parse
/// of it alone, then the real import, then the same file again (which must book nothing).
pub async fn import_camt(app: App, entries: usize) -> anyhow::Result<ImportFigures> {
    let small = if entries > SMALL {
        eprintln!("a {SMALL}-entry file first…");
        let (took, mem) = timed_import(&app, SMALL, 2).await?;
        Some((SMALL, took, mem))
    } else {
        None
    };
    eprintln!("seeding {entries} open invoices…");
    let payments = seed_open_invoices(&app, entries, 1).await?;
    let xml = camt054("BENCH-IMPORT-1", &payments);
    eprintln!("parsing {} KiB…", xml.len() / 1024);
    let limits = guichet_bank::camt::ReadLimits {
        max_bytes: guichet_app::bank_import::MAX_FILE_BYTES,
        ..Default::default()
    };
    let started = Instant::now();
    let doc = guichet_bank::camt::read(xml.as_bytes(), &limits)?;
    let parse = started.elapsed();
    let parsed: usize = doc.reports.iter().map(|r| r.entries.len()).sum();
    anyhow::ensure!(parsed == entries, "parsed {parsed} entries of {entries}");
    drop(doc);
    drop(payments);
    eprintln!("importing…");
    let mem = crate::memory::start();
    let started = Instant::now();
    let first = app.import_camt("bench.xml", xml.as_bytes(), None).await?;
    let import = started.elapsed();
    let memory = crate::memory::finish(mem);
    eprintln!("importing the same file again…");
    let started = Instant::now();
    let second = app.import_camt("bench.xml", xml.as_bytes(), None).await?;
    let reimport = started.elapsed();
    anyhow::ensure!(
        first.credited == entries && second.credited == 0,
        "unexpected import result: {first:?} then {second:?}"
    );
    let ledger_problems = {
        let mut c = app.db.conn().await?;
        guichet_store::ledger::audit(&mut c).await?.len()
    };
    Ok(ImportFigures {
        backend: match app.db.backend() {
            guichet_store::Backend::Sqlite => "SQLite",
            guichet_store::Backend::Postgres => "PostgreSQL",
        },
        entries,
        file_bytes: xml.len(),
        parse,
        import,
        credited: first.credited,
        reimport,
        duplicates: second.duplicates,
        ledger_problems,
        memory,
        small,
    })
}

pub fn print(f: &ImportFigures) {
    let rate = |n: usize, d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    println!("database: {}", f.backend);
    println!(
        "camt.054: {} entries, {:.1} MiB",
        f.entries,
        f.file_bytes as f64 / (1024.0 * 1024.0)
    );
    println!(
        "raw XML parse (bank crate only): {:.2?} = {:.0} entries/s",
        f.parse,
        rate(f.entries, f.parse)
    );
    println!(
        "import (parse, match, ledger, invoice paid): {} credited in {:.2?} = {:.0} entries/s",
        f.credited,
        f.import,
        rate(f.entries, f.import)
    );
    let per_entry = |n: usize, d: Duration| d.as_secs_f64() * 1e6 / n.max(1) as f64;
    println!(
        "import memory: {} ({:.1} KiB per entry above the start)",
        f.memory,
        f.memory.growth() as f64 / 1024.0 / f.entries.max(1) as f64
    );
    println!(
        "time per entry: {:.0} µs at {} entries",
        per_entry(f.entries, f.import),
        f.entries
    );
    if let Some((n, took, mem)) = f.small {
        println!(
            "time per entry: {:.0} µs at {n} entries (the {}-entry file: {:.2}× per entry); its memory: {mem}",
            per_entry(n, took),
            f.entries,
            per_entry(f.entries, f.import) / per_entry(n, took).max(1e-9)
        );
    }
    println!(
        "same file again: {} duplicates, nothing booked, in {:.2?} = {:.0} entries/s; ledger audit: {}",
        f.duplicates,
        f.reimport,
        rate(f.entries, f.reimport),
        if f.ledger_problems == 0 {
            "balanced".to_string()
        } else {
            format!("{} problems", f.ledger_problems)
        }
    );
}
