-- Product grants (SPEC §1 "P", TEAM-01…06): individual grants and work teams with per-product rights.
CREATE TABLE product_grants (
    org_id TEXT NOT NULL REFERENCES orgs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    technical BIGINT NOT NULL CHECK (technical IN (0, 1)),
    statistics BIGINT NOT NULL CHECK (statistics IN (0, 1)),
    tickets BIGINT NOT NULL CHECK (tickets IN (0, 1)),
    sales BIGINT NOT NULL CHECK (sales IN (0, 1)),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
CREATE INDEX product_grants_org ON product_grants (org_id, user_id);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL,
    colour TEXT NOT NULL,
    leader_id TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX teams_org ON teams (org_id);

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

CREATE TABLE team_products (
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products (id),
    technical BIGINT NOT NULL CHECK (technical IN (0, 1)),
    statistics BIGINT NOT NULL CHECK (statistics IN (0, 1)),
    tickets BIGINT NOT NULL CHECK (tickets IN (0, 1)),
    sales BIGINT NOT NULL CHECK (sales IN (0, 1)),
    PRIMARY KEY (team_id, product_id)
);
