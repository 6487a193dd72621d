# api_token: German. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

api_token-created = API-Token erstellt
api_token-revoked = API-Token widerrufen
