-- Idempotency keys of money-moving requests: the first request with a key stores its answer in the
-- same transaction as its effect; a retry with the same key and body gets that answer back.
CREATE TABLE idempotency_keys (
    org_id TEXT NOT NULL REFERENCES orgs (id),
    idem_key TEXT NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
    request_hash TEXT NOT NULL,
    status BIGINT NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, idem_key)
);

-- Card payments as the provider answered them (never the card number: its last four digits only).
CREATE TABLE card_payments (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    provider TEXT NOT NULL,
    provider_ref TEXT,
    amount BIGINT NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    last4 TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'declined', 'failed')),
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX card_payments_org ON card_payments (org_id, created_at);

-- Withdrawals of the prepaid balance (PP-04): the amount is held at once, an operator decides.
CREATE TABLE withdrawals (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    amount BIGINT NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    method TEXT NOT NULL CHECK (method IN ('iban', 'paypal')),
    destination TEXT NOT NULL,
    holder TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'in_transit', 'paid')),
    requested_by TEXT NOT NULL REFERENCES users (id),
    decided_by TEXT REFERENCES users (id),
    reason TEXT,
    created_at BIGINT NOT NULL,
    decided_at BIGINT
);
CREATE INDEX withdrawals_org ON withdrawals (org_id, created_at);
CREATE INDEX withdrawals_status ON withdrawals (status, created_at);
