//! Web hosting rules (SPEC §9, DB-01…DB-05), pure: the server prefix and the names of databases and
//! database users (MySQL's identifier limits), the **MySQL prefix** option's name mapping and the
//! list of names to change when it is turned off, environment variables (DB-04) and how a site's
//! settings are written as Apache and PHP-FPM configuration.

/// MySQL/MariaDB's longest database name.
pub const DB_NAME_MAX: usize = 64;
/// MySQL/MariaDB's longest user name (since 5.7.8 / MariaDB 10.x).
pub const USER_NAME_MAX: usize = 32;
/// DB-04: at most this many variables per site.
pub const ENV_MAX_VARS: usize = 100;
/// DB-04: a value is at most 4 KiB (UTF-8 bytes).
pub const ENV_MAX_VALUE_BYTES: usize = 4096;
pub const ENV_MAX_NAME_LEN: usize = 128;

/// Names the platform sets itself (CGI/Apache/PHP-FPM/system); a site may not override them.
pub const RESERVED_ENV_NAMES: &[&str] = &[
    "PATH",
    "HOME",
    "USER",
    "SHELL",
    "PWD",
    "TMPDIR",
    "TEMP",
    "TMP",
    "HOSTNAME",
    "LANG",
    "DOCUMENT_ROOT",
    "GATEWAY_INTERFACE",
    "QUERY_STRING",
    "CONTENT_TYPE",
    "CONTENT_LENGTH",
    "AUTH_TYPE",
    "HTTPS",
    "PATH_INFO",
    "PATH_TRANSLATED",
    "UNIQUE_ID",
    "CONTEXT_PREFIX",
    "CONTEXT_DOCUMENT_ROOT",
];

/// Reserved prefixes: request and server variables, the dynamic linker, PHP's and Apache's own.
pub const RESERVED_ENV_PREFIXES: &[&str] = &[
    "HTTP_",
    "SERVER_",
    "REMOTE_",
    "REQUEST_",
    "SCRIPT_",
    "REDIRECT_",
    "SSL_",
    "PHP_",
    "APACHE_",
    "LD_",
    "FCGI_",
];

/// A hosting's server prefix (DB-01): four characters `[a-z0-9]`, the first a letter. Written
/// with its `_` in names (`wxyz_`), stored without.
pub fn valid_prefix(p: &str) -> bool {
    p.len() == 4
        && p.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && p.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// What is wrong with a database or user name (each has a catalogue message `sites.name_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    /// Only `a-z`, `0-9` and `_`.
    Characters,
    /// With the prefix it would pass MySQL's limit.
    TooLong,
    /// It starts with the server prefix: write the name without it.
    HasPrefix,
}

impl NameError {
    pub fn key(self) -> &'static str {
        match self {
            NameError::Empty => "field.required",
            NameError::Characters => "sites.name_characters",
            NameError::TooLong => "sites.name_too_long",
            NameError::HasPrefix => "sites.name_has_prefix",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Database,
    User,
}

impl NameKind {
    pub fn max_len(self) -> usize {
        match self {
            NameKind::Database => DB_NAME_MAX,
            NameKind::User => USER_NAME_MAX,
        }
    }
}

/// Only what every SQL dialect reads as a plain identifier: `[a-z0-9_]`.
pub fn is_safe_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The full (real) name of a database or user `short` of the hosting with `prefix`, checked.
pub fn full_name(prefix: &str, short: &str, kind: NameKind) -> Result<String, NameError> {
    let short = short.trim();
    if short.is_empty() {
        return Err(NameError::Empty);
    }
    if !is_safe_identifier(short) {
        return Err(NameError::Characters);
    }
    if short.starts_with(&format!("{prefix}_")) {
        return Err(NameError::HasPrefix);
    }
    let full = format!("{prefix}_{short}");
    if full.len() > kind.max_len() {
        return Err(NameError::TooLong);
    }
    Ok(full)
}

/// DB-02: the name a connection really uses when a script gives `name`. With the option on, a
/// name without the server prefix gets it (`monuser` → `wxyz_monuser`); a name that already has
/// it is used as given. With the option off, every name is used as given.
pub fn effective_name(prefix: &str, prefix_option: bool, name: &str) -> String {
    let p = format!("{prefix}_");
    if prefix_option && !name.starts_with(&p) {
        format!("{p}{name}")
    } else {
        name.to_string()
    }
}

/// One name a configuration must change when the option is turned off.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct NameChange {
    /// `database` or `user`.
    pub kind: &'static str,
    pub before: String,
    pub after: String,
}

/// DB-03: turning the option off, each real name `wxyz_x` a script may have written as `x` must
/// now be written in full. `databases` and `users` are the hosting's real names.
pub fn changes_when_turning_off(
    prefix: &str,
    databases: &[String],
    users: &[String],
) -> Vec<NameChange> {
    let p = format!("{prefix}_");
    let mut out = Vec::new();
    for (kind, names) in [("database", databases), ("user", users)] {
        for real in names {
            if let Some(short) = real.strip_prefix(&p)
                && !short.is_empty()
                && !short.starts_with(&p)
            {
                out.push(NameChange {
                    kind,
                    before: short.to_string(),
                    after: real.clone(),
                });
            }
        }
    }
    out
}

/// What is wrong with an environment variable (catalogue keys `env.*`).
pub fn check_env_name(name: &str) -> Result<(), &'static str> {
    let b = name.as_bytes();
    let ok = !b.is_empty()
        && (b[0].is_ascii_uppercase() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_');
    if !ok {
        return Err("env.name_invalid");
    }
    if name.len() > ENV_MAX_NAME_LEN {
        return Err("env.name_too_long");
    }
    if RESERVED_ENV_NAMES.contains(&name)
        || RESERVED_ENV_PREFIXES.iter().any(|p| name.starts_with(p))
    {
        return Err("env.name_reserved");
    }
    Ok(())
}

/// A value: at most 4 KiB, one line, no control character, and no `${` (Apache and PHP would
/// expand it as a variable of their own).
pub fn check_env_value(value: &str) -> Result<(), &'static str> {
    if value.len() > ENV_MAX_VALUE_BYTES {
        return Err("env.value_too_long");
    }
    if value.chars().any(char::is_control) {
        return Err("env.value_control");
    }
    if value.contains("${") {
        return Err("env.value_dollar_brace");
    }
    Ok(())
}

/// A value inside double quotes in Apache's configuration: `\` and `"` escaped with `\`.
pub fn apache_quote(v: &str) -> String {
    let mut s = String::with_capacity(v.len() + 2);
    s.push('"');
    for c in v.chars() {
        if c == '\\' || c == '"' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

/// A value inside double quotes in a PHP-FPM pool file (PHP's INI syntax): `\`, `"` and `$`
/// escaped with `\`.
pub fn fpm_quote(v: &str) -> String {
    let mut s = String::with_capacity(v.len() + 2);
    s.push('"');
    for c in v.chars() {
        if matches!(c, '\\' | '"' | '$') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

/// Reads back a value written by [`apache_quote`] (tests, and the property that escaping is exact).
pub fn unquote_backslashed(q: &str) -> Option<String> {
    let inner = q.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => out.push(it.next()?),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// Hostname of a site: labels of `[a-z0-9-]`, dots between, at most 253 characters.
pub fn valid_domain(d: &str) -> bool {
    d.len() <= 253
        && d.contains('.')
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// A password a customer chooses for a database user: 12 to 64 printable ASCII characters,
/// letters and digits, and none of `'`, `"`, `\` or `` ` `` (they would need quoting in every
/// client's configuration file).
pub fn check_db_password(p: &str) -> Result<(), &'static str> {
    if p.len() < 12 || p.len() > 64 {
        return Err("sites.password_length");
    }
    if !p
        .bytes()
        .all(|b| (0x21..=0x7e).contains(&b) && !matches!(b, b'\'' | b'"' | b'\\' | b'`'))
    {
        return Err("sites.password_characters");
    }
    if !p.bytes().any(|b| b.is_ascii_alphabetic()) || !p.bytes().any(|b| b.is_ascii_digit()) {
        return Err("sites.password_mix");
    }
    Ok(())
}

/// One environment variable of a site, as the configuration writer needs it.
pub struct EnvVar<'a> {
    pub name: &'a str,
    pub value: &'a str,
}

/// DB-05: a site's settings as the hosting platform's configuration — an Apache block of
/// `SetEnv` lines and a PHP-FPM pool `env[...]` block. Names were checked on the way in; a name
/// that is not a valid one (which cannot happen through Guichet) is left out rather than written.
pub fn render_config(
    domain: &str,
    prefix: &str,
    mysql_prefix: bool,
    vars: &[EnvVar<'_>],
) -> String {
    let vars: Vec<&EnvVar<'_>> = vars
        .iter()
        .filter(|v| check_env_name(v.name).is_ok() && check_env_value(v.value).is_ok())
        .collect();
    let domain: String = domain
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let mut s = String::new();
    s.push_str(&format!("# Guichet: settings of the site {domain}\n"));
    s.push_str(&format!(
        "# MySQL prefix option: {} (server prefix {prefix}_)\n\n",
        if mysql_prefix { "on" } else { "off" }
    ));
    s.push_str("# Apache (inside the site's <VirtualHost>)\n");
    s.push_str(&format!(
        "SetEnv GUICHET_MYSQL_PREFIX {}\n",
        apache_quote(if mysql_prefix { prefix } else { "" })
    ));
    for v in &vars {
        s.push_str(&format!("SetEnv {} {}\n", v.name, apache_quote(v.value)));
    }
    s.push_str("\n; PHP-FPM (the site's pool)\n");
    s.push_str(&format!(
        "env[GUICHET_MYSQL_PREFIX] = {}\n",
        fpm_quote(if mysql_prefix { prefix } else { "" })
    ));
    for v in &vars {
        s.push_str(&format!("env[{}] = {}\n", v.name, fpm_quote(v.value)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_prefixed_and_checked() {
        assert_eq!(
            full_name("wxyz", "mabase", NameKind::Database).unwrap(),
            "wxyz_mabase"
        );
        assert_eq!(
            full_name("wxyz", "a`; DROP DATABASE x; --", NameKind::Database),
            Err(NameError::Characters)
        );
        assert_eq!(
            full_name("wxyz", "MaBase", NameKind::Database),
            Err(NameError::Characters)
        );
        assert_eq!(
            full_name("wxyz", "wxyz_a", NameKind::User),
            Err(NameError::HasPrefix)
        );
        assert_eq!(
            full_name("wxyz", &"u".repeat(27), NameKind::User)
                .unwrap()
                .len(),
            32
        );
        assert_eq!(
            full_name("wxyz", &"u".repeat(28), NameKind::User),
            Err(NameError::TooLong)
        );
        assert_eq!(
            full_name("wxyz", &"d".repeat(59), NameKind::Database)
                .unwrap()
                .len(),
            64
        );
        assert_eq!(
            full_name("wxyz", " ", NameKind::User),
            Err(NameError::Empty)
        );
        assert!(valid_prefix("wxyz") && !valid_prefix("1abc") && !valid_prefix("wxy"));
    }

    #[test]
    fn the_guide_example() {
        assert_eq!(effective_name("wxyz", true, "monuser"), "wxyz_monuser");
        assert_eq!(effective_name("wxyz", true, "wxyz_monuser"), "wxyz_monuser");
        assert_eq!(effective_name("wxyz", false, "monuser"), "monuser");
        let c = changes_when_turning_off("wxyz", &["wxyz_mabase".into()], &["wxyz_monuser".into()]);
        assert_eq!(
            c,
            vec![
                NameChange {
                    kind: "database",
                    before: "mabase".into(),
                    after: "wxyz_mabase".into()
                },
                NameChange {
                    kind: "user",
                    before: "monuser".into(),
                    after: "wxyz_monuser".into()
                },
            ]
        );
    }

    #[test]
    fn environment_variables() {
        assert!(check_env_name("API_KEY").is_ok());
        assert!(check_env_name("_X1").is_ok());
        assert_eq!(check_env_name("1X"), Err("env.name_invalid"));
        assert_eq!(check_env_name("api_key"), Err("env.name_invalid"));
        assert_eq!(check_env_name(""), Err("env.name_invalid"));
        assert_eq!(check_env_name("PATH"), Err("env.name_reserved"));
        assert_eq!(check_env_name("HTTP_HOST"), Err("env.name_reserved"));
        assert!(check_env_value(&"x".repeat(4096)).is_ok());
        assert_eq!(
            check_env_value(&"x".repeat(4097)),
            Err("env.value_too_long")
        );
        assert_eq!(check_env_value("a\nb"), Err("env.value_control"));
        assert_eq!(check_env_value("${HOME}"), Err("env.value_dollar_brace"));
        let out = render_config(
            "example.ch",
            "wxyz",
            true,
            &[EnvVar {
                name: "SECRET",
                value: r#"a"b\c$d"#,
            }],
        );
        assert!(out.contains(r#"SetEnv SECRET "a\"b\\c$d""#), "{out}");
        assert!(out.contains(r#"env[SECRET] = "a\"b\\c\$d""#), "{out}");
        assert!(out.contains("SetEnv GUICHET_MYSQL_PREFIX \"wxyz\""));
    }

    #[test]
    fn db_passwords() {
        assert!(check_db_password("correct-horse-42").is_ok());
        assert_eq!(check_db_password("short1a"), Err("sites.password_length"));
        assert_eq!(
            check_db_password("has'quote-123456"),
            Err("sites.password_characters")
        );
        assert_eq!(
            check_db_password("has space 123456"),
            Err("sites.password_characters")
        );
        assert_eq!(
            check_db_password("onlyletters-abc"),
            Err("sites.password_mix")
        );
    }

    fn short_name() -> impl Strategy<Value = String> {
        "[a-z0-9_]{1,27}"
    }

    proptest! {
        /// DB-02/DB-03: with the option on, the name in a script reaches the real name; each
        /// change listed is exactly what the script must now say for the same real object with
        /// the option off; every real name of the hosting is covered.
        #[test]
        fn turning_off_lists_exactly_the_names_to_change(
            prefix in "[a-z][a-z0-9]{3}",
            dbs in proptest::collection::vec(short_name(), 0..6),
            users in proptest::collection::vec(short_name(), 0..6),
        ) {
            let real = |names: &[String], kind| -> Vec<String> {
                names.iter().filter_map(|n| full_name(&prefix, n, kind).ok()).collect()
            };
            let rdbs = real(&dbs, NameKind::Database);
            let rusers = real(&users, NameKind::User);
            let changes = changes_when_turning_off(&prefix, &rdbs, &rusers);
            prop_assert_eq!(changes.len(), rdbs.len() + rusers.len());
            for c in &changes {
                prop_assert_eq!(effective_name(&prefix, true, &c.before), c.after.clone());
                prop_assert_eq!(effective_name(&prefix, false, &c.after), c.after.clone());
                prop_assert_ne!(effective_name(&prefix, false, &c.before), c.after.clone());
                prop_assert!(is_safe_identifier(&c.after));
            }
            for r in rdbs.iter().chain(&rusers) {
                prop_assert!(changes.iter().any(|c| &c.after == r));
            }
        }

        /// Whatever is accepted is a safe identifier within MySQL's limits, prefix included.
        #[test]
        fn accepted_names_are_safe(prefix in "[a-z][a-z0-9]{3}", s in ".{0,80}") {
            for kind in [NameKind::Database, NameKind::User] {
                if let Ok(full) = full_name(&prefix, &s, kind) {
                    prop_assert!(is_safe_identifier(&full));
                    prop_assert!(full.len() <= kind.max_len());
                    let p = format!("{prefix}_"); prop_assert!(full.starts_with(&p));
                }
            }
        }

        /// Quoting is exact: what Apache (and PHP, for `\`, `"`, `$`) reads back is the value.
        #[test]
        fn quoting_round_trips(v in "[^\\x00-\\x1f]{0,60}") {
            prop_assert_eq!(unquote_backslashed(&apache_quote(&v)), Some(v.clone()));
            prop_assert_eq!(unquote_backslashed(&fpm_quote(&v)), Some(v.clone()));
        }
    }
}
