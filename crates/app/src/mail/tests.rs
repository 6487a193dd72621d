use super::*;

#[test]
fn every_mail_renders_in_every_language_without_placeholders_left() {
    let all = [
        Mail::Welcome { name: "Alice" },
        Mail::NewDevice {
            ip: "192.0.2.1",
            agent: "Firefox",
            when: "2026-11-24 14:05 UTC",
        },
        Mail::PasswordChanged,
        Mail::PasswordReset {
            link: "http://x/password/reset/abc",
        },
        Mail::TotpEnabled,
        Mail::TotpDisabled,
        Mail::OrgDetailsChanged {
            org: "Atelier",
            by: "Alice",
            summary: "…",
        },
        Mail::Invitation {
            org: "Atelier",
            by: "Alice",
            role: "Admin",
            link: "http://x/invitations/t",
            days: "14",
        },
        Mail::RoleChanged {
            org: "Atelier",
            role: "Admin",
            by: "Alice",
        },
        Mail::WithdrawalApproved {
            amount: "CHF 100.00",
        },
        Mail::WithdrawalRejected {
            amount: "CHF 100.00",
            reason: "IBAN closed",
        },
        Mail::CreditNoteIssued {
            invoice: "2026-0000042",
            number: "CN-2026-0000001",
            amount: "CHF 20.00",
            reason: "Service outage",
            support_code: "123456",
        },
        Mail::PaymentMismatch {
            invoice: "2026-0000042",
            expected: "CHF 100.00",
            received: "CHF 90.00",
            balance: "CHF",
            support_code: "123456",
        },
        Mail::PaymentOtherCurrency {
            invoice: "2026-0000042",
            expected: "CHF 60.00",
            received: "EUR 60.00",
            balance: "EUR",
            support_code: "123456",
        },
        Mail::CreditedOtherCurrency {
            received: "EUR 60.00",
            balance: "EUR",
            org_currency: "CHF",
            support_code: "123456",
        },
        Mail::SupportAccessGranted {
            org: "Atelier",
            by: "Alice",
            scope: "all",
            until: "2026-11-24 15:05 UTC",
        },
        Mail::SupportAccessExpired { org: "Atelier" },
        Mail::SignUpConfirm {
            name: "Zoé",
            link: "http://x/signup/confirm/t",
        },
        Mail::SignUpExisting {
            login: "http://x/login",
            reset: "http://x/password/forgot",
        },
        Mail::InvoiceReminder {
            level: 2,
            invoice: "2026-0000042",
            amount: "CHF 100.00",
            due_on: "2026-12-01",
            reference: "210000000003139471430009017",
            link: "http://x/accounting/invoices/i",
            verify: "http://x/accounting/verify",
            support_code: "123456",
            short_paid: None,
        },
        Mail::InvoiceReminder {
            level: 3,
            invoice: "2026-0000043",
            amount: "CHF 18.49",
            due_on: "2026-12-01",
            reference: "210000000003139471430009017",
            link: "http://x/accounting/invoices/i",
            verify: "http://x/accounting/verify",
            support_code: "123456",
            short_paid: Some(("CHF 18.00", Some("CHF 0.49"))),
        },
        Mail::InvoiceReminder {
            level: 1,
            invoice: "2026-0000044",
            amount: "CHF 18.49",
            due_on: "2026-12-01",
            reference: "210000000003139471430009017",
            link: "http://x/accounting/invoices/i",
            verify: "http://x/accounting/verify",
            support_code: "123456",
            short_paid: Some(("CHF 20.00", None)),
        },
    ];
    for m in &all {
        for lang in Lang::ALL {
            let (s, b) = m.render(lang);
            assert!(
                !s.is_empty() && !s.contains('{') && !b.contains('{'),
                "{} {lang:?}: {s} / {b}",
                m.kind()
            );
            assert!(!s.starts_with("mail."), "untranslated subject {s}");
        }
    }
    assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
}

#[test]
fn a_payment_in_another_currency_names_its_balance_in_every_language() {
    let m = Mail::PaymentOtherCurrency {
        invoice: "2026-0000042",
        expected: "CHF 60.00",
        received: "EUR 60.00",
        balance: "EUR",
        support_code: "123456",
    };
    for (lang, balance, due) in [
        (
            Lang::Fr,
            "solde prépayé en EUR",
            "la facture 2026-0000042 reste due",
        ),
        (
            Lang::En,
            "your EUR prepaid balance",
            "invoice 2026-0000042 is still due",
        ),
        (
            Lang::De,
            "Prepaid-Guthaben in EUR",
            "Rechnung 2026-0000042 ist weiterhin fällig",
        ),
    ] {
        let (_, body) = m.render(lang);
        assert!(
            body.contains(balance) && body.contains(due) && body.contains("EUR 60.00"),
            "{lang:?}: {body}"
        );
    }
    let m = Mail::CreditedOtherCurrency {
        received: "EUR 60.00",
        balance: "EUR",
        org_currency: "CHF",
        support_code: "123456",
    };
    for (lang, balance) in [
        (Lang::Fr, "solde prépayé en EUR"),
        (Lang::En, "your EUR prepaid balance"),
        (Lang::De, "Prepaid-Guthaben in EUR"),
    ] {
        let (subject, body) = m.render(lang);
        assert!(
            subject.contains("EUR") && body.contains(balance),
            "{lang:?}: {body}"
        );
    }
}
