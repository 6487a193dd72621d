//! Issue #16, support requests: a request goes back and forth between the customer and the
//! operators (web, e-mail), every change in the activity log; visibility by rights and 404 across
//! Organizations, attachments as downloads (acceptance 2); Premium Support first, its first answer
//! measured (acceptance 4).

use crate::both_backends;
use crate::client::Client;
use crate::harness::{Backend, TestApp};
use crate::world::{OrgFixture, PASSWORD, world};
use serde_json::json;

both_backends!(
    a_request_goes_back_and_forth_and_every_change_is_logged,
    requests_are_seen_by_rights_and_never_across_organizations,
    premium_requests_come_first_and_their_first_answer_is_measured,
);

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000IHDR-not-really-an-image";

/// Opens a request from the contact window; its id.
pub async fn open(
    web: &mut Client,
    topic: &str,
    product: &str,
    message: &str,
    files: &[(&str, &str, &str, Vec<u8>)],
) -> String {
    let page = web.get("/support/new").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let r = web
        .post_multipart(
            "/support/new",
            &[
                ("topic", topic),
                ("product", product),
                ("message", message),
                ("action", "send"),
            ],
            files,
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let loc = r.location().to_string();
    loc.strip_prefix("/support/requests/")
        .and_then(|s| s.split('?').next())
        .unwrap_or_else(|| panic!("{loc}"))
        .to_string()
}

/// A raw reply e-mail.
pub fn reply_mail(from: &str, to: &str, in_reply_to: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Someone <{from}>\r\nTo: {to}\r\nSubject: Re: support\r\nMessage-ID: <{}@mail.example>\r\n\
         In-Reply-To: {in_reply_to}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::now_v7()
    )
    .into_bytes()
}

/// The newest support notification to `to`: its Reply-To and its Message-ID.
pub async fn last_notification(t: &TestApp, to: &str) -> (String, String) {
    let m = t
        .mails_to(to)
        .await
        .into_iter()
        .find(|m| m.kind == "ticket_reply")
        .unwrap_or_else(|| panic!("no support notification to {to}"));
    (
        m.reply_to.clone().expect("a reply address"),
        format!("<{}@guichet>", m.id),
    )
}

async fn a_request_goes_back_and_forth_and_every_change_is_logged(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut web = t.client();
    web.login_ok(&a.lr().email, PASSWORD).await;
    // The assistance button on every Manager page leads to the contact window, which shows the
    // support code.
    let home = web.get("/products").await;
    assert!(
        home.body.contains("href=\"/support/new\""),
        "assistance button"
    );
    let page = web.get("/support/new").await;
    assert!(page.body.contains("id=\"support-code\""));
    let id = open(
        &mut web,
        "Site down after update",
        &a.product.to_string(),
        "My site shows a 500 error since this morning.",
        &[("attachments", "shot.png", "image/png", PNG.to_vec())],
    )
    .await;
    let thread = web.get(&format!("/support/requests/{id}")).await;
    assert!(
        thread.body.contains("My site shows a 500 error"),
        "{}",
        thread.body
    );
    assert!(thread.body.contains("shot.png"));
    assert!(thread.body.contains("Open"), "state shown");
    // The operators are told; the operator answers from the back office.
    let mut ops = t.operator("/admin/tickets").await;
    let inbox = ops.get("/admin/tickets").await;
    assert!(
        inbox.body.contains("Site down after update"),
        "{}",
        inbox.body
    );
    let req = ops.get(&format!("/admin/tickets/{id}")).await;
    assert_eq!(req.status, 200);
    let r = ops
        .post_multipart(
            &format!("/admin/tickets/{id}/reply"),
            &[
                ("message", "Internal: looks like PHP 8.4"),
                ("kind", "note"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(
        t.mails_to(&a.lr().email)
            .await
            .iter()
            .all(|m| m.kind != "ticket_reply"),
        "a note is not mailed"
    );
    let r = ops
        .post_multipart(
            &format!("/admin/tickets/{id}/reply"),
            &[
                ("message", "Please clear the cache and tell us."),
                ("kind", "answer"),
                ("waits", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let thread = web.get(&format!("/support/requests/{id}")).await;
    assert!(thread.body.contains("Please clear the cache"));
    assert!(
        !thread.body.contains("looks like PHP"),
        "internal notes never reach the customer"
    );
    assert!(thread.body.contains("Waiting for you"), "{}", thread.body);
    // The customer is mailed in their language with a signed reply address, and answers by mail.
    let (reply_to, message_id) = last_notification(&t, &a.lr().email).await;
    assert!(
        reply_to.starts_with("support+") && reply_to.ends_with("@guichet.localhost"),
        "{reply_to}"
    );
    let mail = reply_mail(
        &a.lr().email,
        &reply_to,
        &message_id,
        "Cleared it, the site works again.\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Support wrote:\r\n> Please clear the cache",
    );
    let out = t.app.mail_in(&mail).await.unwrap();
    assert!(
        matches!(
            out,
            guichet_app::tickets::mail_in::MailOutcome::Appended { .. }
        ),
        "{out:?}"
    );
    let thread = web.get(&format!("/support/requests/{id}")).await;
    assert!(thread.body.contains("Cleared it, the site works again."));
    assert_eq!(
        thread.body.matches("Please clear the cache").count(),
        1,
        "the quoted history is cut"
    );
    assert!(
        thread.body.contains(">Open<"),
        "a customer's reply opens it again"
    );
    // The same e-mail twice is appended once.
    let again = t.app.mail_in(&mail).await.unwrap();
    assert!(
        matches!(
            again,
            guichet_app::tickets::mail_in::MailOutcome::Refused(_)
        ),
        "{again:?}"
    );
    // The customer closes it; a reply reopens it.
    let r = web
        .post(&format!("/support/requests/{id}/close"), &[])
        .await;
    assert_eq!(r.status, 303);
    let thread = web.get(&format!("/support/requests/{id}")).await;
    assert!(thread.body.contains(">Closed<"));
    let r = web
        .post(&format!("/support/requests/{id}/close"), &[])
        .await;
    assert_eq!(r.status, 409, "closed already");
    let r = web
        .post_multipart(
            &format!("/support/requests/{id}/reply"),
            &[("message", "One more thing")],
            &[],
        )
        .await;
    assert_eq!(r.status, 303);
    let thread = web.get(&format!("/support/requests/{id}")).await;
    assert!(thread.body.contains(">Open<"), "reopened by a reply");
    // Every change is in the activity log, in words.
    let log = web.get("/activity?kind=ticket").await;
    for line in [
        "Support request opened",
        "Support answered a request",
        "Reply to a support request",
        "closed or reopened",
    ] {
        assert!(log.body.contains(line), "{line}: {}", log.body);
    }
    assert!(
        !log.body.contains("Internal note"),
        "notes stay with the provider"
    );
    // The list pages and says when it is empty.
    let list = web.get("/support/requests").await;
    assert!(list.body.contains("Site down after update"));
    let mut other = t.client();
    // B's external sees none of B's requests (none opened, no ticket right).
    other.login_ok(&w.b.external().email, PASSWORD).await;
    assert!(
        other
            .get("/support/requests")
            .await
            .body
            .contains("id=\"no-requests\"")
    );
}

async fn grant_tickets(api: &mut Client, a: &OrgFixture, on: bool) {
    let path = format!(
        "/api/v1/orgs/{}/members/{}/grants/{}",
        a.id,
        a.collaborator().id,
        a.product
    );
    let r = api
        .api(
            "PUT",
            &path,
            &a.lr().token,
            Some(json!({"tickets": on, "technical": true})),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
}

async fn requests_are_seen_by_rights_and_never_across_organizations(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let a = &w.a;
    let mut api = t.client();
    let mut lr = t.client();
    lr.login_ok(&a.lr().email, PASSWORD).await;
    let mut collab = t.client();
    collab.login_ok(&a.collaborator().email, PASSWORD).await;
    // The collaborator sees the product (technical right) but holds no ticket right on it yet.
    grant_tickets(&mut api, a, false).await;
    let on_product = open(
        &mut lr,
        "Mailbox quota",
        &a.product.to_string(),
        "Raise it please.",
        &[(
            "attachments",
            "quota.txt",
            "text/plain",
            b"used: 99%".to_vec(),
        )],
    )
    .await;
    let own = open(
        &mut collab,
        "My own question",
        "",
        "How do I log in by SSH?",
        &[],
    )
    .await;
    let list = collab.get("/support/requests").await;
    assert!(
        list.body.contains("My own question") && !list.body.contains("Mailbox quota"),
        "{}",
        list.body
    );
    assert_eq!(
        collab
            .get(&format!("/support/requests/{on_product}"))
            .await
            .status,
        404
    );
    let thread = lr.get(&format!("/support/requests/{on_product}")).await;
    let att = thread
        .body
        .split("/support/attachments/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("an attachment link")
        .to_string();
    assert_eq!(
        collab
            .get(&format!("/support/attachments/{att}"))
            .await
            .status,
        404
    );
    // With the ticket right on the product, the collaborator sees its requests.
    grant_tickets(&mut api, a, true).await;
    assert!(
        collab
            .get("/support/requests")
            .await
            .body
            .contains("Mailbox quota")
    );
    assert_eq!(
        collab
            .get(&format!("/support/requests/{on_product}"))
            .await
            .status,
        200
    );
    // The LR sees every request of the Organization; the external none of the others.
    assert!(
        lr.get("/support/requests")
            .await
            .body
            .contains("My own question")
    );
    let mut ext = t.client();
    ext.login_ok(&a.external().email, PASSWORD).await;
    assert_eq!(
        ext.get(&format!("/support/requests/{own}")).await.status,
        404
    );
    // The attachment is a download, never rendered.
    let file = lr.get(&format!("/support/attachments/{att}")).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.bytes, b"used: 99%");
    let cd = file
        .headers
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        cd.starts_with("attachment;") && cd.contains("quota.txt"),
        "{cd}"
    );
    assert_eq!(
        file.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
    // Another Organization: 404 on every route, the attachment included.
    let mut b_lr = t.client();
    b_lr.login_ok(&w.b.lr().email, PASSWORD).await;
    b_lr.get("/support/requests").await;
    assert_eq!(
        b_lr.get(&format!("/support/requests/{on_product}"))
            .await
            .status,
        404
    );
    assert_eq!(
        b_lr.get(&format!("/support/attachments/{att}"))
            .await
            .status,
        404
    );
    for action in ["close", "reopen"] {
        let r = b_lr
            .post(&format!("/support/requests/{on_product}/{action}"), &[])
            .await;
        assert_eq!(r.status, 404, "{action}");
    }
    let r = b_lr
        .post_multipart(
            &format!("/support/requests/{on_product}/reply"),
            &[("message", "hi")],
            &[],
        )
        .await;
    assert_eq!(r.status, 404);
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/support-requests/{on_product}", w.b.id),
            &w.b.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.body);
    // The API: the same rules (the external sees none of these; the LR opens, replies, closes).
    let base = format!("/api/v1/orgs/{}/support-requests", a.id);
    let r = api.api("GET", &base, &a.external().token, None).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json()["requests"].as_array().unwrap().len(),
        0,
        "{}",
        r.body
    );
    let r = api
        .api(
            "POST",
            &base,
            &a.lr().token,
            Some(json!({"topic": "By API", "message": "Hello", "product_id": a.product})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let api_id = r.json()["request"]["id"].as_str().unwrap().to_string();
    assert_eq!(r.json()["request"]["status"], "open");
    let r = api
        .api(
            "POST",
            &format!("{base}/{api_id}/replies"),
            &a.collaborator().token,
            Some(json!({"message": "Me too"})),
        )
        .await;
    assert_eq!(r.status, 201, "the ticket right on the product: {}", r.body);
    assert_eq!(r.json()["messages"].as_array().unwrap().len(), 2);
    let r = api
        .api(
            "POST",
            &format!("{base}/{api_id}/close"),
            &a.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = api
        .api(
            "POST",
            &format!("{base}/{api_id}/close"),
            &a.lr().token,
            None,
        )
        .await;
    assert_eq!(r.status, 409);
    let r = api.api("GET", &base, &a.lr().token, None).await;
    assert!(
        r.body.contains("By API") && r.body.contains("Mailbox quota"),
        "{}",
        r.body
    );
    let r = api
        .api("GET", &format!("{base}/{api_id}"), &w.b.lr().token, None)
        .await;
    assert_eq!(r.status, 404, "another Organization's token");
    // Nothing was written by the refused attempts.
    let thread = lr.get(&format!("/support/requests/{on_product}")).await;
    assert!(!thread.body.contains(">hi<"));
}

async fn premium_offer(api: &mut Client, a: &OrgFixture) -> String {
    let r = api
        .api(
            "GET",
            &format!("/api/v1/orgs/{}/catalogue", a.id),
            &a.lr().token,
            None,
        )
        .await;
    r.json()["offers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["type"] == "premium_support")
        .expect("a Premium Support offer")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Makes `a` a Premium Support customer (tier 1, twelve months, paid).
pub async fn make_premium(api: &mut Client, a: &OrgFixture) {
    let offer = premium_offer(api, a).await;
    let r = api
        .api(
            "POST",
            &format!("/api/v1/orgs/{}/products", a.id),
            &a.lr().token,
            Some(json!({"offer_id": offer, "period_months": 12})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let invoice = r.json()["invoice_id"].as_str().unwrap().to_string();
    let top = json!({"amount_minor": 1_000_000, "card_number": "4242424242424242", "card_expiry": "12/30", "card_cvc": "123"});
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/prepaid/top-ups", a.id),
            &a.lr().token,
            Some(top),
            &[("idempotency-key", "premium-top")],
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = api
        .api_with_headers(
            "POST",
            &format!("/api/v1/orgs/{}/invoices/{invoice}/pay", a.id),
            &a.lr().token,
            None,
            &[("idempotency-key", "premium-pay")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn premium_requests_come_first_and_their_first_answer_is_measured(b: Backend) {
    let t = TestApp::spawn(b).await;
    let w = world(&t).await;
    let mut api = t.client();
    let mut b_lr = t.client();
    b_lr.login_ok(&w.b.lr().email, PASSWORD).await;
    let standard = open(
        &mut b_lr,
        "Standard question",
        "",
        "When is my invoice due?",
        &[],
    )
    .await;
    t.clock.advance(3600);
    make_premium(&mut api, &w.a).await;
    let mut a_lr = t.client();
    a_lr.login_ok(&w.a.lr().email, PASSWORD).await;
    let premium = open(&mut a_lr, "Premium question", "", "Our shop is down.", &[]).await;
    // The newer Premium request comes before the older standard one, with its tier's time.
    let mut ops = t.operator("/admin/tickets").await;
    let inbox = ops.get("/admin/tickets").await;
    let (p, s) = (
        inbox.body.find("Premium question").unwrap(),
        inbox.body.find("Standard question").unwrap(),
    );
    assert!(p < s, "Premium first");
    assert!(inbox.body.contains("Premium tier 1"), "{}", inbox.body);
    assert!(
        inbox.body.contains("(8 h 00)") && inbox.body.contains("(48 h 00)"),
        "each tier's response time"
    );
    let only = ops.get("/admin/tickets?priority=standard").await;
    assert!(!only.body.contains("Premium question") && only.body.contains("Standard question"));
    // Answered 30 minutes later: the first response time is measured (and kept on a later answer).
    t.clock.advance(1800);
    for text in ["We are on it.", "Fixed."] {
        let r = ops
            .post_multipart(
                &format!("/admin/tickets/{premium}/reply"),
                &[("message", text), ("kind", "answer")],
                &[],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        t.clock.advance(600);
    }
    let sess = t.operator_session().await;
    let (rows, _) = t
        .app
        .admin_support_inbox(&sess, &Default::default())
        .await
        .unwrap();
    let row = rows
        .iter()
        .find(|r| r.request.id.to_string() == premium)
        .unwrap();
    assert_eq!(
        row.request
            .first_response_at
            .map(|at| at - row.request.created_at),
        Some(1800)
    );
    assert!(!row.late);
    let inbox = ops.get("/admin/tickets").await;
    assert!(
        inbox.body.contains("first answer after 0 h 30"),
        "{}",
        inbox.body
    );
    // The figures: per tier, per operator, answered within the promise.
    let figures = ops.get("/admin/tickets/figures").await;
    assert_eq!(figures.status, 200);
    let tier_row = figures.body.split("id=\"per-tier\"").nth(1).unwrap();
    assert!(
        tier_row.contains("Premium tier 1")
            && tier_row.contains("0 h 30")
            && tier_row.contains("1 / 1"),
        "{tier_row}"
    );
    assert!(
        figures
            .body
            .split("id=\"per-operator\"")
            .nth(1)
            .unwrap()
            .contains("Ops")
    );
    // Not an operator: the back office does not exist.
    assert_eq!(a_lr.get("/admin/tickets").await.status, 404);
    assert_eq!(
        a_lr.get(&format!("/admin/tickets/{standard}")).await.status,
        404
    );
}
