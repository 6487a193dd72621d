# card: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

card-number_label = Card number
card-expiry_label = Expiry (MM/YY)
card-cvc_label = Security code
card-number_invalid = This card number is not valid.
card-expiry_invalid = Enter the expiry date as MM/YY.
card-expired = This card has expired.
card-cvc_invalid = The security code has 3 or 4 digits.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

card-refused = The payment provider refuses to save this card. Try another card.
card-needs_javascript = The payment provider’s secure card field needs JavaScript: turn it on to pay by card.
card-method_needed = Enter your card in the payment provider’s secure field.
