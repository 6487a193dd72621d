# pdf: English. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

pdf-invoice = Invoice
pdf-invoice_number = Invoice { $number }
pdf-payment_request = Payment request
pdf-payment_request_for = Payment request – invoice { $number }
pdf-credit_note = Credit note
pdf-credit_note_number = Credit note { $number }
pdf-corrects = Corrects invoice
pdf-credit_note_note = This amount was credited to your prepaid account.
pdf-pro_forma = Pro forma invoice
pdf-no_value = No legal, tax or accounting value
pdf-pro_forma_note = This document is not an invoice: it shows what paying the selected items would cost, VAT included.
pdf-request_note = Please pay with the payment part below. The final invoice is available once the payment is received.
pdf-bill_to = Bill to
pdf-number = Number
pdf-date = Date
pdf-due_on = Due by
pdf-paid_on = Paid on
pdf-paid_stamp = PAID
pdf-billing_reference = Your reference
pdf-payment_reference = Payment reference
pdf-description = Item
pdf-quantity = Qty
pdf-unit_price = Unit price
pdf-vat_rate = VAT
pdf-amount_net = Net amount
pdf-period = Period { $start } to { $end }
pdf-total_net = Total excl. VAT
pdf-vat_on = VAT { $rate } % on { $net }
pdf-total = Total incl. VAT
pdf-page = Page { $n }/{ $total }
