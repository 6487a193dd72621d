# order: German. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

order-title = Produkt bestellen
order-help = Die Bestellung erstellt eine Rechnung; das Produkt wird aktiviert, sobald sie bezahlt ist.
order-offer = Angebot und Laufzeit
order-excl_vat = exkl. MWST
order-address = Rechnungsadresse
order-submit = Bestellen
order-done = Bestellung erfasst: Hier ist die Rechnung.
order-no_price = Dieses Angebot hat für diese Laufzeit keinen Preis in Ihrer Währung.
order-address_incomplete = Vervollständigen Sie zuerst die Adresse der Organisation (PLZ und Ort) oder wählen Sie eine Rechnungsadresse.
