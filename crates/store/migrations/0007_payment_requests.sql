-- Payment requests (PP-02 by bank transfer, later invoices): each carries its own payment reference
-- (QRR on the QR-IBAN for CHF, ISO 11649 RF on the IBAN for EUR), so that the money that arrives finds it.
CREATE TABLE payment_requests (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('top_up')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    reference TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
    created_by TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    paid_at BIGINT
);
CREATE INDEX payment_requests_org ON payment_requests (org_id, created_at);

-- The provider's reference counter: every reference is made from the next number.
CREATE TABLE reference_counter (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    last BIGINT NOT NULL
);
INSERT INTO reference_counter (id, last) VALUES (1, 0);
