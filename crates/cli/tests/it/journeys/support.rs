//! The guide « Code d'assistance et code VIP »: the support code on the profile and the home
//! page, a new one, the VIP code of Support Premium once it is paid, and a temporary access for
//! the support.

use super::prepaid::{ALICE, ATELIER, balance};
use super::{Journey, NORMAL, amount_after, run};
use guichet_core::status::InvoiceStatus;

/// The 6-digit code shown after `label` on the page.
fn code_after(page: &str, label: &str) -> String {
    page.split(label)
        .nth(1)
        .unwrap_or_else(|| panic!("{label:?} not on the page: {page}"))
        .split_whitespace()
        .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no 6-digit code after {label:?}: {page}"))
        .to_string()
}

async fn support_code(j: &Journey) -> String {
    let mut c = j.t.app.db.conn().await.unwrap();
    guichet_store::users::by_email(&mut c, ALICE)
        .await
        .unwrap()
        .unwrap()
        .support_code
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_assistance_et_code_vip() {
    run("code-assistance-et-code-vip", NORMAL, |mut j| async move {
        // « Il est affiché sur la page de votre profil utilisateur » (and on the home page).
        j.login(ALICE).await;
        let home = j.sees(&["Votre code d'assistance :"]).await;
        let code = code_after(&home, "Votre code d'assistance :");
        assert_eq!(code, support_code(&j).await);
        j.click_link("Profil").await;
        let profile = j.sees(&["Code d'assistance", "Générer un nouveau code"]).await;
        assert_eq!(code_after(&profile, "Code d'assistance"), code);
        j.shot("code-d-assistance").await;
        j.press_any("Générer un nouveau code").await;
        let profile = j.sees(&["Nouveau code d'assistance généré."]).await;
        let new = code_after(&profile, "Code d'assistance");
        assert_ne!(new, code, "a new code");
        assert_eq!(new, support_code(&j).await, "the old one is gone");

        // « Le code VIP est réservé aux clients ayant souscrit au Support Premium ».
        j.click_link("Support").await;
        j.sees(&[
            "Votre Organisation n'a pas souscrit au Support Premium : vous n'avez donc pas de code VIP.",
            "Commander le Support Premium dans Produits",
        ])
        .await;
        j.shot("sans-support-premium").await;
        j.click_link("Commander le Support Premium dans Produits").await;
        j.choose("/products/order", "choice", "Support Premium Business — 12 mois")
            .await;
        j.press("/products/order", "Commander").await;
        j.sees(&["Support Premium Business"]).await;
        let shown = j.text().await;
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let invoice = j
            .t
            .app
            .invoices(&actor, &Default::default())
            .await
            .unwrap()
            .invoices
            .into_iter()
            .find(|i| i.status == InvoiceStatus::Unpaid && i.gross.minor > 50_000)
            .unwrap_or_else(|| panic!("the Support Premium invoice, after: {shown}"));

        // Paid partly from the prepaid balance, the rest by card.
        let before = balance(&j).await;
        j.click_link("Paiements").await;
        j.sees(&[&invoice.number, "Support Premium Business"]).await;
        j.tick("/payments", &format!("inv_{}", invoice.id), true).await;
        let seen = j.sees(&["Total de la sélection"]).await;
        assert_eq!(amount_after(&seen, "Total de la sélection"), invoice.gross.minor);
        assert_eq!(amount_after(&seen, "Pris sur le compte prépayé"), before);
        assert_eq!(amount_after(&seen, "Reste par carte"), invoice.gross.minor - before);
        j.fill("/payments", "card_number", "4242 4242 4242 4242")
            .await;
        j.fill("/payments", "card_expiry", "12/30").await;
        j.fill("/payments", "card_cvc", "123").await;
        j.shot_of("//*[@id='sel-total']", "payer-le-support-premium")
            .await;
        j.press("/payments", "Payer la sélection").await;
        j.sees(&["Paiement"]).await;
        let (paid, _) = j.t.app.invoice(&actor, invoice.id).await.unwrap();
        assert_eq!(paid.status, InvoiceStatus::Paid);
        assert_eq!(balance(&j).await, 0, "the whole balance was used");

        // « Il est affiché sur la page de gestion de ce service », with the ways to call.
        j.click_link("Support").await;
        let page = j
            .sees(&["Support Premium Business", "Votre code VIP :", "Pour nous contacter", "E-mail prioritaire :"])
            .await;
        let vip = page
            .split("Votre code VIP :")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .to_string();
        assert!(vip.len() >= 6, "a VIP code: {page}");
        assert_ne!(vip, new, "not the support code");
        j.shot("code-vip").await;

        // « Accorder un accès temporaire à vos services » to the support.
        j.choose("/support/access", "hours", "24 heures").await;
        j.press("/support/access", "Accorder l'accès").await;
        j.does_not_see("Aucun accès n'a encore été accordé au support.")
            .await;
        j.sees(&["Toute l'Organisation", "Révoquer"]).await;
        j.shot_of("//*[normalize-space()='Révoquer']", "acces-temporaire")
            .await;
        j
    })
    .await;
}
