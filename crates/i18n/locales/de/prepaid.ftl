# prepaid: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

prepaid-balance = Verfügbares Guthaben:
prepaid-help = Das Guthaben ist die genaue Summe der Bewegungen unten; es kann nie negativ sein.
prepaid-movements = Bewegungen
prepaid-date = Datum
prepaid-what = Vorgang
prepaid-amount = Betrag
prepaid-top_up = Prepaid-Konto aufgeladen
prepaid-top_up_title = Konto aufladen
prepaid-top_up_help = Betrag zwischen { $min } und { $max }; das Guthaben darf { $limit } nicht übersteigen.
prepaid-amount_label = Betrag
prepaid-pay_by_card = Mit Karte bezahlen
prepaid-top_up_done = Zahlung angenommen: Das Prepaid-Konto ist aufgeladen.
prepaid-top_up_declined = Zahlung von der Kartenbank abgelehnt; nichts wurde belastet. Versuchen Sie eine andere Karte.
prepaid-test_cards = Testmodus: 4242 4242 4242 4242 wird angenommen, 4000 0000 0000 0002 abgelehnt.
prepaid-transfer_title = Per Banküberweisung aufladen
prepaid-transfer_help = Sie erhalten eine QR-Rechnung mit eigener Referenz; das Konto wird gutgeschrieben, sobald die Zahlung eintrifft.
prepaid-transfer_submit = QR-Rechnung erhalten
prepaid-transfer_open = Erwartete Überweisungen
prepaid-transfer_account = Konto
prepaid-transfer_reference = Referenz
prepaid-transfer_payee = Zahlbar an
prepaid-transfer_after = Geben Sie genau diese Referenz an: Sie ordnet die Zahlung Ihrem Prepaid-Konto zu.
prepaid-transfer_qr_alt = QR-Rechnung: Zahlteil und Empfangsschein
prepaid-transfer_download = QR-Rechnung herunterladen (SVG)
prepaid-transfer_message = Aufladung Prepaid-Konto
prepaid-transfer_requested = Überweisung angefordert
prepaid-credited = Prepaid-Konto gutgeschrieben
