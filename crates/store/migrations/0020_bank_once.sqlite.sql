-- Bank statements book each franc once (issue #11, item 5).
-- * New statuses: a collective credit whose details come in a camt.054 waits (`awaiting_details`)
--   and ends `replaced_by_details`, never booked itself; an entry that cannot be booked (0.00, over
--   the maximum amount) is `set_aside` with its reason, so amounts of 0 are recorded too.
-- * `details_ref`: the camt.054 message a collective credit points to (AddtlInfInd/MsgId).
-- * `credited_entry`: the ledger entry that credited this payment, unique, and only on a credited
--   or assigned row: a bank transaction is credited at most once, by the importer or an operator.
-- SQLite cannot change a CHECK in place: the table is rebuilt (nothing references it).
CREATE TABLE bank_transactions_new (
    id TEXT PRIMARY KEY,
    bank_key TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
    amount BIGINT NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),
    currency TEXT NOT NULL,
    booking_date TEXT,
    reference TEXT,
    debtor_name TEXT,
    debtor_iban TEXT,
    message TEXT,
    status TEXT NOT NULL CHECK (status IN ('credited', 'exception', 'assigned', 'ignored', 'payout',
                                           'awaiting_details', 'replaced_by_details', 'set_aside')),
    org_id TEXT REFERENCES orgs (id),
    request_id TEXT REFERENCES payment_requests (id),
    note TEXT,
    imported_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at BIGINT,
    details_ref TEXT,
    credited_entry TEXT UNIQUE REFERENCES ledger_entries (id),
    CHECK (credited_entry IS NULL OR status IN ('credited', 'assigned')),
    CHECK (status <> 'assigned' OR credited_entry IS NOT NULL)
);
INSERT INTO bank_transactions_new (id, bank_key, file_name, direction, amount, currency, booking_date, reference,
    debtor_name, debtor_iban, message, status, org_id, request_id, note, imported_at, decided_by, decided_at,
    credited_entry)
SELECT t.id, t.bank_key, t.file_name, t.direction, t.amount, t.currency, t.booking_date, t.reference,
    t.debtor_name, t.debtor_iban, t.message, t.status, t.org_id, t.request_id, t.note, t.imported_at,
    t.decided_by, t.decided_at,
    CASE WHEN t.status IN ('credited', 'assigned') THEN
        (SELECT e.id FROM ledger_entries e WHERE e.org_id = t.org_id AND e.idempotency_key = t.bank_key)
    END
FROM bank_transactions t;
DROP TABLE bank_transactions;
ALTER TABLE bank_transactions_new RENAME TO bank_transactions;
CREATE INDEX bank_transactions_status ON bank_transactions (status, imported_at);
CREATE INDEX bank_transactions_payer ON bank_transactions (debtor_iban, org_id);
CREATE INDEX bank_transactions_reference ON bank_transactions (reference);
CREATE INDEX bank_transactions_details ON bank_transactions (details_ref);

-- The ids of every camt.054 imported (GrpHdr/MsgId and each Ntfctn/Id): a collective credit
-- pointing to one of them is covered by details already booked.
CREATE TABLE camt_detail_messages (
    message_id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);
