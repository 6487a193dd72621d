# idempotency: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

idempotency-key_invalid = La clé d'idempotence doit compter de 1 à 255 caractères visibles.
idempotency-mismatch = Cette clé d'idempotence a déjà servi pour une autre requête.
idempotency-required = Cette opération déplace de l'argent : envoyez un en-tête Idempotency-Key.
