//! Two billing runs at once over 500 due products (issue #12): each run invoices in batches under
//! the sequence's lock, so every period gets exactly one invoice and the numbers are 1..N without a
//! gap or a duplicate, whichever run wrote which batch.

use crate::both_backends;
use crate::harness::{Backend, TempDir, TestApp};
use guichet_core::period::Date;
use guichet_core::{Currency, OrgKind};

both_backends!(two_billing_runs_racing_over_500_products_number_every_period_once);

const PRODUCTS: usize = 500;

async fn two_billing_runs_racing_over_500_products_number_every_period_once(b: Backend) {
    let one = TestApp::spawn(b).await;
    let two = TestApp::spawn_on(&one.config.database_url, TempDir::new(), |_| {}).await;
    one.app.seed_catalogue().await.unwrap();
    let now = one.app.now();
    let expires = Date::from_unix(now).add_days(20);
    let starts = expires.add_days(-365);
    let mut c = one.app.db.conn().await.unwrap();
    let offer = guichet_store::billing::catalogue(&mut c, Currency::Chf, now)
        .await
        .unwrap()
        .remove(0);
    drop(c);
    for n in 0..PRODUCTS / 100 {
        let mut tx = one.app.db.begin().await.unwrap();
        let details = guichet_store::orgs::OrgDetails {
            name: format!("Race {n}"),
            street: "Rue 1".into(),
            postcode: "1003".into(),
            city: "Lausanne".into(),
            country: "CH".into(),
            ..Default::default()
        };
        let org =
            guichet_store::orgs::insert(&mut tx, &details, OrgKind::Company, Currency::Chf, now)
                .await
                .unwrap();
        guichet_store::bench::seed_running_products(
            &mut tx,
            org,
            &offer.id.to_string(),
            &offer.name,
            12,
            &starts.iso(),
            &expires.iso(),
            100,
            now,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let (r1, r2) = tokio::join!(
        one.app.billing_run(Some(now)),
        two.app.billing_run(Some(now))
    );
    let (r1, r2) = (r1.unwrap(), r2.unwrap());
    assert_eq!(r1.renewals + r2.renewals, PRODUCTS, "{r1:?} {r2:?}");
    assert_eq!(r1.renewals + r1.already_invoiced, PRODUCTS, "{r1:?}");
    assert_eq!(r2.renewals + r2.already_invoiced, PRODUCTS, "{r2:?}");
    let mut c = one.app.db.conn().await.unwrap();
    let (invoices, lines, products, numbers) = guichet_store::billing::renewal_census(&mut c)
        .await
        .unwrap();
    assert_eq!((invoices, lines, products), (500, 500, 500));
    let year = Date::from_unix(now).year;
    let expected: Vec<String> = (1..=PRODUCTS as i64)
        .map(|n| guichet_core::invoice::number(year, n))
        .collect();
    assert_eq!(numbers, expected, "one sequence, no gap, no duplicate");
    assert!(
        guichet_store::ledger::audit(&mut c)
            .await
            .unwrap()
            .is_empty()
    );
    // A third run finds every period invoiced.
    drop(c);
    let r3 = one.app.billing_run(Some(now)).await.unwrap();
    assert_eq!((r3.renewals, r3.already_invoiced), (0, PRODUCTS));
}
