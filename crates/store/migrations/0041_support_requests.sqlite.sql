-- Support requests (issue #16): a request of an Organization, its messages (the customer's, the
-- operators', internal notes), their attachments (bytes kept in the database, within the limits
-- of the configuration), the operators' canned replies, and what mail-in needs to thread replies.

CREATE TABLE support_requests (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    topic TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    product_id TEXT REFERENCES products (id),
    opened_by TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'waiting_customer', 'answered', 'closed')),
    -- The Organization's Premium Support tier when it was opened (0: standard).
    tier BIGINT NOT NULL DEFAULT 0 CHECK (tier >= 0),
    assignee TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- The first public answer of an operator: when, and who.
    first_response_at BIGINT,
    first_responder TEXT REFERENCES users (id),
    closed_at BIGINT,
    -- The guides the contact window suggested before it was sent (comma-separated ids).
    suggested TEXT NOT NULL DEFAULT ''
);
CREATE INDEX support_requests_org ON support_requests (org_id, created_at, id);
CREATE INDEX support_requests_queue ON support_requests (status, tier, created_at);

CREATE TABLE support_messages (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES support_requests (id),
    kind TEXT NOT NULL CHECK (kind IN ('customer', 'operator', 'note')),
    author_id TEXT REFERENCES users (id),
    body TEXT NOT NULL,
    -- web, api or mail.
    via TEXT NOT NULL CHECK (via IN ('web', 'api', 'mail')),
    -- The Message-ID of the e-mail it came in (one e-mail is appended once).
    mail_message_id TEXT UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX support_messages_request ON support_messages (request_id, created_at);

CREATE TABLE support_attachments (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES support_messages (id),
    request_id TEXT NOT NULL REFERENCES support_requests (id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size > 0),
    content BLOB NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX support_attachments_message ON support_attachments (message_id);

CREATE TABLE support_canned_replies (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The notifications sent about a request: a reply's In-Reply-To names one of them.
CREATE TABLE support_mail_refs (
    outbox_id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES support_requests (id)
);

-- A notification's Reply-To (the request's signed reply address).
ALTER TABLE outbox ADD COLUMN reply_to TEXT;

-- Secrets the application keeps for itself when none is configured (the reply tokens' key).
CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
