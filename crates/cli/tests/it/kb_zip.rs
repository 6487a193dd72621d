//! Guide imports from the back office (issue #15): an operator uploads a zip of guide files and
//! sees a report of every file; hostile archives (names leaving the folder, a file bigger than
//! its limit, not a zip) are refused or left out with the reason; `replace` leaves exactly the
//! archive's guides published; customers cannot reach the page.

use crate::both_backends;
use crate::harness::{Backend, TestApp};
use guichet_core::Lang;
use std::io::Write;

both_backends!(an_operator_imports_a_zip_of_guides_and_sees_each_file);

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

async fn upload(
    t: &TestApp,
    cookie: &str,
    csrf: &str,
    zip: Vec<u8>,
    replace: bool,
) -> (u16, String) {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(zip).file_name("guides.zip"),
        );
    if replace {
        form = form.text("replace", "1");
    }
    let res = crate::harness::http()
        .post(format!("{}/admin/kb/import", t.url))
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

const FR: &[u8] =
    b"---\ntitle: Nourrir un wombat\nlang: fr\n---\n\nLe wombat aime les racines de graminees.\n";
const EN: &[u8] = b"+++\nid = \"feeding-wombats\"\ntitle = \"Feeding a wombat\"\nsummary = \"What wombats eat.\"\n+++\n\nWombats like grass roots.\n";

async fn an_operator_imports_a_zip_of_guides_and_sees_each_file(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut ops = t.operator("/admin/kb/import").await;
    let page = ops.get("/admin/kb/import").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        page.body
    );
    let cookie = ops
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let csrf = ops.csrf.clone();

    // Not a zip: 422 with a message, nothing published.
    let (status, body) = upload(&t, &cookie, &csrf, b"PK no zip at all".to_vec(), false).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("not a zip archive"), "{body}");

    // Guides in both layouts, plus what a real export carries: an image, a name that would
    // leave the folder, a file over its limit. Each is reported; the guides are published.
    let huge = vec![b'a'; 3 * 1024 * 1024];
    let archive = zip_of(&[
        ("export/wombat.md", FR),
        ("en/feeding-wombats.md", EN),
        ("export/logo.png", b"\x89PNG"),
        ("../../etc/evil.md", FR),
        ("export/huge.md", &huge),
    ]);
    let (status, body) = upload(&t, &cookie, &csrf, archive.clone(), false).await;
    assert_eq!(status, 200, "{body}");
    for expected in [
        "export/wombat.md",
        "en/feeding-wombats.md",
        "export/logo.png",
        "not a .md file",
        "a name that leaves the folder",
        "larger than 2 MB",
        "2 published",
    ] {
        assert!(body.contains(expected), "{expected:?} missing: {body}");
    }
    assert!(!std::path::Path::new("/etc/evil.md").exists());
    let hits = t
        .app
        .kb_search("racines graminees", Some(Lang::Fr), 5)
        .await
        .unwrap();
    assert_eq!(
        hits.first().map(|h| h.id.as_str()),
        Some("wombat"),
        "{hits:?}"
    );
    assert_eq!(t.client().get("/help/feeding-wombats").await.status, 200);

    // Again: unchanged. With replace: only the archive's guides stay published.
    let (status, body) = upload(&t, &cookie, &csrf, archive.clone(), false).await;
    assert_eq!(status, 200);
    assert!(body.contains("0 published, 2 unchanged"), "{body}");
    let (status, body) = upload(&t, &cookie, &csrf, archive, true).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("compte-prepaye"),
        "the withdrawn guides are listed: {body}"
    );
    let mut c = t.app.db.conn().await.unwrap();
    let published: Vec<String> = guichet_store::kb::published(&mut c)
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(published, vec!["feeding-wombats", "wombat"]);
    drop(c);

    // A broken guide: 422, named with its reason, and replace withdraws nothing.
    let broken = zip_of(&[("fr/casse.md", b"---\ntitle: [oops\nlang: fr\n---\nTexte.\n")]);
    let (status, body) = upload(&t, &cookie, &csrf, broken, true).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("fr/casse.md"), "{body}");
    assert_eq!(t.client().get("/help/wombat").await.status, 200);

    // Without the form's token: 403; a customer: 404.
    let (status, _) = upload(&t, &cookie, "forged", zip_of(&[("a.md", FR)]), false).await;
    assert_eq!(status, 403);
    let w = crate::world::world(&t).await;
    let mut customer = t.client();
    customer
        .login(&w.a.lr().email, crate::world::PASSWORD)
        .await;
    assert_eq!(customer.get("/admin/kb/import").await.status, 404);
}
