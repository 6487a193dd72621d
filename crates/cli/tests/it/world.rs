//! A fixture: two Organizations (A in Lausanne, CHF; B in Lyon, EUR), each with one person in every
//! role, each person with a personal API token for their Organization, and an open invitation in A.

use crate::harness::TestApp;
use guichet_app::Origin;
use guichet_app::members::InviteInput;
use guichet_core::{
    ApiTokenId, InvitationId, Lang, OrgId, OrgKind, Role, UserId, currency_for_country,
};
use guichet_store::memberships::Membership;
use guichet_store::orgs::OrgDetails;
use guichet_store::tokens::ApiToken;
use guichet_store::{memberships, orgs, tokens, users};
use sha2::{Digest, Sha256};

pub const PASSWORD: &str = "correct-horse-battery-2026";

#[derive(Clone, Debug)]
pub struct Person {
    pub id: UserId,
    pub email: String,
    pub token: String,
    pub role: Role,
    pub accounting: bool,
}

pub struct OrgFixture {
    pub id: OrgId,
    pub name: String,
    /// LR, Admin, Collaborator with accounting, Collaborator, External — in that order.
    pub people: Vec<Person>,
    pub invitation: InvitationId,
    /// A billing address of the Organization.
    pub address: guichet_core::AddressId,
    /// A payment request (top-up by bank transfer) of the Organization.
    pub request: guichet_core::PaymentRequestId,
    /// An unpaid order invoice of the Organization, and its product.
    pub invoice: guichet_core::InvoiceId,
    pub product: guichet_core::ProductId,
    /// A work team with rights on the product and no member yet.
    pub team: guichet_core::TeamId,
    /// A temporary support access grant of the Organization, already revoked (SUP-03).
    pub grant: guichet_core::GrantId,
    /// A support request of the Organization about its product, opened by the LR (issue #16).
    pub ticket: guichet_core::SupportRequestId,
}

impl OrgFixture {
    pub fn lr(&self) -> &Person {
        &self.people[0]
    }
    pub fn admin(&self) -> &Person {
        &self.people[1]
    }
    pub fn accountant(&self) -> &Person {
        &self.people[2]
    }
    pub fn collaborator(&self) -> &Person {
        &self.people[3]
    }
    pub fn external(&self) -> &Person {
        &self.people[4]
    }
}

pub struct World {
    pub a: OrgFixture,
    pub b: OrgFixture,
}

pub const ROLES: [(Role, bool, &str); 5] = [
    (Role::LegalRep, true, "lr"),
    (Role::Admin, false, "admin"),
    (Role::Collaborator, true, "acct"),
    (Role::Collaborator, false, "collab"),
    (Role::External, false, "ext"),
];

pub async fn world(t: &TestApp) -> World {
    let hash = t.app.hash_password(PASSWORD).await.unwrap();
    let a = org(t, "a", "Alpha Hébergement SA", "CH", "Lausanne", &hash).await;
    let b = org(t, "b", "Beta Web SARL", "FR", "Lyon", &hash).await;
    World { a, b }
}

async fn org(
    t: &TestApp,
    tag: &str,
    name: &str,
    country: &str,
    city: &str,
    hash: &str,
) -> OrgFixture {
    let now = t.app.now();
    let mut tx = t.app.db.begin().await.unwrap();
    let details = OrgDetails {
        name: name.into(),
        kind: Some(OrgKind::Company),
        street: "Rue du Test 1".into(),
        postcode: "1000".into(),
        city: city.into(),
        country: country.into(),
        phone: None,
        vat_number: None,
    };
    let org_id = orgs::insert(
        &mut tx,
        &details,
        OrgKind::Company,
        currency_for_country(country),
        now,
    )
    .await
    .unwrap();
    let mut people = Vec::new();
    for (i, (role, accounting, label)) in ROLES.iter().enumerate() {
        let email = format!("{label}@{tag}.example.ch");
        let code = format!(
            "{}{}{:04}",
            if tag == "a" { 1 } else { 2 },
            i,
            rand_digits()
        );
        let new = users::NewUser {
            email: &email,
            name: &format!("{label} {tag}"),
            password_hash: hash,
            lang: Lang::En,
            is_operator: false,
            support_code: &code,
            now,
        };
        let id = users::insert(&mut tx, new).await.unwrap();
        let m = Membership {
            org_id,
            user_id: id,
            role: *role,
            accounting: *accounting,
            billing_contact: false,
            created_at: now,
        };
        memberships::insert(&mut tx, &m).await.unwrap();
        let secret = format!("gch_test_{tag}_{label}_{}", uuid::Uuid::new_v4().simple());
        let token = ApiToken {
            id: ApiTokenId::new(),
            user_id: id,
            org_id,
            name: "tests".into(),
            created_at: now,
            last_used_at: None,
        };
        tokens::insert(
            &mut tx,
            &token,
            &hex::encode(Sha256::digest(secret.as_bytes())),
        )
        .await
        .unwrap();
        people.push(Person {
            id,
            email,
            token: secret,
            role: *role,
            accounting: *accounting,
        });
    }
    tx.commit().await.unwrap();
    let lr = t
        .app
        .actor(people[0].id, org_id, Origin::default())
        .await
        .unwrap();
    let inv = t
        .app
        .invite(
            &lr,
            &InviteInput {
                email: format!("invited@{tag}.example.ch"),
                role: "collaborator".into(),
                accounting: false,
                billing_contact: false,
            },
        )
        .await
        .unwrap();
    let fields = guichet_app::addresses::AddressInput {
        name: "Accounts payable".into(),
        street: "Rue du Test 2".into(),
        postcode: "1000".into(),
        city: city.into(),
        country: country.into(),
        ..Default::default()
    };
    let address = t.app.add_billing_address(&lr, &fields).await.unwrap().id;
    let request = t.app.request_transfer_top_up(&lr, 5_000).await.unwrap().id;
    let offer = t
        .app
        .catalogue(&lr)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("the starter catalogue")
        .id;
    let (product, invoice) = t.app.order_product(&lr, offer, 12, None).await.unwrap();
    let team = t
        .app
        .create_team(
            &lr,
            &guichet_app::teams::TeamInput {
                name: "Webmasters".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let rights = guichet_core::grants::Rights {
        technical: true,
        statistics: true,
        ..Default::default()
    };
    t.app
        .set_team_product(&lr, team, product, rights)
        .await
        .unwrap();
    let grant = t
        .app
        .grant_support_access(
            &lr,
            &guichet_app::support::GrantInput {
                hours: 24,
                whole_org: true,
                products: vec![],
            },
        )
        .await
        .unwrap()
        .id;
    t.app.revoke_support_access(&lr, grant).await.unwrap();
    // Written straight to the store: no activity line and no e-mail for the other tests to see.
    let mut c = t.app.db.write_conn().await.unwrap();
    let ticket = guichet_store::support_requests::insert(
        &mut c,
        &guichet_store::support_requests::NewRequest {
            org: org_id,
            topic: "Fixture request",
            product: Some(product),
            opened_by: lr.user,
            tier: 0,
            suggested: &[],
            now: t.app.now(),
        },
    )
    .await
    .unwrap();
    drop(c);
    OrgFixture {
        id: org_id,
        name: name.into(),
        people,
        invitation: inv.id,
        address,
        request,
        invoice,
        product,
        team,
        grant,
        ticket,
    }
}

fn rand_digits() -> u32 {
    (uuid::Uuid::new_v4().as_u128() % 10_000) as u32
}

/// A billing address of Muster AG for Marie Muster in Zürich, with its invoice e-mail
/// `factures@muster.example.ch`, added by `actor` (the billing-address tests of issue #14).
pub async fn muster_address(t: &TestApp, actor: &guichet_app::Actor) -> guichet_core::AddressId {
    let fields = guichet_app::addresses::AddressInput {
        name: "Marie Muster".into(),
        company: "Muster AG".into(),
        street: "Bahnhofstrasse 1".into(),
        postcode: "8001".into(),
        city: "Zürich".into(),
        country: "CH".into(),
        email: "factures@muster.example.ch".into(),
    };
    t.app.add_billing_address(actor, &fields).await.unwrap().id
}
