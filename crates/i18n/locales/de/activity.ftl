# activity: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

activity-product-cancelled = Produkt gekündigt
activity-product-resumed = Kündigung eines Produkts zurückgenommen

## Invoice documents as PDF (INV-05, INV-07, INV-08)

activity-invoice-refunded = Rückerstattung per Gutschrift

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

activity-who = Wer
activity-everyone = Alle
activity-kind = Art der Aktion
activity-all_kinds = Alle Arten
activity-empty = Keine Aktivität entspricht diesen Filtern.
activity-when = Wann
activity-what = Was
activity-where = Von wo (IP)
activity-support_badge = Support
activity-system = Guichet (automatisch)
activity-kind-org = Organisation
activity-kind-members = Benutzer und Rollen
activity-kind-teams = Teams und Produktzugriff
activity-kind-products = Produkte
activity-kind-billing = Rechnungen und Zahlungen
activity-kind-payouts = Auszahlungen
activity-kind-security = Sicherheit
activity-kind-support = Support
activity-kind-sites = Websites
activity-signup = Konto und Organisation erstellt
activity-org-created = Organisation erstellt
activity-org-legal_changed = Rechtliche Angaben geändert
activity-org-force_2fa = Zwei-Faktor-Pflicht (ja/nein)
activity-org-phone = Telefon der Organisation geändert
activity-org-deleted = Organisation gelöscht
activity-billing-reference = Rechnungsreferenz geändert
activity-member-left = Hat die Organisation verlassen
activity-member-role_changed = Rolle geändert
activity-member-removed = Benutzer entfernt
activity-invitation-created = Einladung gesendet
activity-invitation-resent = Einladung erneut gesendet
activity-invitation-revoked = Einladung widerrufen
activity-invitation-accepted = Einladung angenommen
activity-team-created = Team erstellt
activity-team-changed = Team geändert
activity-team-deleted = Team gelöscht
activity-team-members_added = Mitglieder zum Team hinzugefügt
activity-team-member_removed = Mitglied aus dem Team entfernt
activity-team-rights = Rechte des Teams an einem Produkt geändert
activity-grant-changed = Individueller Produktzugriff geändert
activity-product-ordered = Produkt bestellt
activity-product-state = Produktstatus geändert
activity-invoice-paid = Rechnung bezahlt
activity-invoice-renewal = Verlängerungsrechnung ausgestellt
activity-checkout = Rechnungen bezahlt
activity-prepaid-top_up = Prepaid-Konto per Karte aufgeladen
activity-prepaid-transfer_requested = Überweisung auf das Prepaid-Konto angefordert
activity-address-added = Rechnungsadresse hinzugefügt
activity-address-changed = Rechnungsadresse geändert
activity-address-archived = Rechnungsadresse archiviert
activity-address-restored = Rechnungsadresse wiederhergestellt
activity-withdrawal-requested = Auszahlung des Guthabens angefordert
activity-withdrawal-decided = Auszahlung vom Anbieter geprüft
activity-withdrawal-in_transit = Auszahlung unterwegs
activity-withdrawal-paid = Auszahlung überwiesen
activity-bank-assigned = Bankzahlung vom Anbieter zugeordnet
activity-api_token-created = API-Token erstellt
activity-support-granted = Befristeter Zugang für den Support gewährt
activity-support-revoked = Support-Zugang widerrufen
activity-support-expired = Support-Zugang abgelaufen
activity-support-entered = Der Support hat die Organisation geöffnet
activity-support-request = Aktion des Supports
activity-support-refused = Aktion des Supports abgelehnt
activity-support-vip_code = VIP-Code vergeben

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

activity-site-created = Website hinzugefügt
activity-site-deleted = Website gelöscht
activity-site-mysql_prefix = Option MySQL-Präfix
activity-site-env_set = Umgebungsvariable gespeichert
activity-site-env_deleted = Umgebungsvariable entfernt
activity-site-db_created = Datenbank angelegt
activity-site-db_deleted = Datenbank gelöscht
activity-site-db_user_created = MySQL-Benutzer angelegt
activity-site-db_user_deleted = MySQL-Benutzer gelöscht

## Reminders (REM-05) and checking a reminder (REM-06)

activity-invoice-reminder = Zahlungserinnerung gesendet
activity-invoice-transfer_declared = Überweisung gemeldet
activity-invoices-exported_by_mail = Rechnungsexport per E-Mail gesendet
activity-product-labelled = Produkt umbenannt
activity-product-billing_address = Rechnungsadresse des Produkts geändert
activity-product-renewed_early = Produkt vorzeitig verlängert
activity-invoice-readdressed = Rechnung neu adressiert
activity-line = { $what }: { $detail }
