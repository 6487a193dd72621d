-- Refunds as credit notes (INV-02): an issued invoice is never changed in amount; a refund is a
-- numbered credit note against it, credited to the Organization's prepaid account. `refunded` on the
-- invoice is moved by a conditional update in the refund's transaction, so two refunds at once can
-- never credit more than the invoice's total; the CHECK is the database's own guard.

ALTER TABLE invoices ADD COLUMN refunded BIGINT NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= gross);

CREATE TABLE credit_notes (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    number TEXT NOT NULL UNIQUE,
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    net BIGINT NOT NULL CHECK (net >= 0),
    vat BIGINT NOT NULL CHECK (vat >= 0),
    gross BIGINT NOT NULL CHECK (gross > 0),
    reason TEXT NOT NULL,
    issued_by TEXT NOT NULL REFERENCES users (id),
    issued_at BIGINT NOT NULL,
    CHECK (net + vat = gross)
);
CREATE INDEX credit_notes_invoice ON credit_notes (invoice_id, issued_at);
CREATE INDEX credit_notes_org ON credit_notes (org_id, issued_at);
