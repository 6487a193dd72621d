# vat: French. A key `area.rest` of the code is the message `area-rest` here.

## VAT mentions on invoices

vat-reverse_charge = Autoliquidation : TVA due par le preneur (art. 196 directive 2006/112/CE).
vat-exempt = Prestation non soumise à la TVA suisse ni européenne.
