//! Issue #14, acceptance 3: axe-core (npm, pinned in `crates/cli/tests/axe/package-lock.json`,
//! installed there by `.ci/run` with `npm ci`) finds no serious or critical accessibility
//! violation on any page, run in headless Chromium on the French pages a demo person reads:
//! signed out, as Alice (Legal representative, every right) and as the operator in the back
//! office. The report names the page, the rule, its impact and the elements.
//!
//! Without axe-core installed the test says so and passes, outside CI only.

use crate::design::{Reader, pages_of, with_browser};
use crate::harness::{Backend, TempDir, TestApp};
use crate::words::BACK_OFFICE;

const READERS: &[Reader] = &[
    Reader {
        email: None,
        lang: "fr",
        start: "/login",
        patterns: guichet_web::MANAGER_PAGES,
    },
    Reader {
        email: Some("alice@demo.guichet.test"),
        lang: "fr",
        start: "/",
        patterns: guichet_web::MANAGER_PAGES,
    },
    Reader {
        email: Some("operator@demo.guichet.test"),
        lang: "fr",
        start: "/admin",
        patterns: BACK_OFFICE,
    },
];

/// axe-core's browser build, or why there is none.
fn axe_source() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/axe/node_modules/axe-core/axe.min.js"
    );
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) => {
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true"),
                "CI=true but axe-core is not installed ({path}: {e}): .ci/run runs npm ci in crates/cli/tests/axe"
            );
            eprintln!("skipped: no axe-core at {path} (cd crates/cli/tests/axe && npm ci)");
            None
        }
    }
}

/// Runs axe on the page and answers its serious and critical violations, one line each.
const RUN: &str = r"
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
       v.nodes.slice(0, 6).map(n => n.target.join(' ') +
         (n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160) + ']' : '')).join('; '))))
 .catch(e => done(['axe failed: ' + e]));
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_serious_accessibility_violation_on_any_page() {
    crate::harness::init_log();
    let Some(axe) = axe_source() else {
        return;
    };
    if crate::browser::tools().is_none() {
        return;
    }
    let t = TestApp::spawn(Backend::Sqlite).await;
    assert!(t.app.seed_demo().await.unwrap());
    let mut visits = Vec::new();
    for r in READERS {
        let (c, pages) = pages_of(&t, r).await;
        visits.push((r.email.unwrap_or("signed out"), c, pages));
    }
    let dir = TempDir::new();
    with_browser(&dir, &t.url.clone(), 1280, |b| async move {
        let mut problems = Vec::new();
        let mut checked = 0;
        for (who, c, pages) in &visits {
            b.take_cookies(c).await;
            for page in pages {
                b.go(page).await;
                let lang = b.script("return document.documentElement.lang").await;
                assert_eq!(lang, "fr", "{who} {page}: the page is French");
                // Evaluated by the driver, so the page's Content-Security-Policy does not apply.
                b.script(&format!("{axe}\nreturn true;")).await;
                let found = b.script_async(RUN).await;
                b.shot(&format!("1280-{who}-{page}")).await;
                for v in found.as_array().into_iter().flatten() {
                    problems.push(format!("{who} {page}: {}", v.as_str().unwrap_or("?")));
                }
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} pages read");
        assert!(
            problems.is_empty(),
            "{} serious or critical accessibility violations:\n{}",
            problems.len(),
            problems.join("\n")
        );
    })
    .await;
}
