# export: German. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

export-too_large_for_mail = Dieser Export ist grösser als 5 MB, zu gross für eine E-Mail: Laden Sie ihn herunter oder grenzen Sie die Daten ein.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

export-invoices-number = Nummer
export-invoices-issued = Ausgestellt am
export-invoices-status = Status
export-invoices-bill_to = Rechnung an
export-invoices-net = Netto
export-invoices-vat = MWST
export-invoices-total = Total inkl. MWST
export-invoices-currency = Währung
export-invoices-payment_reference = Zahlungsreferenz
export-invoices-billing_reference = Ihre Referenz
export-invoices-sheet = Rechnungen
export-activity-time_utc = Zeitpunkt (UTC)
export-activity-actor = Person
export-activity-actor_email = E-Mail
export-activity-action = Aktionscode
export-activity-description = Beschreibung
export-activity-ip = IP-Adresse
export-too_large_for_xlsx = Dieser Export umfasst mehr als 100 000 Rechnungen, zu viele für eine Excel-Arbeitsmappe: Laden Sie die CSV-Datei herunter oder grenzen Sie die Daten ein.
