//! The Stripe client's pure parts: signatures, ids in paths, tokens, states and refusals.

use super::*;
use hmac::{Hmac, Mac};

fn sign(payload: &str, secret: &str, t: i64) -> String {
    let mut m = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    m.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(m.finalize().into_bytes()))
}

#[test]
fn a_signature_is_checked_against_payload_secret_and_time() {
    let body = r#"{"id":"evt_1"}"#;
    let h = sign(body, "whsec_x", 1_000);
    assert_eq!(
        verify_signature(body.as_bytes(), &h, "whsec_x", 1_100, 300),
        Ok(1_000)
    );
    assert_eq!(
        verify_signature(body.as_bytes(), &h, "whsec_y", 1_100, 300),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify_signature(b"{\"id\":\"evt_2\"}", &h, "whsec_x", 1_100, 300),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify_signature(body.as_bytes(), &h, "whsec_x", 2_000, 300),
        Err(SignatureError::Stale)
    );
    assert_eq!(
        verify_signature(body.as_bytes(), "v1=00", "whsec_x", 1_000, 300),
        Err(SignatureError::Malformed)
    );
    // A rolled secret: either signature may match.
    let two = format!("{h},v1=deadbeef");
    assert!(verify_signature(body.as_bytes(), &two, "whsec_x", 1_000, 300).is_ok());
}

#[test]
fn ids_put_in_paths_are_stripe_ids_or_nothing() {
    assert_eq!(path_part("pi_123abc"), "pi_123abc");
    assert_eq!(path_part("../v1/charges"), "invalid");
    assert_eq!(path_part(""), "invalid");
}

fn intent(status: &str, error: Option<&str>) -> Intent {
    Intent {
        id: "pi_1".into(),
        status: status.into(),
        client_secret: Some("pi_1_secret_x".into()),
        last_payment_error: error.map(|code| ApiError {
            code: Some(code.into()),
            decline_code: None,
            kind: Some("card_error".into()),
            message: None,
        }),
    }
}

#[test]
fn every_payment_intent_status_is_a_provider_state() {
    assert_eq!(
        intent_state(&intent("succeeded", None)),
        ProviderState::Succeeded
    );
    assert_eq!(
        intent_state(&intent("requires_confirmation", None)),
        ProviderState::Unconfirmed
    );
    assert_eq!(
        intent_state(&intent("requires_action", None)),
        ProviderState::RequiresAction {
            client_secret: Some("pi_1_secret_x".into())
        }
    );
    assert_eq!(
        intent_state(&intent("processing", None)),
        ProviderState::Processing
    );
    assert_eq!(
        intent_state(&intent("canceled", None)),
        ProviderState::Canceled
    );
    // Confirmed and refused: back to requires_payment_method with the error.
    assert_eq!(
        intent_state(&intent("requires_payment_method", Some("card_declined"))),
        ProviderState::Declined {
            reason: "card_declined".into()
        }
    );
    // Never confirmed: nothing refused yet.
    assert_eq!(
        intent_state(&intent("requires_payment_method", None)),
        ProviderState::Unconfirmed
    );
}

#[test]
fn a_refusal_is_a_decline_for_a_card_and_a_failure_otherwise() {
    let card = ApiError {
        code: Some("card_declined".into()),
        decline_code: Some("insufficient_funds".into()),
        kind: Some("card_error".into()),
        message: None,
    };
    assert_eq!(
        refused(402, &card),
        ProviderState::Declined {
            reason: "insufficient_funds".into()
        }
    );
    let bad = ApiError {
        code: Some("parameter_invalid".into()),
        kind: Some("invalid_request_error".into()),
        ..ApiError::default()
    };
    assert_eq!(
        refused(400, &bad),
        ProviderState::Failed {
            reason: "parameter_invalid".into()
        }
    );
}

#[test]
fn a_saved_token_names_a_customer_and_a_method() {
    assert_eq!(split_token("cus_1 pm_2"), Some(("cus_1", "pm_2")));
    assert_eq!(split_token("tok_test_succeeds"), None);
}

#[test]
fn a_description_fits_stripes_metadata() {
    assert_eq!(
        metadata_value("Factures 2026-0000001"),
        "Factures 2026-0000001"
    );
    let numbers: Vec<String> = (1..=60).map(|i| format!("2026-{i:07}")).collect();
    let long = crate::payments::charge_description(
        "charge.invoices",
        &[("n", "60"), ("numbers", &numbers.join(", "))],
    );
    assert!(long.starts_with("Factures 2026-0000001, "), "{long}");
    let cut = metadata_value(&long);
    assert_eq!(cut.chars().count(), 500);
    assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
    let accents = "é".repeat(600);
    assert_eq!(metadata_value(&accents).chars().count(), 500);
}

#[test]
fn charges_are_described_in_the_providers_language() {
    use crate::payments::charge_description as d;
    assert_eq!(
        d(
            "charge.invoices",
            &[("n", "1"), ("numbers", "2026-0000007")]
        ),
        "Facture 2026-0000007"
    );
    assert_eq!(
        d("charge.top_up", &[("last4", "4242")]),
        "Recharge par carte •••• 4242"
    );
    assert_eq!(d("charge.top_up_card", &[]), "Recharge par carte");
    assert_eq!(
        d(
            "charge.renewal",
            &[("number", "2026-0000009"), ("product", "exemple.ch")]
        ),
        "Renouvellement 2026-0000009 (exemple.ch)"
    );
}
