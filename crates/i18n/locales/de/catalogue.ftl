# catalogue: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

catalogue-name_needed = Geben Sie dem Angebot einen Namen (höchstens 100 Zeichen).
catalogue-premium_min = Premium Support hat eine Mindestlaufzeit von 6 Monaten: kein Preis für 1 oder 3 Monate.
catalogue-no_backdating = Ein Preis gilt frühestens ab heute: Ausgestellte Rechnungen ändern sich nie.
catalogue-price_in_force = Dieser Preis gilt bereits: Legen Sie den neuen Preis ab einem späteren Datum fest.
catalogue-offer_created = Angebot erstellt
catalogue-price_set = Preis festgelegt
catalogue-offer_active = Angebot angezeigt oder zurückgezogen
