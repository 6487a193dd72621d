//! camt.053/054 reading: the real PostFinance samples and synthetic Swiss-style files.

use crate::common::camt_sample;
use guichet_bank::camt::{
    CamtError, CreditDebit, MessageKind, ReadLimits, ReferenceKind, StructuredReference, read,
    read_from,
};
use guichet_core::period::Date;

#[test]
fn postfinance_samples_give_the_same_payment_in_04_and_08() {
    let mut results = Vec::new();
    for (file, version) in [
        ("camt054.001.04_postfinance_ustrd.xml", "camt.054.001.04"),
        ("camt054.001.08_postfinance_ustrd.xml", "camt.054.001.08"),
    ] {
        let bytes = std::fs::read(camt_sample(file)).expect("sample file in shared/testdata/camt");
        let doc = read(&bytes, &ReadLimits::default()).expect("sample reads");
        assert_eq!(doc.kind, MessageKind::Notification);
        assert_eq!(doc.version, version);
        assert_eq!(doc.message_id.as_deref(), Some("20200618375204295372463"));
        assert_eq!(doc.last_page, Some(true));
        assert_eq!(doc.reports.len(), 1);
        let report = &doc.reports[0];
        assert_eq!(report.id.as_deref(), Some("20200618375204295372465"));
        assert_eq!(
            report.account_iban.as_deref(),
            Some("CH2909000000250094239")
        );
        let entries: Vec<_> = doc.entries().collect();
        assert_eq!(entries.len(), 1);
        let e = entries[0];
        assert_eq!((e.amount.minor, e.amount.currency.as_str()), (50105, "CHF"));
        assert_eq!(e.credit_debit, CreditDebit::Credit);
        assert!(!e.reversal);
        assert!(e.is_booked());
        assert_eq!(
            e.booking_date,
            Some(Date {
                year: 2022,
                month: 3,
                day: 8
            })
        );
        assert_eq!(
            e.value_date.map(|d| d.to_string()).as_deref(),
            Some("2022-03-08")
        );
        assert_eq!(e.bank_ref.as_deref(), Some("1000000000000000"));
        assert_eq!(e.bank_tx_code.as_deref(), Some("PMNT/RCDT/AUTT"));
        assert_eq!(e.batch_count, Some(1));
        assert!(
            e.additional_info
                .as_deref()
                .is_some_and(|s| s.starts_with("SAMMELGUTSCHRIFT FÜR KONTO"))
        );
        assert_eq!(e.details.len(), 1);
        let tx = &e.details[0];
        assert_eq!(tx.amount.as_ref().map(|a| a.minor), Some(50105));
        assert_eq!(tx.credit_debit, Some(CreditDebit::Credit));
        assert_eq!(tx.bank_ref.as_deref(), Some("2000000000000000"));
        assert_eq!(tx.end_to_end_id.as_deref(), Some("NOTPROVIDED"));
        assert_eq!(tx.debtor_name.as_deref(), Some("Bernasconi Maria"));
        assert_eq!(tx.debtor_iban.as_deref(), Some("CH5109000000250092291"));
        assert_eq!(tx.creditor_iban.as_deref(), Some("CH2909000000250094239"));
        assert_eq!(tx.reference, None, "no structured reference");
        assert_eq!(
            tx.unstructured,
            vec!["Muster".to_owned(), " Musterfile".to_owned()]
        );
        assert_eq!(
            tx.additional_remittance,
            vec!["?REJECT?0".to_owned(), "?ERROR?000".to_owned()]
        );
        results.push((e.clone(), doc.version.clone()));
    }
    // The .08 file carries an invalid UETR (11 hex digits at the end): read leniently.
    assert_eq!(
        results[1].0.details[0].uetr.as_deref(),
        Some("b009c997-97b3-4a9c-803c-d645a7276b0")
    );
    let mut a = results[0].0.clone();
    let mut b = results[1].0.clone();
    a.details[0].uetr = None;
    b.details[0].uetr = None;
    assert_eq!(a, b, "both versions give identical entries");
}

/// A Swiss camt.053 .08 statement: a QR collective credit with 3 payments, a reversal, a pending
/// entry, an external-resolution entry and a debit of one of our payouts.
pub const STATEMENT_08: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt>
  <GrpHdr><MsgId>STMT-2026-11-23</MsgId><CreDtTm>2026-11-23T06:00:00+01:00</CreDtTm>
    <MsgPgntn><PgNb>1</PgNb><LastPgInd>false</LastPgInd></MsgPgntn><AddtlInf>SPS/2.0/PROD</AddtlInf></GrpHdr>
  <Stmt>
    <Id>STMT-1</Id><CreDtTm>2026-11-23T06:00:00+01:00</CreDtTm>
    <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
    <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CHF">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-22</Dt></Dt></Bal>
    <Ntry>
      <NtryRef>CH4431999123000889012</NtryRef>
      <Amt Ccy="CHF">2865</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
      <BookgDt><DtTm>2026-11-22T23:59:59+01:00</DtTm></BookgDt><ValDt><Dt>2026-11-23</Dt></ValDt>
      <AcctSvcrRef>ENTRY-1</AcctSvcrRef>
      <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
      <NtryDtls>
        <Btch><NbOfTxs>3</NbOfTxs><TtlAmt Ccy="CHF">2865.00</TtlAmt></Btch>
        <TxDtls>
          <Refs><AcctSvcrRef>TX-1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="CHF">1949.75</Amt><CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>Pia-Maria Rutschmann-Schnyder</Nm></Pty></Dbtr>
            <DbtrAcct><Id><IBAN>CH5800791123000889012</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp>
            <Ref>210000000003139471430009017</Ref></CdtrRefInf><AddtlRmtInf>Order dated 18.06.2020</AddtlRmtInf></Strd></RmtInf>
        </TxDtls>
        <TxDtls>
          <Refs><AcctSvcrRef>TX-2</AcctSvcrRef></Refs>
          <AmtDtls><InstdAmt><Amt Ccy="EUR">200.00</Amt></InstdAmt><TxAmt><Amt Ccy="CHF">715.25</Amt></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Pty><Nm>J&#252;rgen M&#xFC;ller &amp; S&#246;hne</Nm></Pty></Dbtr>
            <UltmtDbtr><Pty><Nm>Müller Holding</Nm></Pty></UltmtDbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
            <Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls>
        <TxDtls>
          <Refs><AcctSvcrRef>TX-3</AcctSvcrRef></Refs>
          <Amt Ccy="CHF">200.00000</Amt><CdtDbtInd>CRDT</CdtDbtInd>
          <RmtInf><Ustrd><![CDATA[Rechnung 2026-0000042 <Dauerauftrag>]]></Ustrd></RmtInf>
        </TxDtls>
      </NtryDtls>
      <AddtlNtryInf>Zahlungseingang QRR</AddtlNtryInf>
    </Ntry>
    <Ntry>
      <Amt Ccy="CHF">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
      <BookgDt><Dt>2026-11-23</Dt></BookgDt>
      <AcctSvcrRef>ENTRY-2</AcctSvcrRef>
    </Ntry>
    <Ntry>
      <Amt Ccy="CHF">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
    </Ntry>
    <Ntry>
      <Amt Ccy="CHF">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
      <AddtlInfInd><MsgNmId>camt.054</MsgNmId><MsgId>161935259201</MsgId></AddtlInfInd>
    </Ntry>
    <Ntry>
      <Amt Ccy="CHF">125.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
      <NtryDtls><Btch><PmtInfId>PAYOUT-20261123-1</PmtInfId></Btch>
        <TxDtls><Refs><EndToEndId>PAYOUT-4711</EndToEndId></Refs><Amt Ccy="CHF">125.40</Amt><CdtDbtInd>DBIT</CdtDbtInd>
          <RltdPties><Cdtr><Pty><Nm>Pia Muster</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>CH5800791123000889012</IBAN></Id></CdtrAcct></RltdPties>
          <RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>
        </TxDtls></NtryDtls>
    </Ntry>
  </Stmt>
</BkToCstmrStmt>
</Document>
"#;

#[test]
fn batched_qr_credits_are_split_into_their_payments() {
    let doc = read(STATEMENT_08.as_bytes(), &ReadLimits::default()).expect("reads");
    assert_eq!(doc.kind, MessageKind::Statement);
    assert_eq!(doc.version, "camt.053.001.08");
    assert_eq!(doc.additional_info.as_deref(), Some("SPS/2.0/PROD"));
    assert_eq!(
        doc.last_page,
        Some(false),
        "statement continues on another page"
    );
    assert_eq!(doc.reports[0].account_currency.as_deref(), Some("CHF"));
    let entries: Vec<_> = doc.entries().collect();
    assert_eq!(entries.len(), 5);
    assert_eq!(
        entries.iter().map(|e| e.index).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );

    let batch = entries[0];
    assert_eq!(
        batch.amount.minor, 286500,
        "'2865' without decimals is 2865.00"
    );
    assert_eq!(batch.entry_ref.as_deref(), Some("CH4431999123000889012"));
    assert_eq!(batch.bank_tx_code.as_deref(), Some("PMNT/RCDT/VCOM"));
    assert_eq!(
        batch.booking_date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-22"),
        "DtTm → date"
    );
    assert_eq!(batch.details.len(), 3);
    let sum: i64 = batch
        .details
        .iter()
        .filter_map(|t| t.amount.as_ref())
        .map(|a| a.minor)
        .sum();
    assert_eq!(sum, batch.amount.minor, "Σ TxDtls = entry amount");

    let qrr = &batch.details[0];
    assert_eq!(
        qrr.reference,
        Some(StructuredReference {
            kind: ReferenceKind::Qrr,
            value: "210000000003139471430009017".into()
        })
    );
    assert_eq!(
        qrr.additional_remittance,
        vec!["Order dated 18.06.2020".to_owned()]
    );
    assert_eq!(
        qrr.debtor_name.as_deref(),
        Some("Pia-Maria Rutschmann-Schnyder")
    );

    let scor = &batch.details[1];
    assert_eq!(
        scor.reference.as_ref().map(|r| &r.kind),
        Some(&ReferenceKind::Scor)
    );
    assert_eq!(
        scor.amount.as_ref().map(|a| (a.minor, a.currency.as_str())),
        Some((71525, "CHF")),
        "TxAmt fallback"
    );
    assert_eq!(
        scor.instructed_amount
            .as_ref()
            .map(|a| (a.minor, a.currency.as_str())),
        Some((20000, "EUR"))
    );
    assert_eq!(
        scor.credit_debit, None,
        "absent in the detail: the entry's applies"
    );
    assert_eq!(
        scor.debtor_name.as_deref(),
        Some("Jürgen Müller & Söhne"),
        "character and predefined references"
    );
    assert_eq!(scor.ultimate_debtor_name.as_deref(), Some("Müller Holding"));

    let ustrd = &batch.details[2];
    assert_eq!(
        ustrd.amount.as_ref().map(|a| a.minor),
        Some(20000),
        "200.00000 is exact"
    );
    assert_eq!(
        ustrd.unstructured,
        vec!["Rechnung 2026-0000042 <Dauerauftrag>".to_owned()]
    );

    let reversal = entries[1];
    assert!(reversal.reversal);
    assert_eq!(reversal.credit_debit, CreditDebit::Debit);
    assert!(!entries[2].is_booked(), "PDNG is not booked");
    assert_eq!(entries[2].status, "PDNG");
    assert_eq!(
        entries[3].details_message_id.as_deref(),
        Some("161935259201"),
        "details in a camt.054"
    );
    assert!(entries[3].details.is_empty());

    let payout = entries[4];
    assert_eq!(
        payout.batch_payment_info_id.as_deref(),
        Some("PAYOUT-20261123-1")
    );
    let tx = &payout.details[0];
    assert_eq!(tx.end_to_end_id.as_deref(), Some("PAYOUT-4711"));
    assert_eq!(tx.creditor_name.as_deref(), Some("Pia Muster"));
    assert_eq!(tx.return_reason.as_deref(), Some("AC04"));
}

#[test]
fn version_04_shapes_bom_crlf_and_prefixes_are_read() {
    let xml = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<ns:Document xmlns:ns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\r\n<ns:BkToCstmrStmt><ns:Stmt>\r\n<ns:Ntry><ns:Amt Ccy=\"EUR\">0.5</ns:Amt><ns:CdtDbtInd>CRDT</ns:CdtDbtInd><ns:Sts>BOOK</ns:Sts>\r\n<ns:NtryDtls><ns:TxDtls><ns:RltdPties><ns:Dbtr><ns:Nm>Anna</ns:Nm></ns:Dbtr></ns:RltdPties></ns:TxDtls></ns:NtryDtls>\r\n</ns:Ntry></ns:Stmt></ns:BkToCstmrStmt></ns:Document>\r\n";
    let doc = read(xml.as_bytes(), &ReadLimits::default()).expect("reads");
    assert_eq!(doc.version, "camt.053.001.04");
    let e = doc.entries().next().expect("one entry");
    assert_eq!((e.amount.minor, e.amount.currency.as_str()), (50, "EUR"));
    assert_eq!(e.status, "BOOK");
    assert_eq!(e.details[0].debtor_name.as_deref(), Some("Anna"));
    // The streaming entry point gives the same result.
    assert_eq!(
        read_from(std::io::Cursor::new(xml.as_bytes()), &ReadLimits::default()),
        Ok(doc)
    );
}

/// Issue #15: the charges of a payment (`TxDtls/Chrgs/Rcrd`) and of an entry (`Ntry/Chrgs/Rcrd`)
/// are read with their amount, direction and whether the booked amount is already net of them.
#[test]
fn charges_are_read_with_amount_direction_and_inclusion() {
    let entry = "<Ntry><Amt Ccy=\"CHF\">98.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
        <Chrgs><TtlChrgsAndTaxAmt Ccy=\"CHF\">0.50</TtlChrgsAndTaxAmt><Rcrd><Amt Ccy=\"CHF\">0.50</Amt>\
        <CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>false</ChrgInclInd><Tp><Prtry><Id>FEE</Id></Prtry></Tp></Rcrd></Chrgs>\
        <NtryDtls><TxDtls><Amt Ccy=\"CHF\">98.00</Amt>\
        <Chrgs><Rcrd><Amt Ccy=\"CHF\">2</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd>\
        <Tp><Cd>DEBT</Cd></Tp></Rcrd><Rcrd><Amt Ccy=\"CHF\">1.25</Amt><ChrgInclInd>false</ChrgInclInd></Rcrd></Chrgs>\
        </TxDtls></NtryDtls></Ntry>";
    let doc = read(one_entry(entry).as_bytes(), &ReadLimits::default()).expect("reads");
    let e = doc.entries().next().expect("entry");
    let fee = |c: &guichet_bank::camt::Charge| {
        (
            c.amount.minor,
            c.amount.currency.clone(),
            c.is_debit(),
            c.included,
            c.kind.clone(),
        )
    };
    assert_eq!(
        e.charges.iter().map(fee).collect::<Vec<_>>(),
        vec![(50, "CHF".into(), true, Some(false), Some("FEE".into()))]
    );
    assert_eq!(
        e.details[0].charges.iter().map(fee).collect::<Vec<_>>(),
        vec![
            (200, "CHF".into(), true, Some(true), Some("DEBT".into())),
            (125, "CHF".into(), true, Some(false), None),
        ]
    );
    let bad = entry.replace("<Amt Ccy=\"CHF\">2</Amt>", "<Amt Ccy=\"CHF\">2.001</Amt>");
    assert!(matches!(
        read(one_entry(&bad).as_bytes(), &ReadLimits::default()),
        Err(CamtError::InvalidAmount { entry: 1, .. })
    ));
}

fn one_entry(entry: &str) -> String {
    format!(
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>{entry}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"
    )
}

#[test]
fn entries_that_cannot_be_booked_safely_are_refused_with_their_number() {
    let limits = ReadLimits::default();
    let ok = "<Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>";
    let cases: Vec<(String, CamtError)> = vec![
        (
            one_entry("<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>"),
            CamtError::MissingField {
                entry: 1,
                field: "Amt",
            },
        ),
        (
            one_entry(
                "<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>",
            ),
            CamtError::MissingField {
                entry: 1,
                field: "Amt/@Ccy",
            },
        ),
        (
            one_entry(&format!(
                "<Ntry>{ok}</Ntry><Ntry><Amt Ccy=\"CHF\">1.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>"
            )),
            CamtError::InvalidAmount {
                entry: 2,
                field: "Amt",
                source: guichet_bank::AmountError::Precision("1.005".into()),
            },
        ),
        (
            one_entry(
                "<Ntry><Amt Ccy=\"CHF\">1,00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>",
            ),
            CamtError::InvalidAmount {
                entry: 1,
                field: "Amt",
                source: guichet_bank::AmountError::Syntax("1,00".into()),
            },
        ),
        (
            one_entry(
                "<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>",
            ),
            CamtError::InvalidValue {
                entry: 1,
                field: "CdtDbtInd",
                value: "CREDIT".into(),
            },
        ),
        (
            one_entry(&format!(
                "<Ntry>{ok}<BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry>"
            )),
            CamtError::InvalidValue {
                entry: 1,
                field: "BookgDt",
                value: "2026-02-30".into(),
            },
        ),
        (
            one_entry("<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"),
            CamtError::MissingField {
                entry: 1,
                field: "Sts",
            },
        ),
        (
            one_entry(&format!(
                "<Ntry>{ok}<NtryDtls><TxDtls><Amt Ccy=\"CHF\">-5</Amt></TxDtls></NtryDtls></Ntry>"
            )),
            CamtError::InvalidAmount {
                entry: 1,
                field: "TxDtls/Amt",
                source: guichet_bank::AmountError::Syntax("-5".into()),
            },
        ),
    ];
    for (xml, expected) in cases {
        assert_eq!(
            read(xml.as_bytes(), &limits),
            Err(expected.clone()),
            "{xml}"
        );
        assert!(expected.to_string().starts_with("entry "), "{expected}");
    }
}

#[test]
fn other_documents_are_not_taken_for_camt() {
    let limits = ReadLimits::default();
    let pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn/></Document>";
    assert!(
        matches!(read(pain.as_bytes(), &limits), Err(CamtError::NotCamt(m)) if m.contains("CstmrCdtTrfInitn"))
    );
    let camt052 = "<Document><BkToCstmrAcctRpt/></Document>";
    assert!(matches!(
        read(camt052.as_bytes(), &limits),
        Err(CamtError::NotCamt(_))
    ));
    assert!(matches!(
        read(b"<html><body/></html>", &limits),
        Err(CamtError::NotCamt(_))
    ));
    assert!(matches!(read(b"", &limits), Err(CamtError::NotCamt(_))));
    let truncated = &STATEMENT_08.as_bytes()[..STATEMENT_08.len() / 2];
    assert!(matches!(
        read(truncated, &limits),
        Err(CamtError::Xml { .. })
    ));
    let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Document/>";
    assert_eq!(
        read(latin1.as_bytes(), &limits),
        Err(CamtError::Encoding("ISO-8859-1".into()))
    );
    let mut invalid_utf8 = one_entry("<Ntry><AddtlNtryInf>X</AddtlNtryInf></Ntry>").into_bytes();
    let pos = invalid_utf8.iter().position(|b| *b == b'X').expect("X");
    invalid_utf8[pos] = 0xFC; // 'ü' in Latin-1
    assert!(matches!(
        read(&invalid_utf8, &limits),
        Err(CamtError::Xml { .. })
    ));
}

#[test]
fn only_camt053_and_camt054_namespaces_of_a_read_version_are_accepted() {
    let limits = ReadLimits::default();
    let doc = |ns: &str, msg: &str| {
        let xmlns = if ns.is_empty() {
            String::new()
        } else {
            format!(" xmlns=\"{ns}\"")
        };
        format!("<Document{xmlns}><{msg}><GrpHdr><MsgId>M</MsgId></GrpHdr></{msg}></Document>")
    };
    let ok = [
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
            "BkToCstmrDbtCdtNtfctn",
        ),
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.054.001.04",
            "BkToCstmrDbtCdtNtfctn",
        ),
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
            "BkToCstmrStmt",
        ),
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.04",
            "BkToCstmrStmt",
        ),
    ];
    for (ns, msg) in ok {
        let d = read(doc(ns, msg).as_bytes(), &limits).unwrap();
        assert_eq!(format!("urn:iso:std:iso:20022:tech:xsd:{}", d.version), ns);
    }
    // A prefixed root reads its own namespace.
    let prefixed = "<c:Document xmlns:c=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><c:BkToCstmrDbtCdtNtfctn/></c:Document>";
    assert_eq!(
        read(prefixed.as_bytes(), &limits).unwrap().version,
        "camt.054.001.08"
    );
    let refused = [
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08",
            "BkToCstmrDbtCdtNtfctn",
        ),
        ("urn:evil:camt.054", "BkToCstmrDbtCdtNtfctn"),
        (
            "urn:evil:urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
            "BkToCstmrDbtCdtNtfctn",
        ),
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08x",
            "BkToCstmrDbtCdtNtfctn",
        ),
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.054.001.99",
            "BkToCstmrDbtCdtNtfctn",
        ),
        // Namespace and message disagree.
        (
            "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08",
            "BkToCstmrStmt",
        ),
        ("", "BkToCstmrDbtCdtNtfctn"),
    ];
    for (ns, msg) in refused {
        let e = read(doc(ns, msg).as_bytes(), &limits).unwrap_err();
        assert!(
            matches!(&e, CamtError::Namespace { found, .. } if found == ns),
            "{ns} {msg}: {e}"
        );
        let text = e.to_string();
        assert!(
            text.contains("namespace") && text.contains(&format!("{ns:?}")),
            "{text}"
        );
    }
    // A prefix-bound look-alike next to a real default namespace: the root's own one counts.
    let sneaky = "<Document xmlns=\"urn:evil:camt.054\" xmlns:x=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn/></Document>";
    assert!(matches!(
        read(sneaky.as_bytes(), &limits),
        Err(CamtError::Namespace { .. })
    ));
}
