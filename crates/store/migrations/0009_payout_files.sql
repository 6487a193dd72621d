-- pain.001 payout files written for approved withdrawals (PP-04), kept for download and audit.
CREATE TABLE payout_files (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    payouts BIGINT NOT NULL CHECK (payouts > 0),
    xml TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
ALTER TABLE withdrawals ADD COLUMN payout_file_id TEXT REFERENCES payout_files (id);
