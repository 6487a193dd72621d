-- Billing addresses (ADDR-01): besides the Organization's own address; archived, never deleted.
CREATE TABLE billing_addresses (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL,
    company TEXT,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL CHECK (length(country) = 2),
    email TEXT,
    created_at BIGINT NOT NULL,
    archived_at BIGINT
);
CREATE INDEX billing_addresses_org ON billing_addresses (org_id, archived_at);
