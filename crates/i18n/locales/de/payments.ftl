# payments: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

payments-duration = Laufzeit
payments-duration_note = Eine andere Laufzeit ersetzt die Rechnung durch eine neue zum heutigen Preis; sie gilt erst, wenn die Zahlung durch ist.

## Payments page

payments-showing_two_months = In den nächsten 2 Monaten fällig.
payments-showing_all = Alles Fällige.
payments-show_all = Alle anzeigen
payments-next_two_months = Nächste 2 Monate
payments-select = Zahlen
payments-kind-order = Bestellung
payments-kind-renewal = Verlängerung
payments-total_listed = Summe der angezeigten Posten:
payments-from_prepaid = Betrag aus dem Prepaid-Konto
payments-rest_by_card = Der Rest per Karte
payments-pay_selection = Auswahl bezahlen
payments-paid = Zahlung ausgeführt: Die betroffenen Produkte sind aktiv.
payments-selection_total = Summe der Auswahl
payments-selection_prepaid = Aus dem Prepaid-Konto
payments-selection_card = Rest per Karte
payments-recompute = Beträge neu berechnen
payments-billed_to = Verrechnet an { $name }
payments-address_for = Rechnungsadresse der Rechnung { $number }
payments-readdress = Adresse ändern
payments-readdressed = Die Rechnung wurde durch eine Rechnung an die neue Adresse ersetzt, die auch für die nächsten Verlängerungen gilt.
payments-address_one_product = Nur eine Rechnung für ein einzelnes Produkt kann ihre Rechnungsadresse ändern.
payments-not_invoiced_title = Noch nicht verrechnete Produkte
payments-not_invoiced_help = Ihre nächste Laufzeit ist noch nicht verrechnet. «Verlängern» stellt die Rechnung jetzt aus und kreuzt sie oben an.
