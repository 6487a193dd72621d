-- Sign-up confirmed by e-mail (issue #11 item 7): the sign-up form stores what the person typed
-- here and mails a one-time link; the login and its Organization are created only when the link is
-- followed. The answer to the form is the same whether the address has a login or not, so the form
-- cannot tell who is a customer. Only the SHA-256 of the link's token is kept.
CREATE TABLE signup_pending (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    country TEXT NOT NULL CHECK (length(country) = 2),
    lang TEXT NOT NULL CHECK (lang IN ('fr', 'en', 'de')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    CHECK (expires_at > created_at)
);
CREATE INDEX signup_pending_expiry ON signup_pending (expires_at);
