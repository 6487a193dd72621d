-- Payments read from the bank's camt.053/054 files (REM-01). `bank_key` (the bank's reference of the
-- payment) is unique: a file imported twice books nothing twice.
CREATE TABLE bank_transactions (
    id TEXT PRIMARY KEY,
    bank_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    booking_date TEXT,
    reference TEXT,
    debtor_name TEXT,
    debtor_iban TEXT,
    message TEXT,
    status TEXT NOT NULL CHECK (status IN ('credited', 'exception', 'assigned', 'ignored', 'payout')),
    org_id TEXT REFERENCES orgs (id),
    request_id TEXT REFERENCES payment_requests (id),
    note TEXT,
    imported_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at BIGINT
);
CREATE INDEX bank_transactions_status ON bank_transactions (status, imported_at);
CREATE INDEX bank_transactions_payer ON bank_transactions (debtor_iban, org_id);
