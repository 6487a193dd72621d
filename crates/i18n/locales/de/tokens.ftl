# tokens: German. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

tokens-title = Persönliche API-Tokens
tokens-help = Ein Token gibt einem Programm Ihre Rechte in einer einzigen Organisation (Header Authorization: Bearer). Dokumentation: /api/openapi.json
tokens-none = Keine Tokens.
tokens-org = Organisation
tokens-last_used = Zuletzt verwendet
tokens-create = Token erstellen
tokens-created = Token erstellt.
tokens-copy_now = Kopieren Sie es jetzt: Es wird nicht mehr angezeigt.
tokens-revoke = Widerrufen
tokens-revoked = Token widerrufen.
