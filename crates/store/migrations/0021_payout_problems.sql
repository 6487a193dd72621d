-- One payout that cannot be exported is set aside with its reason (issue #11, item 6): the others
-- are written. A row here means "approved, but the last payout run could not put it in a file";
-- it is refreshed on every run (`seen_at`) and removed when the withdrawal is exported or rejected.
-- Nothing else changes for a set-aside withdrawal: it stays approved, its hold stays in the ledger.
-- `field`: what stopped it (holder name, Organization address, IBAN, anything else), for the back
-- office's words; `refused_char`: the character outside the Swiss Payment Standards set, if that was
-- the cause; `reason`: the pain.001 writer's own words (CLI, audit).
CREATE TABLE payout_problems (
    withdrawal_id TEXT PRIMARY KEY REFERENCES withdrawals (id),
    field TEXT NOT NULL CHECK (field IN ('holder', 'address', 'iban', 'other')),
    refused_char TEXT,
    reason TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL
);
