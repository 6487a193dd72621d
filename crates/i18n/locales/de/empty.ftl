# empty: German. A key `area.rest` of the code is the message `area-rest` here.

## Empty sections

empty-products = Diese Organisation hat noch keine Produkte.
empty-payments = Nichts zu bezahlen: keine Verlängerung oder Bestellung fällig.
empty-invoices = Noch keine Rechnungen.
empty-prepaid = Das Prepaid-Konto hat noch keine Bewegungen.
empty-addresses = Keine Rechnungsadresse ausser jener der Organisation.
empty-teams = Noch keine Arbeitsteams.
