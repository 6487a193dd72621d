-- Two-phase card charges (issue #13). A charge is recorded `pending` in a first transaction, the
-- provider is called outside any transaction, and a second transaction settles it; a pending charge
-- a crash left behind is settled by the reconciler, which asks the provider. A charge is the card
-- payment's record too (`card_payments` and `card_charges` are no longer written).
CREATE TABLE charges (
    id TEXT PRIMARY KEY,
    -- What it pays (`topup:<org>:<key>`, `checkout:<invoice ids>`, `renewal:<invoice>:<slot>`,
    -- `refund:<credit note>`): one live charge per thing, whatever the number of requests.
    pays TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('top_up', 'checkout', 'renewal', 'refund')),
    amount BIGINT NOT NULL CHECK (amount > 0 AND amount <= 100000000000000000),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    -- The prepaid part of a checkout, held on the Organization's `payment_hold` account meanwhile.
    from_prepaid BIGINT NOT NULL DEFAULT 0 CHECK (from_prepaid >= 0 AND from_prepaid <= 100000000000000000),
    -- What was refunded to the card of this charge so far.
    refunded BIGINT NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount),
    idempotency_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    -- The provider's object (Stripe PaymentIntent or Refund), known before it is confirmed.
    provider_ref TEXT,
    -- For a refund: the charge it gives back.
    refund_of TEXT REFERENCES charges (id),
    last4 TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'declined', 'failed', 'released')),
    reason TEXT NOT NULL DEFAULT '',
    -- What the settlement needs besides: a checkout's other durations (FREQ-01a), as JSON
    -- `{"durations": {"<invoice id>": months}}`, re-billed only once the card is charged.
    details TEXT NOT NULL DEFAULT '{}',
    -- Who asked (the audit line of the settlement names them), empty for a job.
    user_id TEXT,
    created_at BIGINT NOT NULL,
    settled_at BIGINT,
    checked_at BIGINT
);
CREATE UNIQUE INDEX charges_live ON charges (pays) WHERE status IN ('pending', 'succeeded');
CREATE UNIQUE INDEX charges_provider_ref ON charges (provider, provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX charges_pending ON charges (created_at) WHERE status = 'pending';
CREATE INDEX charges_org ON charges (org_id, created_at);

-- The card charge that pays (pending) or paid (succeeded) an invoice: taken by a conditional write
-- in the charge's first transaction, so no other payment settles the invoice meanwhile.
ALTER TABLE invoices ADD COLUMN card_charge_id TEXT REFERENCES charges (id);

-- Stripe's events, each applied once (RELIABILITY.md #25).
CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    received_at BIGINT NOT NULL
);

-- The Organization's `payment_hold` account (prepaid money held for a card payment in progress);
-- see 0025 for why the CHECK is widened in the schema text.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''payouts_in_transit'', ''bank_fees''))', '''payouts_in_transit'', ''bank_fees'', ''payment_hold''))')
WHERE type = 'table' AND name = 'ledger_accounts';
PRAGMA writable_schema = RESET;
