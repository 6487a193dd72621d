-- Reminders for unpaid invoices (REM-05) and the customer's "I have paid by bank transfer".

-- Each member opts in (or out) of payment reminders per Organization; billing contacts start opted in.
ALTER TABLE memberships ADD COLUMN reminders BIGINT NOT NULL DEFAULT 0 CHECK (reminders IN (0, 1));
UPDATE memberships SET reminders = 1 WHERE billing_contact = 1;

-- One row per (invoice, level) sent: the key makes a second or concurrent run send nothing twice.
CREATE TABLE invoice_reminders (
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    level BIGINT NOT NULL CHECK (level IN (1, 2, 3)),
    sent_on TEXT NOT NULL,
    recipients BIGINT NOT NULL CHECK (recipients >= 0),
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, level)
);

-- The customer declared a bank transfer for an invoice: no reminder within the grace window after it.
CREATE TABLE transfer_declarations (
    invoice_id TEXT PRIMARY KEY REFERENCES invoices (id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    declared_by TEXT NOT NULL REFERENCES users (id),
    declared_on TEXT NOT NULL,
    declared_at BIGINT NOT NULL
);

-- The reminder job asks whether a payment carrying an invoice's reference was imported.
CREATE INDEX bank_transactions_reference ON bank_transactions (reference);
-- Open invoices by due date, for the reminder job.
CREATE INDEX invoices_status_due ON invoices (status, due_on);
