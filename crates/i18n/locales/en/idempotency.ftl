# idempotency: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

idempotency-key_invalid = The idempotency key must have 1 to 255 visible characters.
idempotency-mismatch = This idempotency key was already used for another request.
idempotency-required = This operation moves money: send an Idempotency-Key header.
