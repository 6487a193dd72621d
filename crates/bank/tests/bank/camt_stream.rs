//! The entry-by-entry reader gives what the whole-file reader gives, with the same refusals.

use crate::common::camt_sample;
use guichet_bank::camt::{CamtError, EntryStream, ReadLimits, read};

fn streamed(
    bytes: &[u8],
    limits: &ReadLimits,
) -> Result<Vec<guichet_bank::camt::Entry>, CamtError> {
    let mut s = EntryStream::new(bytes, limits);
    let mut out = Vec::new();
    while let Some(e) = s.next_entry()? {
        out.push(e);
    }
    let doc = s.finish()?;
    assert!(
        doc.entries().next().is_none(),
        "entries are handed out, not kept"
    );
    Ok(out)
}

#[test]
fn streamed_entries_and_header_are_those_of_the_whole_file() {
    for file in [
        "camt054.001.04_postfinance_ustrd.xml",
        "camt054.001.08_postfinance_ustrd.xml",
    ] {
        let bytes = std::fs::read(camt_sample(file)).expect("sample file in shared/testdata/camt");
        let limits = ReadLimits::default();
        let whole = read(&bytes, &limits).expect("sample reads");
        let entries = streamed(&bytes, &limits).expect("sample streams");
        assert_eq!(entries, whole.entries().cloned().collect::<Vec<_>>());
        let mut s = EntryStream::new(bytes.as_slice(), &limits);
        while s.next_entry().expect("streams").is_some() {
            assert_eq!(
                s.header().message_id,
                whole.message_id,
                "header before entries"
            );
            assert_eq!(s.header().kind, whole.kind);
        }
        let mut header = whole.clone();
        for r in &mut header.reports {
            r.entries.clear();
        }
        assert_eq!(s.finish().expect("finishes"), header);
    }
}

#[test]
fn a_stream_refuses_what_the_whole_file_reader_refuses() {
    let entry = r#"<Ntry><Amt Ccy="CHF">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><AcctSvcrRef>R</AcctSvcrRef></Ntry>"#;
    let file = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M</MsgId></GrpHdr><Ntfctn><Id>N</Id>{}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>"#,
        entry.repeat(3)
    );
    let limits = ReadLimits {
        max_entries: 2,
        ..ReadLimits::default()
    };
    assert_eq!(
        read(file.as_bytes(), &limits).err(),
        streamed(file.as_bytes(), &limits).err()
    );
    assert!(matches!(
        streamed(file.as_bytes(), &limits),
        Err(CamtError::TooManyEntries { max_entries: 2 })
    ));
    let doctype = format!("<!DOCTYPE d [<!ENTITY a \"a\">]>{file}");
    assert!(matches!(
        streamed(doctype.as_bytes(), &ReadLimits::default()),
        Err(CamtError::Doctype { .. })
    ));
    let small = ReadLimits {
        max_bytes: 100,
        ..ReadLimits::default()
    };
    assert!(matches!(
        streamed(file.as_bytes(), &small),
        Err(CamtError::TooLarge { max_bytes: 100 })
    ));
}
