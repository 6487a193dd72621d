# balances: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid balances per currency (issue #11)

balances-other_title = Balances in other currencies
balances-other_help = A payment received in another currency than the Organization's is never converted: it stays in a balance of its own, in its currency.
balances-other_line = from a payment in { $currency }; it pays invoices in { $currency } and can be withdrawn (below, "Withdraw the balance").
balances-movements_in = Movements shown:
balances-currency_label = Balance to withdraw
balances-currency_unknown = Choose one of your balances: CHF or EUR.
balances-withdrawal_insufficient = The balance in this currency is not enough for this amount (each currency has its own balance).
balances-checkout_one_currency = The invoices chosen are not all in the same currency: pay them separately, each from the balance in its currency.
