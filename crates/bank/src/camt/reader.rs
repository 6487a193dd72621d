//! The streaming state machine behind [`read`] and [`read_from`].

use super::{
    Amount, CamtDocument, CamtError, CreditDebit, Entry, MessageKind, ReadLimits, ReferenceKind,
    Report, StructuredReference, TxDetail,
};
use guichet_core::period::Date;
use crate::amount::parse_minor;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::io::BufRead;

/// Reads a camt.053/054 file held in memory. Refuses input over `limits.max_bytes` at once.
pub fn read(input: &[u8], limits: &ReadLimits) -> Result<CamtDocument, CamtError> {
    if input.len() as u64 > limits.max_bytes {
        return Err(CamtError::TooLarge {
            max_bytes: limits.max_bytes,
        });
    }
    read_from(input, limits)
}

/// Reads a camt.053/054 file from any buffered source, never holding more than
/// `limits.max_bytes` of it; the caller owns the source (file, upload, …).
pub fn read_from<R: BufRead>(input: R, limits: &ReadLimits) -> Result<CamtDocument, CamtError> {
    let mut reader = Reader::from_reader(input.take(limits.max_bytes.saturating_add(1)));
    let mut buf = Vec::new();
    let mut state = State::new(limits);
    let too_large = CamtError::TooLarge {
        max_bytes: limits.max_bytes,
    };
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => {
                if reader.get_ref().limit() == 0 {
                    return Err(too_large);
                }
                return Err(CamtError::Xml {
                    position: reader.error_position(),
                    message: e.to_string(),
                });
            }
        };
        let position = reader.buffer_position();
        match event {
            Event::DocType(_) => return Err(CamtError::Doctype { position }),
            Event::Decl(decl) => {
                if let Some(Ok(enc)) = decl.encoding()
                    && !enc.eq_ignore_ascii_case("utf-8")
                {
                    return Err(CamtError::Encoding(enc.into_owned()));
                }
            }
            Event::Start(start) => state.start(&start, position)?,
            Event::Empty(start) => {
                state.start(&start, position)?;
                state.end()?;
            }
            Event::End(_) => state.end()?,
            Event::Text(t) => state.text(&t.xml10_content()),
            Event::CData(c) => state.text(&c.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => state.text(c.encode_utf8(&mut [0; 4])),
                    Ok(None) => match resolve_xml_entity(&name) {
                        Some(s) => state.text(s),
                        None => {
                            return Err(CamtError::Entity {
                                name: name.into_owned(),
                                position,
                            });
                        }
                    },
                    Err(e) => {
                        return Err(CamtError::Xml {
                            position,
                            message: e.to_string(),
                        });
                    }
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::PI(_) => {}
        }
        if reader.get_ref().limit() == 0 {
            return Err(too_large);
        }
        buf.clear();
    }
    state.finish()
}

/// An entry being read: the mandatory fields are checked when it closes.
#[derive(Default)]
struct EntryDraft {
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
    details: Vec<TxDetail>,
}

/// Parser state: the open element path and the objects being filled.
struct State<'l> {
    limits: &'l ReadLimits,
    /// Local names of the open elements, root first.
    stack: Vec<String>,
    /// Text of the innermost open element.
    text: String,
    /// `Ccy` attribute of the innermost open element.
    ccy: Option<String>,
    kind: Option<MessageKind>,
    /// The root element's namespace, as written.
    namespace: Option<String>,
    version: String,
    doc: CamtDocument,
    /// Open report and the stack length at which it was opened.
    report: Option<(Report, usize)>,
    entry: Option<(EntryDraft, usize)>,
    tx: Option<(TxDetail, usize)>,
    entries_seen: usize,
    details_seen: usize,
}

/// Parses a direction code.
fn credit_debit(code: &str) -> Option<CreditDebit> {
    match code {
        "CRDT" => Some(CreditDebit::Credit),
        "DBIT" => Some(CreditDebit::Debit),
        _ => None,
    }
}

impl<'l> State<'l> {
    fn new(limits: &'l ReadLimits) -> Self {
        State {
            limits,
            stack: Vec::new(),
            text: String::new(),
            ccy: None,
            kind: None,
            namespace: None,
            version: String::new(),
            doc: CamtDocument {
                kind: MessageKind::Statement,
                version: String::new(),
                message_id: None,
                created_at: None,
                additional_info: None,
                page_number: None,
                last_page: None,
                reports: Vec::new(),
            },
            report: None,
            entry: None,
            tx: None,
            entries_seen: 0,
            details_seen: 0,
        }
    }

    fn text(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn start(&mut self, e: &BytesStart<'_>, position: u64) -> Result<(), CamtError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(CamtError::TooDeep {
                max_depth: self.limits.max_depth,
                position,
            });
        }
        let name = e.local_name().as_ref().to_owned();
        self.text.clear();
        self.ccy = None;
        for attr in e.attributes() {
            let attr = attr.map_err(|err| CamtError::Xml {
                position,
                message: err.to_string(),
            })?;
            let key = attr.key.as_ref();
            let is_ccy = key == "Ccy";
            // The root's own namespace: the default one, or the one bound to its prefix.
            let own_ns = match e.name().prefix() {
                Some(prefix) => key.strip_prefix("xmlns:") == Some(prefix.as_ref()),
                None => key == "xmlns",
            };
            let is_ns = own_ns;
            if !(is_ccy || (is_ns && self.stack.is_empty())) {
                continue;
            }
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| CamtError::Xml {
                    position,
                    message: err.to_string(),
                })?;
            if is_ccy {
                self.ccy = Some(value.trim().to_owned());
            } else {
                self.namespace = Some(value.trim().to_owned());
            }
        }
        let depth = self.stack.len();
        match depth {
            0 if name != "Document" => {
                return Err(CamtError::NotCamt(format!("root element is <{name}>")));
            }
            1 => {
                let kind = match name.as_str() {
                    "BkToCstmrStmt" => MessageKind::Statement,
                    "BkToCstmrDbtCdtNtfctn" => MessageKind::Notification,
                    other => return Err(CamtError::NotCamt(format!("message <{other}>"))),
                };
                self.version = check_namespace(self.namespace.as_deref(), kind)?;
                self.kind = Some(kind);
            }
            2 if name == "Stmt" || name == "Ntfctn" => {
                self.report = Some((Report::default(), depth + 1))
            }
            _ => {}
        }
        if name == "Ntry"
            && self.report.as_ref().is_some_and(|(_, l)| *l == depth)
            && self.entry.is_none()
        {
            self.entries_seen += 1;
            if self.entries_seen > self.limits.max_entries {
                return Err(CamtError::TooManyEntries {
                    max_entries: self.limits.max_entries,
                });
            }
            self.entry = Some((EntryDraft::default(), depth + 1));
        }
        if name == "TxDtls"
            && self.tx.is_none()
            && self.entry.as_ref().is_some_and(|(_, l)| *l + 1 == depth)
            && self.stack.last().is_some_and(|p| p == "NtryDtls")
        {
            self.details_seen += 1;
            if self.details_seen > self.limits.max_entries {
                return Err(CamtError::TooManyEntries {
                    max_entries: self.limits.max_entries,
                });
            }
            self.tx = Some((TxDetail::default(), depth + 1));
        }
        self.stack.push(name);
        Ok(())
    }

    fn end(&mut self) -> Result<(), CamtError> {
        let len = self.stack.len();
        let text = std::mem::take(&mut self.text);
        let ccy = self.ccy.take();
        let entry_no = self.entries_seen;
        if let Some((tx, level)) = self.tx.as_mut() {
            if len > *level {
                assign_tx(tx, &self.stack[*level..], text, ccy, entry_no)?;
            } else if let Some((tx, _)) = self.tx.take()
                && let Some((entry, _)) = self.entry.as_mut()
            {
                entry.details.push(tx);
            }
        } else if let Some((entry, level)) = self.entry.as_mut() {
            if len > *level {
                assign_entry(entry, &self.stack[*level..], text, ccy);
            } else if let Some((draft, _)) = self.entry.take() {
                let entry = finish_entry(draft, entry_no)?;
                if let Some((report, _)) = self.report.as_mut() {
                    report.entries.push(entry);
                }
            }
        } else if let Some((report, level)) = self.report.as_mut() {
            if len > *level {
                assign_report(report, &self.stack[*level..], text);
            } else if let Some((report, _)) = self.report.take() {
                self.doc.reports.push(report);
            }
        } else if len > 2 {
            assign_header(&mut self.doc, &self.stack[2..], text);
        }
        self.stack.pop();
        Ok(())
    }

    fn finish(mut self) -> Result<CamtDocument, CamtError> {
        let kind = self
            .kind
            .ok_or_else(|| CamtError::NotCamt("no camt message element".into()))?;
        if !self.stack.is_empty() {
            return Err(CamtError::Xml {
                position: 0,
                message: "unexpected end of file".into(),
            });
        }
        self.doc.kind = kind;
        self.doc.version = self.version;
        Ok(self.doc)
    }
}

/// The namespace prefix of every camt message we read; the message and version follow it.
const NAMESPACE_PREFIX: &str = "urn:iso:std:iso:20022:tech:xsd:";

/// Versions (`camt.05x.001.NN`) the reader is written for: SPS "2009" and "2019".
pub const SUPPORTED_VERSIONS: [&str; 2] = ["04", "08"];

/// The document's namespace must be exactly camt.053 (statement) or camt.054 (notification) of a
/// supported version, matching the message element: anything else (camt.052, another standard, no
/// namespace, a look-alike) is refused with what was found. Returns the message id, e.g.
/// `camt.054.001.08`.
pub(crate) fn check_namespace(ns: Option<&str>, kind: MessageKind) -> Result<String, CamtError> {
    let found = || ns.unwrap_or("").to_owned();
    let expected = match kind {
        MessageKind::Statement => "camt.053",
        MessageKind::Notification => "camt.054",
    };
    let Some(message) = ns.and_then(|n| n.strip_prefix(NAMESPACE_PREFIX)) else {
        return Err(CamtError::Namespace {
            found: found(),
            expected,
        });
    };
    let version = message
        .strip_prefix(expected)
        .and_then(|v| v.strip_prefix(".001."))
        .filter(|v| SUPPORTED_VERSIONS.contains(v));
    match version {
        Some(_) => Ok(message.to_owned()),
        None => Err(CamtError::Namespace {
            found: found(),
            expected,
        }),
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

fn assign_header(doc: &mut CamtDocument, path: &[String], text: String) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["GrpHdr", "MsgId"] => doc.message_id = value(text),
        ["GrpHdr", "CreDtTm"] => doc.created_at = value(text),
        ["GrpHdr", "AddtlInf"] => doc.additional_info = value(text),
        ["GrpHdr", "MsgPgntn", "PgNb"] => doc.page_number = value(text),
        ["GrpHdr", "MsgPgntn", "LastPgInd"] => {
            doc.last_page = Some(matches!(text.trim(), "true" | "1"))
        }
        _ => {}
    }
}

fn assign_report(report: &mut Report, path: &[String], text: String) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["Id"] => report.id = value(text),
        ["CreDtTm"] => report.created_at = value(text),
        ["Acct", "Id", "IBAN"] => report.account_iban = value(text),
        ["Acct", "Ccy"] => report.account_currency = value(text),
        _ => {}
    }
}

fn assign_entry(e: &mut EntryDraft, path: &[String], text: String, ccy: Option<String>) {
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

fn assign_tx(
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
            )?)
        }
        ["AmtDtls", "TxAmt", "Amt"] if tx.amount.is_none() => {
            tx.amount = Some(amount(
                text.trim(),
                ccy,
                entry,
                "TxDtls/AmtDtls/TxAmt/Amt",
                "TxDtls/AmtDtls/TxAmt/Amt/@Ccy",
            )?)
        }
        ["AmtDtls", "InstdAmt", "Amt"] => {
            tx.instructed_amount = Some(amount(
                text.trim(),
                ccy,
                entry,
                "TxDtls/AmtDtls/InstdAmt/Amt",
                "TxDtls/AmtDtls/InstdAmt/Amt/@Ccy",
            )?)
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
                    })
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
                    })
                }
            }
        }
        ["RltdPties", "Dbtr", "Nm"] | ["RltdPties", "Dbtr", "Pty", "Nm"] => {
            tx.debtor_name = value(text)
        }
        ["RltdPties", "DbtrAcct", "Id", "IBAN"] => tx.debtor_iban = value(text),
        ["RltdPties", "UltmtDbtr", "Nm"] | ["RltdPties", "UltmtDbtr", "Pty", "Nm"] => {
            tx.ultimate_debtor_name = value(text)
        }
        ["RltdPties", "Cdtr", "Nm"] | ["RltdPties", "Cdtr", "Pty", "Nm"] => {
            tx.creditor_name = value(text)
        }
        ["RltdPties", "CdtrAcct", "Id", "IBAN"] => tx.creditor_iban = value(text),
        ["RtrInf", "Rsn", "Cd"] => tx.return_reason = value(text),
        _ => {}
    }
    Ok(())
}

/// Checks an entry's mandatory fields and converts it.
fn finish_entry(d: EntryDraft, index: usize) -> Result<Entry, CamtError> {
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
    })
}
