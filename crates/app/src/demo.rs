//! Realistic demo data (`guichet demo`): two Organizations — a CHF company in Lausanne and an EUR one
//! in Lyon — with people in every role, and an operator. Created once; running it again changes nothing.

use crate::App;
use crate::error::AppResult;
use guichet_core::{Lang, OrgKind, Role, currency_for_country};
use guichet_store::memberships::Membership;
use guichet_store::orgs::OrgDetails;
use guichet_store::{memberships, orgs, users};

pub const PASSWORD: &str = "guichet-demo-2026";

/// (e-mail, name, what they are), as printed by `guichet demo`.
pub struct DemoLogin {
    pub email: &'static str,
    pub name: &'static str,
    pub what: &'static str,
}

pub const LOGINS: &[DemoLogin] = &[
    DemoLogin {
        email: "alice@demo.guichet.test",
        name: "Alice Favre",
        what: "LR of Atelier Favre Sàrl (CHF), Administrator of Boulangerie Martin (EUR)",
    },
    DemoLogin {
        email: "bruno@demo.guichet.test",
        name: "Bruno Martin",
        what: "LR of Boulangerie Martin (EUR)",
    },
    DemoLogin {
        email: "chloe@demo.guichet.test",
        name: "Chloé Rochat",
        what: "Administrator of Atelier Favre Sàrl",
    },
    DemoLogin {
        email: "david@demo.guichet.test",
        name: "David Keller",
        what: "Collaborator with accounting, Atelier Favre Sàrl",
    },
    DemoLogin {
        email: "emma@demo.guichet.test",
        name: "Emma Schmid",
        what: "Collaborator, Atelier Favre Sàrl",
    },
    DemoLogin {
        email: "felix@demo.guichet.test",
        name: "Félix Dubois",
        what: "External, Atelier Favre Sàrl",
    },
    DemoLogin {
        email: "operator@demo.guichet.test",
        name: "Olivia Perret",
        what: "Operator (back office at /admin)",
    },
];

impl App {
    /// Creates the demo data unless it exists; returns true when it was created now.
    pub async fn seed_demo(&self) -> AppResult<bool> {
        let mut tx = self.db.begin().await?;
        if users::by_email(&mut tx, LOGINS[0].email).await?.is_some() {
            return Ok(false);
        }
        let now = self.now();
        let hash = self.hash_password(PASSWORD).await?;
        let mut ids = Vec::new();
        for (i, l) in LOGINS.iter().enumerate() {
            // Emma reads German; everyone else, the operator too, French (the seed's language).
            let lang = if i == 4 { Lang::De } else { Lang::Fr };
            ids.push(
                self.insert_user(&mut tx, l.email, l.name, &hash, lang, i == 6)
                    .await?,
            );
        }
        let atelier = OrgDetails {
            name: "Atelier Favre Sàrl".into(),
            kind: Some(OrgKind::Company),
            street: "Avenue de la Gare 12".into(),
            postcode: "1003".into(),
            city: "Lausanne".into(),
            country: "CH".into(),
            phone: Some("+41 21 555 01 23".into()),
            vat_number: Some("CHE-123.456.789 MWST".into()),
        };
        let boulangerie = OrgDetails {
            name: "Boulangerie Martin SARL".into(),
            kind: Some(OrgKind::Company),
            street: "12 rue de la République".into(),
            postcode: "69002".into(),
            city: "Lyon".into(),
            country: "FR".into(),
            phone: Some("+33 4 78 00 00 00".into()),
            vat_number: Some("FR40303265045".into()),
        };
        let a = orgs::insert(
            &mut tx,
            &atelier,
            OrgKind::Company,
            currency_for_country("CH"),
            now,
        )
        .await?;
        let b = orgs::insert(
            &mut tx,
            &boulangerie,
            OrgKind::Company,
            currency_for_country("FR"),
            now,
        )
        .await?;
        orgs::update_settings(&mut tx, a, atelier.phone.as_deref(), false).await?;
        orgs::update_settings(&mut tx, b, boulangerie.phone.as_deref(), false).await?;
        let members = [
            (a, 0, Role::LegalRep, true),
            (b, 0, Role::Admin, false),
            (b, 1, Role::LegalRep, true),
            (a, 2, Role::Admin, false),
            (a, 3, Role::Collaborator, true),
            (a, 4, Role::Collaborator, false),
            (a, 5, Role::External, false),
        ];
        for (org, who, role, accounting) in members {
            let m = Membership {
                org_id: org,
                user_id: ids[who],
                role,
                accounting,
                billing_contact: accounting,
                created_at: now,
            };
            memberships::insert(&mut tx, &m).await?;
        }
        tx.commit().await?;
        self.seed_demo_billing(a).await?;
        self.seed_demo_tickets(a, ids[0], ids[6]).await?;
        Ok(true)
    }

    /// Atelier Favre gets a paid web hosting, an unpaid domain invoice and some prepaid balance.
    async fn seed_demo_billing(&self, org: guichet_core::OrgId) -> AppResult<()> {
        let alice = {
            let mut c = self.db.conn().await?;
            users::by_email(&mut c, LOGINS[0].email)
                .await?
                .ok_or(crate::AppError::NotFound)?
                .id
        };
        let actor = self.actor(alice, org, crate::Origin::default()).await?;
        self.seed_catalogue().await?;
        let offers = self.catalogue(&actor).await?;
        let by_type = |t: guichet_core::product::ProductType| {
            offers.iter().find(|o| o.product_type == t).map(|o| o.id)
        };
        let card = crate::prepaid::CardFields {
            card_number: "4242424242424242".into(),
            card_expiry: "12/30".into(),
            card_cvc: "123".into(),
            ..Default::default()
        };
        self.top_up_by_card(&actor, 50_000, &card, "demo-top-up")
            .await?;
        if let Some(hosting) = by_type(guichet_core::product::ProductType::WebHosting) {
            let (product, invoice) = self.order_product(&actor, hosting, 12, None).await?;
            self.pay_invoice_from_prepaid(&actor, invoice, "demo-pay-hosting")
                .await?;
            // A site migrated from the old platform (MySQL prefix on) with a variable. Databases
            // need a MySQL server (GUICHET_MYSQL_URL): none in the demo.
            let site = self
                .add_site(
                    &actor,
                    product,
                    &crate::sites::SiteInput {
                        domain: "www.atelier-favre.ch".into(),
                    },
                    true,
                )
                .await?;
            self.set_env(
                &actor,
                product,
                site,
                &crate::sites::EnvInput {
                    name: "APP_ENV".into(),
                    value: "production".into(),
                    secret: false,
                },
            )
            .await?;
        }
        if let Some(domain) = by_type(guichet_core::product::ProductType::DomainName) {
            self.order_product(&actor, domain, 12, None).await?;
        }
        Ok(())
    }
}
