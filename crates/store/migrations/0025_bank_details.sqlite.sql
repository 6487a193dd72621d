-- What the bank file says about each payment is kept with it (issue #15): the payer's message
-- (`message` already holds `RmtInf/Ustrd`; `additional_remittance` is `Strd/AddtlRmtInf`), the
-- ultimate debtor (`UltmtDbtr`), and the charges (`Chrgs/Rcrd`) in the payment's currency: the
-- ones already deducted from the booked amount (`charges_included`) and the ones debited besides
-- it (`charges_debited`), which are booked as bank fees by the ledger entry `fee_entry`.
ALTER TABLE bank_transactions ADD COLUMN additional_remittance TEXT;
ALTER TABLE bank_transactions ADD COLUMN ultimate_debtor TEXT;
ALTER TABLE bank_transactions ADD COLUMN charges_currency TEXT;
ALTER TABLE bank_transactions ADD COLUMN charges_included BIGINT
    CHECK (charges_included IS NULL OR (typeof(charges_included) = 'integer' AND charges_included BETWEEN 0 AND 100000000000000000));
ALTER TABLE bank_transactions ADD COLUMN charges_debited BIGINT
    CHECK (charges_debited IS NULL OR (typeof(charges_debited) = 'integer' AND charges_debited BETWEEN 0 AND 100000000000000000));
ALTER TABLE bank_transactions ADD COLUMN fee_entry TEXT REFERENCES ledger_entries (id);
CREATE UNIQUE INDEX bank_transactions_fee_entry ON bank_transactions (fee_entry) WHERE fee_entry IS NOT NULL;

-- A payout whose currency has no payout account configured is set aside too (`field` = 'account').
-- Nothing references `payout_problems`: it is rebuilt with the wider CHECK.
CREATE TABLE payout_problems_new (
    withdrawal_id TEXT PRIMARY KEY REFERENCES withdrawals (id),
    field TEXT NOT NULL CHECK (field IN ('holder', 'address', 'iban', 'account', 'other')),
    refused_char TEXT,
    reason TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL
);
INSERT INTO payout_problems_new (withdrawal_id, field, refused_char, reason, first_seen_at, seen_at)
    SELECT withdrawal_id, field, refused_char, reason, first_seen_at, seen_at FROM payout_problems;
DROP TABLE payout_problems;
ALTER TABLE payout_problems_new RENAME TO payout_problems;

-- The provider's `bank_fees` expense account. SQLite cannot change a CHECK in place and
-- `ledger_accounts` is referenced by every transfer, so it is not rebuilt: its CHECK is widened
-- in the schema text (SQLite's documented procedure for constraint changes that every existing
-- row satisfies). The DDL above already bumped the schema version, so every connection re-reads
-- the schema; RESET makes this one re-read it now.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''payouts_in_transit''))', '''payouts_in_transit'', ''bank_fees''))')
WHERE type = 'table' AND name = 'ledger_accounts';
PRAGMA writable_schema = RESET;
