# invoice: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

invoice-reminder = Zahlungserinnerung
invoice-refunded = Rechnung erstattet

## Invoices

invoice-title = Rechnung
invoice-number = Nummer
invoice-date = Datum
invoice-due = fällig
invoice-status = Status
invoice-all = Alle
invoice-from = Von
invoice-to = Bis
invoice-export_csv = Als CSV exportieren
invoice-filter = Filtern
invoice-total = Total
invoice-line = Leistung
invoice-net = Netto
invoice-vat = MWST
invoice-vat_rate = MWST-Satz
invoice-pay_title = Diese Rechnung bezahlen
invoice-pay_prepaid = Mit dem Prepaid-Konto bezahlen
invoice-paid_done = Rechnung bezahlt: Das Produkt ist aktiv.
invoice-insufficient = Das Prepaid-Guthaben reicht nicht: Laden Sie es zuerst auf.
invoice-not_payable = Diese Rechnung ist nicht mehr zu bezahlen.
invoice-period_invoiced = Diese Periode dieses Produkts ist bereits verrechnet.
invoice-renewal = Verlängerungsrechnung ausgestellt
invoice-paid = Rechnung bezahlt
invoice-status-unpaid = offen
invoice-status-partially_paid = teilweise bezahlt
invoice-status-paid = bezahlt
invoice-status-overdue = überfällig
invoice-status-refunded = erstattet
invoice-status-partially_refunded = teilweise erstattet
invoice-status-cancelled = storniert

## Invoice documents as PDF (INV-05, INV-07, INV-08)

invoice-final_unpaid = Die endgültige Rechnung ist erst nach Bezahlung verfügbar: Laden Sie die Zahlungsaufforderung (document=request) mit ihrem QR-Zahlteil herunter.
invoice-pdf_final = Rechnung (PDF)
invoice-pdf_request = Zahlungsaufforderung (PDF)
invoice-pro_forma = Proforma-Rechnung erstellen

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

invoice-export_mail = CSV-Export per E-Mail erhalten
invoice-export_mailed = Der CSV-Export ist unterwegs an Ihre E-Mail-Adresse.

## Reminders (REM-05) and checking a reminder (REM-06)

invoice-declare_transfer = Ich habe per Überweisung bezahlt
invoice-declare_transfer_help = Haben Sie diese Rechnung überwiesen? Sagen Sie es uns: Solange die Zahlung unterwegs ist, geht keine Erinnerung hinaus.
invoice-transfer_declared = Überweisung am { $date } gemeldet: Erinnerungen werden zurückgehalten, bis sie eintrifft.
invoice-transfer_declared_done = Danke: Ihre Überweisung ist vermerkt.
invoice-reminders_sent = Gesendete Erinnerungen:

## Money states: status transitions and conflicts (issue #11)

invoice-already_paid = Diese Rechnung ist bereits bezahlt (oder wird gerade bezahlt): nichts wurde belastet.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

invoice-export_xlsx = Als Excel (.xlsx) exportieren
invoice-refunded_to_card = Erstattung auf die Karte
invoice-issued = Rechnung ausgestellt
invoice-readdressed = Rechnung neu adressiert
invoice-reminder_item = { $level }. Erinnerung am { $on }
invoice-your_reference = Ihre Referenz: { $reference }
invoice-payment_reference = Zahlungsreferenz:
