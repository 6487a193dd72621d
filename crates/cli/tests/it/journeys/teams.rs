//! The guide « Les équipes de travail »: a web agency's « Webmasters » with technical access to
//! the hosting, two members added at once, an outside webmaster invited, a team leader.

use super::prepaid::{ALICE, ATELIER};
use super::{NORMAL, run};
use guichet_core::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn equipes_de_travail() {
    run("equipes-de-travail", NORMAL, |mut j| async move {
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let products = j.t.app.products(&actor).await.unwrap();
        let hosting = products
            .iter()
            .find(|p| p.offer_name == "Hébergement Web Pro")
            .unwrap()
            .clone();
        let outsider = "webmaster@agence-leman.ch";

        // « Créez un nouveau groupe ».
        j.login(ALICE).await;
        j.click_link("Équipes de travail").await;
        j.sees(&["Aucune équipe de travail pour le moment."]).await;
        j.fill("/teams", "name", "Webmasters").await;
        j.press("/teams", "Créer une équipe").await;
        j.sees(&[
            "Équipe créée : ajoutez-y des membres et des produits.",
            "Produits et droits",
        ])
        .await;
        let team = j.t.app.teams(&actor).await.unwrap()[0].id;
        let base = format!("/teams/{team}");
        j.shot("equipe-creee").await;

        // « Choisissez l'ensemble des hébergements auxquels ils auront besoin d'accéder ».
        let form = format!("{base}/products");
        j.tick(&form, &format!("technical_{}", hosting.id), true)
            .await;
        j.tick(&form, &format!("statistics_{}", hosting.id), true)
            .await;
        j.press(&form, "Enregistrer").await;
        j.sees(&["Modifications enregistrées."]).await;
        let view = j.t.app.team(&actor, team).await.unwrap();
        let rights = view
            .products
            .iter()
            .find(|(id, _, _)| *id == hosting.id)
            .map(|(_, _, r)| *r)
            .expect("the hosting is the team's");
        assert!(rights.technical && rights.statistics && !rights.tickets && !rights.sales);
        assert_eq!(
            view.products.len(),
            1,
            "only the hosting: {:?}",
            view.products
        );
        j.shot_of(
            &format!("//form[@action='{base}/products']"),
            "produits-et-droits",
        )
        .await;

        // « Ajouter un ou plusieurs utilisateurs en une fois », and someone from outside.
        let people = {
            let mut c = j.t.app.db.conn().await.unwrap();
            guichet_store::memberships::list(&mut c, actor.org)
                .await
                .unwrap()
        };
        let id_of = |email: &str| {
            people
                .iter()
                .find(|m| m.email == email)
                .map(|m| m.membership.user_id)
                .unwrap()
        };
        let (chloe, david) = (
            id_of("chloe@demo.guichet.test"),
            id_of("david@demo.guichet.test"),
        );
        let form = format!("{base}/members");
        j.tick(&form, &format!("m_{chloe}"), true).await;
        j.tick(&form, &format!("m_{david}"), true).await;
        j.fill(&form, "emails", outsider).await;
        j.press(&form, "Ajouter les personnes cochées").await;
        j.sees(&[
            "Chloé Rochat",
            "David Keller",
            "Invitations en attente",
            outsider,
        ])
        .await;
        let view = j.t.app.team(&actor, team).await.unwrap();
        let members: Vec<_> = view.members.iter().map(|(id, _, _)| *id).collect();
        assert!(
            members.contains(&chloe) && members.contains(&david),
            "{members:?}"
        );
        assert_eq!(view.invited.len(), 1, "the outsider is invited");
        assert_eq!(view.invited[0].role, Role::External);
        let mails = j.t.mails_to(outsider).await;
        assert!(!mails.is_empty(), "the invitation e-mail went out");
        j.shot_of(
            "//*[normalize-space()='Invitations en attente']",
            "membres-et-invitation",
        )
        .await;

        // « Définir un chef d'équipe ».
        j.choose(&base, "leader", "David Keller").await;
        j.press(&base, "Enregistrer").await;
        j.sees(&["Modifications enregistrées."]).await;
        let view = j.t.app.team(&actor, team).await.unwrap();
        assert_eq!(view.team.leader_id, Some(david));
        j.shot("chef-d-equipe").await;

        // The members have the rights on the hosting through the team; the product says so.
        let david_actor = j.demo_actor("david@demo.guichet.test", ATELIER).await;
        let got =
            j.t.app
                .product_rights(&david_actor, hosting.id)
                .await
                .unwrap();
        assert!(got.technical, "David works on the hosting now");
        j.go(&format!("/products/{}/access", hosting.id)).await;
        j.sees(&["David Keller", "Chloé Rochat", "Webmasters"])
            .await;
        j.shot("qui-a-acces").await;
        j
    })
    .await;
}
