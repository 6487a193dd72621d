//! The guides « Activer les cookies et JavaScript » and « Créer un compte et une Organisation ».

use super::prepaid::{ALICE, ATELIER, balance, unpaid_invoice};
use super::{Browser, NORMAL, run};
use guichet_core::Role;
use guichet_core::status::InvoiceStatus;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_et_javascript() {
    let refused = Browser {
        javascript: true,
        cookies: false,
    };
    run("cookies-et-javascript", refused, |mut j| async move {
        // Cookies refused: signing in cannot work, and the Manager says why, with the guide.
        j.go("/login").await;
        j.sees(&["Connexion"]).await;
        j.fill("/login", "email", ALICE).await;
        j.fill("/login", "current", guichet_app::demo::PASSWORD)
            .await;
        j.press("/login", "Se connecter").await;
        j.sees(&[
            "Votre navigateur refuse les cookies. Le Manager en a besoin pour vous connecter (session et langue) : autorisez-les pour ce site.",
            "Comment activer les cookies et JavaScript",
        ])
        .await;
        j.does_not_see("Se déconnecter").await;
        j.shot("cookies-refuses").await;
        j.click_link("Comment activer les cookies et JavaScript").await;
        j.sees(&[
            "Activer les cookies et JavaScript",
            "Autoriser les cookies pour le Manager",
            "Le Manager fonctionne sans JavaScript",
        ])
        .await;
        assert!(
            j.path().await.starts_with("/help/cookies-et-javascript"),
            "the French guide: {}",
            j.path().await
        );
        j.shot("guide").await;

        // Cookies allowed, JavaScript still off: the Manager works with plain forms.
        j.reopen(Browser {
            javascript: false,
            cookies: true,
        })
        .await;
        j.login(ALICE).await;
        j.sees(&["Bonjour Alice Favre", "Solde prépayé"]).await;
        let invoice = unpaid_invoice(&j).await;
        let before = balance(&j).await;
        j.click_link("Paiements").await;
        j.sees(&[&invoice.number, "Recalculer les montants"]).await;
        j.tick("/payments", &format!("inv_{}", invoice.id), true).await;
        // Without JavaScript the figures change when the server recomputes them.
        let seen = j.sees(&["Total de la sélection"]).await;
        assert_eq!(super::amount_after(&seen, "Total de la sélection"), 0);
        j.press_any("Recalculer les montants").await;
        let seen = j.sees(&["Total de la sélection"]).await;
        assert_eq!(
            super::amount_after(&seen, "Total de la sélection"),
            invoice.gross.minor,
            "{seen}"
        );
        // « choisir le compte prépayé comme moyen de paiement total »: the amount it takes.
        let amount = guichet_core::money::format_minor(invoice.gross.minor);
        j.fill("/payments", "from_prepaid", &amount).await;
        j.press_any("Recalculer les montants").await;
        let gross = invoice.gross.to_string();
        super::prepaid::pay_selection_from_prepaid(&mut j, &gross, "paiement-sans-javascript")
            .await;
        assert_eq!(balance(&j).await, before - invoice.gross.minor);
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let (paid, _) = j.t.app.invoice(&actor, invoice.id).await.unwrap();
        assert_eq!(paid.status, InvoiceStatus::Paid);
        j.shot("paye-sans-javascript").await;
        j
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creer_un_compte_et_une_organisation() {
    run("creer-un-compte-et-une-organisation", NORMAL, |mut j| async move {
        let email = "lea.monnier@exemple.ch";
        // « Cliquez ici pour vous inscrire »: from the login page.
        j.go("/login").await;
        j.sees(&["Pas encore de compte ?"]).await;
        j.click_link("Créer mon compte").await;
        j.sees(&["Créer un compte", "Votre compte crée aussi une Organisation à votre nom"])
            .await;
        j.fill("/signup", "name", "Léa Monnier").await;
        j.fill("/signup", "email", email).await;
        j.fill("/signup", "password", "un-long-mot-de-passe-2026")
            .await;
        j.choose("/signup", "country", "Suisse").await;
        j.shot("inscription").await;
        j.press("/signup", "Créer mon compte").await;
        j.sees(&[&format!(
            "Vérifiez votre boîte e-mail : nous avons envoyé un lien à {email} pour terminer la création de votre compte."
        )])
        .await;
        j.shot("verifiez-votre-boite").await;

        // The e-mail's link, then « Créer mon compte » on the page it opens.
        let mails = j.t.mails_to(email).await;
        let mail = mails
            .iter()
            .find(|m| m.subject == "Terminez la création de votre compte Guichet")
            .expect("the confirmation e-mail, in French");
        let link = mail
            .body
            .split_whitespace()
            .find(|w| w.contains("/signup/confirm/"))
            .expect("a link");
        let path = &link[link.find("/signup/confirm/").unwrap()..];
        j.go(path).await;
        j.sees(&["Terminer la création de votre compte", "Léa Monnier"])
            .await;
        j.press_any("Créer mon compte").await;
        j.sees(&["Se déconnecter", "Léa Monnier"]).await;
        let user = {
            let mut c = j.t.app.db.conn().await.unwrap();
            guichet_store::users::by_email(&mut c, email)
                .await
                .unwrap()
                .expect("the account exists")
        };
        let orgs = {
            let mut c = j.t.app.db.conn().await.unwrap();
            guichet_store::memberships::orgs_of(&mut c, user.id)
                .await
                .unwrap()
        };
        assert_eq!(orgs.len(), 1, "an Organization in her name");
        assert_eq!(orgs[0].role, Role::LegalRep);
        j.shot("compte-cree").await;

        // « Gérer mon profil » → « Mes organisations » → create another one.
        j.click_link("Profil").await;
        j.sees(&["Mes organisations", "Représentant légal", "Organisation actuelle"])
            .await;
        j.shot("mes-organisations").await;
        j.click_link("Créer une organisation").await;
        j.sees(&["Nouvelle Organisation"]).await;
        let form = "/orgs/new";
        j.fill(form, "name", "Monnier Conseil").await;
        j.choose(form, "kind", "Entreprise").await;
        j.fill(form, "street", "Grand-Rue 8").await;
        j.fill(form, "postcode", "1820").await;
        j.fill(form, "city", "Montreux").await;
        j.choose(form, "country", "Suisse").await;
        j.press(form, "Créer l'Organisation").await;
        j.sees(&["L'Organisation est créée", "Monnier Conseil", "Devise des factures : CHF"])
            .await;
        j.shot("organisation-creee").await;
        let orgs = {
            let mut c = j.t.app.db.conn().await.unwrap();
            guichet_store::memberships::orgs_of(&mut c, user.id)
                .await
                .unwrap()
        };
        assert_eq!(orgs.len(), 2);
        assert!(orgs.iter().all(|o| o.role == Role::LegalRep));

        // « Passer d'une Organisation à l'autre »: the switcher, then « Changer ».
        let first = orgs.iter().find(|o| o.name != "Monnier Conseil").unwrap();
        j.choose("/orgs/switch", "org", &first.name).await;
        j.press("/orgs/switch", "Changer").await;
        j.sees(&[&first.name, "Représentant légal"]).await;
        j.shot("changer-d-organisation").await;
        j
    })
    .await;
}
