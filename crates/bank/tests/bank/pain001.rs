//! pain.001.001.09 payout files: structure, totals, escaping, refusals and the ISO XSD.

use crate::common::{have, sps_plain, sps_texts, tool_missing};
use guichet_bank::pain001::{
    DebtorAccount, Pain001Error, Payout, PayoutBatch, PostalAddress, write,
};
use guichet_core::Currency;
use guichet_core::period::Date;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

fn address(street: &str, number: &str, postal: &str, town: &str, country: &str) -> PostalAddress {
    PostalAddress {
        street: street.into(),
        building_number: number.into(),
        postal_code: postal.into(),
        town: town.into(),
        country: country.into(),
    }
}

fn payout(id: &str, name: &str, iban: &str, minor: i64, currency: Currency, text: &str) -> Payout {
    Payout {
        end_to_end_id: id.into(),
        creditor_name: name.into(),
        creditor_address: address("Musterweg", "6", "3008", "Bern", "CH"),
        creditor_iban: iban.into(),
        amount_minor: minor,
        currency,
        remittance: text.into(),
    }
}

/// Our CHF account (print format) and our EUR account.
const CHF_ACCOUNT: &str = "CH93 0076 2011 6238 5295 7";
const EUR_ACCOUNT: &str = "CH5604835012345678009";

/// The account a payout of `currency` must be debited from, electronic format.
fn account_of(currency: Currency) -> String {
    match currency {
        Currency::Chf => CHF_ACCOUNT.replace(' ', ""),
        Currency::Eur => EUR_ACCOUNT.into(),
    }
}

fn batch() -> PayoutBatch {
    PayoutBatch {
        debtor_name: "Example Hosting AG".into(),
        debtor_address: Some(address("Bahnhofstrasse", "1", "8001", "Zürich", "CH")),
        debtor_accounts: vec![
            DebtorAccount {
                currency: Currency::Chf,
                iban: CHF_ACCOUNT.into(),
                bic: Some("BCGECHGGXXX".into()),
            },
            DebtorAccount {
                currency: Currency::Eur,
                iban: EUR_ACCOUNT.into(),
                bic: Some("CRESCHZZ80A".into()),
            },
        ],
        execution_date: Date {
            year: 2026,
            month: 11,
            day: 24,
        },
        batch_booking: false,
        payouts: vec![
            payout(
                "PAYOUT-4711",
                "Pia Muster",
                "CH5800791123000889012",
                12540,
                Currency::Chf,
                "Refund of prepaid balance, customer 10042",
            ),
            payout(
                "PAYOUT-4712",
                "Dupont & Fils <SA>",
                "CH93 0076 2011 6238 5295 7",
                100,
                Currency::Chf,
                "",
            ),
            payout(
                "PAYOUT-4713",
                "Jürgen Müller",
                "DE89370400440532013000",
                99_999_999_999,
                Currency::Eur,
                "Erstattung Guthaben",
            ),
            payout(
                "PAYOUT-4714",
                "Anna Rossi",
                "CH5800791123000889012",
                5005,
                Currency::Eur,
                "Rimborso",
            ),
        ],
    }
}

/// (path of local names, text) for every element with text, plus attributes as `path/@name`.
fn leaves(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                path.push(e.local_name().as_ref().to_owned());
                text.clear();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("value");
                    out.push((
                        format!("{}/@{}", path.join("/"), a.key.as_ref()),
                        v.into_owned(),
                    ));
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => text.push_str(
                quick_xml::escape::resolve_xml_entity(&r.xml10_content()).expect("predefined"),
            ),
            Event::End(_) => {
                if !text.trim().is_empty() {
                    out.push((path.join("/"), std::mem::take(&mut text)));
                }
                text.clear();
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn all<'a>(leaves: &'a [(String, String)], suffix: &str) -> Vec<&'a str> {
    leaves
        .iter()
        .filter(|(p, _)| p.ends_with(suffix))
        .map(|(_, v)| v.as_str())
        .collect()
}

fn cents(s: &str) -> i64 {
    guichet_bank::amount::parse_minor(s).expect("amount")
}

#[test]
fn totals_and_groups_match_what_the_bank_checks() {
    let xml = write(
        &batch(),
        "GUICHET-20261123-0001",
        "2026-11-23T10:30:00+01:00",
    )
    .expect("writes");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\""));
    let l = leaves(&xml);
    assert_eq!(all(&l, "GrpHdr/MsgId"), vec!["GUICHET-20261123-0001"]);
    assert_eq!(all(&l, "GrpHdr/CreDtTm"), vec!["2026-11-23T10:30:00+01:00"]);
    assert_eq!(all(&l, "GrpHdr/NbOfTxs"), vec!["4"]);
    let instructed: Vec<i64> = all(&l, "CdtTrfTxInf/Amt/InstdAmt")
        .into_iter()
        .map(cents)
        .collect();
    assert_eq!(instructed.len(), 4);
    assert_eq!(
        cents(all(&l, "GrpHdr/CtrlSum")[0]),
        instructed.iter().sum::<i64>()
    );
    assert_eq!(all(&l, "GrpHdr/CtrlSum"), vec!["1000000176.44"]);

    // Three payment groups: D/CHF, S/EUR, D/EUR, in order of first appearance.
    assert_eq!(
        all(&l, "PmtInf/PmtInfId"),
        vec![
            "GUICHET-20261123-0001-1",
            "GUICHET-20261123-0001-2",
            "GUICHET-20261123-0001-3"
        ]
    );
    assert_eq!(all(&l, "PmtInf/NbOfTxs"), vec!["2", "1", "1"]);
    assert_eq!(
        all(&l, "PmtInf/CtrlSum"),
        vec!["126.40", "999999999.99", "50.05"]
    );
    assert_eq!(
        all(&l, "PmtInf/PmtTpInf/SvcLvl/Cd"),
        vec!["SEPA"],
        "only the EUR payout to Germany is SEPA"
    );
    assert_eq!(all(&l, "PmtInf/ChrgBr"), vec!["SLEV"]);
    assert_eq!(all(&l, "InstdAmt/@Ccy"), vec!["CHF", "CHF", "EUR", "EUR"]);
    assert_eq!(all(&l, "ReqdExctnDt/Dt"), vec!["2026-11-24"; 3]);
    assert_eq!(all(&l, "PmtInf/BtchBookg"), vec!["false"; 3]);
    // Each currency is debited from its own account (issue #15): CHF from the CHF account, both
    // EUR groups from the EUR account.
    assert_eq!(
        all(&l, "DbtrAcct/Id/IBAN"),
        vec![
            "CH9300762011623852957",
            "CH5604835012345678009",
            "CH5604835012345678009"
        ],
        "electronic format, one account per currency"
    );
    assert_eq!(
        all(&l, "DbtrAgt/FinInstnId/BICFI"),
        vec!["BCGECHGGXXX", "CRESCHZZ80A", "CRESCHZZ80A"]
    );
    assert_eq!(
        all(&l, "PmtId/EndToEndId"),
        vec!["PAYOUT-4711", "PAYOUT-4712", "PAYOUT-4713", "PAYOUT-4714"]
    );
    assert_eq!(
        all(&l, "CdtrAcct/Id/IBAN"),
        vec![
            "CH5800791123000889012",
            "CH9300762011623852957",
            "DE89370400440532013000",
            "CH5800791123000889012"
        ]
    );
    // Escaping round-trips; empty remittance is left out.
    assert_eq!(all(&l, "Cdtr/Nm")[1], "Dupont & Fils <SA>");
    assert!(xml.contains("Dupont &amp; Fils &lt;SA&gt;"));
    assert_eq!(all(&l, "RmtInf/Ustrd").len(), 3);
    assert_eq!(all(&l, "Dbtr/PstlAdr/TwnNm")[0], "Zürich");
}

#[test]
fn element_order_follows_the_schema_sequence() {
    let xml = write(&batch(), "M-1", "2026-11-23T10:30:00Z").expect("writes");
    let pos = |tag: &str| xml.find(tag).unwrap_or_else(|| panic!("{tag} missing"));
    let grp = [
        "<MsgId>",
        "<CreDtTm>",
        "<NbOfTxs>",
        "<CtrlSum>",
        "<InitgPty>",
    ];
    assert!(
        grp.windows(2).all(|w| pos(w[0]) < pos(w[1])),
        "GrpHdr order"
    );
    let sepa = &xml[xml.find("<PmtInfId>M-1-2</PmtInfId>").expect("SEPA group")..];
    let order = [
        "<PmtMtd>",
        "<BtchBookg>",
        "<NbOfTxs>",
        "<CtrlSum>",
        "<PmtTpInf>",
        "<ReqdExctnDt>",
        "<Dbtr>",
        "<DbtrAcct>",
        "<DbtrAgt>",
        "<ChrgBr>",
        "<CdtTrfTxInf>",
    ];
    let p: Vec<usize> = order.iter().map(|t| sepa.find(t).expect(t)).collect();
    assert!(p.windows(2).all(|w| w[0] < w[1]), "PmtInf order {p:?}");
    let tx = &sepa[sepa.find("<CdtTrfTxInf>").expect("tx")..];
    let order = ["<PmtId>", "<Amt>", "<Cdtr>", "<CdtrAcct>", "<RmtInf>"];
    let p: Vec<usize> = order.iter().map(|t| tx.find(t).expect(t)).collect();
    assert!(p.windows(2).all(|w| w[0] < w[1]), "CdtTrfTxInf order {p:?}");
}

#[test]
fn without_bic_the_swiss_iid_identifies_our_bank() {
    let mut b = batch();
    b.debtor_accounts[0].bic = None;
    b.debtor_accounts[1].bic = None;
    let xml = write(&b, "M-1", "2026-11-23T10:30:00").expect("writes");
    assert!(xml.contains(
        "<ClrSysMmbId><ClrSysId><Cd>CHBCC</Cd></ClrSysId><MmbId>00762</MmbId></ClrSysMmbId>"
    ));
    assert!(xml.contains(
        "<ClrSysMmbId><ClrSysId><Cd>CHBCC</Cd></ClrSysId><MmbId>04835</MmbId></ClrSysMmbId>"
    ));
    b.debtor_accounts[1].iban = "DE89370400440532013000".into();
    assert_eq!(
        write(&b, "M-1", "2026-11-23T10:30:00"),
        Err(Pain001Error::MissingDebtorAgent)
    );
}

#[test]
fn files_a_bank_would_reject_are_not_written() {
    let created = "2026-11-23T10:30:00+01:00";
    let mut b = batch();
    b.payouts.clear();
    assert_eq!(write(&b, "M-1", created), Err(Pain001Error::Empty));

    let mut b = batch();
    b.payouts[1].end_to_end_id = "PAYOUT-4711".into();
    assert_eq!(
        write(&b, "M-1", created),
        Err(Pain001Error::DuplicateEndToEndId {
            index: 2,
            id: "PAYOUT-4711".into()
        })
    );

    let mut b = batch();
    b.payouts[0].amount_minor = 0;
    assert_eq!(
        write(&b, "M-1", created),
        Err(Pain001Error::InvalidAmount { index: 1, minor: 0 })
    );

    let mut b = batch();
    b.payouts[2].currency = Currency::Chf;
    assert!(
        matches!(
            write(&b, "M-1", created),
            Err(Pain001Error::UnsupportedPayment { index: 3, .. })
        ),
        "CHF to Germany needs type X"
    );

    let mut b = batch();
    b.payouts[0].creditor_iban = "CH5800791123000889013".into();
    assert!(
        matches!(write(&b, "M-1", created), Err(Pain001Error::InvalidIban { field, .. }) if field == "payout 1: CdtrAcct")
    );

    let mut b = batch();
    b.payouts[0].creditor_name = "N".repeat(71);
    assert!(
        matches!(write(&b, "M-1", created), Err(Pain001Error::InvalidText { field, .. }) if field == "payout 1: Cdtr/Nm")
    );

    let mut b = batch();
    b.payouts[0].remittance = "Merci 😀".into();
    assert!(matches!(
        write(&b, "M-1", created),
        Err(Pain001Error::InvalidText { .. })
    ));

    let mut b = batch();
    b.payouts[0].creditor_address.town.clear();
    assert!(
        matches!(write(&b, "M-1", created), Err(Pain001Error::InvalidText { field, .. }) if field.ends_with("TwnNm"))
    );

    let mut b = batch();
    b.debtor_accounts[0].bic = Some("BCGE CH GG".into());
    assert!(matches!(
        write(&b, "M-1", created),
        Err(Pain001Error::InvalidBic(_))
    ));

    assert!(matches!(
        write(&batch(), "M_1", created),
        Err(Pain001Error::InvalidId { field: "MsgId", .. })
    ));
    assert!(matches!(
        write(&batch(), &"M".repeat(34), created),
        Err(Pain001Error::InvalidId { .. })
    ));
    assert!(matches!(
        write(&batch(), "M-1", "23.11.2026 10:30"),
        Err(Pain001Error::InvalidCreationTime(_))
    ));
    let mut b = batch();
    b.payouts[0].end_to_end_id = "PAYOUT/4711//X".into();
    assert!(matches!(
        write(&b, "M-1", created),
        Err(Pain001Error::InvalidId {
            field: "EndToEndId",
            ..
        })
    ));
}

/// The ISO 20022 schema `pain.001.001.09.xsd`, taken from the PyPI package `sepaxml` 2.7.0
/// (`sepaxml/schemas/pain.001.001.09.xsd`, generated by the ISO Standards Editor 2019-02-14).
const XSD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/pain.001.001.09.xsd"
);

#[test]
fn output_validates_against_the_iso_pain_001_001_09_schema() {
    if !have("xmllint", &["--version"]) {
        return tool_missing("xmllint (Debian package libxml2-utils) is not installed");
    }
    let dir = std::env::temp_dir().join(format!("guichet-bank-xsd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut no_address = batch();
    no_address.debtor_address = None;
    no_address.debtor_accounts[0].bic = None;
    no_address.batch_booking = true;
    for (i, b) in [batch(), no_address].iter().enumerate() {
        let xml =
            write(b, "GUICHET-20261123-0001", "2026-11-23T10:30:00.250+01:00").expect("writes");
        let file = dir.join(format!("pain{i}.xml"));
        std::fs::write(&file, &xml).expect("write");
        let out = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema", XSD])
            .arg(&file)
            .output()
            .expect("xmllint runs");
        assert!(
            out.status.success(),
            "schema validation failed:\n{}\n{xml}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // The schema really checks: a file with a broken element order is rejected.
    let bad = write(&batch(), "M-1", "2026-11-23T10:30:00")
        .expect("writes")
        .replacen("<PmtMtd>TRF</PmtMtd>", "", 1);
    let file = dir.join("bad.xml");
    std::fs::write(&file, bad).expect("write");
    let status = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema", XSD])
        .arg(&file)
        .output()
        .expect("xmllint runs")
        .status;
    assert!(
        !status.success(),
        "xmllint accepted an invalid file: the check is not effective"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue #4, acceptance 6: an independent ISO 20022 reader — the PyPI package `xmlschema`, decoding
/// by the ISO schema alone (`.ci/run` installs it) — reads back the same payouts: amounts,
/// currencies, IBANs, end-to-end references, names and remittance texts.
#[test]
fn an_independent_iso_20022_reader_reads_back_the_same_payouts() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import xmlschema"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return tool_missing(
            "python3 with the PyPI package xmlschema is not installed (pip install xmlschema)",
        );
    }
    let b = batch();
    let xml = write(&b, "GUICHET-20261123-0002", "2026-11-23T10:30:00").expect("writes");
    let dir = std::env::temp_dir().join(format!("guichet-bank-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("pain.xml");
    std::fs::write(&file, &xml).expect("write");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/read_pain001.py");
    let out = std::process::Command::new("python3")
        .args([script, XSD])
        .arg(&file)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "the reader refused the file:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(read["msg_id"], "GUICHET-20261123-0002");
    assert_eq!(read["nb_of_txs"], b.payouts.len().to_string());
    let total: i64 = b.payouts.iter().map(|p| p.amount_minor).sum();
    assert_eq!(cents(read["ctrl_sum"].as_str().unwrap()), total);
    let payments = read["payments"].as_array().unwrap();
    assert_eq!(payments.len(), b.payouts.len());
    let compact = |s: &str| s.replace(' ', "");
    for p in &b.payouts {
        let r = payments
            .iter()
            .find(|r| r["end_to_end_id"] == p.end_to_end_id.as_str())
            .unwrap_or_else(|| panic!("{} not read back: {read}", p.end_to_end_id));
        assert_eq!(cents(r["amount"].as_str().unwrap()), p.amount_minor, "{r}");
        assert_eq!(r["currency"], p.currency.code(), "{r}");
        assert_eq!(r["creditor_iban"], compact(&p.creditor_iban), "{r}");
        assert_eq!(r["creditor_name"], p.creditor_name.as_str(), "{r}");
        assert_eq!(r["remittance"], p.remittance.as_str(), "{r}");
        assert_eq!(r["debtor_iban"], account_of(p.currency), "{r}");
    }
}

/// Issue #15: a payout is never debited from another currency's account; one account per currency.
#[test]
fn a_payout_without_an_account_in_its_currency_is_refused() {
    let mut b = batch();
    b.debtor_accounts.retain(|a| a.currency == Currency::Chf);
    assert_eq!(
        write(&b, "M-1", "2026-11-23T10:30:00"),
        Err(Pain001Error::NoDebtorAccount {
            index: 3,
            currency: Currency::Eur
        })
    );
    b.payouts.retain(|p| p.currency == Currency::Chf);
    let xml = write(&b, "M-1", "2026-11-23T10:30:00").expect("CHF only");
    assert_eq!(
        all(&leaves(&xml), "DbtrAcct/Id/IBAN"),
        vec!["CH9300762011623852957"]
    );
    let mut b = batch();
    b.debtor_accounts[1].currency = Currency::Chf;
    assert_eq!(
        write(&b, "M-1", "2026-11-23T10:30:00"),
        Err(Pain001Error::DuplicateDebtorAccount(Currency::Chf))
    );
}

/// Issue #11, item 6: typographic characters stored before input checks are written plainly,
/// and one payout that cannot be written is named with its reason without the batch.
#[test]
fn typographic_text_is_written_plainly_and_a_bad_payout_is_named() {
    let mut b = batch();
    b.payouts[0].creditor_name = "Atelier Favre Sàrl’".into();
    b.payouts[0].creditor_address.street = "Rue du Lac 12–14\u{A0}bis".into();
    let xml = write(&b, "M-1", "2026-11-23T10:30:00").expect("writes");
    let l = leaves(&xml);
    assert_eq!(all(&l, "Cdtr/Nm")[0], "Atelier Favre Sàrl'");
    assert_eq!(all(&l, "Cdtr/PstlAdr/StrtNm")[0], "Rue du Lac 12-14 bis");
    assert_eq!(
        guichet_bank::pain001::payout_problem(&b.payouts[0]),
        None,
        "transliterated, so exportable"
    );
    b.payouts[1].creditor_name = "Bistro 😀".into();
    assert_eq!(
        guichet_bank::pain001::payout_problem(&b.payouts[1]).as_deref(),
        Some("Cdtr/Nm: character '😀' is not allowed")
    );
    b.payouts[2].creditor_iban = "DE89370400440532013001".into();
    assert!(
        guichet_bank::pain001::payout_problem(&b.payouts[2])
            .is_some_and(|r| r.starts_with("CdtrAcct: ")),
    );
}

/// Issue #11, acceptance 5: every character of the Swiss Payment Standards set goes into a
/// pain.001 (creditor names and addresses, our own name and address) and is read back unchanged,
/// except the three the project writes plainly (non-breaking space, « »); the file is valid by
/// the ISO schema (xmllint) and an independent reader (xmlschema) reads the same names.
#[test]
fn every_character_of_the_set_round_trips_through_a_pain001() {
    // Per payout: creditor name, street, building number, postal code, town.
    let lengths = [70, 70, 16, 16, 35];
    let groups = sps_texts(&lengths);
    let mut b = batch();
    b.payouts.truncate(1);
    let template = b.payouts[0].clone();
    b.payouts = groups
        .iter()
        .enumerate()
        .map(|(i, f)| Payout {
            end_to_end_id: format!("SPS-{i}"),
            creditor_name: f[0].clone(),
            creditor_address: address(&f[1], &f[2], &f[3], &f[4], "CH"),
            ..template.clone()
        })
        .collect();
    assert!(b.payouts.len() >= 2);
    for p in &b.payouts {
        assert_eq!(guichet_bank::pain001::payout_problem(p), None, "{p:?}");
    }
    let xml = write(&b, "M-SPS", "2026-11-23T10:30:00").expect("writes");
    let l = leaves(&xml);
    let read: Vec<Vec<&str>> = [
        "Cdtr/Nm",
        "Cdtr/PstlAdr/StrtNm",
        "Cdtr/PstlAdr/BldgNb",
        "Cdtr/PstlAdr/PstCd",
        "Cdtr/PstlAdr/TwnNm",
    ]
    .iter()
    .map(|path| all(&l, path))
    .collect();
    for (i, f) in groups.iter().enumerate() {
        for (k, text) in f.iter().enumerate() {
            assert_eq!(read[k][i], sps_plain(text), "payout {i}, field {k}");
        }
    }
    let dir = std::env::temp_dir().join(format!("guichet-bank-sps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("pain.xml");
    std::fs::write(&file, &xml).expect("write");
    if have("xmllint", &["--version"]) {
        let out = std::process::Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema", XSD])
            .arg(&file)
            .output()
            .expect("xmllint runs");
        assert!(
            out.status.success(),
            "schema validation failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        tool_missing("xmllint (Debian package libxml2-utils) is not installed");
    }
    let probe = std::process::Command::new("python3")
        .args(["-c", "import xmlschema"])
        .output();
    if probe.is_ok_and(|o| o.status.success()) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/read_pain001.py");
        let out = std::process::Command::new("python3")
            .args([script, XSD])
            .arg(&file)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "the reader refused the file:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        for (i, f) in groups.iter().enumerate() {
            let p = read["payments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["end_to_end_id"] == format!("SPS-{i}").as_str())
                .expect("payout read back");
            assert_eq!(p["creditor_name"], sps_plain(&f[0]).as_str());
        }
    } else {
        tool_missing(
            "python3 with the PyPI package xmlschema is not installed (pip install xmlschema)",
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
