//! Invoice documents as PDF (INV-05, INV-07, INV-08): the payment request of an unpaid invoice
//! (with its Swiss QR-bill payment part), the final invoice once it is paid, and the pro forma of
//! a selection of due items. Reading them is the billing documents action (INV-01).

use crate::error::{AppError, AppResult};
use crate::payment_requests::creditor_address;
use crate::{Actor, App};
use guichet_bank::qr::{Address, QrBill, Reference};
use guichet_core::invoice::{LineInput, price};
use guichet_core::status::InvoiceStatus;
use guichet_core::{Action, Currency, InvoiceId, Lang, Money, vat};
use guichet_pdf::{Document, Kind, Line};
use guichet_store::billing::{self as store, Invoice, InvoiceLine};
use guichet_store::orgs;

/// Which document of an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvoiceDocument {
    /// The final invoice: only once paid.
    Final,
    /// The payment request: while the invoice is to be paid.
    Request,
}

impl InvoiceDocument {
    /// The query value: `final` or `request`.
    pub fn code(self) -> &'static str {
        match self {
            InvoiceDocument::Final => "final",
            InvoiceDocument::Request => "request",
        }
    }

    /// `final` or `request`; anything else is `None`.
    pub fn parse(s: &str) -> Option<InvoiceDocument> {
        match s {
            "final" => Some(InvoiceDocument::Final),
            "request" => Some(InvoiceDocument::Request),
            _ => None,
        }
    }
}

/// A rendered document and the file name to download it as.
pub struct Pdf {
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// The document that applies to an invoice in `status`: the final invoice once paid, the payment
/// request while it is to be paid, none otherwise (e.g. cancelled).
pub fn document_for(status: InvoiceStatus) -> Option<InvoiceDocument> {
    if status.is_settled() {
        Some(InvoiceDocument::Final)
    } else if status.is_due() {
        Some(InvoiceDocument::Request)
    } else {
        None
    }
}

/// The operator's logo for the documents' letterhead (`GUICHET_BRAND_LOGO`), unless it is an
/// SVG (the PDF writer prints raster images only).
pub(crate) fn pdf_logo(app: &App) -> Option<guichet_pdf::Logo> {
    let logo = app.config.brand.logo.as_ref()?;
    let format = match logo.content_type {
        "image/png" => guichet_pdf::LogoFormat::Png,
        "image/jpeg" => guichet_pdf::LogoFormat::Jpeg,
        "image/webp" => guichet_pdf::LogoFormat::Webp,
        _ => return None,
    };
    Some(guichet_pdf::Logo {
        bytes: logo.bytes.clone(),
        format,
    })
}

pub(crate) fn day(unix: i64) -> String {
    crate::billing::today(unix).iso()
}

/// The invoice's billing address as the Swiss post writes it: the name, the street, then the
/// postcode and the town on one line, then the country's name in the reader's language — left out
/// for an address in the provider's own country, `home` (`bill_to` is name, street, postcode,
/// town, country code; a name may hold the company and, on its next line, the recipient).
pub(crate) fn address_block(
    bill_to: &[String],
    lang: guichet_core::Lang,
    home: &str,
) -> Vec<String> {
    match bill_to {
        [name, street, postcode, town, country] => {
            let mut out: Vec<String> = name.lines().map(str::to_owned).collect();
            out.push(street.clone());
            out.push(format!("{postcode} {town}").trim().to_owned());
            if !country.trim().eq_ignore_ascii_case(home.trim()) {
                out.push(guichet_core::country::name(lang, country.trim()));
            }
            out.retain(|l| !l.trim().is_empty());
            out
        }
        other => other.to_vec(),
    }
}

/// An invoice's address block: [`address_block`] with the recipient line (the person's name)
/// under the company's name when the billing address names both (issue #14).
pub(crate) fn invoice_address(
    inv: &guichet_store::billing::Invoice,
    lang: guichet_core::Lang,
    home: &str,
) -> Vec<String> {
    let mut out = address_block(&inv.bill_to, lang, home);
    if let Some(person) = inv
        .bill_to_attention
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        let after_name = inv.bill_to[0]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        out.insert(after_name.min(out.len()), person.to_owned());
    }
    out
}

/// The provider's block on its documents: name, address (the country's name in `lang`), contact
/// details and VAT number.
pub(crate) fn issuer_lines(app: &App, lang: guichet_core::Lang) -> Vec<String> {
    let c = &app.config.creditor;
    let mut lines = vec![
        c.name.clone(),
        format!("{} {}", c.street, c.building_number)
            .trim()
            .to_owned(),
        format!("{} {}", c.postcode, c.town).trim().to_owned(),
        guichet_core::country::name(lang, &c.country),
    ];
    lines.extend(c.email.clone());
    lines.extend(c.phone.clone());
    lines.extend(c.website.clone());
    lines.extend(c.vat_number.clone());
    lines
}

/// The structured parties of the Factur-X e-invoice: the provider, and the invoice's billing
/// address (`bill_to`: name, street, postcode, city, country) with the Organization's VAT number.
pub(crate) fn einvoice(
    app: &App,
    bill_to: &[String; 5],
    buyer_vat: Option<String>,
    currency: guichet_core::Currency,
) -> guichet_pdf::facturx::EInvoice {
    use guichet_pdf::facturx::{EInvoice, Party};
    let c = &app.config.creditor;
    let [name, street, postcode, city, country] = bill_to.clone();
    EInvoice {
        seller: Party {
            name: c.name.clone(),
            street: format!("{} {}", c.street, c.building_number)
                .trim()
                .to_owned(),
            postcode: c.postcode.clone(),
            city: c.town.clone(),
            country: c.country.clone(),
            vat_id: c.vat_number.clone(),
            email: c.email.clone(),
        },
        buyer: Party {
            name,
            street,
            postcode,
            city,
            country,
            vat_id: buyer_vat.filter(|v| !v.trim().is_empty()),
            email: None,
        },
        // CHF bills carry a QR reference paid to the QR-IBAN; EUR bills an RF reference paid to
        // the IBAN (as on the QR-bill).
        payee_iban: Some(match currency {
            guichet_core::Currency::Chf => c.qr_iban.clone(),
            guichet_core::Currency::Eur => c.iban.clone(),
        }),
    }
}

fn pdf_lines(lang: guichet_core::Lang, lines: &[InvoiceLine], rate_bp: i64) -> Vec<Line> {
    lines
        .iter()
        .map(|l| Line {
            description: guichet_core::said::render(lang, &l.description),
            period: l
                .period_start
                .zip(l.period_end)
                .map(|(a, b)| (a.iso(), b.iso())),
            quantity: l.quantity,
            unit_net: l.unit_net.minor,
            net: l.net.minor,
            vat_rate_bp: rate_bp,
            vat: l.vat.minor,
            gross: l.gross.minor,
        })
        .collect()
}

pub(crate) fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl App {
    /// The QR-bill of an invoice: its own reference, payable by its billing address when that is
    /// complete (otherwise the payer fills in the blank box).
    fn invoice_bill(&self, inv: &Invoice, lang: Lang) -> AppResult<QrBill> {
        let creditor = &self.config.creditor;
        let (account, reference) = match inv.currency {
            Currency::Chf => (
                creditor.qr_iban.clone(),
                Reference::Qrr(inv.payment_reference.clone()),
            ),
            Currency::Eur => (
                creditor.iban.clone(),
                Reference::Scor(inv.payment_reference.clone()),
            ),
        };
        let [name, street, postcode, city, country] = &inv.bill_to;
        let debtor =
            (!name.is_empty() && !postcode.is_empty() && !city.is_empty()).then(|| Address {
                name: name.chars().take(70).collect(),
                street: street.chars().take(70).collect(),
                building_number: String::new(),
                postal_code: postcode.chars().take(16).collect(),
                town: city.chars().take(35).collect(),
                country: country.clone(),
            });
        let bill = QrBill {
            account,
            creditor: creditor_address(creditor),
            amount: Some(inv.gross.minor),
            currency: inv.currency,
            debtor,
            reference,
            message: guichet_core::i18n::tf(lang, "pdf.invoice_number", &[("number", &inv.number)]),
            billing_information: String::new(),
            alternative_procedures: Vec::new(),
        };
        crate::payment_requests::writable_bill(&bill)
    }

    /// The QR-bill printed on an invoice's payment request (what its QR code encodes).
    pub async fn invoice_qr_bill(&self, actor: &Actor, id: InvoiceId) -> AppResult<QrBill> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        let (inv, _) = store::get_invoice(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.invoice_bill(&inv, actor.lang)
    }

    /// INV-05: the payment request of an unpaid invoice, or its final invoice once paid
    /// (`document` = `final` or `request`; none: the one that applies now). Asking for the final
    /// invoice before it is paid is refused (409) with a message pointing to the request.
    pub async fn invoice_pdf(
        &self,
        actor: &Actor,
        id: InvoiceId,
        document: Option<&str>,
    ) -> AppResult<Pdf> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        let (inv, lines) = store::get_invoice(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let buyer_vat = guichet_store::orgs::by_id(&mut c, actor.org)
            .await?
            .and_then(|o| o.vat_number);
        drop(c);
        let status = inv.status;
        let which = match document.filter(|d| !d.is_empty()) {
            Some(d) => {
                InvoiceDocument::parse(d).ok_or(AppError::invalid("document", "field.choice"))?
            }
            None if status.is_settled() => InvoiceDocument::Final,
            None => InvoiceDocument::Request,
        };
        let (kind, qr_bill, filename) = match which {
            InvoiceDocument::Final if status.is_settled() => {
                (Kind::Invoice, None, format!("invoice-{}.pdf", inv.number))
            }
            InvoiceDocument::Final => return Err(AppError::Conflict("invoice.final_unpaid")),
            InvoiceDocument::Request if status.is_due() => (
                Kind::PaymentRequest,
                Some(self.invoice_bill(&inv, actor.lang)?),
                format!("payment-request-{}.pdf", inv.number),
            ),
            InvoiceDocument::Request => return Err(AppError::Conflict("invoice.not_payable")),
        };
        let doc = Document {
            kind,
            lang: actor.lang,
            issuer: issuer_lines(self, actor.lang),
            customer: invoice_address(&inv, actor.lang, &self.config.creditor.country),
            number: Some(inv.number.clone()),
            issued_on: day(inv.issued_at),
            due_on: Some(inv.due_on.iso()),
            paid_on: inv.paid_at.map(day),
            currency: inv.currency,
            lines: pdf_lines(actor.lang, &lines, inv.vat_rate_bp),
            vat_mention: inv.vat_mention.clone(),
            net: inv.net.minor,
            vat: inv.vat.minor,
            gross: inv.gross.minor,
            billing_reference: inv.billing_reference.clone(),
            payment_reference: Some(inv.payment_reference.clone()),
            qr_bill,
            corrects: None,
            einvoice: Some(einvoice(self, &inv.bill_to, buyer_vat, inv.currency)),
            logo: pdf_logo(self),
        };
        let bytes = guichet_pdf::render(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Pdf {
            filename: file_safe(&filename.replace(".pdf", "")) + ".pdf",
            bytes,
        })
    }

    /// INV-07: a pro forma of the selected due items: no number from the invoice sequence, no
    /// payment reference, "no legal, tax or accounting value"; the lines of the selected invoices
    /// priced again with the Organization's VAT, as paying them would charge. The Organization's
    /// current billing reference is printed (INV-08).
    pub async fn pro_forma_pdf(
        &self,
        actor: &Actor,
        ids: &[String],
        durations: &std::collections::BTreeMap<String, i64>,
    ) -> AppResult<Pdf> {
        actor.require(Action::Billing)?;
        let ids: Vec<InvoiceId> = crate::error::parse_ids(ids)?;
        let durations = durations
            .iter()
            .map(|(k, v)| Ok((crate::error::parse_id::<InvoiceId>(k)?, *v)))
            .collect::<AppResult<std::collections::BTreeMap<_, _>>>()?;
        let mut c = self.db.conn().await?;
        let mut selected = Vec::new();
        for id in &ids {
            let found = store::get_invoice(&mut c, actor.org, *id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !selected
                .iter()
                .any(|(i, _): &(Invoice, _)| i.id == found.0.id)
            {
                selected.push(found);
            }
        }
        if selected.is_empty() {
            return Err(AppError::invalid("invoices", "checkout.nothing_selected"));
        }
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        for (inv, _) in &selected {
            if !inv.status.is_due() {
                return Err(AppError::Conflict("invoice.not_payable"));
            }
            if inv.currency != org.currency {
                return Err(AppError::invalid("invoices", "checkout.currency_mix"));
            }
        }
        // FREQ-01a: an item to be paid for another duration is shown at that duration's price,
        // for the period paying it would give.
        let now = self.now();
        let mut owned: Vec<InvoiceLine> = Vec::new();
        for (inv, lines) in &selected {
            let Some(&months) = durations.get(&inv.id) else {
                owned.extend(lines.iter().cloned());
                continue;
            };
            let Some((product, start, current)) =
                crate::billing::billed_period(&mut c, org.id, inv.id).await?
            else {
                return Err(AppError::invalid(
                    "durations",
                    "checkout.duration_unavailable",
                ));
            };
            if months == current {
                owned.extend(lines.iter().cloned());
                continue;
            }
            let choices = self.duration_choices(&mut c, &org, &product).await?;
            let unit = store::price(&mut c, product.offer_id, months, org.currency, now)
                .await?
                .filter(|_| choices.iter().any(|c| c.months == months))
                .ok_or(AppError::invalid(
                    "durations",
                    "checkout.duration_unavailable",
                ))?;
            let end = start.add_months(months as u32);
            owned.push(InvoiceLine {
                description: guichet_core::said::invoice_line(&product.name, months, start, end),
                product_id: Some(product.id),
                period_start: Some(start),
                period_end: Some(end),
                quantity: 1,
                unit_net: Money::new(unit, org.currency),
                net: Money::new(unit, org.currency),
                vat: Money::zero(org.currency),
                gross: Money::new(unit, org.currency),
            });
        }
        drop(c);
        let treatment = vat::treatment(&org.country, org.kind, org.vat_number.as_deref());
        let source: Vec<&InvoiceLine> = owned.iter().collect();
        let inputs: Vec<LineInput> = source
            .iter()
            .map(|l| LineInput {
                description: l.description.clone(),
                quantity: l.quantity,
                unit_net: l.unit_net.minor,
            })
            .collect();
        let totals = price(org.currency, treatment, &inputs)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let lines = totals
            .lines
            .iter()
            .zip(&source)
            .map(|(p, l)| Line {
                description: guichet_core::said::render(actor.lang, &p.description),
                period: l
                    .period_start
                    .zip(l.period_end)
                    .map(|(a, b)| (a.iso(), b.iso())),
                quantity: p.quantity,
                unit_net: p.unit_net,
                net: p.net,
                vat_rate_bp: i64::from(totals.rate_bp),
                vat: p.vat,
                gross: p.gross,
            })
            .collect();
        let today = day(self.now());
        let doc = Document {
            kind: Kind::ProForma,
            lang: actor.lang,
            issuer: issuer_lines(self, actor.lang),
            customer: address_block(
                &[
                    org.name.clone(),
                    org.street.clone(),
                    org.postcode.clone(),
                    org.city.clone(),
                    org.country.clone(),
                ],
                actor.lang,
                &self.config.creditor.country,
            ),
            number: None,
            issued_on: today.clone(),
            due_on: None,
            paid_on: None,
            currency: org.currency,
            lines,
            vat_mention: treatment.mention_key().map(str::to_owned),
            net: totals.net,
            vat: totals.vat,
            gross: totals.gross,
            billing_reference: org.billing_reference.clone(),
            payment_reference: None,
            qr_bill: None,
            corrects: None,
            // No legal, tax or accounting value: no e-invoice.
            einvoice: None,
            logo: pdf_logo(self),
        };
        let bytes = guichet_pdf::render(&doc).map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Pdf {
            filename: format!("pro-forma-{today}.pdf"),
            bytes,
        })
    }
}
