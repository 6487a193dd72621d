# withdrawal: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

withdrawal-title = Guthaben auszahlen
withdrawal-help = Der Betrag wird sofort reserviert und nach Freigabe durch unser Team ausbezahlt. Das Konto muss auf den Namen der Organisation lauten.
withdrawal-method_label = An
withdrawal-method-iban = Bankkonto (IBAN)
withdrawal-method-paypal = PayPal-Adresse
withdrawal-destination_label = IBAN oder PayPal-Adresse
withdrawal-holder_label = Kontoinhaber
withdrawal-submit = Auszahlung beantragen
withdrawal-requested_done = Antrag erfasst: Der Betrag ist bis zur Freigabe reserviert.
withdrawal-list = Auszahlungsanträge
withdrawal-status-requested = wartet auf Freigabe
withdrawal-status-approved = freigegeben, wartet auf die Zahlungsdatei
withdrawal-status-rejected = abgelehnt
withdrawal-status-in_transit = an die Bank übermittelt
withdrawal-status-paid = ausbezahlt
withdrawal-amount_positive = Der Betrag muss positiv sein.
withdrawal-iban_invalid = Diese IBAN ist ungültig (prüfen Sie die Prüfziffern).
withdrawal-holder_mismatch = Das Konto muss auf den Namen der Organisation lauten, wie in ihren Angaben.
withdrawal-insufficient = Das verfügbare Guthaben reicht für diesen Betrag nicht.
withdrawal-fresh_code = Bestätigen Sie mit einem aktuellen Zwei-Faktor-Code.
withdrawal-reason_needed = Nennen Sie dem Kunden den Grund der Ablehnung.
withdrawal-already_decided = Dieser Antrag wurde bereits bearbeitet.
withdrawal-requested = Auszahlung beantragt
withdrawal-decided = Auszahlung entschieden

## Help

withdrawal-in_transit = Auszahlung an die Bank übermittelt
withdrawal-paid = Auszahlung ausgeführt

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

withdrawal-set_aside = Auszahlung von der Zahlungsdatei zurückgestellt
withdrawal-approved = Auszahlung freigegeben
