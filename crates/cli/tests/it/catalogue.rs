//! The catalogue in the back office (SPEC §3, §5): an operator adds an offer, prices it, schedules
//! a price change; orders before the date pay the old price, after it the new one, and an invoice
//! already issued never changes. Backdating, a 1-month Premium Support price, a price in force and
//! non-operators are refused; a withdrawn offer cannot be ordered.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(price_changes_apply_from_their_date_and_never_rewrite_invoices);

async fn price_changes_apply_from_their_date_and_never_rewrite_invoices(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let lr = &a.lr().token;
    let day = |unix: i64| guichet_app::billing::today(unix).iso();

    let mut customer = t.client();
    customer.login_ok(&a.lr().email, PASSWORD).await;
    assert_eq!(customer.get("/admin/catalogue").await.status, 404);

    let mut ops = t.operator("/admin/catalogue").await;
    let back = async |ops: &mut crate::client::Client, path: &str, f: &[(&str, &str)]| {
        let r = ops.post(path, f).await;
        assert_eq!(r.status, 303, "{path}: {}", r.body);
        ops.get(r.location()).await.body
    };
    let body = back(
        &mut ops,
        "/admin/catalogue/offers",
        &[("product_type", "cloud_server"), ("name", " ")],
    )
    .await;
    assert!(body.contains("Give the offer a name"), "{body}");
    let body = back(
        &mut ops,
        "/admin/catalogue/offers",
        &[
            ("product_type", "cloud_server"),
            ("name", "Serveur Cloud M"),
        ],
    )
    .await;
    assert!(body.contains("Offer created"), "{body}");
    let offer = body
        .split("/admin/catalogue/")
        .filter_map(|s| s.split_once("/prices").map(|(id, _)| id.to_owned()))
        .find(|id| {
            body.split(&format!("offer-{id}"))
                .nth(1)
                .is_some_and(|rest| rest[..rest.find("</h2>").unwrap()].contains("Serveur Cloud M"))
        })
        .expect("the new offer's price form");
    let prices = format!("/admin/catalogue/{offer}/prices");
    let today = day(t.app.now());
    let body = back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "500.00"),
            ("valid_from", &today),
        ],
    )
    .await;
    assert!(body.contains("Price saved"), "{body}");

    // Refused: backdating, bad amount, a price already in force.
    let yesterday = day(t.app.now() - 86_400);
    let body = back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "400.00"),
            ("valid_from", &yesterday),
        ],
    )
    .await;
    assert!(body.contains("issued invoices never change"), "{body}");
    let body = back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "cinq"),
            ("valid_from", &today),
        ],
    )
    .await;
    assert!(body.contains("alert"), "{body}");

    // A customer orders at 500.00 (net) now.
    let order =
        async |api: &mut crate::client::Client| api.order(a.id, lr, &offer, 12).await.invoice;
    let net = async |api: &mut crate::client::Client, inv: &str| {
        api.invoice(a.id, lr, inv).await["net_minor"]
            .as_i64()
            .unwrap()
    };
    let first = order(&mut api).await;
    assert_eq!(net(&mut api, &first).await, 50_000);

    // 600.00 from in ten days: orders before still pay 500.00, after it 600.00.
    let later = day(t.app.now() + 10 * 86_400);
    let body = back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "600.00"),
            ("valid_from", &later),
        ],
    )
    .await;
    assert!(
        body.contains("Price saved") && body.contains("scheduled"),
        "{body}"
    );
    // A scheduled price can be corrected before it applies.
    back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "650.00"),
            ("valid_from", &later),
        ],
    )
    .await;
    let second = order(&mut api).await;
    assert_eq!(net(&mut api, &second).await, 50_000);
    t.clock.set(t.app.now() + 11 * 86_400);
    // (Eleven days later the back-office session has expired: sign in again.)
    let mut ops = t.operator("/admin/catalogue").await;
    customer.login_ok(&a.lr().email, PASSWORD).await;
    let third = order(&mut api).await;
    assert_eq!(net(&mut api, &third).await, 65_000);
    assert_eq!(
        net(&mut api, &first).await,
        50_000,
        "issued invoices never change"
    );
    // Once in force, it cannot be replaced: a later date is needed.
    let body = back(
        &mut ops,
        &prices,
        &[
            ("months", "12"),
            ("currency", "CHF"),
            ("amount", "700.00"),
            ("valid_from", &later),
        ],
    )
    .await;
    assert!(
        body.contains("issued invoices never change") || body.contains("already in force"),
        "{body}"
    );

    // Premium Support: no price under six months.
    let body = back(
        &mut ops,
        "/admin/catalogue/offers",
        &[
            ("product_type", "premium_support"),
            ("name", "Support Premium Platinum"),
        ],
    )
    .await;
    let premium = body
        .split("/admin/catalogue/")
        .filter_map(|s| s.split_once("/prices").map(|(id, _)| id.to_owned()))
        .find(|id| {
            body.split(&format!("offer-{id}"))
                .nth(1)
                .is_some_and(|rest| rest[..rest.find("</h2>").unwrap()].contains("Platinum"))
        })
        .unwrap();
    let now = day(t.app.now());
    let body = back(
        &mut ops,
        &format!("/admin/catalogue/{premium}/prices"),
        &[
            ("months", "1"),
            ("currency", "CHF"),
            ("amount", "500.00"),
            ("valid_from", &now),
        ],
    )
    .await;
    assert!(body.contains("at least 6 months"), "{body}");

    // Withdrawn: gone from the customer's catalogue, and cannot be ordered.
    let body = back(
        &mut ops,
        &format!("/admin/catalogue/{offer}/active"),
        &[("active", "no")],
    )
    .await;
    assert!(body.contains("Offer updated"), "{body}");
    let cat = api
        .api("GET", &format!("/api/v1/orgs/{}/catalogue", a.id), lr, None)
        .await;
    assert!(!cat.body.contains(&offer), "{}", cat.body);
    let r = api.try_order(a.id, lr, &offer, 12).await;
    assert!(r.status >= 400 && r.status < 500, "{}", r.body);
    // A customer cannot post to the back office either.
    let r = customer
        .post(
            &format!("/admin/catalogue/{offer}/active"),
            &[("active", "yes")],
        )
        .await;
    assert_eq!(r.status, 404);
}
