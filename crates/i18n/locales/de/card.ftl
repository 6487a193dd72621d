# card: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

card-number_label = Kartennummer
card-expiry_label = Ablauf (MM/JJ)
card-cvc_label = Sicherheitscode
card-number_invalid = Diese Kartennummer ist ungültig.
card-expiry_invalid = Geben Sie das Ablaufdatum als MM/JJ ein.
card-expired = Diese Karte ist abgelaufen.
card-cvc_invalid = Der Sicherheitscode hat 3 oder 4 Ziffern.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

card-refused = Der Zahlungsanbieter lehnt es ab, diese Karte zu speichern. Versuchen Sie eine andere Karte.
card-needs_javascript = Das sichere Kartenfeld des Zahlungsanbieters braucht JavaScript: Schalten Sie es ein, um per Karte zu bezahlen.
card-method_needed = Geben Sie Ihre Karte im sicheren Feld des Zahlungsanbieters ein.
