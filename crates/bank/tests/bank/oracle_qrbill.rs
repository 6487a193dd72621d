//! Acceptance 1: our payloads equal, line for line, those of the independent Python `qrbill`
//! package for the same data (CHF/QRR, CHF/SCOR, EUR/SCOR, no amount); and our check digits
//! agree with `python-stdnum` on a few thousand random references.

use crate::common::*;
use guichet_bank::qr::QrBill;
use guichet_bank::references::{creditor_reference, qr_reference};
use std::io::Write as _;
use std::process::{Command, Stdio};

/// Builds the four reference bills with Python `qrbill` and prints their payloads, separated by
/// a form feed. The data is the same as in `common.rs`.
const QRBILL_SCRIPT: &str = r#"
import sys
from qrbill import QRBill

creditor = dict(name="Robert Schneider AG", street="Rue du Lac", house_num="1268", pcode="2501", city="Biel", country="CH")
debtor = dict(name="Pia-Maria Rutschmann-Schnyder", street="Grosse Marktgasse", house_num="28", pcode="9400", city="Rorschach", country="CH")
bills = [
    QRBill(account="CH4431999123000889012", creditor=creditor, amount="1949.75", currency="CHF", debtor=debtor,
           reference_number="210000000003139471430009017", additional_information="Order dated 18.06.2020",
           billing_information="//S1/01/20170309/11/10201409/20/14000000/22/36958/30/CH106017086/40/1020/41/3010",
           alt_procs=["UV;UltraPay005;12345", "XY;XYService;54321"]),
    QRBill(account="CH5800791123000889012", creditor=creditor, amount="211.00", currency="CHF", debtor=debtor,
           reference_number="RF240191230100405JSH0438", additional_information="Rechnung 2026-0000042"),
    QRBill(account="CH5800791123000889012",
           creditor=dict(name="Hébergement Léman SA", street="Avenue de la Gare", house_num="12", pcode="1003", city="Lausanne", country="CH"),
           amount="199.95", currency="EUR",
           debtor=dict(name="Jürgen Müller GmbH", street="Seestraße", house_num="7a", pcode="78462", city="Konstanz", country="DE"),
           reference_number="RF18539007547034", additional_information="Facture 2026-0000043 - hébergement"),
    QRBill(account="CH5380005000010283664", creditor=dict(name="Jane", pcode="1000", city="Lausanne", country="CH")),
]
sys.stdout.write("\f".join(b.qr_data() for b in bills))
"#;

/// Validates references read from stdin (one per line, "QRR <ref>" or "RF <ref>") with
/// python-stdnum and prints the ones it rejects.
const STDNUM_SCRIPT: &str = r#"
import sys
from stdnum.ch import esr
from stdnum import iso11649
bad = []
for line in sys.stdin:
    kind, ref = line.split()
    ok = esr.is_valid(ref) if kind == "QRR" else iso11649.is_valid(ref)
    if not ok:
        bad.append(ref)
print(len(bad))
for r in bad[:10]:
    print(r)
"#;

/// Runs `python3 -c script` with `input` on stdin; `None` (after reporting why) if unavailable.
fn python(script: &str, input: &str, module: &str) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output();
    match probe {
        Err(_) => {
            tool_missing("python3 is not installed");
            return None;
        }
        Ok(o) if !o.status.success() => {
            tool_missing(&format!(
                "the Python module `{module}` is not importable (pip install qrbill)"
            ));
            return None;
        }
        Ok(_) => {}
    }
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8"))
}

#[test]
fn payloads_match_python_qrbill_line_for_line() {
    let Some(out) = python(QRBILL_SCRIPT, "", "qrbill") else {
        return;
    };
    let theirs: Vec<&str> = out.split('\u{c}').collect();
    let ours: Vec<(&str, QrBill)> = vec![
        ("CHF/QRR", bill_qrr_full()),
        ("CHF/SCOR", bill_chf_scor()),
        ("EUR/SCOR", bill_eur_scor()),
        ("no amount", bill_no_amount()),
    ];
    assert_eq!(theirs.len(), ours.len());
    for ((name, bill), their_payload) in ours.into_iter().zip(theirs) {
        let payload = bill.to_payload().expect("valid");
        let (a, b): (Vec<&str>, Vec<&str>) = (
            payload.split("\r\n").collect(),
            their_payload.split("\r\n").collect(),
        );
        for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
            assert_eq!(x, y, "{name}: line {} differs", i + 1);
        }
        assert_eq!(a.len(), b.len(), "{name}: line count");
        assert_eq!(payload, their_payload, "{name}: separators");
    }
}

#[test]
fn check_digits_agree_with_python_stdnum() {
    let mut input = String::new();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let digits: String = (0..26)
            .map(|_| char::from(b'0' + (next() % 10) as u8))
            .collect();
        input.push_str(&format!("QRR {}\n", qr_reference(&digits).expect("digits")));
        let len = 1 + (next() % 21) as usize;
        let body: String = (0..len)
            .map(|_| char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(next() % 36) as usize]))
            .collect();
        input.push_str(&format!(
            "RF {}\n",
            creditor_reference(&body).expect("body")
        ));
    }
    let Some(out) = python(STDNUM_SCRIPT, &input, "stdnum") else {
        return;
    };
    assert_eq!(
        out.lines().next(),
        Some("0"),
        "python-stdnum rejects some of ours:\n{out}"
    );
}
