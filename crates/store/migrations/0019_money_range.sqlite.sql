-- Money columns hold integers in range, nothing else (issue #11, RELIABILITY #14/#27).
-- The bound is guichet_core::money::MAX_RUNNING_SUM_MINOR = 10^17 minor units: every stored amount
-- and every running sum of the ledger lies within ±10^17, ~90 times below i64::MAX, so adding one
-- entry (each amount <= MAX_AMOUNT_MINOR = 10^11) to a sum can never overflow. On SQLite a column
-- declared BIGINT still accepts a REAL or TEXT (and `credits + x` past i64 silently turns REAL), and
-- a CHECK cannot be added to an existing table: BEFORE INSERT/UPDATE triggers refuse the write with
-- "money out of range: <table>".

CREATE TRIGGER ledger_accounts_money_insert BEFORE INSERT ON ledger_accounts
WHEN typeof(NEW.debits) <> 'integer' OR NEW.debits > 100000000000000000 OR NEW.debits < -100000000000000000 OR typeof(NEW.credits) <> 'integer' OR NEW.credits > 100000000000000000 OR NEW.credits < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: ledger_accounts'); END;

CREATE TRIGGER ledger_accounts_money_update BEFORE UPDATE ON ledger_accounts
WHEN typeof(NEW.debits) <> 'integer' OR NEW.debits > 100000000000000000 OR NEW.debits < -100000000000000000 OR typeof(NEW.credits) <> 'integer' OR NEW.credits > 100000000000000000 OR NEW.credits < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: ledger_accounts'); END;

CREATE TRIGGER ledger_transfers_money_insert BEFORE INSERT ON ledger_transfers
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: ledger_transfers'); END;

CREATE TRIGGER ledger_transfers_money_update BEFORE UPDATE ON ledger_transfers
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: ledger_transfers'); END;

CREATE TRIGGER card_payments_money_insert BEFORE INSERT ON card_payments
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: card_payments'); END;

CREATE TRIGGER card_payments_money_update BEFORE UPDATE ON card_payments
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: card_payments'); END;

CREATE TRIGGER withdrawals_money_insert BEFORE INSERT ON withdrawals
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: withdrawals'); END;

CREATE TRIGGER withdrawals_money_update BEFORE UPDATE ON withdrawals
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: withdrawals'); END;

CREATE TRIGGER payment_requests_money_insert BEFORE INSERT ON payment_requests
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: payment_requests'); END;

CREATE TRIGGER payment_requests_money_update BEFORE UPDATE ON payment_requests
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: payment_requests'); END;

CREATE TRIGGER bank_transactions_money_insert BEFORE INSERT ON bank_transactions
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: bank_transactions'); END;

CREATE TRIGGER bank_transactions_money_update BEFORE UPDATE ON bank_transactions
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: bank_transactions'); END;

CREATE TRIGGER offer_prices_money_insert BEFORE INSERT ON offer_prices
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: offer_prices'); END;

CREATE TRIGGER offer_prices_money_update BEFORE UPDATE ON offer_prices
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: offer_prices'); END;

CREATE TRIGGER invoices_money_insert BEFORE INSERT ON invoices
WHEN typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000 OR typeof(NEW.refunded) <> 'integer' OR NEW.refunded > 100000000000000000 OR NEW.refunded < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: invoices'); END;

CREATE TRIGGER invoices_money_update BEFORE UPDATE ON invoices
WHEN typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000 OR typeof(NEW.refunded) <> 'integer' OR NEW.refunded > 100000000000000000 OR NEW.refunded < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: invoices'); END;

CREATE TRIGGER invoice_lines_money_insert BEFORE INSERT ON invoice_lines
WHEN typeof(NEW.unit_net) <> 'integer' OR NEW.unit_net > 100000000000000000 OR NEW.unit_net < -100000000000000000 OR typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: invoice_lines'); END;

CREATE TRIGGER invoice_lines_money_update BEFORE UPDATE ON invoice_lines
WHEN typeof(NEW.unit_net) <> 'integer' OR NEW.unit_net > 100000000000000000 OR NEW.unit_net < -100000000000000000 OR typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: invoice_lines'); END;

CREATE TRIGGER credit_notes_money_insert BEFORE INSERT ON credit_notes
WHEN typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: credit_notes'); END;

CREATE TRIGGER credit_notes_money_update BEFORE UPDATE ON credit_notes
WHEN typeof(NEW.net) <> 'integer' OR NEW.net > 100000000000000000 OR NEW.net < -100000000000000000 OR typeof(NEW.vat) <> 'integer' OR NEW.vat > 100000000000000000 OR NEW.vat < -100000000000000000 OR typeof(NEW.gross) <> 'integer' OR NEW.gross > 100000000000000000 OR NEW.gross < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: credit_notes'); END;
