//! The guides « Changer la fréquence de facturation » and « Ajouter une adresse de facturation ».

use super::prepaid::{ALICE, ATELIER, balance, pay_selection_from_prepaid, unpaid_invoice};
use super::{Journey, NORMAL, run};
use guichet_core::status::InvoiceStatus;
use guichet_store::billing::Product;

async fn product(j: &Journey, offer: &str) -> Product {
    let actor = j.demo_actor(ALICE, ATELIER).await;
    j.t.app
        .products(&actor)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.offer_name == offer)
        .unwrap_or_else(|| panic!("the demo has a {offer}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changer_la_frequence_de_facturation() {
    run(
        "changer-la-frequence-de-facturation",
        NORMAL,
        |mut j| async move {
            let invoice = unpaid_invoice(&j).await;
            let domain = product(&j, "Nom de domaine .ch").await;
            assert_eq!(domain.period_months, 12);

            // Première méthode: on Payments, another duration in the list beside the product.
            j.login(ALICE).await;
            j.click_link("Paiements").await;
            j.sees(&[&invoice.number, "Nom de domaine .ch — 12 mois"])
                .await;
            let months = format!("months_{}", invoice.id);
            j.tick("/payments", &format!("inv_{}", invoice.id), true)
                .await;
            j.choose("/payments", &months, "24 mois").await;
            let option = j
                .text_of(&format!("//select[@name='{months}']/option[@value='24']"))
                .await;
            let price = option
                .split(" — ")
                .nth(1)
                .expect("the option shows its price");
            let before = balance(&j).await;
            pay_selection_from_prepaid(&mut j, price, "selection-24-mois").await;
            let paid = super::amount_after(price, "");
            assert_eq!(balance(&j).await, before - paid, "24 months were paid");
            let domain = product(&j, "Nom de domaine .ch").await;
            assert_eq!(
                domain.period_months, 24,
                "the domain is billed every 24 months now"
            );
            let actor = j.demo_actor(ALICE, ATELIER).await;
            let (old, _) = j.t.app.invoice(&actor, invoice.id).await.unwrap();
            assert_ne!(
                old.status,
                InvoiceStatus::Unpaid,
                "the 12-month invoice was replaced"
            );
            j.click_link("Produits").await;
            let list = j.sees(&["Nom de domaine .ch", "24 mois"]).await;
            assert!(!list.contains("Nom de domaine .ch actif 12 mois"), "{list}");
            j.shot("produits-24-mois").await;

            // Deuxième méthode: the product's page, « Modifier l'offre ».
            let hosting = product(&j, "Hébergement Web Pro").await;
            j.click_link("Hébergement Web Pro").await;
            j.sees(&["Modifier l'offre : durée de facturation", "Durée 12 mois"])
                .await;
            let form = format!("/products/{}/period", hosting.id);
            j.choose(&form, "period_months", "1 mois").await;
            j.shot_of(&format!("//form[@action='{form}']"), "modifier-l-offre")
                .await;
            j.press(&form, "Modifier la durée").await;
            let expires = guichet_core::human::date(hosting.expires_on.unwrap());
            j.sees(&["Facturé par 1 mois à partir du", &expires]).await;
            let hosting = product(&j, "Hébergement Web Pro").await;
            assert_eq!(
                hosting.period_months, 12,
                "the current year is not billed again"
            );
            assert_eq!(hosting.next_period_months, Some(1), "monthly from its end");
            j.shot("frequence-programmee").await;
            j
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adresses_de_facturation() {
    run("adresses-de-facturation", NORMAL, |mut j| async move {
        j.login(ALICE).await;
        j.click_link("Adresses de facturation").await;
        j.sees(&["Aucune adresse de facturation en plus de celle de l'Organisation."])
            .await;

        // « Entrez les coordonnées désirées », then confirm.
        let form = "/accounting/addresses";
        j.sees(&["Ajouter une adresse de facturation", "Destinataire", "Pays"])
            .await;
        j.fill(form, "name", "Chloé Rochat").await;
        j.fill(form, "company", "Comptabilité Atelier Favre").await;
        j.fill(form, "street", "Rue du Midi 5").await;
        j.fill(form, "postcode", "1800").await;
        j.fill(form, "city", "Vevey").await;
        j.choose(form, "country", "Suisse").await;
        j.fill(form, "email", "compta@atelier-favre.ch").await;
        j.shot("nouvelle-adresse").await;
        j.press(form, "Ajouter l'adresse").await;
        j.sees(&[
            "Adresse ajoutée.",
            "Chloé Rochat",
            "Comptabilité Atelier Favre",
            "Rue du Midi 5",
            "Rue du Midi 5, 1800 Vevey, Suisse",
            "compta@atelier-favre.ch",
        ])
        .await;
        j.does_not_see("Aucune adresse de facturation en plus")
            .await;
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let addresses = j.t.app.billing_addresses(&actor, false).await.unwrap();
        assert_eq!(addresses.len(), 1);
        let address = addresses[0].id;
        j.shot("adresse-ajoutee").await;

        // « Au renouvellement d'un produit, choisissez l'adresse de facturation souhaitée ».
        let hosting = product(&j, "Hébergement Web Pro").await;
        j.click_link("Produits").await;
        j.click_link("Hébergement Web Pro").await;
        j.sees(&["Adresse de facturation au renouvellement"]).await;
        let form = format!("/products/{}/billing-address", hosting.id);
        j.choose(
            &form,
            "address",
            "Comptabilité Atelier Favre (Chloé Rochat)",
        )
        .await;
        j.press(&form, "Enregistrer").await;
        j.sees(&["Modifications enregistrées."]).await;
        let selected = j
            .text_of(&format!(
                "//form[@action='{form}']//select[@name='address']/option[@selected]"
            ))
            .await;
        assert!(selected.contains("Chloé Rochat"), "{selected}");
        assert_eq!(
            product(&j, "Hébergement Web Pro").await.billing_address_id,
            Some(address)
        );
        j.shot_of(&format!("//form[@action='{form}']"), "adresse-du-produit")
            .await;

        // The renewal invoice (30 days before the end) is addressed there and e-mailed to it.
        let domain_invoice = unpaid_invoice(&j).await;
        let expires = hosting.expires_on.unwrap();
        j.t.clock
            .set((expires.days_since_epoch() - 30) * 86_400 + 6 * 3600);
        j.t.app.billing_run(None).await.unwrap();
        let renewal =
            j.t.app
                .invoices(&actor, &Default::default())
                .await
                .unwrap()
                .invoices
                .into_iter()
                .find(|i| i.status == InvoiceStatus::Unpaid && i.id != domain_invoice.id)
                .expect("the hosting's renewal invoice");
        // Eleven months later: signed out since, the customer signs in again.
        j.login(ALICE).await;
        j.click_link("Factures").await;
        j.sees(&[&renewal.number]).await;
        j.click_link(&renewal.number).await;
        let page = j
            .sees(&[
                "Comptabilité Atelier Favre",
                "Chloé Rochat",
                "Rue du Midi 5",
                "1800 Vevey",
                "Hébergement Web Pro",
            ])
            .await;
        assert!(!page.contains("Avenue de la Gare 12"), "{page}");
        let mails = j.t.mails_to("compta@atelier-favre.ch").await;
        assert!(
            mails.iter().any(|m| m.body.contains(&renewal.number)),
            "the invoice went to the address's e-mail: {:?}",
            mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
        );
        j.shot("facture-a-la-nouvelle-adresse").await;
        j
    })
    .await;
}
