# payout_aside: German. A key `area.rest` of the code is the message `area-rest` here.

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

payout_aside-title = Von der Zahlungsdatei zurückgestellt
payout_aside-help = Diese freigegebenen Auszahlungen konnten nicht in die Zahlungsdatei geschrieben werden: ein gespeicherter Name, eine Adresse oder eine IBAN, die die Bankdatei nicht aufnehmen kann. Sie bleiben freigegeben, in der Buchhaltung hat sich nichts bewegt, und die übrigen Auszahlungen wurden geschrieben. Lehnen Sie die Auszahlung ab (der Betrag geht auf das Prepaid-Guthaben der Organisation zurück, und der Antragsteller erhält Ihren Grund), oder lassen Sie die Daten korrigieren und schreiben Sie die Datei erneut.
payout_aside-withdrawal = Auszahlung
payout_aside-org = Organisation
payout_aside-amount = Betrag
payout_aside-reason = Grund
payout_aside-action = Was Sie tun können
payout_aside-field-holder = Kontoinhaber
payout_aside-field-address = Adresse der Organisation
payout_aside-field-iban = IBAN
payout_aside-field-other = Auszahlung
payout_aside-char = dieses Zeichen kann nicht in eine Schweizer Zahlung geschrieben werden: { $char }
payout_aside-unwritable = kann nicht in die Zahlungsdatei geschrieben werden:
payout_aside-since = Zurückgestellt seit { $date }
payout_aside-badge = zurückgestellt
payout_aside-reject = Ablehnen: der Betrag geht auf das Prepaid-Guthaben zurück
payout_aside-fix_address = Oder: Die Organisation korrigiert ihre Adresse (rechtliche Angaben), dann schreiben Sie die Datei erneut.
payout_aside-written_some = Datei mit den übrigen Auszahlungen geschrieben: Laden Sie sie unten herunter und übermitteln Sie sie der Bank. Einige Auszahlungen wurden zurückgestellt: siehe Liste.
payout_aside-none_written = Keine Datei geschrieben: Alle freigegebenen Auszahlungen wurden zurückgestellt (siehe Liste).
payout_aside-rejected = Auszahlung abgelehnt: Der Betrag ist wieder auf dem Prepaid-Guthaben der Organisation.

## pain.001 accounts per currency, camt details kept and shown (issue #15)

payout_aside-field-account = Auszahlungskonto
payout_aside-no_account = kein Auszahlungskonto in { $currency } konfiguriert ({ $setting }): Diese Auszahlungen werden nie einem Konto in einer anderen Währung belastet. Konfigurieren Sie das Konto, starten Sie neu und schreiben Sie die Datei erneut.
