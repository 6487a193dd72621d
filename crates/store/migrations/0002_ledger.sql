-- The ledger (double entry, TigerBeetle style): every transfer debits one account and credits another
-- by the same positive amount, so debits equal credits by construction. Accounts keep running sums;
-- customer money (no_overdraw = 1) can never have more debits than credits: the CHECK refuses it.

CREATE TABLE ledger_accounts (
    id TEXT PRIMARY KEY,
    account_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('prepaid', 'withdrawal_hold', 'receivable', 'revenue', 'vat_payable',
                                       'card_clearing', 'bank_clearing', 'payouts_in_transit')),
    org_id TEXT REFERENCES orgs (id),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    debits BIGINT NOT NULL DEFAULT 0 CHECK (debits >= 0),
    credits BIGINT NOT NULL DEFAULT 0 CHECK (credits >= 0),
    no_overdraw BIGINT NOT NULL CHECK (no_overdraw IN (0, 1)),
    created_at BIGINT NOT NULL,
    CONSTRAINT ledger_no_overdraw CHECK (no_overdraw = 0 OR debits <= credits),
    UNIQUE (id, currency)
);
CREATE INDEX ledger_accounts_org ON ledger_accounts (org_id);

-- One business operation (a top-up, a checkout…): one or more transfers committed together.
CREATE TABLE ledger_entries (
    id TEXT PRIMARY KEY,
    org_id TEXT REFERENCES orgs (id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    idempotency_key TEXT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ledger_entries_idempotency ON ledger_entries (org_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE ledger_transfers (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES ledger_entries (id),
    debit_account TEXT NOT NULL,
    credit_account TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount BIGINT NOT NULL CHECK (amount > 0),
    created_at BIGINT NOT NULL,
    CHECK (debit_account <> credit_account),
    FOREIGN KEY (debit_account, currency) REFERENCES ledger_accounts (id, currency),
    FOREIGN KEY (credit_account, currency) REFERENCES ledger_accounts (id, currency)
);
CREATE INDEX ledger_transfers_entry ON ledger_transfers (entry_id);
CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account, created_at);
CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account, created_at);
