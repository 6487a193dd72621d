-- Bank statements book each franc once (issue #11, item 5); see 0020_bank_once.sqlite.sql.
ALTER TABLE bank_transactions DROP CONSTRAINT IF EXISTS bank_transactions_status_check;
ALTER TABLE bank_transactions DROP CONSTRAINT IF EXISTS bank_transactions_amount_check;
ALTER TABLE bank_transactions ADD CONSTRAINT bank_transactions_status_check
    CHECK (status IN ('credited', 'exception', 'assigned', 'ignored', 'payout',
                      'awaiting_details', 'replaced_by_details', 'set_aside'));
ALTER TABLE bank_transactions ADD CONSTRAINT bank_transactions_amount_check CHECK (amount >= 0);
ALTER TABLE bank_transactions ADD COLUMN details_ref TEXT;
ALTER TABLE bank_transactions ADD COLUMN credited_entry TEXT UNIQUE REFERENCES ledger_entries (id);
UPDATE bank_transactions t SET credited_entry =
    (SELECT e.id FROM ledger_entries e WHERE e.org_id = t.org_id AND e.idempotency_key = t.bank_key)
WHERE t.status IN ('credited', 'assigned');
ALTER TABLE bank_transactions ADD CONSTRAINT bank_transactions_credited_once
    CHECK (credited_entry IS NULL OR status IN ('credited', 'assigned'));
ALTER TABLE bank_transactions ADD CONSTRAINT bank_transactions_assigned_entry
    CHECK (status <> 'assigned' OR credited_entry IS NOT NULL);
CREATE INDEX bank_transactions_details ON bank_transactions (details_ref);

CREATE TABLE camt_detail_messages (
    message_id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);
