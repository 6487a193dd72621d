# idempotency: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

idempotency-key_invalid = Der Idempotenzschlüssel muss 1 bis 255 sichtbare Zeichen haben.
idempotency-mismatch = Dieser Idempotenzschlüssel wurde bereits für eine andere Anfrage verwendet.
idempotency-required = Dieser Vorgang bewegt Geld: Senden Sie einen Idempotency-Key-Header.
