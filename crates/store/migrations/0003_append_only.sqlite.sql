-- The ledger and the audit log are append-only: no UPDATE, no DELETE (SQLite triggers).
CREATE TRIGGER ledger_entries_append_only_u BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_entries_append_only_d BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_transfers_append_only_u BEFORE UPDATE ON ledger_transfers BEGIN SELECT RAISE(ABORT, 'ledger_transfers is append-only'); END;
CREATE TRIGGER ledger_transfers_append_only_d BEFORE DELETE ON ledger_transfers BEGIN SELECT RAISE(ABORT, 'ledger_transfers is append-only'); END;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
