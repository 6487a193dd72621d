# mail: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

mail-withdrawal_approved-subject = Ihr Auszahlungsantrag ist freigegeben
mail-withdrawal_approved-body = Ihr Auszahlungsantrag über { $amount } ist freigegeben. Die Überweisung geht mit unserer nächsten Zahlungsdatei.
mail-withdrawal_rejected-subject = Ihr Auszahlungsantrag wurde abgelehnt
mail-withdrawal_rejected-body =
    Ihr Auszahlungsantrag über { $amount } wurde abgelehnt: { $reason }
    Der Betrag ist wieder auf Ihrem Prepaid-Konto verfügbar.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

mail-credit_note-subject = Gutschrift { $number } zur Rechnung { $invoice }
mail-credit_note-body =
    Wir haben die Gutschrift { $number } über { $amount } zur Rechnung { $invoice } ausgestellt ({ $reason }). Der Betrag wurde Ihrem Prepaid-Konto gutgeschrieben: Sie können ihn für Ihre nächsten Rechnungen verwenden oder auszahlen lassen. Die Gutschrift finden Sie im Manager unter Buchhaltung → Rechnungen.

    Ihr Support-Code: { $code }
mail-payment_mismatch-subject = Ihre Zahlung für Rechnung { $invoice }
mail-payment_mismatch-body =
    Wir haben { $received } mit der Referenz der Rechnung { $invoice } erhalten, die { $expected } beträgt (oder bereits beglichen ist). Der Betrag wurde Ihrem Prepaid-Guthaben in { $currency } gutgeschrieben (Buchhaltung → Prepaid-Konto); an der Rechnung hat diese Zahlung nichts geändert. Ist sie noch offen, können Sie sie im Manager unter Buchhaltung → Rechnungen mit einem Klick aus dem Guthaben bezahlen.

    Ihr Support-Code: { $code }

## E-mails

mail-hello = Guten Tag
mail-greeting = Guten Tag { $name },
mail-signature =
    — Guichet
    Diese E-Mail enthält nie einen Zahlungslink zu einer anderen Website.
mail-welcome-subject = Willkommen bei Guichet
mail-welcome-body = { $name }, Ihr Konto und Ihre Organisation sind bereit. Vervollständigen Sie die Adresse der Organisation im Manager: Sie bestimmt die Währung Ihrer Rechnungen.
mail-new_device-subject = Neue Anmeldung bei Ihrem Konto
mail-new_device-body =
    Ihr Konto wurde von einem neuen Gerät oder Ort angemeldet:
    { $when }, IP-Adresse { $ip }
    { $agent }

    Waren Sie es nicht, ändern Sie Ihr Passwort und beenden Sie unbekannte Sitzungen unter Profil → Sicherheit.
mail-password_changed-subject = Ihr Passwort wurde geändert
mail-password_changed-body = Das Passwort Ihres Kontos wurde soeben geändert. Waren Sie es nicht, setzen Sie es sofort zurück und kontaktieren Sie den Support.
mail-password_reset-subject = Passwort zurücksetzen
mail-password_reset-body =
    Um ein neues Passwort zu wählen, öffnen Sie diesen Link (eine Stunde gültig, einmalig):
    { $link }

    Haben Sie nichts angefordert, ignorieren Sie diese E-Mail.
mail-totp_enabled-subject = Zwei-Faktor-Authentifizierung aktiviert
mail-totp_enabled-body = Die Zwei-Faktor-Authentifizierung ist jetzt für Ihr Konto aktiv. Bewahren Sie Ihre Wiederherstellungscodes sicher auf.
mail-totp_disabled-subject = Zwei-Faktor-Authentifizierung deaktiviert
mail-totp_disabled-body = Die Zwei-Faktor-Authentifizierung wurde für Ihr Konto deaktiviert. Waren Sie es nicht, kontaktieren Sie sofort den Support.
mail-org_changed-subject = { $org }: rechtliche Angaben geändert
mail-org_changed-body =
    { $by } hat die rechtlichen Angaben von { $org } geändert. Zusammenfassung:
    { $summary }
mail-invitation-subject = Einladung zu { $org }
mail-invitation-body =
    { $by } lädt Sie ein, { $org } als { $role } beizutreten.
    Zum Annehmen öffnen Sie diesen Link ({ $days } Tage gültig):
    { $link }
mail-role_changed-subject = { $org }: Ihre Rolle wurde geändert
mail-role_changed-body = { $by } hat Ihre Rolle in { $org } geändert: Sie sind jetzt { $role }. Die Änderung gilt sofort.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

mail-renewal_failed-subject = Automatische Verlängerung von { $product }: Zahlung abgelehnt
mail-renewal_failed-body =
    Die automatische Verlängerung von { $product } (Rechnung { $invoice }) konnte nicht bezahlt werden: { $reason }. Wir versuchen es am { $next } erneut. Aktualisieren Sie dazu Ihre Karte oder laden Sie Ihr Prepaid-Konto im Manager auf, oder bezahlen Sie die Rechnung von Hand (Seite Zahlungen).

    Ihr Support-Code: { $code }
mail-renewal_failed-last =
    Die automatische Verlängerung von { $product } (Rechnung { $invoice }) konnte nicht bezahlt werden: { $reason }. Das war der letzte Versuch: Bezahlen Sie die Rechnung von Hand (Seite Zahlungen im Manager), sonst läuft das Produkt an seinem Ablaufdatum ab.

    Ihr Support-Code: { $code }
mail-product_expired-subject = { $product } ist abgelaufen
mail-product_expired-body =
    { $product } hat sein Ablaufdatum ohne Verlängerung erreicht. Es läuft noch, wird aber am { $blocked_on } gesperrt. Um es zu behalten, bezahlen Sie die Verlängerung im Manager (Seite Zahlungen).

    Ihr Support-Code: { $code }
mail-invoices_export-subject = Ihr Rechnungsexport (CSV)
mail-invoices_export-body =
    Im Anhang finden Sie den im Manager angeforderten CSV-Export von { $rows ->
        [one] { $rows } Rechnung
       *[other] { $rows } Rechnungen
    } (Filter: { $filters }).

    Ihr Support-Code: { $code }

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

mail-support_granted-subject = { $org }: befristeter Zugang für den Support gewährt
mail-support_granted-body = { $by } hat dem Support des Anbieters bis { $until } befristeten Zugang zu { $org } ({ $scope }) gewährt. Der Support kann weder zahlen, Geld auszahlen noch Rollen ändern; alles erscheint im Aktivitätsprotokoll. Der Zugang kann jederzeit auf der Support-Seite widerrufen werden.
mail-support_expired-subject = { $org }: befristeter Support-Zugang abgelaufen
mail-support_expired-body = Der befristete Support-Zugang für { $org } ist abgelaufen: Der Support hat keinen Zugang mehr. Was er getan hat, steht im Aktivitätsprotokoll.

## Reminders (REM-05) and checking a reminder (REM-06)

mail-reminder-subject1 = Erinnerung: Rechnung { $invoice } ist unbezahlt
mail-reminder-subject2 = Zweite Erinnerung: Rechnung { $invoice } ist unbezahlt
mail-reminder-subject3 = Letzte Erinnerung: Rechnung { $invoice } ist unbezahlt
mail-reminder-body =
    Laut unseren Unterlagen ist die Rechnung { $invoice } über { $amount }, fällig am { $due }, noch nicht bezahlt. Falls Sie sie bereits bezahlt haben, danke, und betrachten Sie diese Nachricht als gegenstandslos.

    Zum Bezahlen öffnen Sie sie im Manager: { $link }
    Sie können sie aus Ihrem Prepaid-Konto bezahlen oder per Überweisung mit der Referenz { $reference }. Klicken Sie nach einer Überweisung auf der Rechnung auf «Ich habe per Überweisung bezahlt»: Wir halten die Erinnerungen zurück, bis die Zahlung eintrifft.

    Wir senden nie Zahlungslinks zu einer anderen Website. Um zu prüfen, ob diese Erinnerung von uns stammt, fügen Sie ihre Referenz hier ein: { $verify }

    Ihr Support-Code: { $code }

## Bank statements, foreign currency, short payments (issue #11)

mail-reminder-short_paid = Wir haben { $received } mit der Referenz dieser Rechnung erhalten: Der Betrag deckt sie nicht vollständig und wurde Ihrem Prepaid-Konto gutgeschrieben. Noch offen: { $rest }. Ihr Prepaid-Guthaben kann die Rechnung mit einem Klick auf ihrer Seite im Manager bezahlen.
mail-reminder-received_prepaid = Wir haben { $received } mit der Referenz dieser Rechnung erhalten und Ihrem Prepaid-Konto gutgeschrieben; die Rechnung über { $amount } ist noch offen. Ihr Prepaid-Guthaben kann sie mit einem Klick auf ihrer Seite im Manager bezahlen.

## Prepaid balances per currency (issue #11)

mail-payment_other_currency-subject = Ihre Zahlung für Rechnung { $invoice }: andere Währung
mail-payment_other_currency-body =
    Wir haben { $received } mit der Referenz der Rechnung { $invoice } erhalten, die { $expected } beträgt. Eine Zahlung in einer anderen Währung kann diese Rechnung nicht begleichen: Die Rechnung { $invoice } ist weiterhin fällig.

    Der Betrag wurde Ihrem Prepaid-Guthaben in { $currency } gutgeschrieben, sichtbar im Manager unter Buchhaltung → Prepaid-Konto. Dieses Guthaben kann auf ein Konto auf den Namen der Organisation ausbezahlt oder für Rechnungen in { $currency } verwendet werden.

    Ihr Support-Code: { $code }
mail-credited_other_currency-subject = Zahlung in { $currency } erhalten
mail-credited_other_currency-body =
    Wir haben { $received } per Banküberweisung erhalten. Ihre Organisation wird in { $org_currency } abgerechnet: Der Betrag wird nicht umgerechnet, er wurde Ihrem Prepaid-Guthaben in { $currency } gutgeschrieben, sichtbar im Manager unter Buchhaltung → Prepaid-Konto. Dieses Guthaben kann auf ein Konto auf den Namen der Organisation ausbezahlt oder für Rechnungen in { $currency } verwendet werden.

    Ihr Support-Code: { $code }

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

mail-signup_confirm-subject = Schliessen Sie die Erstellung Ihres Guichet-Kontos ab
mail-signup_confirm-body =
    { $name }, um Ihr Konto und Ihre Organisation zu erstellen, öffnen Sie diesen Link (24 Stunden gültig, einmalig) und bestätigen Sie:
    { $link }

    Haben Sie kein Konto beantragt, ignorieren Sie diese Nachricht: Es wird nichts erstellt.
mail-signup_existing-subject = Versuch, ein Konto mit Ihrer Adresse zu erstellen
mail-signup_existing-body =
    Jemand (vielleicht Sie) hat versucht, mit dieser Adresse, die bereits ein Konto hat, ein Guichet-Konto zu erstellen. Waren Sie es, melden Sie sich an:
    { $login }
    oder setzen Sie Ihr Passwort zurück:
    { $reset }

    Andernfalls ignorieren Sie diese Nachricht: Es wurde nichts geändert.
mail-webhook_disabled-subject = Webhook nach drei Tagen Fehlschlägen deaktiviert
mail-webhook_disabled-body = Alle Zustellungen an { $url } schlagen seit { $since } fehl: Die Adresse wurde deaktiviert und erhält nichts mehr. Wartende Zustellungen bleiben erhalten. Beheben Sie den Empfänger und aktivieren Sie die Adresse im Backoffice (Ausgehende Webhooks) wieder; dort kann jede Zustellung erneut gesendet werden.
mail-invoice_issued-subject = Rechnung { $invoice }: Verlängerung von { $product }
mail-invoice_issued-body =
    Guten Tag

    Hier ist die Rechnung { $invoice } für die Verlängerung von { $product }: { $amount }, zahlbar bis { $due }.

    Öffnen Sie sie im Manager, um sie anzusehen, als PDF herunterzuladen und zu bezahlen: { $link }
    Sie können sie auch per Überweisung mit der Referenz { $reference } bezahlen.

    Sie erhalten diese Nachricht, weil diese Adresse die Rechnungs-E-Mail der Rechnungsadresse ist, an die die Rechnung gerichtet ist.
