# invoices: German. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

invoices-exported_by_mail = Rechnungsexport per E-Mail gesendet
