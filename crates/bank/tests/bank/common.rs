//! Sample data shared by the tests, and the rule for tests that need an external tool.

use guichet_bank::qr::{Address, QrBill, Reference};
use guichet_core::Currency;

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
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true and {why}: install it in the CI script"
    );
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

/// Every character of the Swiss Payment Standards set (IG QR-bill 2.3, SPS 2025 "extended
/// Latin"), written from the standard's ranges and not from the code under test: Basic Latin
/// U+0020–U+007E, Latin-1 Supplement U+00A0–U+00FF without the soft hyphen U+00AD (`\p{C}`),
/// Latin Extended-A U+0100–U+017F, Ș ș Ț ț U+0218–U+021B and € U+20AC.
pub fn sps_set() -> Vec<char> {
    let ranges = [
        ('\u{20}', '\u{7E}'),
        ('\u{A0}', '\u{FF}'),
        ('\u{100}', '\u{17F}'),
        ('\u{218}', '\u{21B}'),
        ('\u{20AC}', '\u{20AC}'),
    ];
    let set: Vec<char> = ranges
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .filter(|&c| c != '\u{AD}')
        .collect();
    assert_eq!(set.len(), 95 + 95 + 128 + 4 + 1);
    set
}

/// How a character of the set is written by Guichet: the three characters of the set that the
/// project's rule writes plainly (non-breaking space, « ») become their plain forms; every other
/// character is written unchanged.
pub fn sps_plain(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{A0}' => ' ',
            '«' | '»' => '"',
            c => c,
        })
        .collect()
}

/// The whole set cut into field texts of the given lengths (in order, as many groups as needed),
/// every character exactly once; the spaces sit inside the first text, as fields are trimmed.
/// Fields left empty in the last group get `X` (names and towns are mandatory).
pub fn sps_texts(lengths: &[usize]) -> Vec<Vec<String>> {
    let spaces = [' ', '\u{A0}'];
    let mut rest: Vec<char> = sps_set()
        .into_iter()
        .filter(|c| !spaces.contains(c))
        .collect();
    rest.reverse();
    let mut groups = Vec::new();
    let mut first = true;
    while !rest.is_empty() {
        let mut group = Vec::new();
        for &len in lengths {
            let mut field = String::new();
            if first {
                // "a b c…": both spaces between letters, never at an end.
                let take = |rest: &mut Vec<char>| rest.pop().unwrap_or('X');
                field.push(take(&mut rest));
                field.push(' ');
                field.push(take(&mut rest));
                field.push('\u{A0}');
                first = false;
            }
            while field.chars().count() < len {
                match rest.pop() {
                    Some(c) => field.push(c),
                    None => break,
                }
            }
            if field.is_empty() {
                field.push('X');
            }
            group.push(field);
        }
        groups.push(group);
    }
    let joined: String = groups.iter().flatten().map(String::as_str).collect();
    for c in sps_set() {
        assert!(joined.contains(c), "{c:?} is in a field");
    }
    groups
}
