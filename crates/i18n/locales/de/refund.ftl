# refund: German. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

refund-reason_needed = Geben Sie den Grund der Rückerstattung an: Er steht auf der Gutschrift.
refund-amount_positive = Der zu erstattende Betrag muss größer als null sein.
refund-more_than_left = Dieser Betrag übersteigt, was auf der Rechnung noch erstattet werden kann.
refund-not_settled = Nur eine bezahlte Rechnung kann erstattet werden; eine offene Rechnung wird beglichen oder storniert.
refund-no_card_payment = Diese Rechnung wurde nicht per Karte bezahlt: Erstatten Sie sie auf das Prepaid-Konto.
refund-more_than_card = Dieser Betrag übersteigt, was auf der Karte, mit der die Rechnung bezahlt wurde, noch erstattet werden kann.
refund-in_progress = Eine Erstattung dieser Gutschrift ist bereits im Gange.
