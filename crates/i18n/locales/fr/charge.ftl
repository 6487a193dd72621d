# charge: French. A key `area.rest` of the code is the message `area-rest` here.

## What a card charge is for, as the card processor shows it to the provider (its dashboard) and
## keeps it: always in the provider's language.

charge-top_up = Recharge par carte •••• { $last4 }
charge-top_up_card = Recharge par carte
charge-invoices = { $n ->
    [one] Facture { $numbers }
   *[other] Factures { $numbers }
}
charge-renewal = Renouvellement { $number } ({ $product })
