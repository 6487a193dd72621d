//! Web hosting use cases (SPEC §9, DB-01…DB-05): a hosting's sites, the MySQL prefix option with
//! its before → after list, environment variables, and databases and users created for real on
//! the configured MySQL/MariaDB server.
//!
//! Who: every role may reach these (`Action::ManageSites`), then only on a web hosting they may
//! see (LR/Admin: all; others: granted individually or through a team, §1 "P") **with the
//! technical right**; no right at all, another Organization's product or a product that is not a
//! web hosting is "not found". Every change is one transaction with its audit record.

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::sites::{self as rules, NameChange, NameKind};
use guichet_core::{Action, DatabaseId, DbUserId, ProductId, SiteId};
use guichet_store::sites::{self as store, Database, DbUser, Hosting, Site};
use guichet_store::{Conn, billing};

mod databases;
mod env;

/// A hosting's page: its prefix, sites, databases and users.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct HostingView {
    pub product_id: ProductId,
    pub product_name: String,
    /// The server prefix without its `_`; none until the first site, database or user.
    pub prefix: Option<String>,
    /// DB-05: whether databases and users can be created (a MySQL server is configured).
    pub provisioning: bool,
    pub sites: Vec<Site>,
    pub databases: Vec<Database>,
    pub users: Vec<DbUser>,
}

/// One environment variable as shown: a secret's value is never sent back (DB-04).
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EnvView {
    pub name: String,
    pub value: Option<String>,
    pub secret: bool,
    pub updated_at: i64,
}

/// A site's Advanced settings → PHP / Apache.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct SiteView {
    pub site: Site,
    pub prefix: String,
    pub env: Vec<EnvView>,
    /// DB-03: what every configuration must change if the option is turned off (empty when off).
    pub changes_if_off: Vec<NameChange>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SiteInput {
    pub domain: String,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct EnvInput {
    pub name: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub secret: bool,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DatabaseInput {
    /// Without the prefix (`mabase`).
    pub name: String,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct DbUserInput {
    /// Without the prefix (`monuser`).
    pub name: String,
    /// Chosen by the customer; empty or absent: generated and shown once.
    #[serde(default)]
    pub password: Option<String>,
    /// Ids of the hosting's databases the user gets privileges on (at least one).
    #[serde(default)]
    pub databases: Vec<String>,
}

/// A user just created, with its password when Guichet generated it (shown this once).
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct CreatedUser {
    pub user: DbUser,
    pub generated_password: Option<String>,
}

const PREFIX_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn random_prefix() -> String {
    use rand::Rng;
    let mut r = rand::rng();
    let mut s = String::new();
    s.push((b'a' + r.random_range(0..26u8)) as char);
    for _ in 0..3 {
        s.push(PREFIX_ALPHABET[r.random_range(0..PREFIX_ALPHABET.len())] as char);
    }
    s
}

impl App {
    /// One site of a web hosting the person may manage (see `hosting_product`), with the product;
    /// 404 when the site is not one of that hosting's.
    async fn hosting_site(
        &self,
        c: &mut Conn,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
    ) -> AppResult<(billing::Product, Site)> {
        let p = self.hosting_product(c, actor, product).await?;
        let s = store::get_site(c, actor.org, product, site)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((p, s))
    }

    /// The product, when the actor may work on its sites (see the module's first lines).
    async fn hosting_product(
        &self,
        c: &mut Conn,
        actor: &Actor,
        product: ProductId,
    ) -> AppResult<billing::Product> {
        actor.require(Action::ManageSites)?;
        let p = billing::get_product(c, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        if store::product_type(c, actor.org, product).await?
            != Some(guichet_core::product::ProductType::WebHosting)
        {
            return Err(AppError::NotFound);
        }
        if !actor.access.role.is_manager() {
            let rights = crate::teams::effective(c, actor)
                .await?
                .remove(&product)
                .filter(|r| r.any())
                .ok_or(AppError::NotFound)?;
            if !rights.technical {
                return Err(AppError::Forbidden("sites.need_technical"));
            }
        }
        Ok(p)
    }

    /// DB-01: the hosting's prefix, assigned (unique, random) on first use.
    async fn ensure_hosting(
        &self,
        c: &mut Conn,
        actor: &Actor,
        product: ProductId,
    ) -> AppResult<Hosting> {
        if let Some(h) = store::hosting(c, actor.org, product).await? {
            return Ok(h);
        }
        for _ in 0..50 {
            let p = random_prefix();
            if !store::prefix_taken(c, &p).await? {
                store::insert_hosting(c, actor.org, product, &p, self.now()).await?;
                return Ok(Hosting {
                    product_id: product,
                    prefix: p,
                });
            }
        }
        Err(AppError::Internal("no free server prefix".into()))
    }

    async fn record(
        &self,
        c: &mut Conn,
        actor: &Actor,
        action: &str,
        detail: &str,
    ) -> AppResult<()> {
        actor.audit(c, action, detail, self.now()).await?;
        Ok(())
    }

    pub async fn hosting(&self, actor: &Actor, product: ProductId) -> AppResult<HostingView> {
        let mut c = self.db.conn().await?;
        let p = self.hosting_product(&mut c, actor, product).await?;
        let prefix = store::hosting(&mut c, actor.org, product)
            .await?
            .map(|h| h.prefix);
        Ok(HostingView {
            product_id: p.id,
            product_name: p.name,
            prefix,
            provisioning: self.mysql.is_some(),
            sites: store::sites_of(&mut c, actor.org, product).await?,
            databases: store::databases(&mut c, product).await?,
            users: store::users(&mut c, product).await?,
        })
    }

    /// A new site: the MySQL prefix option off (DB-03: new sites).
    pub async fn create_site(
        &self,
        actor: &Actor,
        product: ProductId,
        input: &SiteInput,
    ) -> AppResult<SiteId> {
        self.add_site(actor, product, input, false).await
    }

    /// A site — `migrated` ones (from the old platform: demo data, imports) get the option on.
    pub async fn add_site(
        &self,
        actor: &Actor,
        product: ProductId,
        input: &SiteInput,
        migrated: bool,
    ) -> AppResult<SiteId> {
        let mut tx = self.db.begin().await?;
        let p = self.hosting_product(&mut tx, actor, product).await?;
        let domain = input.domain.trim().trim_end_matches('.').to_lowercase();
        if !rules::valid_domain(&domain) {
            return Err(AppError::invalid("domain", "sites.domain_invalid"));
        }
        if store::sites_of(&mut tx, actor.org, product)
            .await?
            .iter()
            .any(|s| s.domain == domain)
        {
            return Err(AppError::invalid("domain", "sites.domain_taken"));
        }
        self.ensure_hosting(&mut tx, actor, product).await?;
        let id = store::insert_site(
            &mut tx,
            actor.org,
            product,
            &domain,
            migrated,
            migrated,
            self.now(),
        )
        .await?;
        self.record(
            &mut tx,
            actor,
            "site.created",
            &format!("{domain} ({})", p.name),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn delete_site(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let (p, s) = self.hosting_site(&mut tx, actor, product, site).await?;
        store::delete_site(&mut tx, site).await?;
        self.record(
            &mut tx,
            actor,
            "site.deleted",
            &format!("{} ({})", s.domain, p.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn site(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
    ) -> AppResult<SiteView> {
        let mut c = self.db.conn().await?;
        self.hosting_product(&mut c, actor, product).await?;
        let s = store::get_site(&mut c, actor.org, product, site)
            .await?
            .ok_or(AppError::NotFound)?;
        let prefix = store::hosting(&mut c, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?
            .prefix;
        let env = store::env_of(&mut c, site)
            .await?
            .into_iter()
            .map(|e| EnvView {
                value: (!e.secret).then_some(e.value),
                name: e.name,
                secret: e.secret,
                updated_at: e.updated_at,
            })
            .collect();
        let changes_if_off = if s.mysql_prefix {
            self.name_changes(&mut c, product, &prefix).await?
        } else {
            Vec::new()
        };
        Ok(SiteView {
            site: s,
            prefix,
            env,
            changes_if_off,
        })
    }

    async fn name_changes(
        &self,
        c: &mut Conn,
        product: ProductId,
        prefix: &str,
    ) -> AppResult<Vec<NameChange>> {
        let dbs: Vec<String> = store::databases(c, product)
            .await?
            .into_iter()
            .map(|d| d.name)
            .collect();
        let users: Vec<String> = store::users(c, product)
            .await?
            .into_iter()
            .map(|u| u.name)
            .collect();
        Ok(rules::changes_when_turning_off(prefix, &dbs, &users))
    }

    /// DB-02/03: switches the option. Turning it off needs `confirmed` (after the before → after
    /// list was shown); returns that list.
    pub async fn set_mysql_prefix(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
        on: bool,
        confirmed: bool,
    ) -> AppResult<Vec<NameChange>> {
        let mut tx = self.db.begin().await?;
        let (_, s) = self.hosting_site(&mut tx, actor, product, site).await?;
        let prefix = self.ensure_hosting(&mut tx, actor, product).await?.prefix;
        let changes = if s.mysql_prefix && !on {
            self.name_changes(&mut tx, product, &prefix).await?
        } else {
            Vec::new()
        };
        if s.mysql_prefix == on {
            return Ok(changes);
        }
        if !on && !confirmed {
            return Err(AppError::invalid("confirm", "sites.prefix_confirm"));
        }
        store::set_mysql_prefix(&mut tx, site, on).await?;
        let detail = format!("{}: {}", s.domain, if on { "on" } else { "off" });
        self.record(&mut tx, actor, "site.mysql_prefix", &detail)
            .await?;
        tx.commit().await?;
        Ok(changes)
    }
}
