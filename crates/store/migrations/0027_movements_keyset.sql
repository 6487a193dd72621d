-- An account's movements are listed newest first and paged by key (`created_at`, `id`): each side
-- of a transfer (debit, credit) gets an index in that order, so a page is an index seek whatever
-- its depth. They replace the indexes on (account, created_at) alone.
CREATE INDEX ledger_transfers_debit_keyset ON ledger_transfers (debit_account, created_at, id);
CREATE INDEX ledger_transfers_credit_keyset ON ledger_transfers (credit_account, created_at, id);
DROP INDEX ledger_transfers_debit;
DROP INDEX ledger_transfers_credit;
