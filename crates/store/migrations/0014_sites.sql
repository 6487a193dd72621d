-- Web hosting (SPEC §9, DB-01…DB-05): a web hosting product's server prefix, its sites with the
-- MySQL prefix option and environment variables, and the databases and users Guichet provisioned.

-- One row per web hosting product once it has a server prefix (4 characters, written `wxyz_`).
CREATE TABLE hostings (
    product_id TEXT PRIMARY KEY REFERENCES products (id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) = 4),
    created_at BIGINT NOT NULL
);
CREATE INDEX hostings_org ON hostings (org_id);

CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES hostings (product_id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    domain TEXT NOT NULL,
    -- DB-02/03: on by default for sites migrated from the old platform, off for new ones.
    mysql_prefix BIGINT NOT NULL CHECK (mysql_prefix IN (0, 1)),
    migrated BIGINT NOT NULL CHECK (migrated IN (0, 1)),
    created_at BIGINT NOT NULL,
    UNIQUE (product_id, domain)
);
CREATE INDEX sites_org ON sites (org_id);

-- DB-04: a site's environment variables; a secret's value is never shown again after saving.
CREATE TABLE site_env (
    site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    secret BIGINT NOT NULL CHECK (secret IN (0, 1)),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (site_id, name)
);

-- DB-05: databases and users as they exist on the MySQL server (full names, prefix included).
CREATE TABLE hosting_databases (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES hostings (product_id),
    name TEXT NOT NULL UNIQUE CHECK (length(name) <= 64),
    created_at BIGINT NOT NULL
);
CREATE INDEX hosting_databases_product ON hosting_databases (product_id);

CREATE TABLE hosting_db_users (
    id TEXT PRIMARY KEY,
    product_id TEXT NOT NULL REFERENCES hostings (product_id),
    name TEXT NOT NULL UNIQUE CHECK (length(name) <= 32),
    created_at BIGINT NOT NULL
);
CREATE INDEX hosting_db_users_product ON hosting_db_users (product_id);

-- Which databases a user has privileges on (its own hosting's only).
CREATE TABLE hosting_db_grants (
    user_id TEXT NOT NULL REFERENCES hosting_db_users (id) ON DELETE CASCADE,
    database_id TEXT NOT NULL REFERENCES hosting_databases (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, database_id)
);
