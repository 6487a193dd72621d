-- 0020 rebuilt `bank_transactions` (SQLite cannot alter a CHECK), which dropped the table's money
-- triggers of 0019 with the old table: they are created again on the new one. A bank amount is an
-- integer of minor units within ±10^17, whatever writes it.
CREATE TRIGGER IF NOT EXISTS bank_transactions_money_insert BEFORE INSERT ON bank_transactions
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: bank_transactions'); END;

CREATE TRIGGER IF NOT EXISTS bank_transactions_money_update BEFORE UPDATE ON bank_transactions
WHEN typeof(NEW.amount) <> 'integer' OR NEW.amount > 100000000000000000 OR NEW.amount < -100000000000000000
BEGIN SELECT RAISE(ABORT, 'money out of range: bank_transactions'); END;
