# export: English. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

export-too_large_for_mail = This export is over 5 MB, too large for an e-mail: download it, or narrow the dates.

## Spreadsheet exports: the Manager's CSV and .xlsx in the reader's language (issue #15)

export-invoices-number = Number
export-invoices-issued = Issued
export-invoices-status = Status
export-invoices-bill_to = Billed to
export-invoices-net = Net
export-invoices-vat = VAT
export-invoices-total = Total
export-invoices-currency = Currency
export-invoices-payment_reference = Payment reference
export-invoices-billing_reference = Your reference
export-invoices-sheet = Invoices
export-activity-time_utc = Time (UTC)
export-activity-actor = Person
export-activity-actor_email = E-mail
export-activity-action = Action code
export-activity-description = Description
export-activity-ip = IP address
export-too_large_for_xlsx = This export is over 100,000 invoices, too many for an Excel workbook: download the CSV, or narrow the dates.
