//! The guide « L'option Préfixe MySQL d'un site » (and its variables d'environnement).

use super::prepaid::{ALICE, ATELIER};
use super::{NORMAL, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prefixe_mysql() {
    run("prefixe-mysql", NORMAL, |mut j| async move {
        let actor = j.demo_actor(ALICE, ATELIER).await;
        let hosting = j
            .t
            .app
            .products(&actor)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.offer_name == "Hébergement Web Pro")
            .unwrap();
        let view = j.t.app.hosting(&actor, hosting.id).await.unwrap();
        let prefix = format!("{}_", view.prefix.clone().expect("the demo site gave it one"));
        let site = view.sites[0].clone();
        assert!(site.mysql_prefix, "the demo site is a migrated one, prefix on");

        // « Cliquez directement sur le nom attribué au produit concerné ».
        j.login(ALICE).await;
        j.click_link("Produits").await;
        j.sees(&["Hébergement Web Pro", "Nom de domaine .ch"]).await;
        j.click_link("Hébergement Web Pro").await;
        j.sees(&["Sites et bases de données"]).await;
        j.click_link("Sites et bases de données").await;
        j.sees(&[
            "Préfixe du serveur",
            &prefix,
            "www.atelier-favre.ch",
            "Préfixe MySQL activé",
        ])
        .await;
        j.shot("sites-de-l-hebergement").await;

        // « Cliquez sur Gérer sous Paramètres avancés », the PHP / Apache settings of the site.
        j.click_link("www.atelier-favre.ch").await;
        let page = j
            .sees(&["Paramètres avancés → PHP / Apache", "Préfixe MySQL"])
            .await;
        assert!(
            page.contains(&format!("monuser → {prefix}monuser")),
            "the page says what the option does, with this server's prefix: {page}"
        );
        j.shot("parametres-php-apache").await;

        // Turning it off: first the warning and the names to change, then the confirmation.
        let action = format!("/products/{}/sites/{}/prefix", hosting.id, site.id);
        j.press(&action, "Désactiver…").await;
        j.sees(&[
            "Attention : une fois l'option désactivée, les scripts PHP et CMS qui utilisent les noms sans préfixe ne pourront plus se connecter.",
            "Désactiver le préfixe MySQL",
        ])
        .await;
        assert!(
            j.t.app
                .site(&actor, hosting.id, site.id)
                .await
                .unwrap()
                .site
                .mysql_prefix,
            "nothing changed before the confirmation"
        );
        j.shot("avertissement").await;
        j.press_any("Désactiver le préfixe MySQL").await;
        j.sees(&["Modifications enregistrées.", "Préfixe MySQL", "désactivé"])
            .await;
        assert!(j.has(&format!("//form[@action='{action}']//button[normalize-space()='Activer']")).await);
        let after = j.t.app.site(&actor, hosting.id, site.id).await.unwrap();
        assert!(!after.site.mysql_prefix, "the option is saved off");
        j.shot("prefixe-desactive").await;

        // « Aller plus loin avec les variables d'environnement »: the database name, prefixed now.
        let env = format!("/products/{}/sites/{}/env", hosting.id, site.id);
        j.fill(&env, "name", "DB_NAME").await;
        j.fill(&env, "value", &format!("{prefix}mabase")).await;
        j.press(&env, "Enregistrer").await;
        j.sees(&["DB_NAME", &format!("{prefix}mabase"), "APP_ENV", "production"])
            .await;
        let vars = j.t.app.site(&actor, hosting.id, site.id).await.unwrap().env;
        assert!(
            vars.iter()
                .any(|v| v.name == "DB_NAME" && v.value.as_deref() == Some(&format!("{prefix}mabase"))),
            "saved"
        );
        j.shot_of(&format!("//form[@action='{env}']"), "variable-d-environnement")
            .await;

        // Each change is in the activity log, in French.
        j.click_link("Journal d'activité").await;
        j.sees(&["Variable d'environnement enregistrée : www.atelier-favre.ch: DB_NAME"])
            .await;
        j.shot("journal-d-activite").await;
        j
    })
    .await;
}
