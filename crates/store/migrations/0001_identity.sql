-- Identity, Organizations, memberships, sessions, tokens, throttling, outbox, audit.
-- Portable SQL (SQLite and PostgreSQL): ids are TEXT (UUIDv7), times are BIGINT Unix seconds (UTC),
-- flags are BIGINT 0/1 with a CHECK.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en', 'de')),
    totp_secret TEXT,
    totp_enabled BIGINT NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
    totp_last_step BIGINT NOT NULL DEFAULT 0,
    is_operator BIGINT NOT NULL DEFAULT 0 CHECK (is_operator IN (0, 1)),
    disabled BIGINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    support_code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'association', 'company', 'public_body')),
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL CHECK (length(country) = 2),
    phone TEXT,
    vat_number TEXT,
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    force_2fa BIGINT NOT NULL DEFAULT 0 CHECK (force_2fa IN (0, 1)),
    billing_reference TEXT CHECK (billing_reference IS NULL OR length(billing_reference) <= 128),
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);

CREATE TABLE memberships (
    org_id TEXT NOT NULL REFERENCES orgs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('legal_rep', 'admin', 'collaborator', 'external')),
    accounting BIGINT NOT NULL DEFAULT 0 CHECK (accounting IN (0, 1)),
    billing_contact BIGINT NOT NULL DEFAULT 0 CHECK (billing_contact IN (0, 1)),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('legal_rep', 'admin', 'collaborator', 'external')),
    accounting BIGINT NOT NULL DEFAULT 0 CHECK (accounting IN (0, 1)),
    billing_contact BIGINT NOT NULL DEFAULT 0 CHECK (billing_contact IN (0, 1)),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT,
    revoked_at BIGINT
);
-- One open invitation per address and Organization.
CREATE UNIQUE INDEX invitations_open ON invitations (org_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id TEXT REFERENCES orgs (id),
    csrf TEXT NOT NULL,
    pending_2fa BIGINT NOT NULL DEFAULT 0 CHECK (pending_2fa IN (0, 1)),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE known_devices (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, fingerprint)
);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

-- Failed (and successful) login attempts, for throttling per account and per IP across instances.
CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    ip TEXT NOT NULL,
    ok BIGINT NOT NULL CHECK (ok IN (0, 1)),
    at BIGINT NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts (account, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- E-mail outbox: written in the same transaction as the change that causes the message.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, created_at);

-- Append-only record of security-relevant actions.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    org_id TEXT,
    actor_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (org_id, at);
