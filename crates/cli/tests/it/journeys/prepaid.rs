//! The guides « Le compte prépayé » and « Rappel de paiement alors que tout semble en règle ».

use super::{Journey, NORMAL, amount_after, run};
use guichet_core::status::InvoiceStatus;

pub(crate) const ALICE: &str = "alice@demo.guichet.test";
pub(crate) const ATELIER: &str = "Atelier Favre Sàrl";

/// The demo's unpaid invoice (the domain ordered for 12 months) and its gross amount.
pub(crate) async fn unpaid_invoice(j: &Journey) -> guichet_store::billing::Invoice {
    let actor = j.demo_actor(ALICE, ATELIER).await;
    let page = j.t.app.invoices(&actor, &Default::default()).await.unwrap();
    page.invoices
        .into_iter()
        .find(|i| i.status == InvoiceStatus::Unpaid)
        .expect("the demo has an unpaid invoice")
}

pub(crate) async fn balance(j: &Journey) -> i64 {
    let actor = j.demo_actor(ALICE, ATELIER).await;
    j.t.app.prepaid(&actor).await.unwrap().balance.minor
}

/// Pays the ticked selection of the Payments page from the prepaid balance: what the page says
/// the selection costs and takes from the balance, then the confirmation.
pub(crate) async fn pay_selection_from_prepaid(j: &mut Journey, gross: &str, shot: &str) {
    let seen = j
        .sees(&[
            "Total de la sélection",
            "Pris sur le compte prépayé",
            "Reste par carte",
        ])
        .await;
    assert_eq!(
        amount_after(&seen, "Total de la sélection"),
        amount_after(gross, ""),
        "{seen}"
    );
    assert_eq!(
        amount_after(&seen, "Pris sur le compte prépayé"),
        amount_after(gross, ""),
        "the balance pays it all: {seen}"
    );
    assert_eq!(amount_after(&seen, "Reste par carte"), 0, "{seen}");
    j.shot(shot).await;
    j.press("/payments", "Payer la sélection").await;
    j.sees(&["Paiement"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compte_prepaye() {
    run("compte-prepaye", NORMAL, |mut j| async move {
        j.login(ALICE).await;
        // « Cliquez ici afin d'accéder à la gestion de votre compte prépayé »: the menu.
        j.click_link("Compte prépayé").await;
        let before = balance(&j).await;
        let page = j
            .sees(&["Solde disponible", "Créditer le compte", "Mouvements (CHF)"])
            .await;
        assert_eq!(amount_after(&page, "Solde disponible"), before, "{page}");
        assert!(
            page.contains("Recharge par carte •••• 4242"),
            "the demo's top-up is listed in French: {page}"
        );
        j.shot("solde").await;

        // « Créditer le compte »: the amount, then the card.
        let form = "/accounting/prepaid/top-up";
        j.fill(form, "amount", "100.00").await;
        j.fill(form, "card_number", "4242 4242 4242 4242").await;
        j.fill(form, "card_expiry", "12/30").await;
        j.fill(form, "card_cvc", "123").await;
        j.press(form, "Payer par carte").await;
        let page = j
            .sees(&["Paiement accepté : le compte prépayé est crédité."])
            .await;
        assert_eq!(balance(&j).await, before + 10_000);
        assert_eq!(
            amount_after(&page, "Solde disponible"),
            before + 10_000,
            "{page}"
        );
        let first_move = super::fold(&page)
            .split("date opération montant")
            .nth(1)
            .unwrap()
            .to_string();
        assert!(
            first_move.contains("recharge par carte •••• 4242 chf 100.00"),
            "the new movement first: {first_move}"
        );
        j.shot("credite").await;

        // « Prépaiement pour renouveler un produit »: Payments, « Tout afficher », tick, pay.
        let invoice = unpaid_invoice(&j).await;
        j.click_link("Paiements").await;
        j.sees(&["2 prochains mois"]).await;
        if j.has("//a[normalize-space()='Tout afficher']").await {
            j.click_link("Tout afficher").await;
        }
        j.sees(&[
            "Toutes les échéances",
            &invoice.number,
            "Nom de domaine .ch",
        ])
        .await;
        j.tick("/payments", &format!("inv_{}", invoice.id), true)
            .await;
        pay_selection_from_prepaid(&mut j, &invoice.gross.to_string(), "selection").await;
        let after_pay = before + 10_000 - invoice.gross.minor;
        assert_eq!(balance(&j).await, after_pay);
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let (paid, _) = j.t.app.invoice(&actor, invoice.id).await.unwrap();
        assert_eq!(paid.status, InvoiceStatus::Paid);
        j.shot("paye").await;

        // « Renouveler automatiquement des produits »: in one click from the product's page.
        j.click_link("Produits").await;
        j.sees(&["Hébergement Web Pro"]).await;
        j.click_link("Hébergement Web Pro").await;
        j.sees(&["Renouvellement automatique"]).await;
        j.press_any("Activer le renouvellement automatique").await;
        j.sees(&[
            "Modifications enregistrées.",
            "Désactiver le renouvellement automatique",
        ])
        .await;
        let products = j.t.app.products(&actor).await.unwrap();
        let hosting = products
            .iter()
            .find(|p| p.offer_name == "Hébergement Web Pro")
            .unwrap();
        assert!(hosting.auto_renew, "the hosting renews by itself now");
        j.shot("renouvellement-automatique").await;

        // « Récupérer le solde »: the IBAN, the amount; reserved at once.
        j.click_link("Compte prépayé").await;
        j.sees(&["Récupérer le solde"]).await;
        let form = "/accounting/prepaid/withdraw";
        j.fill(form, "amount", "50.00").await;
        j.fill(form, "destination", "CH93 0076 2011 6238 5295 7")
            .await;
        j.press(form, "Demander le versement").await;
        let page = j
            .sees(&[
                "Demande enregistrée : le montant est réservé en attendant sa validation.",
                "Demandes de versement",
                "en attente de validation",
                "CHF 50.00",
            ])
            .await;
        assert_eq!(balance(&j).await, after_pay - 5_000);
        assert_eq!(
            amount_after(&page, "Solde disponible"),
            after_pay - 5_000,
            "{page}"
        );
        j.shot_of(
            "//*[normalize-space()='Demandes de versement']",
            "recuperer-le-solde",
        )
        .await;
        j
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rappel_de_paiement() {
    run("rappel-de-paiement", NORMAL, |mut j| async move {
        // The domain's invoice is left unpaid past its due date: the first reminder goes out.
        let invoice = unpaid_invoice(&j).await;
        let due = invoice.due_on;
        let day_after = (due.days_since_epoch() + 1) * 86_400 + 9 * 3600;
        j.t.clock.set(day_after);
        let sent = j.t.app.send_reminders(None).await.unwrap();
        assert!(sent.sent >= 1, "a reminder went out: {sent:?}");
        let mails = j.t.mails_to(ALICE).await;
        let reminder = mails
            .iter()
            .find(|m| m.body.contains(&invoice.number))
            .expect("Alice got the reminder");

        // « Vérifiez que le rappel reçu n'est pas une tentative de phishing »: the support code
        // the e-mail shows is the one of the profile.
        j.login(ALICE).await;
        j.click_link("Profil").await;
        let profile = j.sees(&["Code d'assistance"]).await;
        let code = profile
            .split("Code d'assistance")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
            .expect("a 6-digit code")
            .to_string();
        assert!(
            reminder.body.contains(&code),
            "the reminder shows the support code {code}: {}",
            reminder.body
        );
        j.shot("code-assistance").await;

        // The reference of the reminder is one of an open invoice of the Organization.
        j.click_link("Vérifier un rappel").await;
        j.sees(&["Vous avez reçu un rappel de paiement ?"]).await;
        let form = "/accounting/verify";
        j.fill(form, "reference", &invoice.payment_reference).await;
        j.fill(
            form,
            "amount",
            &guichet_core::money::format_minor(invoice.gross.minor),
        )
        .await;
        j.press(form, "Vérifier").await;
        j.sees(&[
            "Authentique : la facture",
            &invoice.number,
            "est ouverte dans votre Organisation",
        ])
        .await;
        j.shot("verifier-un-rappel").await;

        // « Rappel qui croise le paiement »: the customer says a transfer is on its way.
        j.click_link("Factures").await;
        j.sees(&[&invoice.number, "En retard"]).await;
        j.click_link(&invoice.number).await;
        let shown = j
            .sees(&[
                "J'ai payé par virement",
                "Référence de paiement :",
                "Rappels envoyés : 1er rappel le",
            ])
            .await;
        assert!(shown.contains(&invoice.payment_reference), "{shown}");
        j.press(
            &format!("/accounting/invoices/{}/transfer-declared", invoice.id),
            "J'ai payé par virement",
        )
        .await;
        j.sees(&[
            "Merci : votre virement est noté.",
            "les rappels sont suspendus le temps qu'il arrive",
        ])
        .await;
        j.shot("virement-annonce").await;

        // « Argent sur le compte prépayé »: the balance pays the invoice, from Payments.
        j.click_link("Compte prépayé").await;
        let page = j.sees(&["Solde disponible"]).await;
        let before = amount_after(&page, "Solde disponible");
        assert!(
            before >= invoice.gross.minor,
            "the balance covers it: {page}"
        );
        j.click_link("Paiements").await;
        j.sees(&[&invoice.number]).await;
        j.tick("/payments", &format!("inv_{}", invoice.id), true)
            .await;
        pay_selection_from_prepaid(&mut j, &invoice.gross.to_string(), "payer-avec-le-solde").await;
        assert_eq!(balance(&j).await, before - invoice.gross.minor);
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let (paid, _) = j.t.app.invoice(&actor, invoice.id).await.unwrap();
        assert_eq!(paid.status, InvoiceStatus::Paid);
        j.click_link("Factures").await;
        let list = j.sees(&[&invoice.number, "Payée"]).await;
        assert!(!list.contains("En retard"), "{list}");
        j.shot("facture-payee").await;
        // « Vous pouvez modifier la façon dont les paiements doivent être effectués »: a card
        // for the automatic renewals, so that a reminder never crosses a transfer again.
        j.go("/accounting/renewals").await;
        j.sees(&[
            "Payer d'abord avec le solde prépayé",
            "Aucune carte enregistrée.",
        ])
        .await;
        let form = "/accounting/renewals/card";
        j.fill(form, "card_number", "4242 4242 4242 4242").await;
        j.fill(form, "card_expiry", "12/30").await;
        j.fill(form, "card_cvc", "123").await;
        j.press(form, "Enregistrer cette carte").await;
        j.sees(&[
            "Carte enregistrée : seuls le prestataire et ses 4 derniers chiffres sont conservés.",
            "Carte se terminant par 4242",
        ])
        .await;
        let card = j.t.app.renewal_settings(&actor).await.unwrap().card;
        assert_eq!(card.map(|c| c.last4).as_deref(), Some("4242"));
        j.shot("moyen-de-paiement").await;
        // No reminder is sent for a paid invoice.
        j.t.clock.advance(10 * 86_400);
        let again = j.t.app.send_reminders(None).await.unwrap();
        assert_eq!(again.sent, 0, "{again:?}");
        j
    })
    .await;
}
