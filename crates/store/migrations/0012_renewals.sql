-- Renewals (SPEC §3): the scheduled billing period (FREQ-01…03), automatic renewal charges and their
-- retries (AR-01), the saved payment method they use, and the Organization's choice of paying
-- renewals from the prepaid balance first.

-- The period of the next term, when the customer changed it; applied by the renewal that starts at
-- the end of the current term (never before: no month is billed twice).
ALTER TABLE products ADD COLUMN next_period_months BIGINT CHECK (next_period_months IS NULL OR next_period_months IN (1, 3, 12, 24, 36));

-- Renewals are paid from the prepaid balance when it covers the whole amount (AR-01), else by card.
ALTER TABLE orgs ADD COLUMN renew_from_prepaid BIGINT NOT NULL DEFAULT 1 CHECK (renew_from_prepaid IN (0, 1));

-- The Organization's default saved card: the provider's token, never the card number.
CREATE TABLE saved_cards (
    org_id TEXT PRIMARY KEY REFERENCES orgs (id),
    provider TEXT NOT NULL,
    token TEXT NOT NULL,
    last4 TEXT NOT NULL,
    expiry TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- One automatic charge attempt per renewal invoice and slot (14, 7, 3, 1 days before expiry): a run
-- repeated the same day, or on two instances, never charges twice.
CREATE TABLE renewal_attempts (
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    slot BIGINT NOT NULL CHECK (slot > 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('paid_prepaid', 'paid_card', 'declined', 'failed', 'no_method')),
    reason TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, slot)
);

-- A file attached to an outbox message (INV-06: the CSV export sent by e-mail). Text files only.
CREATE TABLE outbox_attachments (
    outbox_id TEXT PRIMARY KEY REFERENCES outbox (id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content TEXT NOT NULL
);
