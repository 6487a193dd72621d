//! Sample data shared by the tests, and the rule for tests that need an external tool.

use guichet_bank::Currency;
use guichet_bank::qr::{Address, QrBill, Reference};

/// A structured address.
pub fn addr(
    name: &str,
    street: &str,
    number: &str,
    postal: &str,
    town: &str,
    country: &str,
) -> Address {
    Address {
        name: name.into(),
        street: street.into(),
        building_number: number.into(),
        postal_code: postal.into(),
        town: town.into(),
        country: country.into(),
    }
}

/// SIX example 02 / Java test vector A: QR-IBAN, QRR, debtor, S1 and two alternative procedures.
pub fn bill_qrr_full() -> QrBill {
    QrBill {
        account: "CH4431999123000889012".into(),
        creditor: addr(
            "Robert Schneider AG",
            "Rue du Lac",
            "1268",
            "2501",
            "Biel",
            "CH",
        ),
        amount: Some(194975),
        currency: Currency::Chf,
        debtor: Some(addr(
            "Pia-Maria Rutschmann-Schnyder",
            "Grosse Marktgasse",
            "28",
            "9400",
            "Rorschach",
            "CH",
        )),
        reference: Reference::Qrr("210000000003139471430009017".into()),
        message: "Order dated 18.06.2020".into(),
        billing_information:
            "//S1/01/20170309/11/10201409/20/14000000/22/36958/30/CH106017086/40/1020/41/3010"
                .into(),
        alternative_procedures: vec!["UV;UltraPay005;12345".into(), "XY;XYService;54321".into()],
    }
}

/// A CHF bill with an ordinary IBAN and an RF reference (SIX example 04).
pub fn bill_chf_scor() -> QrBill {
    QrBill {
        account: "CH5800791123000889012".into(),
        creditor: addr(
            "Robert Schneider AG",
            "Rue du Lac",
            "1268",
            "2501",
            "Biel",
            "CH",
        ),
        amount: Some(21100),
        currency: Currency::Chf,
        debtor: Some(addr(
            "Pia-Maria Rutschmann-Schnyder",
            "Grosse Marktgasse",
            "28",
            "9400",
            "Rorschach",
            "CH",
        )),
        reference: Reference::Scor("RF240191230100405JSH0438".into()),
        message: "Rechnung 2026-0000042".into(),
        billing_information: String::new(),
        alternative_procedures: vec![],
    }
}

/// A EUR bill with an ordinary IBAN, an RF reference and a German debtor.
pub fn bill_eur_scor() -> QrBill {
    QrBill {
        account: "CH5800791123000889012".into(),
        creditor: addr(
            "Hébergement Léman SA",
            "Avenue de la Gare",
            "12",
            "1003",
            "Lausanne",
            "CH",
        ),
        amount: Some(19995),
        currency: Currency::Eur,
        debtor: Some(addr(
            "Jürgen Müller GmbH",
            "Seestraße",
            "7a",
            "78462",
            "Konstanz",
            "DE",
        )),
        reference: Reference::Scor("RF18539007547034".into()),
        message: "Facture 2026-0000043 - hébergement".into(),
        billing_information: String::new(),
        alternative_procedures: vec![],
    }
}

/// Python `qrbill` test vector B: no amount, no reference, no debtor.
pub fn bill_no_amount() -> QrBill {
    QrBill {
        account: "CH5380005000010283664".into(),
        creditor: addr("Jane", "", "", "1000", "Lausanne", "CH"),
        amount: None,
        currency: Currency::Chf,
        debtor: None,
        reference: Reference::Non,
        message: String::new(),
        billing_information: String::new(),
        alternative_procedures: vec![],
    }
}

/// Outcome of looking for an external tool a test needs.
pub fn tool_missing(why: &str) {
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true and {why}: install it in the CI script");
    }
    eprintln!("SKIPPED (not failing outside CI): {why}");
}

/// Whether `cmd --version`-like probing succeeds.
pub fn have(cmd: &str, probe: &[&str]) -> bool {
    std::process::Command::new(cmd)
        .args(probe)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Path of a shared camt sample file.
pub fn camt_sample(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/camt")
        .join(name)
}
