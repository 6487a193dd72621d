# vat: German. A key `area.rest` of the code is the message `area-rest` here.

## VAT mentions on invoices

vat-reverse_charge = Steuerschuldnerschaft des Leistungsempfängers (Art. 196 Richtlinie 2006/112/EG).
vat-exempt = Leistung nicht der schweizerischen oder europäischen MWST unterstellt.
