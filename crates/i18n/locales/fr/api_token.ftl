# api_token: French. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

api_token-created = Jeton d'API créé
api_token-revoked = Jeton d'API révoqué
