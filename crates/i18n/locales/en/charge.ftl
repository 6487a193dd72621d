# charge: English. A key `area.rest` of the code is the message `area-rest` here.

## What a card charge is for, as the card processor shows it to the provider (its dashboard) and
## keeps it: always in the provider's language.

charge-top_up = Top-up by card •••• { $last4 }
charge-top_up_card = Top-up by card
charge-invoices = { $n ->
    [one] Invoice { $numbers }
   *[other] Invoices { $numbers }
}
charge-renewal = Renewal { $number } ({ $product })
