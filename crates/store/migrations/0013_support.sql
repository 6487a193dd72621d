-- Support (SUP-02, SUP-03, TEAM-02): Premium Support tiers and VIP codes, temporary support access
-- for operators, outsiders invited straight into work teams, and the activity log's filters.

-- The rank of a Premium Support offer (1 = lowest tier); NULL for every other offer.
ALTER TABLE offers ADD COLUMN support_tier BIGINT;

-- One VIP code per Organization, generated when its first Premium Support product becomes active.
CREATE TABLE vip_codes (
    org_id TEXT PRIMARY KEY REFERENCES orgs (id),
    code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- Temporary access given to the provider's operators (SUP-03): the whole Organization or chosen products.
CREATE TABLE support_grants (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    whole_org BIGINT NOT NULL CHECK (whole_org IN (0, 1)),
    granted_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_by TEXT REFERENCES users (id),
    -- When the expiry e-mail went to the LRs (at most once).
    expiry_mailed_at BIGINT,
    CHECK (expires_at > created_at)
);
CREATE INDEX support_grants_org ON support_grants (org_id, expires_at);

CREATE TABLE support_grant_products (
    grant_id TEXT NOT NULL REFERENCES support_grants (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    PRIMARY KEY (grant_id, product_id)
);

-- TEAM-02: an outsider invited into teams joins them on accepting.
CREATE TABLE invitation_teams (
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (invitation_id, team_id)
);

CREATE INDEX audit_log_org_actor ON audit_log (org_id, actor_id, at);
