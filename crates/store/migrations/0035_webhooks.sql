-- Outgoing webhooks (issue #13): the endpoints operators register, the events written in the
-- transaction of the change that causes them (an outbox: a rolled-back change leaves none), one
-- delivery per event and subscribed endpoint, and every attempt of each.
--
-- Like the e-mail outbox, a delivery has no status column: it is delivered (delivered_at), dead
-- (dead_at: three days of failures) or still to try (next_attempt_at), and a sender holds it by a
-- lease (locked_until) taken with a conditional UPDATE, so two instances never send one attempt.

CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
    description TEXT NOT NULL DEFAULT '',
    -- The subscribed event types, comma-separated (`invoice.paid,member.joined`).
    event_types TEXT NOT NULL CHECK (length(event_types) > 0),
    -- The signing secret as shown to the operator (`whsec_` and base64): it signs every attempt,
    -- so it is kept, not hashed.
    secret TEXT NOT NULL CHECK (secret LIKE 'whsec_%'),
    created_at BIGINT NOT NULL,
    disabled_at BIGINT,
    disabled_reason TEXT,
    consecutive_failures BIGINT NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    -- The first failure since the last success: after three days of nothing but failures the
    -- endpoint is disabled.
    failing_since BIGINT
);

CREATE TABLE webhook_events (
    -- The `webhook-id`: `msg_` and 32 hex digits.
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    org_id TEXT REFERENCES orgs (id),
    -- The exact body that is signed and sent: {"type", "timestamp", "data"}.
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhook_events_created ON webhook_events (created_at);

CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES webhook_events (id),
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    attempts BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at BIGINT NOT NULL,
    locked_until BIGINT,
    last_response_code BIGINT,
    last_error TEXT,
    delivered_at BIGINT,
    dead_at BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
-- The sender's claim: the undelivered, live deliveries by due time.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    n BIGINT NOT NULL CHECK (n >= 1),
    at BIGINT NOT NULL,
    -- The HTTP status the endpoint answered, or none (then `error` says why: refused, timed out…).
    response_code BIGINT,
    error TEXT,
    duration_ms BIGINT NOT NULL CHECK (duration_ms >= 0),
    PRIMARY KEY (delivery_id, n)
);
