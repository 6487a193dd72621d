//! A site's environment variables (secrets masked when read back) and the configuration the hosting platform reads.

use super::*;

impl App {
    /// DB-04: adds or replaces a variable.
    pub async fn set_env(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
        input: &EnvInput,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let (_, s) = self.hosting_site(&mut tx, actor, product, site).await?;
        let name = input.name.trim();
        rules::check_env_name(name).map_err(|k| AppError::invalid("name", k))?;
        rules::check_env_value(&input.value).map_err(|k| AppError::invalid("value", k))?;
        let exists = store::env_of(&mut tx, site)
            .await?
            .iter()
            .any(|e| e.name == name);
        if !exists && store::count_env(&mut tx, site).await? >= rules::ENV_MAX_VARS as i64 {
            return Err(AppError::invalid("name", "env.too_many"));
        }
        store::set_env(&mut tx, site, name, &input.value, input.secret, self.now()).await?;
        let detail = format!(
            "{}: {name}{}",
            s.domain,
            if input.secret { " (secret)" } else { "" }
        );
        self.record(&mut tx, actor, "site.env_set", &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete_env(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
        name: &str,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let (_, s) = self.hosting_site(&mut tx, actor, product, site).await?;
        if !store::delete_env(&mut tx, site, name).await? {
            return Err(AppError::NotFound);
        }
        self.record(
            &mut tx,
            actor,
            "site.env_deleted",
            &format!("{}: {name}", s.domain),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// DB-05: the site's settings as the platform's configuration, for the Manager's download —
    /// secret values masked (the operator's `guichet site-config` writes them).
    pub async fn site_config(
        &self,
        actor: &Actor,
        product: ProductId,
        site: SiteId,
    ) -> AppResult<(String, String)> {
        let v = self.site(actor, product, site).await?;
        let masked: Vec<(String, String)> = v
            .env
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.value.clone().unwrap_or_else(|| "********".into()),
                )
            })
            .collect();
        let vars: Vec<rules::EnvVar<'_>> = masked
            .iter()
            .map(|(n, val)| rules::EnvVar {
                name: n,
                value: val,
            })
            .collect();
        Ok((
            v.site.domain.clone(),
            rules::render_config(&v.site.domain, &v.prefix, v.site.mysql_prefix, &vars),
        ))
    }

    /// The operator's view (`guichet site-config SITE`, by id or domain): real values.
    pub async fn site_config_for_platform(&self, site_or_domain: &str) -> AppResult<String> {
        let mut c = self.db.conn().await?;
        let (s, prefix) = store::site_by_id(&mut c, site_or_domain)
            .await?
            .ok_or(AppError::NotFound)?;
        let env = store::env_of(&mut c, s.id).await?;
        let vars: Vec<rules::EnvVar<'_>> = env
            .iter()
            .map(|e| rules::EnvVar {
                name: &e.name,
                value: &e.value,
            })
            .collect();
        Ok(rules::render_config(
            &s.domain,
            &prefix,
            s.mysql_prefix,
            &vars,
        ))
    }
}
