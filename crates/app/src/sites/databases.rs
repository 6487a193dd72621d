//! MySQL databases and users of a hosting (DB-01…05): named with the hosting's prefix, created on the provider's server.

use super::*;

/// 20 letters and digits, at least one of each.
fn random_password() -> String {
    use rand::Rng;
    const A: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut r = rand::rng();
    loop {
        let p: String = (0..20)
            .map(|_| A[r.random_range(0..A.len())] as char)
            .collect();
        if rules::check_db_password(&p).is_ok() {
            return p;
        }
    }
}

fn provisioning_error(e: guichet_store::StoreError) -> AppError {
    let exists = match &e {
        guichet_store::StoreError::Sqlx(s) => s.as_database_error().is_some_and(|d| {
            // 1007 database exists, 1396 operation CREATE USER failed (exists).
            matches!(d.code().as_deref(), Some("HY000" | "42000"))
                && (d.message().contains("exists") || d.message().contains("1396"))
        }),
        _ => false,
    };
    if exists {
        AppError::Conflict("sites.name_taken")
    } else {
        tracing::error!(error = %e, "MySQL provisioning failed");
        AppError::Conflict("sites.provisioning_failed")
    }
}

impl App {
    fn mysql(&self) -> AppResult<&guichet_store::provision::MysqlServer> {
        self.mysql
            .as_ref()
            .ok_or(AppError::Conflict("sites.provisioning_off"))
    }

    /// DB-05: creates `prefix_name` on the MySQL server and records it.
    pub async fn create_database(
        &self,
        actor: &Actor,
        product: ProductId,
        input: &DatabaseInput,
    ) -> AppResult<Database> {
        let mut tx = self.db.begin().await?;
        let p = self.hosting_product(&mut tx, actor, product).await?;
        let prefix = match store::hosting(&mut tx, actor.org, product).await? {
            Some(h) => h.prefix,
            None => self.ensure_hosting(&mut tx, actor, product).await?.prefix,
        };
        let full = rules::full_name(&prefix, &input.name, NameKind::Database)
            .map_err(|e| AppError::invalid("name", e.key()))?;
        let server = self.mysql()?;
        if store::name_taken(&mut tx, false, &full).await? {
            return Err(AppError::Conflict("sites.name_taken"));
        }
        let id = store::insert_database(&mut tx, product, &full, self.now()).await?;
        self.record(
            &mut tx,
            actor,
            "site.db_created",
            &format!("{full} ({})", p.name),
        )
        .await?;
        server
            .create_database(&full)
            .await
            .map_err(provisioning_error)?;
        if let Err(e) = tx.commit().await {
            let _ = server.drop_database(&full).await;
            return Err(AppError::Internal(e.to_string()));
        }
        Ok(Database {
            id,
            name: full,
            created_at: self.now(),
        })
    }

    pub async fn delete_database(
        &self,
        actor: &Actor,
        product: ProductId,
        id: DatabaseId,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let p = self.hosting_product(&mut tx, actor, product).await?;
        let db = store::databases(&mut tx, product)
            .await?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or(AppError::NotFound)?;
        let server = self.mysql()?;
        store::delete_database(&mut tx, id).await?;
        self.record(
            &mut tx,
            actor,
            "site.db_deleted",
            &format!("{} ({})", db.name, p.name),
        )
        .await?;
        server
            .drop_database(&db.name)
            .await
            .map_err(provisioning_error)?;
        tx.commit().await?;
        Ok(())
    }

    /// DB-05: creates `prefix_name` with privileges on the chosen databases of this hosting only.
    pub async fn create_db_user(
        &self,
        actor: &Actor,
        product: ProductId,
        input: &DbUserInput,
    ) -> AppResult<CreatedUser> {
        let mut tx = self.db.begin().await?;
        let p = self.hosting_product(&mut tx, actor, product).await?;
        let prefix = self.ensure_hosting(&mut tx, actor, product).await?.prefix;
        let mut errors = crate::error::Errors::default();
        let full = match rules::full_name(&prefix, &input.name, NameKind::User) {
            Ok(f) => Some(f),
            Err(e) => {
                errors.add("name", e.key());
                None
            }
        };
        let chosen = input.password.as_deref().filter(|p| !p.is_empty());
        if let Some(pw) = chosen
            && let Err(k) = rules::check_db_password(pw)
        {
            errors.add("password", k);
        }
        let all = store::databases(&mut tx, product).await?;
        let mut dbs = Vec::new();
        for d in &input.databases {
            match all.iter().find(|x| x.id.to_string() == *d || &x.name == d) {
                Some(x) if !dbs.iter().any(|y: &Database| y.id == x.id) => dbs.push(x.clone()),
                Some(_) => {}
                None => errors.add("databases", "sites.database_unknown"),
            }
        }
        if input.databases.is_empty() {
            errors.add("databases", "sites.user_needs_database");
        }
        errors.finish()?;
        let full = full.unwrap_or_default();
        let server = self.mysql()?;
        if store::name_taken(&mut tx, true, &full).await? {
            return Err(AppError::Conflict("sites.name_taken"));
        }
        let generated = chosen.is_none().then(random_password);
        let password = chosen
            .map(str::to_string)
            .or_else(|| generated.clone())
            .unwrap_or_default();
        let id = store::insert_user(&mut tx, product, &full, self.now()).await?;
        for d in &dbs {
            store::grant(&mut tx, id, d.id).await?;
        }
        let names: Vec<String> = dbs.iter().map(|d| d.name.clone()).collect();
        self.record(
            &mut tx,
            actor,
            "site.db_user_created",
            &format!("{full} → {} ({})", names.join(", "), p.name),
        )
        .await?;
        server
            .create_user(&full, &password, &names)
            .await
            .map_err(provisioning_error)?;
        if let Err(e) = tx.commit().await {
            let _ = server.drop_user(&full).await;
            return Err(AppError::Internal(e.to_string()));
        }
        Ok(CreatedUser {
            user: DbUser {
                id,
                name: full,
                created_at: self.now(),
                databases: names,
            },
            generated_password: generated,
        })
    }

    pub async fn delete_db_user(
        &self,
        actor: &Actor,
        product: ProductId,
        id: DbUserId,
    ) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        let p = self.hosting_product(&mut tx, actor, product).await?;
        let u = store::users(&mut tx, product)
            .await?
            .into_iter()
            .find(|u| u.id == id)
            .ok_or(AppError::NotFound)?;
        let server = self.mysql()?;
        store::delete_user(&mut tx, id).await?;
        self.record(
            &mut tx,
            actor,
            "site.db_user_deleted",
            &format!("{} ({})", u.name, p.name),
        )
        .await?;
        server
            .drop_user(&u.name)
            .await
            .map_err(provisioning_error)?;
        tx.commit().await?;
        Ok(())
    }
}
