//! The Cross Industry Invoice XML of a document (Factur-X EN 16931).

use super::{EInvoice, Party, vat_category};
use crate::{Document, Kind};
use std::fmt::Write;

/// XML-escaped text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Minor units as a decimal amount with two places (`-12.05`).
fn amount(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Basis points as a percentage (`810` → `8.1`, `0` → `0`).
fn percent(bp: i64) -> String {
    let whole = bp / 100;
    let frac = (bp % 100).abs();
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// `YYYY-MM-DD` as CII's format 102 (`YYYYMMDD`).
fn date102(iso: &str) -> String {
    iso.chars().filter(char::is_ascii_digit).collect()
}

fn date_element(out: &mut String, tag: &str, iso: &str) {
    let _ = write!(
        out,
        "<{tag}><udt:DateTimeString format=\"102\">{}</udt:DateTimeString></{tag}>",
        date102(iso)
    );
}

fn party(out: &mut String, tag: &str, p: &Party) {
    let _ = write!(out, "<ram:{tag}><ram:Name>{}</ram:Name>", esc(&p.name));
    out.push_str("<ram:PostalTradeAddress>");
    if !p.postcode.is_empty() {
        let _ = write!(
            out,
            "<ram:PostcodeCode>{}</ram:PostcodeCode>",
            esc(&p.postcode)
        );
    }
    if !p.street.is_empty() {
        let _ = write!(out, "<ram:LineOne>{}</ram:LineOne>", esc(&p.street));
    }
    if !p.city.is_empty() {
        let _ = write!(out, "<ram:CityName>{}</ram:CityName>", esc(&p.city));
    }
    let _ = write!(
        out,
        "<ram:CountryID>{}</ram:CountryID></ram:PostalTradeAddress>",
        esc(&p.country.to_ascii_uppercase())
    );
    if let Some(email) = &p.email {
        let _ = write!(
            out,
            "<ram:URIUniversalCommunication><ram:URIID schemeID=\"EM\">{}</ram:URIID></ram:URIUniversalCommunication>",
            esc(email)
        );
    }
    if let Some(vat) = &p.vat_id {
        let _ = write!(
            out,
            "<ram:SpecifiedTaxRegistration><ram:ID schemeID=\"VA\">{}</ram:ID></ram:SpecifiedTaxRegistration>",
            esc(vat)
        );
    }
    let _ = write!(out, "</ram:{tag}>");
}

/// The reason printed for an exempt or reverse-charge category, in the document's language.
fn exemption_reason(doc: &Document) -> Option<String> {
    doc.vat_mention
        .as_deref()
        .map(|key| guichet_core::i18n::t(doc.lang, key).to_string())
}

/// The CII XML of `doc` (an invoice, a payment request or a credit note; a pro forma has no legal
/// value and gets none — `None`).
pub fn cii_xml(doc: &Document, e: &EInvoice) -> Option<String> {
    let type_code = match doc.kind {
        Kind::Invoice | Kind::PaymentRequest => "380",
        Kind::CreditNote => "381",
        Kind::ProForma => return None,
    };
    let number = doc.number.as_deref()?;
    let currency = doc.currency.code();
    let mut x = String::with_capacity(4096);
    x.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<rsm:CrossIndustryInvoice",
        " xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"",
        " xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\"",
        " xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\"",
        " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">",
        "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>",
        "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>",
        "</ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>",
    ));
    let _ = write!(
        x,
        "<rsm:ExchangedDocument><ram:ID>{}</ram:ID><ram:TypeCode>{type_code}</ram:TypeCode>",
        esc(number)
    );
    date_element(&mut x, "ram:IssueDateTime", &doc.issued_on);
    if let Some(reason) = exemption_reason(doc) {
        let _ = write!(
            x,
            "<ram:IncludedNote><ram:Content>{}</ram:Content></ram:IncludedNote>",
            esc(&reason)
        );
    }
    x.push_str("</rsm:ExchangedDocument><rsm:SupplyChainTradeTransaction>");
    for (i, l) in doc.lines.iter().enumerate() {
        let category = vat_category(doc.vat_mention.as_deref(), l.vat_rate_bp);
        let _ = write!(
            x,
            "<ram:IncludedSupplyChainTradeLineItem>\
             <ram:AssociatedDocumentLineDocument><ram:LineID>{}</ram:LineID></ram:AssociatedDocumentLineDocument>\
             <ram:SpecifiedTradeProduct><ram:Name>{}</ram:Name></ram:SpecifiedTradeProduct>\
             <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>{}</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>\
             <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"C62\">{}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>\
             <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>\
             <ram:CategoryCode>{category}</ram:CategoryCode><ram:RateApplicablePercent>{}</ram:RateApplicablePercent></ram:ApplicableTradeTax>",
            i + 1,
            esc(&l.description),
            amount(l.unit_net),
            l.quantity,
            percent(l.vat_rate_bp),
        );
        if let Some((start, end)) = &l.period {
            x.push_str("<ram:BillingSpecifiedPeriod>");
            date_element(&mut x, "ram:StartDateTime", start);
            date_element(&mut x, "ram:EndDateTime", end);
            x.push_str("</ram:BillingSpecifiedPeriod>");
        }
        let _ = write!(
            x,
            "<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{}</ram:LineTotalAmount>\
             </ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>\
             </ram:IncludedSupplyChainTradeLineItem>",
            amount(l.net)
        );
    }
    x.push_str("<ram:ApplicableHeaderTradeAgreement>");
    if let Some(r) = doc.billing_reference.as_deref().filter(|r| !r.is_empty()) {
        let _ = write!(x, "<ram:BuyerReference>{}</ram:BuyerReference>", esc(r));
    }
    party(&mut x, "SellerTradeParty", &e.seller);
    party(&mut x, "BuyerTradeParty", &e.buyer);
    x.push_str("</ram:ApplicableHeaderTradeAgreement><ram:ApplicableHeaderTradeDelivery/>");
    x.push_str("<ram:ApplicableHeaderTradeSettlement>");
    if let Some(r) = doc.payment_reference.as_deref().filter(|r| !r.is_empty()) {
        let _ = write!(x, "<ram:PaymentReference>{}</ram:PaymentReference>", esc(r));
    }
    let _ = write!(
        x,
        "<ram:InvoiceCurrencyCode>{currency}</ram:InvoiceCurrencyCode>"
    );
    if let Some(iban) = &e.payee_iban {
        // 30: credit transfer (UNTDID 4461); 58 is SEPA only, and a QR-bill is not SEPA.
        let code = if doc.currency == crate::Currency::Eur {
            "58"
        } else {
            "30"
        };
        let _ = write!(
            x,
            "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>{code}</ram:TypeCode>\
             <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>{}</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>\
             </ram:SpecifiedTradeSettlementPaymentMeans>",
            esc(&iban.replace(' ', ""))
        );
    }
    let reason = exemption_reason(doc);
    for row in doc.vat_breakdown() {
        let category = vat_category(doc.vat_mention.as_deref(), row.rate_bp);
        let _ = write!(
            x,
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>{}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>",
            amount(row.vat)
        );
        if let Some(reason) = reason.as_deref().filter(|_| matches!(category, "AE" | "E")) {
            let _ = write!(
                x,
                "<ram:ExemptionReason>{}</ram:ExemptionReason>",
                esc(reason)
            );
        }
        let _ = write!(
            x,
            "<ram:BasisAmount>{}</ram:BasisAmount><ram:CategoryCode>{category}</ram:CategoryCode>\
             <ram:RateApplicablePercent>{}</ram:RateApplicablePercent></ram:ApplicableTradeTax>",
            amount(row.net),
            percent(row.rate_bp)
        );
    }
    if let Some(due) = doc
        .due_on
        .as_deref()
        .filter(|_| doc.kind != Kind::CreditNote)
    {
        x.push_str("<ram:SpecifiedTradePaymentTerms>");
        date_element(&mut x, "ram:DueDateDateTime", due);
        x.push_str("</ram:SpecifiedTradePaymentTerms>");
    }
    let prepaid = if doc.kind == Kind::Invoice && doc.paid_on.is_some() {
        doc.gross
    } else {
        0
    };
    let _ = write!(
        x,
        "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>\
         <ram:LineTotalAmount>{net}</ram:LineTotalAmount><ram:TaxBasisTotalAmount>{net}</ram:TaxBasisTotalAmount>\
         <ram:TaxTotalAmount currencyID=\"{currency}\">{vat}</ram:TaxTotalAmount>\
         <ram:GrandTotalAmount>{gross}</ram:GrandTotalAmount><ram:TotalPrepaidAmount>{prepaid}</ram:TotalPrepaidAmount>\
         <ram:DuePayableAmount>{due}</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
        net = amount(doc.net),
        vat = amount(doc.vat),
        gross = amount(doc.gross),
        prepaid = amount(prepaid),
        due = amount(doc.gross - prepaid),
    );
    if let Some(corrects) = &doc.corrects {
        let _ = write!(
            x,
            "<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>{}</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>",
            esc(corrects)
        );
    }
    x.push_str("</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>\n");
    Some(x)
}
