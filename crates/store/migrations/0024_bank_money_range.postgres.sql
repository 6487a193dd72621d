-- The SQLite variant restores triggers that 0020's table rebuild dropped; on PostgreSQL 0020 altered
-- the table in place and 0019's CHECK is still there. Asserted again so both databases end alike.
ALTER TABLE bank_transactions DROP CONSTRAINT IF EXISTS bank_transactions_money_range;
ALTER TABLE bank_transactions ADD CONSTRAINT bank_transactions_money_range
    CHECK (amount BETWEEN -100000000000000000 AND 100000000000000000);
