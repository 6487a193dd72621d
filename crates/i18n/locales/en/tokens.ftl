# tokens: English. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

tokens-title = Personal API tokens
tokens-help = A token gives a program your rights in one Organization (Authorization: Bearer header). Documentation: /api/openapi.json
tokens-none = No tokens.
tokens-org = Organization
tokens-last_used = Last used
tokens-create = Create a token
tokens-created = Token created.
tokens-copy_now = Copy it now: it will not be shown again.
tokens-revoke = Revoke
tokens-revoked = Token revoked.
