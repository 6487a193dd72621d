# address: German. A key `area.rest` of the code is the message `area-rest` here.

## Billing addresses

address-help = Die Rechnungen eines Produkts gehen an die dafür gewählte Rechnungsadresse; standardmässig an die Adresse der Organisation.
address-name_label = Empfänger
address-company_label = Firma (optional)
address-email_label = E-Mail für Rechnungen (optional)
address-add_title = Rechnungsadresse hinzufügen
address-add = Adresse hinzufügen
address-added = Adresse hinzugefügt.
address-edit = Bearbeiten
address-edit_title = Rechnungsadresse bearbeiten
address-archive = Archivieren
address-restore = Wiederherstellen
address-archived = Archiviert
address-archived_done = Adresse archiviert: Sie bleibt auf früheren Rechnungen.
address-restored_done = Adresse wiederhergestellt.
address-show_archived = Auch archivierte Adressen anzeigen
address-hide_archived = Archivierte Adressen ausblenden
address-changed = Rechnungsadresse geändert
address-restored = Rechnungsadresse wiederhergestellt
