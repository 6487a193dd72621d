# checkout: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

checkout-duration_unavailable = Diese Laufzeit wird für dieses Produkt nicht angeboten.
checkout-duration_unselected = Für einen nicht angekreuzten Posten wurde eine Laufzeit gewählt.

## Payments page

checkout-nothing_selected = Wählen Sie mindestens einen Posten zum Bezahlen.
checkout-prepaid_negative = Der Betrag aus dem Prepaid-Konto kann nicht negativ sein.
checkout-card_needed = Das Guthaben deckt nicht alles: Geben Sie eine Karte für den Rest an.
checkout-currency_mix = Die gewählten Posten sind nicht alle in der Währung der Organisation.
checkout = Zahlung
