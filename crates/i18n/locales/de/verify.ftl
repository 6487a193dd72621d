# verify: German. A key `area.rest` of the code is the message `area-rest` here.

## Reminders (REM-05) and checking a reminder (REM-06)

verify-title = Erinnerung prüfen
verify-help = Haben Sie eine Zahlungserinnerung erhalten? Fügen Sie die Zahlungsreferenz (oder die Rechnungsnummer) und den Betrag ein: Wir sagen Ihnen, ob es sich um eine echte offene Rechnung Ihrer Organisation handelt. Unsere E-Mails enthalten nie einen Zahlungslink zu einer anderen Website.
verify-reference = Referenz oder Rechnungsnummer
verify-amount = Betrag (optional)
verify-submit = Prüfen
verify-genuine = Echt: Die Rechnung { $number } über { $amount }, fällig am { $due }, ist in Ihrer Organisation offen.
verify-not_open = Diese Referenz gehört zur Rechnung { $number } Ihrer Organisation, aber es ist nichts geschuldet: Sie ist { $status }. Zahlen Sie nicht.
verify-amount_differs = Achtung: Die Rechnung { $number } Ihrer Organisation beträgt { $amount }, nicht den angegebenen Betrag. Zahlen Sie nur den im Manager angezeigten Betrag.
verify-unknown = Keine Rechnung Ihrer Organisation trägt diese Referenz. Zahlen Sie nicht und melden Sie die Nachricht dem Support.
verify-reference_invalid = Fügen Sie die Referenz so ein, wie sie auf der Erinnerung steht (Ziffern und Buchstaben, höchstens 40 Zeichen).
verify-amount_invalid = Geben Sie einen positiven Betrag an, zum Beispiel 120.50.
