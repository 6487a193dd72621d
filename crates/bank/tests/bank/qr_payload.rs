//! The payload a QR-bill carries: exact text for the reference vectors, and every rule refused.

use crate::common::*;
use guichet_bank::qr::{Field, QrError, Reference};
use guichet_bank::references::ReferenceError;
use guichet_core::Currency;

#[test]
fn java_reference_vector_a_is_reproduced_exactly() {
    let expected = [
        "SPC",
        "0200",
        "1",
        "CH4431999123000889012",
        "S",
        "Robert Schneider AG",
        "Rue du Lac",
        "1268",
        "2501",
        "Biel",
        "CH",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "1949.75",
        "CHF",
        "S",
        "Pia-Maria Rutschmann-Schnyder",
        "Grosse Marktgasse",
        "28",
        "9400",
        "Rorschach",
        "CH",
        "QRR",
        "210000000003139471430009017",
        "Order dated 18.06.2020",
        "EPD",
        "//S1/01/20170309/11/10201409/20/14000000/22/36958/30/CH106017086/40/1020/41/3010",
        "UV;UltraPay005;12345",
        "XY;XYService;54321",
    ]
    .join("\r\n");
    assert_eq!(bill_qrr_full().to_payload(), Ok(expected));
}

#[test]
fn python_vector_b_no_amount_no_reference_is_31_lines_without_trailing_break() {
    let expected = format!(
        "SPC\r\n0200\r\n1\r\nCH5380005000010283664\r\nS\r\nJane\r\n\r\n\r\n1000\r\nLausanne\r\nCH\r\n{}\r\nCHF\r\n{}NON\r\n\r\n\r\nEPD",
        "\r\n".repeat(7),
        "\r\n".repeat(7)
    );
    let payload = bill_no_amount().to_payload().expect("valid bill");
    assert_eq!(payload, expected);
    assert_eq!(payload.split("\r\n").count(), 31);
    assert!(!payload.ends_with('\n'));
}

#[test]
fn billing_information_line_is_kept_empty_when_only_alternative_procedures_follow() {
    let mut bill = bill_chf_scor();
    bill.alternative_procedures = vec!["UV;UltraPay005;12345".into()];
    let payload = bill.to_payload().expect("valid");
    let lines: Vec<&str> = payload.split("\r\n").collect();
    assert_eq!(lines.len(), 33);
    assert_eq!(lines[30], "EPD");
    assert_eq!(lines[31], "");
    assert_eq!(lines[32], "UV;UltraPay005;12345");
}

#[test]
fn surrounding_spaces_are_trimmed_in_the_payload() {
    let mut bill = bill_chf_scor();
    bill.creditor.name = "  Robert Schneider AG ".into();
    bill.message = " Rechnung 2026-0000042 ".into();
    let payload = bill.to_payload().expect("valid");
    assert!(payload.contains("\r\nRobert Schneider AG\r\n"));
    assert!(payload.contains("\r\nRechnung 2026-0000042\r\nEPD"));
}

#[test]
fn amounts_are_written_with_two_decimals_and_limited_to_the_range() {
    let mut bill = bill_chf_scor();
    for (minor, text) in [(1, "0.01"), (100, "1.00"), (99_999_999_999, "999999999.99")] {
        bill.amount = Some(minor);
        let payload = bill.to_payload().expect("valid");
        assert_eq!(payload.split("\r\n").nth(18), Some(text));
    }
    for minor in [0, -100, 100_000_000_000] {
        bill.amount = Some(minor);
        assert_eq!(bill.to_payload(), Err(QrError::AmountOutOfRange { minor }));
    }
}

#[test]
fn qr_reference_only_with_qr_iban_and_qr_iban_only_with_qr_reference() {
    let mut bill = bill_qrr_full();
    bill.reference = Reference::Scor("RF18539007547034".into());
    assert_eq!(
        bill.to_payload(),
        Err(QrError::QrIbanRequiresQrr { found: "SCOR" })
    );
    bill.reference = Reference::Non;
    assert_eq!(
        bill.to_payload(),
        Err(QrError::QrIbanRequiresQrr { found: "NON" })
    );

    let mut bill = bill_chf_scor();
    bill.reference = Reference::Qrr("210000000003139471430009017".into());
    assert_eq!(bill.to_payload(), Err(QrError::QrrRequiresQrIban));
}

#[test]
fn broken_references_are_refused_with_the_reason() {
    let mut bill = bill_qrr_full();
    bill.reference = Reference::Qrr("210000000003139471430009018".into());
    assert_eq!(
        bill.to_payload(),
        Err(QrError::InvalidReference {
            source: ReferenceError::QrCheckDigit {
                expected: 7,
                found: 8
            }
        })
    );
    let mut bill = bill_chf_scor();
    bill.reference = Reference::Scor("RF19GAX8WS5JYOOUJ87".into());
    assert_eq!(
        bill.to_payload(),
        Err(QrError::InvalidReference {
            source: ReferenceError::CreditorCheck
        })
    );
    // RF references must be upper case in the QR data.
    bill.reference = Reference::Scor("rf18539007547034".into());
    assert!(matches!(
        bill.to_payload(),
        Err(QrError::InvalidReference { .. })
    ));
}

#[test]
fn account_must_be_a_valid_ch_or_li_iban_without_spaces() {
    let mut bill = bill_chf_scor();
    bill.account = "DE89370400440532013000".into();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::AccountCountry {
            country: "DE".into()
        })
    );
    bill.account = "CH5800791123000889013".into();
    assert!(matches!(
        bill.to_payload(),
        Err(QrError::InvalidIban { .. })
    ));
    bill.account = "CH58 0079 1123 0008 8901 2".into();
    assert!(matches!(
        bill.to_payload(),
        Err(QrError::InvalidIban { .. })
    ));
    bill.account = "LI0508800636123378777".into();
    assert_eq!(
        bill.to_payload().map(|_| ()),
        Ok(()),
        "Liechtenstein IBANs are allowed"
    );
    bill.account = String::new();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::Missing {
            field: Field::Account
        })
    );
}

/// Sets one text field of a bill.
type Setter = Box<dyn Fn(&mut guichet_bank::qr::QrBill, String)>;

#[test]
fn every_field_length_is_enforced() {
    let cases: Vec<(Field, usize, Setter)> = vec![
        (
            Field::CreditorName,
            70,
            Box::new(|b, v| b.creditor.name = v),
        ),
        (
            Field::CreditorStreet,
            70,
            Box::new(|b, v| b.creditor.street = v),
        ),
        (
            Field::CreditorBuildingNumber,
            16,
            Box::new(|b, v| b.creditor.building_number = v),
        ),
        (
            Field::CreditorPostalCode,
            16,
            Box::new(|b, v| b.creditor.postal_code = v),
        ),
        (
            Field::CreditorTown,
            35,
            Box::new(|b, v| b.creditor.town = v),
        ),
        (
            Field::DebtorName,
            70,
            Box::new(|b, v| b.debtor.as_mut().expect("debtor").name = v),
        ),
        (
            Field::DebtorStreet,
            70,
            Box::new(|b, v| b.debtor.as_mut().expect("debtor").street = v),
        ),
        (
            Field::DebtorBuildingNumber,
            16,
            Box::new(|b, v| b.debtor.as_mut().expect("debtor").building_number = v),
        ),
        (
            Field::DebtorPostalCode,
            16,
            Box::new(|b, v| b.debtor.as_mut().expect("debtor").postal_code = v),
        ),
        (
            Field::DebtorTown,
            35,
            Box::new(|b, v| b.debtor.as_mut().expect("debtor").town = v),
        ),
        (Field::Message, 140, Box::new(|b, v| b.message = v)),
        (
            Field::BillingInformation,
            140,
            Box::new(|b, v| b.billing_information = v),
        ),
        (
            Field::AlternativeProcedure(1),
            100,
            Box::new(|b, v| b.alternative_procedures = vec![v]),
        ),
    ];
    for (field, max, set) in cases {
        let mut bill = bill_chf_scor();
        bill.message.clear();
        set(&mut bill, "é".repeat(max));
        assert_eq!(
            bill.to_payload().map(|_| ()),
            Ok(()),
            "{field}: {max} characters (not bytes) must pass"
        );
        set(&mut bill, "é".repeat(max + 1));
        assert_eq!(
            bill.to_payload(),
            Err(QrError::TooLong {
                field,
                max,
                len: max + 1
            }),
            "{field}"
        );
    }
}

#[test]
fn mandatory_fields_and_country_codes() {
    let mut bill = bill_chf_scor();
    bill.creditor.name = "  ".into();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::Missing {
            field: Field::CreditorName
        })
    );
    let mut bill = bill_chf_scor();
    bill.creditor.postal_code.clear();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::Missing {
            field: Field::CreditorPostalCode
        })
    );
    let mut bill = bill_chf_scor();
    bill.creditor.town.clear();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::Missing {
            field: Field::CreditorTown
        })
    );
    let mut bill = bill_chf_scor();
    bill.debtor.as_mut().expect("debtor").country = "Schweiz".into();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::InvalidCountry {
            field: Field::DebtorCountry,
            value: "Schweiz".into()
        })
    );
    let mut bill = bill_chf_scor();
    bill.creditor.country = "ch".into();
    assert!(matches!(
        bill.to_payload(),
        Err(QrError::InvalidCountry {
            field: Field::CreditorCountry,
            ..
        })
    ));
}

#[test]
fn characters_outside_the_extended_latin_set_are_refused() {
    let mut bill = bill_chf_scor();
    bill.message = "Merci 😀".into();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::InvalidCharacter {
            field: Field::Message,
            ch: '😀'
        })
    );
    let mut bill = bill_chf_scor();
    bill.creditor.street = "Rue du\nLac".into();
    assert_eq!(
        bill.to_payload(),
        Err(QrError::InvalidCharacter {
            field: Field::CreditorStreet,
            ch: '\n'
        })
    );
    let mut bill = bill_chf_scor();
    bill.debtor.as_mut().expect("debtor").name = "Ștefan Țurcanu €".into();
    assert!(
        bill.to_payload().is_ok(),
        "IG 2.3 extended Latin: Ș, Ț and € are allowed"
    );
}

#[test]
fn message_and_billing_information_share_140_characters() {
    let mut bill = bill_chf_scor();
    bill.message = "m".repeat(100);
    bill.billing_information = format!("//S1/10/{}", "1".repeat(32));
    assert_eq!(bill.to_payload().map(|_| ()), Ok(()));
    bill.billing_information.push('1');
    assert_eq!(
        bill.to_payload(),
        Err(QrError::MessageAndBillingTooLong { len: 141 })
    );
}

#[test]
fn at_most_two_alternative_procedures() {
    let mut bill = bill_chf_scor();
    bill.alternative_procedures = vec!["A;1".into(), "B;2".into(), "C;3".into()];
    assert_eq!(
        bill.to_payload(),
        Err(QrError::TooManyAlternativeProcedures { count: 3 })
    );
}

#[test]
fn longest_possible_structured_bill_stays_under_997_characters() {
    // With structured addresses only, the field maxima add up to 903 characters: the 997 limit
    // cannot be reached by a valid bill (it could with the old 70-character K address lines).
    let bill = crate::qr_render::longest_ascii_bill();
    let payload = bill.to_payload().expect("valid");
    assert_eq!(payload.split("\r\n").count(), 34);
    assert_eq!(payload.chars().count(), 903);
}

#[test]
fn error_messages_name_the_line_and_element() {
    let mut bill = bill_chf_scor();
    bill.creditor.town = "T".repeat(36);
    let msg = bill.to_payload().expect_err("too long").to_string();
    assert_eq!(
        msg,
        "line 10 (Cdtr/TwnNm): 36 characters, at most 35 allowed"
    );
    let mut bill = bill_chf_scor();
    bill.currency = Currency::Eur;
    bill.reference = Reference::Qrr("210000000003139471430009017".into());
    assert!(
        bill.to_payload()
            .expect_err("qrr")
            .to_string()
            .starts_with("line 28 (RmtInf/Tp)")
    );
}

/// Issue #11, item 6: stored text with typographic or unwritable characters still gives a valid
/// bill once made writable: plain characters, `?` for what has none, lengths respected.
#[test]
fn stored_text_is_made_writable() {
    let mut bill = crate::common::bill_chf_scor();
    let debtor = bill.debtor.as_mut().expect("debtor");
    debtor.name = "Atelier «Favre» — Sàrl’ 😀".into();
    debtor.street = format!("{}…", "Rue ".repeat(20));
    debtor.country = " ch ".into();
    bill.message = "Facture “42”\tmerci".into();
    assert!(bill.validate().is_err(), "as stored, the bill is refused");
    let w = bill.writable();
    w.validate().expect("writable bill is valid");
    let d = w.debtor.as_ref().expect("debtor");
    assert_eq!(d.name, "Atelier \"Favre\" - Sàrl' ?");
    assert_eq!(d.street.chars().count(), 70);
    assert_eq!(d.country, "CH");
    assert_eq!(w.message, "Facture \"42\" merci");
    let parsed = guichet_bank::qr::parse(&w.to_payload().expect("payload")).expect("parses");
    assert_eq!(parsed.debtor, w.debtor);
}
