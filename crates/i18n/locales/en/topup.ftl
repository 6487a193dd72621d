# topup: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

topup-too_small = The smallest top-up is 10.00.
topup-too_large = The largest top-up is 10'000.00.
topup-balance_limit = This top-up would take the balance above the allowed maximum (50'000.00).
topup-already_charged = This top-up was already charged to the card: nothing was charged twice.
topup-currency_changed = The Organization's currency has just changed: nothing was charged, start the top-up again.
