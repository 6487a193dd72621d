# payments: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

payments-duration = Duration
payments-duration_note = Another duration replaces the invoice with a new one at today's price; it applies only once the payment goes through.

## Payments page

payments-showing_two_months = Due in the next 2 months.
payments-showing_all = Everything due.
payments-show_all = Show all
payments-next_two_months = Next 2 months
payments-select = Pay
payments-kind-order = Order
payments-kind-renewal = Renewal
payments-total_listed = Total of the items shown:
payments-from_prepaid = Amount taken from the prepaid account
payments-rest_by_card = The rest by card
payments-pay_selection = Pay the selection
payments-paid = Payment done: the products concerned are active.
payments-selection_total = Total of the selection
payments-selection_prepaid = From the prepaid account
payments-selection_card = Rest by card
payments-recompute = Recompute the amounts
payments-billed_to = Billed to { $name }
payments-address_for = Billing address of invoice { $number }
payments-readdress = Change address
payments-readdressed = The invoice was replaced by one to the new address, which the next renewals will use too.
payments-address_one_product = Only an invoice for a single product can change its billing address.
payments-not_invoiced_title = Products not invoiced yet
payments-not_invoiced_help = Their next term is not invoiced yet. “Renew” issues its invoice now and ticks it above.
