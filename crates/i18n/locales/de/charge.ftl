# charge: German. A key `area.rest` of the code is the message `area-rest` here.

## What a card charge is for, as the card processor shows it to the provider (its dashboard) and
## keeps it: always in the provider's language.

charge-top_up = Aufladung per Karte •••• { $last4 }
charge-top_up_card = Aufladung per Karte
charge-invoices = { $n ->
    [one] Rechnung { $numbers }
   *[other] Rechnungen { $numbers }
}
charge-renewal = Verlängerung { $number } ({ $product })
