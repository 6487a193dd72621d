//! Issue #14: products with names. Those who manage a product give it a label, checked, shown on
//! its page and in the product list and recorded in the activity log; people who cannot see it get
//! the 404 of a product that is not theirs.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use crate::world::{PASSWORD, world};

both_backends!(a_product_gets_the_name_its_managers_give_it);

async fn a_product_gets_the_name_its_managers_give_it(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let path = format!("/products/{}/label", a.product);
    let mut lr = t.client();
    lr.login_ok(&a.lr().email, PASSWORD).await;
    let page = lr.get(&format!("/products/{}", a.product)).await;
    assert!(
        page.body.contains(&format!("action=\"{path}\"")),
        "{}",
        page.body
    );

    let r = lr.post(&path, &[("label", "  Site vitrine  ")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location().contains("done=product.label_done"));
    let list = lr.get("/products").await;
    assert!(list.body.contains("Site vitrine"), "{}", list.body);
    let page = lr.get(&format!("/products/{}", a.product)).await;
    assert!(page.body.contains("<title>Site vitrine"), "{}", page.body);

    // Too long, or two lines: refused under the field, nothing changed.
    for bad in ["x".repeat(61), "Site\nvitrine".to_string()] {
        let r = lr.post(&path, &[("label", &bad)]).await;
        assert_eq!(r.status, 422, "{bad:?}");
        assert!(
            r.body.contains(guichet_core::i18n::t(
                guichet_core::Lang::En,
                "product.label_invalid"
            )),
            "{}",
            r.body
        );
    }
    assert!(lr.get("/products").await.body.contains("Site vitrine"));

    // A collaborator and an outsider without rights on it: not their product.
    for who in [a.collaborator(), a.external()] {
        let mut c = t.client();
        c.login_ok(&who.email, PASSWORD).await;
        let r = c.post(&path, &[("label", "Mine")]).await;
        assert_eq!(r.status, 404, "{}: {}", who.email, r.body);
    }
    // Another Organization's LR: a 404 too.
    let mut other = t.client();
    other.login_ok(&w.b.lr().email, PASSWORD).await;
    assert_eq!(other.post(&path, &[("label", "Mine")]).await.status, 404);

    // The log says who renamed what; an empty label goes back to the offer's name.
    let log = lr.get("/activity").await;
    assert!(log.body.contains("Product renamed") && log.body.contains("Site vitrine"));
    assert_eq!(lr.post(&path, &[("label", "")]).await.status, 303);
    assert!(!lr.get("/products").await.body.contains("Site vitrine"));
}
