-- Money states (issue #11): the database refuses what must never happen.

-- The amount applied to an invoice, kept by the same conditional writes that change its status; never
-- negative and never more than the invoice's total. (SQLite cannot add a table CHECK to an existing
-- table: a column CHECK on the new column is enforced on both backends.)
ALTER TABLE invoices ADD COLUMN paid_minor BIGINT NOT NULL DEFAULT 0
    CHECK (paid_minor >= 0 AND paid_minor <= gross);
UPDATE invoices SET paid_minor = gross WHERE status IN ('paid', 'refunded', 'partially_refunded');

-- A card charge is claimed under the key of what it pays (`checkout:<sorted invoice ids>`,
-- `invoice:<id>`, `topup:<org>:<idempotency key>`), in the paying transaction and BEFORE the provider
-- is called: one thing can be charged once, whatever the number of requests or instances.
CREATE TABLE card_charges (
    pays TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    amount BIGINT NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    idempotency_key TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
