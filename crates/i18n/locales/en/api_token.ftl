# api_token: English. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

api_token-created = API token created
api_token-revoked = API token revoked
