# checkout: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

checkout-duration_unavailable = This duration is not offered for this product.
checkout-duration_unselected = A duration was chosen for an item that is not ticked.

## Payments page

checkout-nothing_selected = Tick at least one item to pay.
checkout-prepaid_negative = The amount from the prepaid account cannot be negative.
checkout-card_needed = The balance does not cover everything: give a card for the rest.
checkout-currency_mix = The items chosen are not all in the Organization's currency.
checkout = Payment
