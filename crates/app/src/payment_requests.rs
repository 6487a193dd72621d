//! Paying by bank transfer (PP-02): a payment request with its own reference and its Swiss QR-bill.
//! CHF requests are payable to the provider's QR-IBAN with a QR reference (27 digits, modulo 10
//! recursive); EUR requests to its IBAN with an ISO 11649 creditor reference (`RF…`) (INV-09).

use crate::error::{AppError, AppResult};
use crate::{Actor, App, Creditor};
use guichet_bank::qr::{self, Address, QrBill, Reference, Separation, SlipOptions};
use guichet_bank::references::{creditor_reference, qr_reference};
use guichet_core::{Action, Currency, Lang, Money, PaymentRequestId};
use guichet_store::orgs;
use guichet_store::payment_requests::{self as store, NewRequest, PaymentRequest};

/// The reference of the `n`-th request: QRR for CHF, RF for EUR.
pub fn reference_for(n: i64, currency: Currency) -> AppResult<String> {
    let r = match currency {
        Currency::Chf => qr_reference(&format!("{n:026}")),
        Currency::Eur => creditor_reference(&format!("G{n:09}")),
    };
    r.map_err(|e| AppError::Internal(e.to_string()))
}

pub(crate) fn creditor_address(c: &Creditor) -> Address {
    Address {
        name: c.name.clone(),
        street: c.street.clone(),
        building_number: c.building_number.clone(),
        postal_code: c.postcode.clone(),
        town: c.town.clone(),
        country: c.country.clone(),
    }
}

impl App {
    /// PP-02 by bank transfer: a request for `amount` with its own reference. Nothing moves until the
    /// money arrives on the provider's account.
    pub async fn request_transfer_top_up(
        &self,
        actor: &Actor,
        amount: i64,
    ) -> AppResult<PaymentRequest> {
        actor.require(Action::Billing)?;
        actor.require(Action::Pay)?;
        crate::amount_in("amount", Ok(amount), guichet_core::money::Zero::Refused)?;
        let cfg = &self.config;
        if amount < cfg.top_up_min {
            return Err(AppError::invalid("amount", "topup.too_small"));
        }
        if amount > cfg.top_up_max {
            return Err(AppError::invalid("amount", "topup.too_large"));
        }
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let org = orgs::by_id(&mut tx, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let n = store::next_reference_number(&mut tx).await?;
        let reference = reference_for(n, org.currency)?;
        let new = NewRequest {
            org: actor.org,
            purpose: "top_up",
            amount: Money::new(amount, org.currency),
            reference: &reference,
            created_by: actor.user,
            now,
        };
        let id = store::insert(&mut tx, &new).await?;
        let detail = format!("{} {reference}", Money::new(amount, org.currency));
        actor
            .audit(&mut tx, "prepaid.transfer_requested", &detail, now)
            .await?;
        let request = store::get(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(request)
    }

    pub async fn payment_request(
        &self,
        actor: &Actor,
        id: PaymentRequestId,
    ) -> AppResult<PaymentRequest> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        store::get(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn open_payment_requests(&self, actor: &Actor) -> AppResult<Vec<PaymentRequest>> {
        actor.require(Action::Billing)?;
        let mut c = self.db.conn().await?;
        Ok(store::open_of_org(&mut c, actor.org).await?)
    }

    /// The QR-bill of a request: payable to the provider, by the Organization (its address when it is
    /// complete, otherwise a blank box for the payer to fill in).
    pub async fn payment_request_bill(
        &self,
        actor: &Actor,
        id: PaymentRequestId,
    ) -> AppResult<QrBill> {
        let request = self.payment_request(actor, id).await?;
        let mut c = self.db.conn().await?;
        let org = orgs::by_id(&mut c, actor.org)
            .await?
            .ok_or(AppError::NotFound)?;
        let creditor = &self.config.creditor;
        let (account, reference) = match request.currency {
            Currency::Chf => (
                creditor.qr_iban.clone(),
                Reference::Qrr(request.reference.clone()),
            ),
            Currency::Eur => (
                creditor.iban.clone(),
                Reference::Scor(request.reference.clone()),
            ),
        };
        let debtor = (!org.street.is_empty() && !org.postcode.is_empty() && !org.city.is_empty())
            .then(|| Address {
                name: org.name.chars().take(70).collect(),
                street: org.street.chars().take(70).collect(),
                building_number: String::new(),
                postal_code: org.postcode.chars().take(16).collect(),
                town: org.city.chars().take(35).collect(),
                country: org.country.clone(),
            });
        let message = guichet_core::i18n::t(actor.lang, "prepaid.transfer_message").to_string();
        let bill = QrBill {
            account,
            creditor: creditor_address(creditor),
            amount: Some(request.amount.minor),
            currency: request.currency,
            debtor,
            reference,
            message,
            billing_information: String::new(),
            alternative_procedures: Vec::new(),
        };
        writable_bill(&bill)
    }

    /// The payment part with receipt (210 × 105 mm) as SVG, in `lang`.
    pub fn qr_bill_svg(&self, bill: &QrBill, lang: Lang) -> AppResult<String> {
        let language = qr::Language::from(lang);
        qr::payment_part_svg(
            bill,
            &SlipOptions {
                language,
                separation: Separation::LinesWithScissors,
            },
        )
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}

/// The bill as it can be printed: stored names and addresses transliterated to the Swiss Payment
/// Standards set (`?` where nothing fits) and cut to length; a payer address that still breaks a
/// rule (e.g. a country that is not two letters) gives the blank "payable by" box instead, so a
/// stored value never makes a payment request fail.
pub(crate) fn writable_bill(bill: &QrBill) -> AppResult<QrBill> {
    let mut bill = bill.writable();
    if bill.validate().is_err() && bill.debtor.is_some() {
        bill.debtor = None;
    }
    bill.validate()
        .map_err(|e| AppError::Internal(format!("QR-bill: {e}")))?;
    Ok(bill)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_by_currency() {
        let chf = reference_for(42, Currency::Chf).unwrap();
        assert_eq!(chf.len(), 27);
        assert!(guichet_bank::references::validate_qr_reference(&chf).is_ok());
        let eur = reference_for(42, Currency::Eur).unwrap();
        assert!(
            eur.starts_with("RF")
                && guichet_bank::references::validate_creditor_reference(&eur).is_ok()
        );
        assert_ne!(reference_for(43, Currency::Chf).unwrap(), chf);
    }

    #[test]
    fn the_default_creditor_accounts_are_what_they_claim() {
        let c = Creditor::default();
        assert!(guichet_bank::references::is_qr_iban(&c.qr_iban));
        assert!(
            guichet_bank::references::validate_iban(&c.iban).is_ok()
                && !guichet_bank::references::is_qr_iban(&c.iban)
        );
    }
}
