//! Where each element's text goes: the paths of the header, a report, an entry and a payment
//! (both schema shapes), and the checks an entry passes when it closes.

use super::error::CamtError;
use super::model::{
    Amount, CamtDocument, Charge, CreditDebit, Entry, ReferenceKind, Report, StructuredReference,
    TxDetail,
};
use crate::amount::parse_minor;
use guichet_core::period::Date;

/// An entry being read: the mandatory fields are checked when it closes.
#[derive(Default)]
pub(super) struct EntryDraft {
    entry_ref: Option<String>,
    amount: Option<String>,
    currency: Option<String>,
    credit_debit: Option<String>,
    reversal: Option<String>,
    status: Option<String>,
    booking_date: Option<String>,
    value_date: Option<String>,
    bank_ref: Option<String>,
    domain: Option<String>,
    family: Option<String>,
    sub_family: Option<String>,
    additional_info: Option<String>,
    batch_count: Option<String>,
    batch_payment_info_id: Option<String>,
    details_message_id: Option<String>,
    pub(super) details: Vec<TxDetail>,
    /// Entry-level charges: the amount text and currency, checked when the entry closes.
    charges: Vec<(String, Option<String>, Charge)>,
}

/// Parses a direction code.
fn credit_debit(code: &str) -> Option<CreditDebit> {
    match code {
        "CRDT" => Some(CreditDebit::Credit),
        "DBIT" => Some(CreditDebit::Debit),
        _ => None,
    }
}

/// Trimmed copy of a text value, `None` when empty.
fn value(text: String) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_owned())
    }
}

pub(super) fn assign_header(doc: &mut CamtDocument, path: &[String], text: String) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["GrpHdr", "MsgId"] => doc.message_id = value(text),
        ["GrpHdr", "CreDtTm"] => doc.created_at = value(text),
        ["GrpHdr", "AddtlInf"] => doc.additional_info = value(text),
        ["GrpHdr", "MsgPgntn", "PgNb"] => doc.page_number = value(text),
        ["GrpHdr", "MsgPgntn", "LastPgInd"] => {
            doc.last_page = Some(matches!(text.trim(), "true" | "1"));
        }
        _ => {}
    }
}

pub(super) fn assign_report(report: &mut Report, path: &[String], text: String) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["Id"] => report.id = value(text),
        ["CreDtTm"] => report.created_at = value(text),
        ["Acct", "Id", "IBAN"] => report.account_iban = value(text),
        ["Acct", "Ccy"] => report.account_currency = value(text),
        _ => {}
    }
}

pub(super) fn assign_entry(e: &mut EntryDraft, path: &[String], text: String, ccy: Option<String>) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["NtryRef"] => e.entry_ref = value(text),
        ["Amt"] => {
            e.amount = Some(text.trim().to_owned());
            e.currency = ccy;
        }
        ["CdtDbtInd"] => e.credit_debit = value(text),
        ["RvslInd"] => e.reversal = value(text),
        ["Sts"] | ["Sts", "Cd"] => {
            if let Some(v) = value(text) {
                e.status = Some(v);
            }
        }
        ["BookgDt", "Dt" | "DtTm"] => e.booking_date = value(text),
        ["ValDt", "Dt" | "DtTm"] => e.value_date = value(text),
        ["AcctSvcrRef"] => e.bank_ref = value(text),
        ["BkTxCd", "Domn", "Cd"] => e.domain = value(text),
        ["BkTxCd", "Domn", "Fmly", "Cd"] => e.family = value(text),
        ["BkTxCd", "Domn", "Fmly", "SubFmlyCd"] => e.sub_family = value(text),
        ["AddtlNtryInf"] => e.additional_info = Some(text),
        ["NtryDtls", "Btch", "NbOfTxs"] => e.batch_count = value(text),
        ["NtryDtls", "Btch", "PmtInfId"] => e.batch_payment_info_id = value(text),
        ["AddtlInfInd", "MsgId"] => e.details_message_id = value(text),
        // Entry-level charges: remembered, checked when the entry closes (its number is known).
        ["Chrgs", "Rcrd", "Amt"] => e.charges.push((
            text.trim().to_owned(),
            ccy,
            Charge {
                amount: Amount {
                    minor: 0,
                    currency: String::new(),
                },
                credit_debit: None,
                included: None,
                kind: None,
            },
        )),
        ["Chrgs", "Rcrd", rest @ ..] => {
            if let Some((_, _, last)) = e.charges.last_mut() {
                charge_field(last, rest, text);
            }
        }
        _ => {}
    }
}

/// A charge record's element (`Chrgs/Rcrd/…`): `Amt` opens a new record (it comes first and is
/// mandatory), the others fill the last one.
fn charge(
    charges: &mut Vec<Charge>,
    path: &[&str],
    text: String,
    ccy: Option<String>,
    entry: usize,
    field: &'static str,
) -> Result<(), CamtError> {
    if path == ["Amt"] {
        charges.push(Charge {
            amount: amount(text.trim(), ccy, entry, field, "Chrgs/Rcrd/Amt/@Ccy")?,
            credit_debit: None,
            included: None,
            kind: None,
        });
    } else if let Some(last) = charges.last_mut() {
        charge_field(last, path, text);
    }
    Ok(())
}

/// The other elements of a charge record; unknown or malformed values are left out (a charge is
/// shown and booked from its amount, direction and inclusion only).
fn charge_field(c: &mut Charge, path: &[&str], text: String) {
    match path {
        ["CdtDbtInd"] => c.credit_debit = credit_debit(text.trim()),
        ["ChrgInclInd"] => {
            c.included = match text.trim() {
                "true" | "1" => Some(true),
                "false" | "0" => Some(false),
                _ => None,
            }
        }
        ["Tp", "Cd"] | ["Tp", "Prtry", "Id"] => c.kind = value(text),
        _ => {}
    }
}

/// Parses an amount element's text and currency.
fn amount(
    text: &str,
    ccy: Option<String>,
    entry: usize,
    field: &'static str,
    ccy_field: &'static str,
) -> Result<Amount, CamtError> {
    let minor = parse_minor(text).map_err(|source| CamtError::InvalidAmount {
        entry,
        field,
        source,
    })?;
    let currency = ccy
        .filter(|c| !c.is_empty())
        .ok_or(CamtError::MissingField {
            entry,
            field: ccy_field,
        })?;
    Ok(Amount { minor, currency })
}

pub(super) fn assign_tx(
    tx: &mut TxDetail,
    path: &[String],
    text: String,
    ccy: Option<String>,
    entry: usize,
) -> Result<(), CamtError> {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["Refs", "AcctSvcrRef"] => tx.bank_ref = value(text),
        ["Refs", "EndToEndId"] => tx.end_to_end_id = value(text),
        ["Refs", "InstrId"] => tx.instruction_id = value(text),
        ["Refs", "PmtInfId"] => tx.payment_info_id = value(text),
        ["Refs", "UETR"] => tx.uetr = value(text),
        ["Amt"] => {
            tx.amount = Some(amount(
                text.trim(),
                ccy,
                entry,
                "TxDtls/Amt",
                "TxDtls/Amt/@Ccy",
            )?);
        }
        ["AmtDtls", "TxAmt", "Amt"] if tx.amount.is_none() => {
            tx.amount = Some(amount(
                text.trim(),
                ccy,
                entry,
                "TxDtls/AmtDtls/TxAmt/Amt",
                "TxDtls/AmtDtls/TxAmt/Amt/@Ccy",
            )?);
        }
        ["AmtDtls", "InstdAmt", "Amt"] => {
            tx.instructed_amount = Some(amount(
                text.trim(),
                ccy,
                entry,
                "TxDtls/AmtDtls/InstdAmt/Amt",
                "TxDtls/AmtDtls/InstdAmt/Amt/@Ccy",
            )?);
        }
        ["CdtDbtInd"] => {
            let code = text.trim();
            tx.credit_debit = Some(credit_debit(code).ok_or_else(|| CamtError::InvalidValue {
                entry,
                field: "TxDtls/CdtDbtInd",
                value: code.to_owned(),
            })?);
        }
        ["RmtInf", "Ustrd"] => tx.unstructured.push(text),
        ["RmtInf", "Strd", "AddtlRmtInf"] => tx.additional_remittance.push(text),
        [
            "RmtInf",
            "Strd",
            "CdtrRefInf",
            "Tp",
            "CdOrPrtry",
            "Cd" | "Prtry",
        ] => {
            let kind = match text.trim() {
                "QRR" => ReferenceKind::Qrr,
                "SCOR" => ReferenceKind::Scor,
                other => ReferenceKind::Other(other.to_owned()),
            };
            match tx.reference.as_mut() {
                Some(r) => r.kind = kind,
                None => {
                    tx.reference = Some(StructuredReference {
                        kind,
                        value: String::new(),
                    });
                }
            }
        }
        ["RmtInf", "Strd", "CdtrRefInf", "Ref"] => {
            let v = text.trim().to_owned();
            match tx.reference.as_mut() {
                Some(r) => r.value = v,
                None => {
                    tx.reference = Some(StructuredReference {
                        kind: ReferenceKind::Other(String::new()),
                        value: v,
                    });
                }
            }
        }
        ["RltdPties", "Dbtr", "Nm"] | ["RltdPties", "Dbtr", "Pty", "Nm"] => {
            tx.debtor_name = value(text);
        }
        ["RltdPties", "DbtrAcct", "Id", "IBAN"] => tx.debtor_iban = value(text),
        ["RltdPties", "UltmtDbtr", "Nm"] | ["RltdPties", "UltmtDbtr", "Pty", "Nm"] => {
            tx.ultimate_debtor_name = value(text);
        }
        ["RltdPties", "Cdtr", "Nm"] | ["RltdPties", "Cdtr", "Pty", "Nm"] => {
            tx.creditor_name = value(text);
        }
        ["RltdPties", "CdtrAcct", "Id", "IBAN"] => tx.creditor_iban = value(text),
        ["RtrInf", "Rsn", "Cd"] => tx.return_reason = value(text),
        ["Chrgs", "Rcrd", rest @ ..] => charge(
            &mut tx.charges,
            rest,
            text,
            ccy,
            entry,
            "TxDtls/Chrgs/Rcrd/Amt",
        )?,
        _ => {}
    }
    Ok(())
}

/// Checks an entry's mandatory fields and converts it.
pub(super) fn finish_entry(d: EntryDraft, index: usize) -> Result<Entry, CamtError> {
    let amount_text = d.amount.ok_or(CamtError::MissingField {
        entry: index,
        field: "Amt",
    })?;
    let amount = amount(&amount_text, d.currency, index, "Amt", "Amt/@Ccy")?;
    let cd_text = d.credit_debit.ok_or(CamtError::MissingField {
        entry: index,
        field: "CdtDbtInd",
    })?;
    let credit_debit = credit_debit(&cd_text).ok_or(CamtError::InvalidValue {
        entry: index,
        field: "CdtDbtInd",
        value: cd_text.clone(),
    })?;
    let status = d.status.ok_or(CamtError::MissingField {
        entry: index,
        field: "Sts",
    })?;
    let reversal = match d.reversal.as_deref() {
        None | Some("false" | "0") => false,
        Some("true" | "1") => true,
        Some(other) => {
            return Err(CamtError::InvalidValue {
                entry: index,
                field: "RvslInd",
                value: other.to_owned(),
            });
        }
    };
    let date = |text: Option<String>, field: &'static str| -> Result<Option<Date>, CamtError> {
        text.map(|t| {
            Date::parse_iso_prefix(&t).ok_or_else(|| CamtError::InvalidValue {
                entry: index,
                field,
                value: t.clone(),
            })
        })
        .transpose()
    };
    let batch_count = d
        .batch_count
        .map(|t| {
            t.parse::<u32>().map_err(|_| CamtError::InvalidValue {
                entry: index,
                field: "NtryDtls/Btch/NbOfTxs",
                value: t.clone(),
            })
        })
        .transpose()?;
    let mut charges = Vec::with_capacity(d.charges.len());
    for (text, ccy, mut c) in d.charges {
        c.amount = self::amount(&text, ccy, index, "Chrgs/Rcrd/Amt", "Chrgs/Rcrd/Amt/@Ccy")?;
        charges.push(c);
    }
    let bank_tx_code = match (d.domain, d.family, d.sub_family) {
        (Some(dm), Some(f), Some(s)) => Some(format!("{dm}/{f}/{s}")),
        (Some(dm), Some(f), None) => Some(format!("{dm}/{f}")),
        (Some(dm), None, _) => Some(dm),
        _ => None,
    };
    Ok(Entry {
        index,
        entry_ref: d.entry_ref,
        amount,
        credit_debit,
        reversal,
        status,
        booking_date: date(d.booking_date, "BookgDt")?,
        value_date: date(d.value_date, "ValDt")?,
        bank_ref: d.bank_ref,
        bank_tx_code,
        additional_info: d.additional_info,
        batch_count,
        batch_payment_info_id: d.batch_payment_info_id,
        details_message_id: d.details_message_id,
        details: d.details,
        charges,
    })
}
