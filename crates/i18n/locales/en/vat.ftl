# vat: English. A key `area.rest` of the code is the message `area-rest` here.

## VAT mentions on invoices

vat-reverse_charge = Reverse charge: VAT due by the recipient (Art. 196 Directive 2006/112/EC).
vat-exempt = Service not subject to Swiss or EU VAT.
