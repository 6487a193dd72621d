//! The guide « Obtenir, exporter et imprimer ses factures (et une facture pro forma) », by a
//! collaborator with the accounting permission (the guide's prerequisite).

use super::prepaid::unpaid_invoice;
use super::{NORMAL, fold, pdf_text, run};

const DAVID: &str = "david@demo.guichet.test";

fn assert_pdf(what: &str, (status, kind, bytes): &(u16, String, Vec<u8>)) {
    assert_eq!(*status, 200, "{what}: {}", String::from_utf8_lossy(bytes));
    assert_eq!(kind, "application/pdf", "{what}");
    assert!(bytes.starts_with(b"%PDF-"), "{what} is a PDF");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn factures_et_pro_forma() {
    run("factures-et-pro-forma", NORMAL, |mut j| async move {
        let unpaid = unpaid_invoice(&j).await;

        // « Accéder à l'historique des factures »: the newest first.
        j.login(DAVID).await;
        j.click_link("Factures").await;
        let list = j
            .sees(&[
                "Statut",
                "Filtrer",
                "Exporter en CSV",
                "2026-0000001",
                &unpaid.number,
            ])
            .await;
        let (newest, older) = (
            fold(&list).find(&unpaid.number).unwrap(),
            fold(&list).find("2026-0000001").unwrap(),
        );
        assert!(newest < older, "the most recent first: {list}");
        j.shot("historique").await;

        // Filtered by status: only what is paid.
        j.choose("/accounting/invoices", "status", "payée").await;
        j.press("/accounting/invoices", "Filtrer").await;
        j.sees(&["2026-0000001", "Facture (PDF)"]).await;
        j.does_not_see(&unpaid.number).await;
        assert!(j.path().await.contains("status=paid"), "{}", j.path().await);
        j.shot("filtre-payees").await;

        // « Cliquez sur la facture concernée », then its PDF: the final invoice, once paid.
        j.click_link("2026-0000001").await;
        j.sees(&[
            "Facture 2026-0000001",
            "Hébergement Web Pro",
            "CHF 183.62",
            "Facture (PDF)",
        ])
        .await;
        j.shot("facture-payee").await;
        let href = j
            .attr("//a[normalize-space()='Facture (PDF)']", "href")
            .await;
        let pdf = j.download(&href).await;
        assert_pdf("the final invoice", &pdf);
        if let Some(text) = pdf_text(&pdf.2) {
            for want in [
                "2026-0000001",
                "Hébergement Web Pro",
                "Atelier Favre Sàrl",
                "183.62",
            ] {
                assert!(text.contains(want), "{want} not in the invoice PDF: {text}");
            }
            for english in ["Invoice", "Total due", "months"] {
                assert!(
                    !text.contains(english),
                    "English {english:?} in the PDF: {text}"
                );
            }
        }

        // Before payment: the payment request, with its QR section.
        j.click_link("Factures").await;
        j.sees(&[&unpaid.number, "Demande de paiement (PDF)"]).await;
        let href = j
            .attr("//a[normalize-space()='Demande de paiement (PDF)']", "href")
            .await;
        let request = j.download(&href).await;
        assert_pdf("the payment request", &request);
        if let Some(text) = pdf_text(&request.2) {
            assert!(text.contains(&unpaid.number), "{text}");
            assert!(text.contains("Section paiement"), "the QR section: {text}");
        }

        // « Exporter un ensemble de documents »: the CSV, in French, and by e-mail.
        let href = j
            .attr("//a[normalize-space()='Exporter en CSV']", "href")
            .await;
        let (status, kind, bytes) = j.download(&href).await;
        assert_eq!(status, 200);
        assert!(kind.starts_with("text/csv"), "{kind}");
        let csv = String::from_utf8(bytes).unwrap();
        let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
        assert!(
            header.starts_with("Numéro;Date d'émission;Statut"),
            "French headings, semicolons: {header}"
        );
        assert!(csv.contains(&unpaid.number) && csv.contains("2026-0000001"));
        j.press(
            "/accounting/invoices/export/mail",
            "Recevoir l'export CSV par e-mail",
        )
        .await;
        j.sees(&["L'export CSV part vers votre adresse e-mail."])
            .await;
        let mails = j.t.mails_to(DAVID).await;
        assert!(!mails.is_empty(), "the export went to David");
        j.shot("export-par-e-mail").await;

        // « Imprimer une facture Pro Forma »: from the selection on Payments.
        j.click_link("Paiements").await;
        j.sees(&[&unpaid.number]).await;
        j.tick("/payments", &format!("inv_{}", unpaid.id), true)
            .await;
        j.sees(&["Générer une facture pro forma"]).await;
        j.shot("pro-forma").await;
        let pro_forma = j
            .submit_for_file("/payments", "Générer une facture pro forma")
            .await;
        assert_pdf("the pro forma", &pro_forma);
        if let Some(text) = pdf_text(&pro_forma.2) {
            let folded = fold(&text);
            assert!(folded.contains("pro forma"), "{text}");
            assert!(text.contains("Nom de domaine .ch"), "{text}");
            assert!(
                text.contains(&guichet_core::money::format_minor(unpaid.gross.minor)),
                "{text}"
            );
            assert!(
                !text.contains(&unpaid.payment_reference),
                "no payment reference: {text}"
            );
        }
        j
    })
    .await;
}
