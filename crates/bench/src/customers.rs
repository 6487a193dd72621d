//! The customers of the load and history benchmarks: each one person who is the LR of their own
//! Organization (created by the person through the app's use case, as the "new Organization" page
//! does), signed in (a session cookie for the pages) and holding an API token for it.

use guichet_app::{App, Origin};
use guichet_core::{Lang, OrgId};

/// The password of every benchmark person.
pub const PASSWORD: &str = "bench-passphrase-2026-guichet";

/// One benchmark customer: their Organization, an API token for it and a signed-in session.
#[derive(Clone, Debug)]
pub struct Customer {
    pub org: OrgId,
    pub email: String,
    /// `Bearer …` for the API.
    pub bearer: String,
    /// `guichet_session=…` for the pages.
    pub cookie: String,
}

fn origin() -> Origin {
    Origin {
        ip: "127.0.0.1".into(),
        user_agent: "guichet-bench".into(),
    }
}

/// `n` customers named after `tag` (a short word: `w` for writers, `p` for page readers…), each
/// with a Swiss company Organization (CHF).
pub async fn customers(app: &App, tag: &str, n: usize) -> anyhow::Result<Vec<Customer>> {
    // One hash for all (19 MiB argon2id each): the logins below verify it once per person.
    let hash = app.hash_password(PASSWORD).await?;
    let mut out = Vec::with_capacity(n);
    let mut code = 100_000u32;
    for i in 0..n {
        let email = format!("bench-{tag}-{i}@bench.guichet.test");
        {
            let mut tx = app.db.begin().await?;
            let support_code = loop {
                code += 1;
                let c = code.to_string();
                if !guichet_store::users::support_code_taken(&mut tx, &c).await? {
                    break c;
                }
            };
            let new = guichet_store::users::NewUser {
                email: &email,
                name: &format!("Bench {tag} {i}"),
                password_hash: &hash,
                lang: Lang::En,
                is_operator: false,
                support_code: &support_code,
                now: app.now(),
            };
            guichet_store::users::insert(&mut tx, new).await?;
            tx.commit().await?;
        }
        let session = app.login(&email, PASSWORD, None, &origin()).await?;
        let ctx = app
            .session(&session.token)
            .await?
            .ok_or_else(|| anyhow::anyhow!("{email}: no session after login"))?;
        let details = guichet_app::orgs::DetailsInput {
            name: format!("Bench {tag} {i} SA"),
            kind: "company".into(),
            street: "Rue du Banc 1".into(),
            postcode: "1003".into(),
            city: "Lausanne".into(),
            country: "CH".into(),
            vat_number: String::new(),
        };
        let org = app.create_org(&ctx, &details, &origin()).await?;
        let (_, token) = app
            .create_api_token(&ctx, org, "guichet bench", &origin())
            .await?;
        out.push(Customer {
            org,
            email,
            bearer: format!("Bearer {token}"),
            cookie: format!("guichet_session={}", session.token),
        });
    }
    Ok(out)
}
