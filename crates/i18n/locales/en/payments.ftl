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
