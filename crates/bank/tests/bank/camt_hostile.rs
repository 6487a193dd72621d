//! Hostile camt files: refused with the right error, nothing fetched. How fast and in how little
//! memory is measured by the real binary (`it/bank.rs` hostile_cli reads its peak memory) and
//! recorded in docs/PERFORMANCE.md; tests do not time.

use guichet_bank::camt::{CamtError, ReadLimits, read, read_from};
use std::io::{BufReader, Read};

const HEAD: &str = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>";
const TAIL: &str = "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>";

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut xml =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [\n<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        xml.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    xml.push_str("]>\n");
    xml.push_str(&format!(
        "{HEAD}<Ntry><AddtlNtryInf>&lol9;</AddtlNtryInf></Ntry>{TAIL}"
    ));
    let err = read(xml.as_bytes(), &ReadLimits::default()).expect_err("refused");
    assert!(matches!(err, CamtError::Doctype { .. }), "{err}");
    assert!(err.to_string().contains("DOCTYPE"));
}

#[test]
fn external_entities_are_never_fetched() {
    for system_id in [
        "file:///etc/passwd",
        "http://127.0.0.1:9/evil.dtd",
        "https://example.invalid/x",
    ] {
        let xml = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"{system_id}\">]>{HEAD}<Ntry><AddtlNtryInf>&xxe;</AddtlNtryInf></Ntry>{TAIL}"
        );
        let err = read(xml.as_bytes(), &ReadLimits::default()).expect_err("refused");
        assert!(
            matches!(err, CamtError::Doctype { .. }),
            "{system_id}: {err}"
        );
        // An external DTD without internal subset is refused the same way.
        let xml = format!("<!DOCTYPE Document SYSTEM \"{system_id}\">{HEAD}{TAIL}");
        let err = read(xml.as_bytes(), &ReadLimits::default()).expect_err("refused");
        assert!(
            matches!(err, CamtError::Doctype { .. }),
            "{system_id}: {err}"
        );
    }
}

#[test]
fn undeclared_entity_references_are_refused() {
    let xml = format!("{HEAD}<Ntry><AddtlNtryInf>&xxe;</AddtlNtryInf></Ntry>{TAIL}");
    let err = read(xml.as_bytes(), &ReadLimits::default()).expect_err("refused");
    assert!(
        matches!(&err, CamtError::Entity { name, .. } if name == "xxe"),
        "{err}"
    );
}

#[test]
fn one_hundred_thousand_nested_elements_stop_at_the_depth_limit() {
    let mut xml = String::from(HEAD);
    xml.push_str(&"<Ntry>".repeat(100_000));
    xml.push_str(&"</Ntry>".repeat(100_000));
    xml.push_str(TAIL);
    let limits = ReadLimits {
        max_depth: 64,
        ..ReadLimits::default()
    };
    let err = read(xml.as_bytes(), &limits).expect_err("refused");
    assert!(
        matches!(err, CamtError::TooDeep { max_depth: 64, .. }),
        "{err}"
    );
    // The real samples need less than 20 levels.
    let sample = std::fs::read(crate::common::camt_sample(
        "camt054.001.08_postfinance_ustrd.xml",
    ))
    .expect("sample");
    assert!(
        read(
            &sample,
            &ReadLimits {
                max_depth: 20,
                ..ReadLimits::default()
            }
        )
        .is_ok()
    );
}

#[test]
fn input_over_the_size_limit_is_refused_before_parsing() {
    // 200 MB file: refused from its length alone.
    let big = vec![b' '; 200 * 1024 * 1024];
    let limits = ReadLimits {
        max_bytes: 50 * 1024 * 1024,
        ..ReadLimits::default()
    };
    let err = read(&big, &limits).expect_err("refused");
    assert_eq!(
        err,
        CamtError::TooLarge {
            max_bytes: 50 * 1024 * 1024
        }
    );
    assert!(err.to_string().contains("larger than the limit"));
}

#[test]
fn endless_stream_is_cut_at_the_size_limit_without_reading_it_all() {
    // A well-formed start followed by 200 MB of comments, read through the streaming entry point:
    // reading stops after max_bytes, so memory stays bounded by the limit.
    let endless = HEAD
        .as_bytes()
        .chain(std::io::repeat(b' ').take(200 * 1024 * 1024));
    let limits = ReadLimits {
        max_bytes: 256 * 1024,
        ..ReadLimits::default()
    };
    let err = read_from(BufReader::new(endless), &limits).expect_err("refused");
    assert_eq!(
        err,
        CamtError::TooLarge {
            max_bytes: 256 * 1024
        }
    );
    // A file just under the limit still reads.
    let small = format!("{HEAD}{TAIL}");
    let limits = ReadLimits {
        max_bytes: small.len() as u64,
        ..ReadLimits::default()
    };
    assert!(read_from(small.as_bytes(), &limits).is_ok());
    assert!(read(small.as_bytes(), &limits).is_ok());
    let limits = ReadLimits {
        max_bytes: small.len() as u64 - 1,
        ..ReadLimits::default()
    };
    assert!(matches!(
        read_from(small.as_bytes(), &limits),
        Err(CamtError::TooLarge { .. })
    ));
}

#[test]
fn too_many_entries_are_refused() {
    let entry = "<Ntry><Amt Ccy=\"CHF\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>";
    let xml = format!("{HEAD}{}{TAIL}", entry.repeat(11));
    let limits = ReadLimits {
        max_entries: 10,
        ..ReadLimits::default()
    };
    let err = read(xml.as_bytes(), &limits).expect_err("refused");
    assert_eq!(err, CamtError::TooManyEntries { max_entries: 10 });
    let limits = ReadLimits {
        max_entries: 11,
        ..ReadLimits::default()
    };
    assert_eq!(
        read(xml.as_bytes(), &limits).map(|d| d.entries().count()),
        Ok(11)
    );
}

#[test]
fn twenty_thousand_entries_are_all_read() {
    // Acceptance 3's volume; its rate is measured by `guichet bench import-camt`.
    let entry = "<Ntry><Amt Ccy=\"CHF\">12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt><NtryDtls><TxDtls><Refs><AcctSvcrRef>R</AcctSvcrRef></Refs><Amt Ccy=\"CHF\">12.50</Amt><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>QRR</Prtry></CdOrPrtry></Tp><Ref>210000000003139471430009017</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
    let xml = format!("{HEAD}{}{TAIL}", entry.repeat(20_000));
    let doc = read(xml.as_bytes(), &ReadLimits::default()).expect("reads");
    assert_eq!(doc.entries().count(), 20_000);
}
