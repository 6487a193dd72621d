//! The MySQL/MariaDB server where customers' databases and users really exist (DB-05). Statements
//! that create databases and users cannot take their names as bound parameters, so every name is
//! checked here against a whitelist (`[a-z0-9_]`, MySQL's length limits) before it is written into
//! SQL, and is quoted besides (`` `db` ``, `'user'@'%'`). Passwords are checked against a character
//! whitelist too and quoted as string literals.
//!
//! Least privilege: a user is created with no privilege and gets `ALL` on its own databases only
//! (the `_` of a name escaped in `GRANT`, where it would otherwise be a wildcard).

use crate::{Result, StoreError};
use guichet_core::sites::{DB_NAME_MAX, USER_NAME_MAX, check_db_password, is_safe_identifier};
use sqlx::mysql::MySqlConnection;
use sqlx::{AssertSqlSafe, Connection};

/// A connection target: `mysql://USER:PASSWORD@HOST:PORT`.
#[derive(Clone)]
pub struct MysqlServer {
    url: String,
}

impl std::fmt::Debug for MysqlServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL holds a password: never printed.
        f.write_str("MysqlServer { .. }")
    }
}

fn refused(what: &str) -> StoreError {
    StoreError::Config(format!("refused identifier or password: {what}"))
}

/// A database name fit for SQL, quoted with backticks.
pub fn quote_db(name: &str) -> Result<String> {
    if !is_safe_identifier(name) || name.len() > DB_NAME_MAX {
        return Err(refused("database name"));
    }
    Ok(format!("`{name}`"))
}

/// A database name as a `GRANT` target: `_` is a wildcard there, so it is escaped.
fn grant_db(name: &str) -> Result<String> {
    quote_db(name)?;
    Ok(format!("`{}`", name.replace('_', "\\_")))
}

/// A user account (any host), quoted.
pub fn quote_user(name: &str) -> Result<String> {
    if !is_safe_identifier(name) || name.len() > USER_NAME_MAX {
        return Err(refused("user name"));
    }
    Ok(format!("'{name}'@'%'"))
}

fn quote_password(p: &str) -> Result<String> {
    check_db_password(p).map_err(|_| refused("password"))?;
    Ok(format!("'{}'", p.replace('\\', "\\\\").replace('\'', "''")))
}

impl MysqlServer {
    /// Checks the URL's form only; the server is reached when something is provisioned.
    pub fn new(url: &str) -> Result<MysqlServer> {
        if !(url.starts_with("mysql://") || url.starts_with("mariadb://")) {
            return Err(StoreError::Config(
                "the MySQL URL must start with mysql://".into(),
            ));
        }
        Ok(MysqlServer {
            url: url.replacen("mariadb://", "mysql://", 1),
        })
    }

    async fn conn(&self) -> Result<MySqlConnection> {
        Ok(MySqlConnection::connect(&self.url).await?)
    }

    async fn exec(&self, statements: &[String]) -> Result<()> {
        let mut c = self.conn().await?;
        for s in statements {
            sqlx::raw_sql(AssertSqlSafe(s.clone()))
                .execute(&mut c)
                .await?;
        }
        c.close().await?;
        Ok(())
    }

    pub async fn create_database(&self, name: &str) -> Result<()> {
        let db = quote_db(name)?;
        self.exec(&[format!(
            "CREATE DATABASE {db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )])
        .await
    }

    pub async fn drop_database(&self, name: &str) -> Result<()> {
        let db = quote_db(name)?;
        self.exec(&[format!("DROP DATABASE IF EXISTS {db}")]).await
    }

    /// Creates the user with `password` and privileges on `databases` only.
    pub async fn create_user(
        &self,
        name: &str,
        password: &str,
        databases: &[String],
    ) -> Result<()> {
        let user = quote_user(name)?;
        let pw = quote_password(password)?;
        let mut sql = vec![format!("CREATE USER {user} IDENTIFIED BY {pw}")];
        for d in databases {
            sql.push(format!(
                "GRANT ALL PRIVILEGES ON {}.* TO {user}",
                grant_db(d)?
            ));
        }
        let r = self.exec(&sql).await;
        if r.is_err() {
            // Do not leave a half-made account behind.
            let _ = self.exec(&[format!("DROP USER IF EXISTS {user}")]).await;
        }
        r
    }

    pub async fn drop_user(&self, name: &str) -> Result<()> {
        let user = quote_user(name)?;
        self.exec(&[format!("DROP USER IF EXISTS {user}")]).await
    }

    /// Whether a database of that name exists on the server.
    pub async fn database_exists(&self, name: &str) -> Result<bool> {
        quote_db(name)?;
        let mut c = self.conn().await?;
        let row = sqlx::query("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")
            .bind(name)
            .fetch_optional(&mut c)
            .await?;
        c.close().await?;
        Ok(row.is_some())
    }

    /// Whether a user of that name exists on the server (any host).
    pub async fn user_exists(&self, name: &str) -> Result<bool> {
        quote_user(name)?;
        let mut c = self.conn().await?;
        let row = sqlx::query("SELECT 1 FROM mysql.user WHERE User = ?")
            .bind(name)
            .fetch_optional(&mut c)
            .await?;
        c.close().await?;
        Ok(row.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_whitelisted_before_any_sql() {
        assert_eq!(quote_db("wxyz_mabase").unwrap(), "`wxyz_mabase`");
        assert!(quote_db("a`; DROP DATABASE x; --").is_err());
        assert!(quote_db(&"a".repeat(65)).is_err());
        assert!(quote_user("wxyz_x' OR '1").is_err());
        assert!(quote_user(&"u".repeat(33)).is_err());
        assert_eq!(quote_user("wxyz_monuser").unwrap(), "'wxyz_monuser'@'%'");
        assert_eq!(grant_db("wxyz_ma_base").unwrap(), "`wxyz\\_ma\\_base`");
        assert!(quote_password("abc'def-12345").is_err());
        assert!(MysqlServer::new("postgres://x").is_err());
        assert_eq!(
            format!("{:?}", MysqlServer::new("mysql://root:secret@h").unwrap()),
            "MysqlServer { .. }"
        );
    }
}
