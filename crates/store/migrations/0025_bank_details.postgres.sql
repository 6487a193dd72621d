-- What the bank file says about each payment is kept with it (issue #15); see the SQLite variant
-- for the meaning of each column. The ledger gets the provider's `bank_fees` expense account.
ALTER TABLE bank_transactions ADD COLUMN additional_remittance TEXT;
ALTER TABLE bank_transactions ADD COLUMN ultimate_debtor TEXT;
ALTER TABLE bank_transactions ADD COLUMN charges_currency TEXT;
ALTER TABLE bank_transactions ADD COLUMN charges_included BIGINT
    CHECK (charges_included IS NULL OR charges_included BETWEEN 0 AND 100000000000000000);
ALTER TABLE bank_transactions ADD COLUMN charges_debited BIGINT
    CHECK (charges_debited IS NULL OR charges_debited BETWEEN 0 AND 100000000000000000);
ALTER TABLE bank_transactions ADD COLUMN fee_entry TEXT UNIQUE REFERENCES ledger_entries (id);

ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check;
ALTER TABLE ledger_accounts ADD CONSTRAINT ledger_accounts_kind_check
    CHECK (kind IN ('prepaid', 'withdrawal_hold', 'receivable', 'revenue', 'vat_payable',
                    'card_clearing', 'bank_clearing', 'payouts_in_transit', 'bank_fees'));

-- A payout whose currency has no payout account configured is set aside too (`field` = 'account').
ALTER TABLE payout_problems DROP CONSTRAINT payout_problems_field_check;
ALTER TABLE payout_problems ADD CONSTRAINT payout_problems_field_check
    CHECK (field IN ('holder', 'address', 'iban', 'account', 'other'));
