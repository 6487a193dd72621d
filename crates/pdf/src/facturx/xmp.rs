//! The Factur-X properties in the PDF's XMP metadata. krilla writes the PDF/A-3 metadata itself
//! (with no way to add a schema), so the finished file is amended: the `fx:` properties and their
//! PDF/A extension schema description go into the metadata stream, whose length and the
//! cross-reference offsets after it are then corrected. The file written by krilla (pdf-writer)
//! has a classic cross-reference table and an uncompressed metadata stream; anything else is an
//! error, never a silently broken file.

use crate::PdfError;

const FX_NS: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn rfind(hay: &[u8], needle: &[u8], before: usize) -> Option<usize> {
    hay.get(..before)?
        .windows(needle.len())
        .rposition(|w| w == needle)
}

fn bad(what: &str) -> PdfError {
    PdfError::Pdf(format!("Factur-X metadata: {what}"))
}

/// The property description of one Factur-X property, for the extension schema.
fn property(name: &str, description: &str) -> String {
    format!(
        "<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name>\
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>\
         <pdfaProperty:category>external</pdfaProperty:category>\
         <pdfaProperty:description>{description}</pdfaProperty:description></rdf:li>"
    )
}

/// The extension schema entry that declares the `fx:` namespace (PDF/A requires every custom
/// namespace of the XMP to be described this way).
fn schema_entry() -> String {
    format!(
        "<rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{FX_NS}</pdfaSchema:namespaceURI><pdfaSchema:prefix>fx</pdfaSchema:prefix>\
         <pdfaSchema:property><rdf:Seq>{}{}{}{}</rdf:Seq></pdfaSchema:property></rdf:li>",
        property("DocumentFileName", "The name of the embedded XML document"),
        property("DocumentType", "The type of the hybrid document: INVOICE"),
        property("Version", "The version of the Factur-X XML schema"),
        property(
            "ConformanceLevel",
            "The conformance level of the embedded Factur-X data"
        ),
    )
}

/// The XMP with the Factur-X properties. The document type is `INVOICE` for credit notes too
/// (Factur-X 1.0: the CII type code, 381, tells them apart).
fn amended_xmp(xmp: &str) -> Result<String, PdfError> {
    let fx = format!(
        "<rdf:Description rdf:about=\"\" xmlns:fx=\"{FX_NS}\"><fx:DocumentType>INVOICE</fx:DocumentType>\
         <fx:DocumentFileName>{}</fx:DocumentFileName><fx:Version>1.0</fx:Version>\
         <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>",
        super::XML_FILENAME
    );
    let end = xmp.rfind("</rdf:RDF>").ok_or_else(|| bad("no rdf:RDF"))?;
    let mut out = String::with_capacity(xmp.len() + 2048);
    const BAG: &str = "<pdfaExtension:schemas><rdf:Bag>";
    if let Some(at) = xmp.find(BAG) {
        // krilla already describes its own extension schemas: ours joins the same bag (a second
        // `pdfaExtension:schemas` property would be invalid XMP).
        let at = at + BAG.len();
        out.push_str(&xmp[..at]);
        out.push_str(&schema_entry());
        out.push_str(&xmp[at..end]);
    } else {
        out.push_str(&xmp[..end]);
        out.push_str(
            "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" \
             xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
             xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"><pdfaExtension:schemas><rdf:Bag>",
        );
        out.push_str(&schema_entry());
        out.push_str("</rdf:Bag></pdfaExtension:schemas></rdf:Description>");
    }
    if !xmp[..end].contains("xmlns:pdfaSchema") && xmp.contains(BAG) {
        return Err(bad("extension schemas without the pdfaSchema namespace"));
    }
    out.push_str(&fx);
    out.push_str(&xmp[end..]);
    Ok(out)
}

/// `pdf` with the Factur-X properties in its XMP metadata (see the module's comment).
pub(crate) fn add_facturx_xmp(pdf: &[u8]) -> Result<Vec<u8>, PdfError> {
    let marker = find(pdf, b"/Type/Metadata", 0).ok_or_else(|| bad("no metadata stream"))?;
    let obj_start = rfind(pdf, b" 0 obj", marker)
        .and_then(|i| rfind(pdf, b"\n", i))
        .map(|i| i + 1)
        .ok_or_else(|| bad("metadata object"))?;
    let stream_kw = find(pdf, b"stream\n", marker).ok_or_else(|| bad("no stream"))?;
    let data_start = stream_kw + b"stream\n".len();
    let data_end = find(pdf, b"\nendstream", data_start).ok_or_else(|| bad("no endstream"))?;
    let dict = std::str::from_utf8(&pdf[obj_start..stream_kw]).map_err(|_| bad("dictionary"))?;
    if dict.contains("/Filter") {
        return Err(bad("compressed metadata stream"));
    }
    let xmp = std::str::from_utf8(&pdf[data_start..data_end]).map_err(|_| bad("not UTF-8"))?;
    let new_xmp = amended_xmp(xmp)?;
    // The /Length entry of the stream's dictionary.
    let len_at = dict.find("/Length ").ok_or_else(|| bad("no /Length"))? + "/Length ".len();
    let len_digits = dict[len_at..]
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| bad("/Length"))?;
    let old_len: usize = dict[len_at..len_at + len_digits]
        .parse()
        .map_err(|_| bad("/Length"))?;
    if old_len != xmp.len() {
        return Err(bad("/Length is not the stream's length"));
    }
    let new_dict = format!(
        "{}{}{}",
        &dict[..len_at],
        new_xmp.len(),
        &dict[len_at + len_digits..]
    );
    let mut out = Vec::with_capacity(pdf.len() + new_xmp.len());
    out.extend_from_slice(&pdf[..obj_start]);
    out.extend_from_slice(new_dict.as_bytes());
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(new_xmp.as_bytes());
    out.extend_from_slice(&pdf[data_end..]);
    let delta = (new_dict.len() + new_xmp.len()) as i64 - (dict.len() + xmp.len()) as i64;
    shift_xref(&mut out, obj_start, delta)?;
    Ok(out)
}

/// Moves every cross-reference offset after `after` by `delta`, and `startxref` with them.
fn shift_xref(pdf: &mut Vec<u8>, after: usize, delta: i64) -> Result<(), PdfError> {
    let sx = rfind(pdf, b"startxref", pdf.len()).ok_or_else(|| bad("no startxref"))?;
    let tail = std::str::from_utf8(&pdf[sx + b"startxref".len()..]).map_err(|_| bad("tail"))?;
    let digits: String = tail
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let leading = tail.len() - tail.trim_start().len();
    let old_xref: usize = digits.parse().map_err(|_| bad("startxref"))?;
    let new_xref = usize::try_from(old_xref as i64 + delta).map_err(|_| bad("startxref"))?;
    if pdf.get(new_xref..new_xref + 4) != Some(b"xref") {
        return Err(bad("no classic cross-reference table"));
    }
    // "xref\n0 N\n" then N entries of 20 bytes: 10-digit offset, space, 5-digit generation,
    // space, n/f, two end-of-line bytes.
    let header_end = find(pdf, b"\n", new_xref + 5).ok_or_else(|| bad("xref header"))? + 1;
    let header =
        std::str::from_utf8(&pdf[new_xref + 5..header_end - 1]).map_err(|_| bad("xref header"))?;
    let count: usize = header
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| bad("xref count"))?;
    if header.split_whitespace().next() != Some("0") {
        return Err(bad("xref subsection"));
    }
    for i in 0..count {
        let at = header_end + i * 20;
        let entry = pdf.get(at..at + 20).ok_or_else(|| bad("xref entry"))?;
        if entry[17] != b'n' {
            continue;
        }
        let offset: usize = std::str::from_utf8(&entry[..10])
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("xref offset"))?;
        if offset > after {
            let moved = usize::try_from(offset as i64 + delta).map_err(|_| bad("xref offset"))?;
            pdf[at..at + 10].copy_from_slice(format!("{moved:010}").as_bytes());
        }
    }
    // startxref is the last thing in the file but `%%EOF`: its digits may change in number.
    let digits_at = sx + b"startxref".len() + leading;
    pdf.splice(
        digits_at..digits_at + digits.len(),
        new_xref.to_string().into_bytes(),
    );
    Ok(())
}
