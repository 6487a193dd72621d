# admin: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

admin-invoices = Rechnungen und Rückerstattungen
admin-invoice_number = Rechnungsnummer
admin-invoice_not_found = Keine Rechnung trägt diese Nummer.
admin-refunded_so_far = Bereits erstattet
admin-refund_title = Erstatten
admin-refund_help = Die Rückerstattung erstellt eine nummerierte Gutschrift und schreibt den Betrag dem Prepaid-Konto der Organisation gut; die Rechnungskontakte werden per E-Mail informiert. Die MWST wird im gleichen Verhältnis wie auf der Rechnung korrigiert.
admin-refund_amount = Zu erstattender Betrag inkl. MWST
admin-refund_confirm = Ich bestätige diese Rückerstattung: Eine Gutschrift kann nicht rückgängig gemacht werden.
admin-refund_button = Erstatten und Gutschrift ausstellen
admin-refund_unconfirmed = Bestätigen Sie die Rückerstattung mit dem Häkchen.
admin-refunded = Erstattet; die Gutschrift ist ausgestellt.
admin-catalogue = Katalog
admin-catalogue_help = Preise ohne MWST, je Laufzeit und Währung, jeweils ab einem Datum gültig. Eine Preisänderung gilt ab einem Datum: Bereits ausgestellte Rechnungen ändern sich nie; nach diesem Datum fakturierte Verlängerungen erhalten den neuen Preis. Die MWST richtet sich nach Land und Art des Kunden.
admin-catalogue_empty = Noch kein Angebot: Erstellen Sie unten eines.
admin-offer_withdrawn = zurückgezogen
admin-no_price = Noch kein Preis: Das Angebot kann nicht bestellt werden.
admin-currency = Währung
admin-price_net = Preis exkl. MWST
admin-valid_from = Ab
admin-price_scheduled = geplant
admin-price_current = gültig
admin-price_past = ersetzt
admin-set_price = Preis festlegen
admin-withdraw_offer = Nicht mehr bestellbar
admin-show_offer = Wieder anbieten
admin-new_offer = Neues Angebot
admin-product_type = Produkttyp
admin-offer_name = Name des Angebots
admin-create_offer = Angebot erstellen
admin-offer_created = Angebot erstellt: Legen Sie jetzt die Preise fest.
admin-price_saved = Preis gespeichert.
admin-offer_saved = Angebot aktualisiert.
admin-withdrawals = Freizugebende Auszahlungen
admin-withdrawals_approved = Freigegeben, warten auf die Zahlungsdatei
admin-approve = Freigeben
admin-reject = Ablehnen
admin-reason_label = Grund (bei Ablehnung)
admin-none_pending = Keine offenen Anträge.
admin-decided = Entscheid erfasst; der Kunde wird per E-Mail informiert.

## Help

admin-payouts_write = Zahlungsdatei schreiben (pain.001)
admin-payout_files = Zahlungsdateien
admin-payouts_written = Datei geschrieben: Laden Sie sie unten herunter und übermitteln Sie sie der Bank. Die Auszahlungen sind unterwegs.
admin-payouts_none = Keine freigegebene Auszahlung auf eine IBAN: keine Datei geschrieben.
admin-bank = Kontoauszüge
admin-bank_upload = camt.053- oder camt.054-Auszug importieren
admin-bank_import = Importieren
admin-bank_exceptions = Zuzuordnende Zahlungen
admin-bank_no_exceptions = Keine wartende Zahlung: alles ist zugeordnet.
admin-bank_credited = Zuletzt gutgeschriebene Zahlungen
admin-bank_none_credited = Bisher keine.
admin-bank_org = Organisation (ID)
admin-bank_note = Begründung
admin-bank_assign = Prepaid-Konto gutschreiben
admin-bank_assigned = Zahlung zugeordnet; der Vorgang ist protokolliert.
admin-bank_imported = Auszug importiert: alle Zahlungen sind zugeordnet.
admin-bank_imported_with_exceptions = Auszug importiert; einige Zahlungen warten unten auf Zuordnung.
admin-bank_no_file = Wählen Sie eine camt-Datei zum Importieren.
admin-kb = Wissensdatenbank
admin-kb_new = Neue Anleitung
admin-kb_import = Anleitungen importieren (ZIP)
admin-kb_import_help = Ein ZIP-Archiv mit Markdown-Dateien: ein Ordner pro Sprache (fr/, en/, de/) oder ein flacher Ordner mit der Sprache im Kopf (YAML --- oder TOML +++). Jede Anleitung, deren Text sich ändert, wird als neue Version veröffentlicht; andere Dateien werden mit dem Grund aufgeführt. Höchstens 2000 Dateien, 2 MB pro Datei, 20 MB Archiv.
admin-kb_import_archive = Archiv
admin-kb_import_replace = Ersetzen: jede veröffentlichte Anleitung zurückziehen, die nicht im Archiv ist (ihre Versionen bleiben). Nichts wird zurückgezogen, wenn eine Datei unlesbar ist.
admin-kb_import_submit = Importieren
admin-kb_import_no_file = Wählen Sie ein ZIP-Archiv zum Importieren.
admin-kb_import_done = Import abgeschlossen: { $published } veröffentlicht, { $unchanged } unverändert, { $skipped } übersprungen, { $broken } unlesbar, { $withdrawn } zurückgezogen.
admin-kb_import_broken = Einige Dateien sind unlesbar (Grund siehe unten): Korrigieren Sie sie und importieren Sie erneut; keine Anleitung wurde zurückgezogen.
admin-kb_import_empty = Das Archiv enthält keine Datei.
admin-kb_import_file = Datei
admin-kb_import_detail = Detail
admin-kb_import_unchanged = unverändert
admin-kb_import_skipped = übersprungen
admin-kb_import_broken_file = unlesbar
admin-kb_import_withdrawn = Zurückgezogene Anleitungen
admin-kb_report = Suchen ohne Ergebnis und Rückmeldungen
admin-kb_state = Status
admin-kb_updated = Geändert
admin-kb_published = veröffentlicht
admin-kb_draft = Entwurf
admin-kb_help = Die Anleitung wird in Markdown geschrieben, nach ihrem TOML-Kopf zwischen zwei +++-Zeilen. Jedes Speichern erzeugt eine Version; die früheren bleiben unten.
admin-kb_content = Inhalt
admin-kb_publish = Veröffentlichen
admin-kb_save_draft = Entwurf speichern
admin-kb_view = Veröffentlichte Seite ansehen
admin-kb_history = Versionen
admin-kb_show = Anzeigen
admin-kb_published_done = Anleitung veröffentlicht: Die Suche findet sie ab sofort.
admin-kb_draft_done = Entwurf gespeichert; Leser sehen weiterhin die veröffentlichte Version.
admin-kb_empty_searches = Suchen ohne Ergebnis
admin-kb_no_empty = Bisher keine.
admin-kb_query = Suche
admin-kb_count = Mal
admin-kb_last = Zuletzt
admin-kb_feedback = Rückmeldungen der Leser
admin-kb_no_feedback = Bisher keine Rückmeldungen.

## Back office

admin-title = Backoffice
admin-customers = Kunden
admin-search = Nach Name suchen
admin-find = Suchen
admin-no_customers = Kein Kunde entspricht.
admin-support_lookup = Kunden anhand des Support-Codes identifizieren
admin-code_unknown = Kein Benutzer hat diesen Support-Code.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

admin-support = Befristete Support-Zugänge
admin-support_help = Organisationen mit aktivem Zugang. Beim Öffnen arbeiten Sie darin ohne Geldbewegungen; jede Anfrage erscheint in deren Aktivitätsprotokoll.
admin-support_none = Keine Organisation hat einen aktiven Support-Zugang.
admin-support_open = Öffnen

## Bank statements, foreign currency, short payments (issue #11)

admin-bank_set_aside = Zurückgestellt
admin-bank_set_aside_help = Buchungen, die nicht verbucht werden können (Betrag 0.00 oder über dem Höchstbetrag von 1 000 000 000.00): mit Grund erfasst, nichts gutgeschrieben; der Rest der Datei wird importiert.
admin-bank_awaiting_details = Sammelgutschriften, die auf ihre camt.054 warten
admin-bank_awaiting_details_help = Eine Sammelbuchung der camt.053 wird nie selbst verbucht: Ihre Zahlungen werden aus der genannten camt.054 verbucht, die sie beim Import ersetzt.
admin-refund_to = Erstatten auf
admin-refund_to_prepaid = Das Prepaid-Konto der Organisation
admin-refund_to_card = Die Karte, mit der die Rechnung bezahlt wurde
admin-nav_label = Bereiche des Backoffice
admin-to_manager = Kundenbereich
admin-bank_file = Kontoauszugsdatei (XML)
