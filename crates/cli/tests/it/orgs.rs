//! Organizations in the Manager: several per login and switching (ORG-03), legal fields (ORG-04),
//! currency (ORG-05), leave and delete (ORG-06), the back office, languages.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(
    create_switch_and_edit_organizations,
    leave_and_delete_follow_org06,
    back_office_is_for_operators_only,
    prepaid_balance_comes_from_the_ledger_and_locks_currency_and_deletion,
    a_top_up_racing_a_currency_change_never_leaves_money_behind,
);

async fn create_switch_and_edit_organizations(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut c = t.client();
    c.login_ok(&w.a.lr().email, PASSWORD).await;
    c.get("/orgs/new").await;
    let bad = c
        .post(
            "/orgs/new",
            &[
                ("name", ""),
                ("kind", "company"),
                ("street", "x"),
                ("postcode", "1"),
                ("city", "y"),
                ("country", "Suisse"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("aria-invalid=\"true\""), "inline errors");
    let r = c
        .post(
            "/orgs/new",
            &[
                ("name", "Mes affaires privées"),
                ("kind", "individual"),
                ("street", "Rue Haute 3"),
                ("postcode", "75001"),
                ("city", "Paris"),
                ("country", "FR"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let home = c.get("/").await;
    assert!(
        home.body.contains("<h1>Mes affaires privées</h1>"),
        "the new one is current"
    );
    let org_page = c.get("/org").await;
    assert!(org_page.body.contains("EUR"));
    // Switch back at once.
    let r = c
        .post("/orgs/switch", &[("org", &w.a.id.to_string())])
        .await;
    assert_eq!(r.status, 303);
    assert!(
        c.get("/")
            .await
            .body
            .contains(&format!("<h1>{}</h1>", w.a.name))
    );
    // ORG-05: moving to Liechtenstein keeps CHF, to Germany gives EUR; the LRs get a summary.
    c.get("/org").await;
    let fields = |country: &'static str| {
        vec![
            ("name", "Alpha Hébergement SA"),
            ("kind", "company"),
            ("street", "Hauptstrasse 1"),
            ("postcode", "9490"),
            ("city", "Vaduz"),
            ("country", country),
            ("vat_number", ""),
            ("phone", ""),
        ]
    };
    assert_eq!(c.post("/org", &fields("DE")).await.status, 303);
    assert!(c.get("/org").await.body.contains("<strong>EUR</strong>"));
    assert!(
        t.mails_to(&w.a.lr().email)
            .await
            .iter()
            .any(|m| m.body.contains("Hauptstrasse 1"))
    );
    // An Administrator cannot change legal fields (ORG-04): the form is not offered and the POST is refused.
    let mut admin = t.client();
    admin.login_ok(&w.a.admin().email, PASSWORD).await;
    let page = admin.get("/org").await;
    assert!(!page.body.contains("action=\"/org\""));
    assert_eq!(admin.post("/org", &fields("CH")).await.status, 403);
    assert_eq!(
        admin
            .post("/org/settings", &[("phone", "+41 21 000 00 00")])
            .await
            .status,
        303
    );
    // The language choice is remembered in a cookie.
    admin.get("/").await;
    let r = admin
        .post("/lang", &[("lang", "de"), ("next", "/users")])
        .await;
    assert_eq!(r.location(), "/users");
    assert!(admin.get("/users").await.body.contains("Mitglieder"));
}

async fn leave_and_delete_follow_org06(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut ext = t.client();
    ext.login_ok(&w.a.external().email, PASSWORD).await;
    ext.get("/org").await;
    assert_eq!(
        ext.post("/org/leave", &[]).await.status,
        422,
        "confirmation needed"
    );
    assert_eq!(
        ext.post("/org/leave", &[("confirm", "1")]).await.location(),
        "/orgs/new"
    );
    // The LR cannot delete while other members remain.
    let mut lr = t.client();
    lr.login_ok(&w.a.lr().email, PASSWORD).await;
    let page = lr.get("/org/delete").await;
    assert!(page.body.contains("other members"), "{}", page.body);
    assert_eq!(
        lr.post("/org/delete", &[("confirm_name", &w.a.name)])
            .await
            .status,
        409
    );
    // A fresh Organization with nobody else can be deleted, with its name typed.
    lr.get("/orgs/new").await;
    lr.post(
        "/orgs/new",
        &[
            ("name", "Éphémère"),
            ("kind", "association"),
            ("street", "Rue 1"),
            ("postcode", "1000"),
            ("city", "Lausanne"),
            ("country", "CH"),
        ],
    )
    .await;
    lr.get("/org/delete").await;
    assert_eq!(
        lr.post("/org/delete", &[("confirm_name", "wrong")])
            .await
            .status,
        422
    );
    let r = lr
        .post("/org/delete", &[("confirm_name", "Éphémère")])
        .await;
    assert_eq!(r.status, 303);
    let orgs = t.app.my_orgs(w.a.lr().id).await.unwrap();
    assert_eq!(orgs.len(), 1);
    // An Administrator cannot delete at all.
    let mut admin = t.client();
    admin.login_ok(&w.a.admin().email, PASSWORD).await;
    assert_eq!(admin.get("/org/delete").await.status, 403);
}

async fn back_office_is_for_operators_only(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut customer = t.client();
    customer.login_ok(&w.a.lr().email, PASSWORD).await;
    assert_eq!(customer.get("/admin").await.status, 404);
    t.app
        .create_operator("ops@provider.example", "Ops", "operator-passphrase-2026")
        .await
        .unwrap();
    let mut ops = t.client();
    let r = ops
        .login("ops@provider.example", "operator-passphrase-2026")
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        ops.get("/").await.location(),
        "/admin",
        "an operator without Organization lands in the back office"
    );
    let page = ops.get("/admin").await;
    assert!(page.body.contains(&w.a.name) && page.body.contains(&w.b.name));
    let page = ops.get("/admin?q=beta").await;
    assert!(page.body.contains(&w.b.name) && !page.body.contains(&w.a.name));
    let code = t
        .app
        .session(&ops.cookies["guichet_session"])
        .await
        .unwrap()
        .unwrap()
        .user
        .support_code;
    assert_eq!(code.len(), 6);
    let mut c = t.app.db.conn().await.unwrap();
    let lr = guichet_store::users::by_id(&mut c, w.a.lr().id)
        .await
        .unwrap()
        .unwrap();
    let found = ops.get(&format!("/admin?code={}", lr.support_code)).await;
    assert!(found.body.contains(&w.a.lr().email));
    assert!(ops.get("/admin?code=000000x").await.status == 200);
}

async fn prepaid_balance_comes_from_the_ledger_and_locks_currency_and_deletion(b: Backend) {
    use guichet_core::Currency;
    use guichet_core::ledger::{AccountKind, AccountRef, Transfer};
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut web = t.client();
    web.login_ok(&w.a.accountant().email, PASSWORD).await;
    let empty = web.get("/accounting/prepaid").await;
    assert!(
        empty.body.contains("CHF 0.00") && empty.body.contains("no movements yet"),
        "{}",
        empty.body
    );
    let prepaid = AccountRef::of_org(AccountKind::Prepaid, w.a.id, Currency::Chf);
    let card = AccountRef::provider(AccountKind::CardClearing, Currency::Chf);
    let mut tx = t.app.db.begin().await.unwrap();
    let entry = guichet_store::ledger::NewEntry {
        org: Some(w.a.id),
        kind: "top_up",
        description: "Top-up by card",
        idempotency_key: None,
        now: t.app.now(),
    };
    guichet_store::ledger::post(
        &mut tx,
        entry,
        &[Transfer {
            debit: card,
            credit: prepaid,
            amount: 123_456,
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let page = web.get("/accounting/prepaid").await;
    assert!(
        page.body.contains("CHF 1'234.56") && page.body.contains("Top-up by card"),
        "{}",
        page.body
    );
    let api = web
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/prepaid", w.a.id),
            &w.a.accountant().token,
            None,
        )
        .await
        .json();
    assert_eq!(api["balance"]["minor"], 123_456);
    assert_eq!(api["balance"]["currency"], "CHF");
    assert_eq!(api["movements"][0]["amount_minor"], 123_456);
    // ORG-05: no currency change while money is on the account.
    let mut lr = t.client();
    lr.login_ok(&w.a.lr().email, PASSWORD).await;
    lr.get("/org").await;
    let moved = [
        ("name", "Alpha Hébergement SA"),
        ("kind", "company"),
        ("street", "Rue 1"),
        ("postcode", "75001"),
        ("city", "Paris"),
        ("country", "FR"),
        ("vat_number", ""),
        ("phone", ""),
    ];
    assert_eq!(lr.post("/org", &moved).await.status, 409);
    assert!(lr.get("/org").await.body.contains("<strong>CHF</strong>"));
    // Moving within CHF countries is fine.
    let li = [
        ("name", "Alpha Hébergement SA"),
        ("kind", "company"),
        ("street", "Städtle 1"),
        ("postcode", "9490"),
        ("city", "Vaduz"),
        ("country", "LI"),
        ("vat_number", ""),
        ("phone", ""),
    ];
    assert_eq!(lr.post("/org", &li).await.status, 303);
    // ORG-06: the balance blocks deletion (as do the other members here).
    assert!(lr.get("/org/delete").await.body.contains("not at zero"));
}

/// ORG-05 under concurrency: a card top-up and a move to a EUR country sent at the same moment.
/// One of them wins: either the top-up is booked and the currency stays CHF, or the currency is
/// EUR and the top-up was refused before any charge — never EUR with francs left on the account.
async fn a_top_up_racing_a_currency_change_never_leaves_money_behind(b: Backend) {
    use guichet_core::Currency;
    use guichet_core::ledger::{AccountKind, AccountRef};
    for round in 0..4 {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut lr = t.client();
        lr.login_ok(&w.a.lr().email, PASSWORD).await;
        lr.get("/org").await;
        let (url, token, org) = (t.url.clone(), w.a.lr().token.clone(), w.a.id);
        let top_up = tokio::spawn(async move {
            let mut c = crate::client::Client::new(&url);
            let body = serde_json::json!({"amount_minor": 2_000, "card_number": "4242424242424242",
                                          "card_expiry": "12/30", "card_cvc": "123"});
            c.api_with_headers(
                "POST",
                &format!("/api/v1/orgs/{org}/prepaid/top-ups"),
                &token,
                Some(body),
                &[("idempotency-key", "race-1")],
            )
            .await
        });
        let moved = [
            ("name", "Alpha Hébergement SA"),
            ("kind", "company"),
            ("street", "Rue 1"),
            ("postcode", "75001"),
            ("city", "Paris"),
            ("country", "FR"),
            ("vat_number", ""),
            ("phone", ""),
        ];
        let change = lr.post("/org", &moved).await;
        let top_up = top_up.await.unwrap();
        let mut c = t.app.db.conn().await.unwrap();
        let currency = guichet_store::orgs::by_id(&mut c, w.a.id)
            .await
            .unwrap()
            .unwrap()
            .currency;
        let chf = AccountRef::of_org(AccountKind::Prepaid, w.a.id, Currency::Chf);
        let francs = guichet_store::ledger::balance(&mut c, &chf).await.unwrap();
        match currency {
            Currency::Chf => {
                assert_eq!(change.status, 409, "round {round}: {}", change.body);
                assert_eq!(
                    (top_up.status, francs),
                    (201, 2_000),
                    "round {round}: {}",
                    top_up.body
                );
            }
            Currency::Eur => {
                // The change won; the top-up was either refused, or came after it and is in euros.
                assert_eq!(change.status, 303, "round {round}");
                assert_eq!(francs, 0, "round {round}: francs left behind");
                match top_up.status {
                    409 => {}
                    201 => assert!(
                        top_up.body.contains("\"currency\":\"EUR\""),
                        "{}",
                        top_up.body
                    ),
                    other => panic!("round {round}: top-up {other}: {}", top_up.body),
                }
            }
        }
        assert!(
            guichet_store::ledger::audit(&mut c)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

mod addresses {
    use crate::both_backends;
    use crate::harness::{Backend, TestApp};
    use crate::world::{PASSWORD, world};

    both_backends!(billing_addresses_are_added_edited_archived_never_deleted);

    async fn billing_addresses_are_added_edited_archived_never_deleted(b: Backend) {
        let t = TestApp::spawn(b).await;
        let w = world(&t).await;
        let mut web = t.client();
        web.login_ok(&w.a.accountant().email, PASSWORD).await;
        web.get("/accounting/addresses").await;
        let bad = [
            ("name", ""),
            ("street", "Rue 1"),
            ("postcode", "1000"),
            ("city", "Lausanne"),
            ("country", "Suisse"),
            ("email", "nope"),
        ];
        let r = web.post("/accounting/addresses", &bad).await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.body.matches("aria-invalid=\"true\"").count(),
            3,
            "name, country and e-mail are flagged"
        );
        let good = [
            ("name", "Service comptable"),
            ("company", "Alpha SA"),
            ("street", "Rue du Lac 5"),
            ("postcode", "1007"),
            ("city", "Lausanne"),
            ("country", "ch"),
            ("email", "Compta@Alpha.example"),
        ];
        assert_eq!(web.post("/accounting/addresses", &good).await.status, 303);
        let page = web.get("/accounting/addresses").await;
        assert!(
            page.body.contains("Service comptable") && page.body.contains("compta@alpha.example")
        );
        let id = page.body.split("/accounting/addresses/").find_map(|s| {
            let id = s.split(['"', '/']).next()?;
            (id.len() == 36
                && s.contains("archive")
                && page.body.contains(id)
                && id != w.a.address.to_string())
            .then(|| id.to_string())
        });
        let id = id.expect("the new address is listed");
        web.get(&format!("/accounting/addresses/{id}")).await;
        let edited = [
            ("name", "Service comptable"),
            ("company", ""),
            ("street", "Rue du Lac 7"),
            ("postcode", "1007"),
            ("city", "Lausanne"),
            ("country", "CH"),
            ("email", ""),
        ];
        assert_eq!(
            web.post(&format!("/accounting/addresses/{id}"), &edited)
                .await
                .status,
            303
        );
        assert_eq!(
            web.post(&format!("/accounting/addresses/{id}/archive"), &[])
                .await
                .status,
            303
        );
        let page = web.get("/accounting/addresses").await;
        assert!(
            !page.body.contains("Rue du Lac 7"),
            "archived addresses are hidden by default"
        );
        let page = web.get("/accounting/addresses?archived=1").await;
        assert!(page.body.contains("Rue du Lac 7"), "…and kept");
        assert_eq!(
            web.post(&format!("/accounting/addresses/{id}/restore"), &[])
                .await
                .status,
            303
        );
        // The API agrees; another Organization's address is a 404; a collaborator is refused.
        let mut api = t.client();
        let r = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/billing-addresses/{id}", w.a.id),
                &w.a.lr().token,
                None,
            )
            .await;
        assert_eq!(r.json()["street"], "Rue du Lac 7");
        assert_eq!(r.json()["company"], serde_json::Value::Null);
        let r = api
            .api(
                "GET",
                &format!("/api/v1/orgs/{}/billing-addresses/{}", w.b.id, id),
                &w.b.lr().token,
                None,
            )
            .await;
        assert_eq!(r.status, 404);
        assert_eq!(
            web.get(&format!("/accounting/addresses/{}", w.b.address))
                .await
                .status,
            404
        );
        let mut collab = t.client();
        collab.login_ok(&w.a.collaborator().email, PASSWORD).await;
        assert_eq!(collab.get("/accounting/addresses").await.status, 403);
    }
}
