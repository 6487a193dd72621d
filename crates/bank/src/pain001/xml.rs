//! The XML of a checked payout plan, in the element order of the `pain.001.001.09` schema.

use super::check::{PaymentType, Plan};
use super::model::PostalAddress;
use crate::amount::format_minor;
use std::fmt::Write as _;

/// XML namespace of `pain.001.001.09`.
pub const NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

/// Escapes XML text.
fn esc(s: &str) -> String {
    quick_xml::escape::escape(s.trim()).into_owned()
}

/// Writes a `PstlAdr` element.
fn write_address(out: &mut String, indent: &str, a: &PostalAddress) {
    let _ = writeln!(out, "{indent}<PstlAdr>");
    for (tag, v) in [
        ("StrtNm", &a.street),
        ("BldgNb", &a.building_number),
        ("PstCd", &a.postal_code),
        ("TwnNm", &a.town),
        ("Ctry", &a.country),
    ] {
        if !v.trim().is_empty() {
            let _ = writeln!(out, "{indent}  <{tag}>{}</{tag}>", esc(v));
        }
    }
    let _ = writeln!(out, "{indent}</PstlAdr>");
}

/// Writes the file of `plan` (every check passed) under `message_id`, created at `created_at`.
pub(super) fn document(plan: &Plan, message_id: &str, created_at: &str) -> String {
    let batch = &plan.batch;
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<Document xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} pain.001.001.09.ch.03.xsd\">"
    );
    x.push_str("  <CstmrCdtTrfInitn>\n    <GrpHdr>\n");
    let _ = writeln!(x, "      <MsgId>{}</MsgId>", esc(message_id));
    let _ = writeln!(x, "      <CreDtTm>{}</CreDtTm>", esc(created_at));
    let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", batch.payouts.len());
    let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", format_minor(plan.total));
    let _ = writeln!(
        x,
        "      <InitgPty>\n        <Nm>{}</Nm>",
        esc(&batch.debtor_name)
    );
    let _ = writeln!(
        x,
        "        <CtctDtls>\n          <Othr><ChanlTp>NAME</ChanlTp><Id>Guichet</Id></Othr>\n          \
         <Othr><ChanlTp>VRSN</ChanlTp><Id>{}</Id></Othr>\n        </CtctDtls>",
        env!("CARGO_PKG_VERSION")
    );
    x.push_str("      </InitgPty>\n    </GrpHdr>\n");

    for (g, group) in plan.groups.iter().enumerate() {
        let (ptype, currency, members) = (&group.payment_type, group.currency, &group.members);
        let account = &plan.accounts[group.account];
        let (debtor_iban, agent) = (&account.iban, &account.agent);
        x.push_str("    <PmtInf>\n");
        let _ = writeln!(
            x,
            "      <PmtInfId>{}-{}</PmtInfId>",
            esc(message_id),
            g + 1
        );
        x.push_str("      <PmtMtd>TRF</PmtMtd>\n");
        let _ = writeln!(x, "      <BtchBookg>{}</BtchBookg>", batch.batch_booking);
        let _ = writeln!(x, "      <NbOfTxs>{}</NbOfTxs>", members.len());
        let _ = writeln!(x, "      <CtrlSum>{}</CtrlSum>", format_minor(group.sum));
        if *ptype == PaymentType::S {
            x.push_str("      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>\n");
        }
        let _ = writeln!(
            x,
            "      <ReqdExctnDt><Dt>{}</Dt></ReqdExctnDt>",
            batch.execution_date
        );
        let _ = writeln!(
            x,
            "      <Dbtr>\n        <Nm>{}</Nm>",
            esc(&batch.debtor_name)
        );
        if let Some(a) = &batch.debtor_address {
            write_address(&mut x, "        ", a);
        }
        x.push_str("      </Dbtr>\n");
        let _ = writeln!(
            x,
            "      <DbtrAcct><Id><IBAN>{debtor_iban}</IBAN></Id></DbtrAcct>"
        );
        let _ = writeln!(
            x,
            "      <DbtrAgt><FinInstnId>{agent}</FinInstnId></DbtrAgt>"
        );
        if *ptype == PaymentType::S {
            x.push_str("      <ChrgBr>SLEV</ChrgBr>\n");
        }
        for (i, iban) in members {
            let p = &batch.payouts[*i];
            x.push_str("      <CdtTrfTxInf>\n");
            let id = esc(&p.end_to_end_id);
            let _ = writeln!(
                x,
                "        <PmtId><InstrId>{id}</InstrId><EndToEndId>{id}</EndToEndId></PmtId>"
            );
            let _ = writeln!(
                x,
                "        <Amt><InstdAmt Ccy=\"{}\">{}</InstdAmt></Amt>",
                currency.code(),
                format_minor(p.amount_minor)
            );
            let _ = writeln!(
                x,
                "        <Cdtr>\n          <Nm>{}</Nm>",
                esc(&p.creditor_name)
            );
            write_address(&mut x, "          ", &p.creditor_address);
            x.push_str("        </Cdtr>\n");
            let _ = writeln!(
                x,
                "        <CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct>"
            );
            if !p.remittance.trim().is_empty() {
                let _ = writeln!(
                    x,
                    "        <RmtInf><Ustrd>{}</Ustrd></RmtInf>",
                    esc(&p.remittance)
                );
            }
            x.push_str("      </CdtTrfTxInf>\n");
        }
        x.push_str("    </PmtInf>\n");
    }
    x.push_str("  </CstmrCdtTrfInitn>\n</Document>\n");
    x
}
