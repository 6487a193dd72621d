# billing: German. A key `area.rest` of the code is the message `area-rest` here.

## Billing preferences

billing-reference = Rechnungsreferenz geändert
billing-reference_title = Rechnungsreferenz
billing-reference_help = Freitext (höchstens 128 Zeichen), z. B. Ihre Bestellnummer oder Kostenstelle, auf jeder künftigen Rechnung und Proforma gedruckt.
billing-reference_label = Referenz

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

billing-renew_from_prepaid = Verlängerungen aus dem Prepaid-Guthaben
billing-card_saved = Karte gespeichert
billing-card_removed = Karte entfernt
