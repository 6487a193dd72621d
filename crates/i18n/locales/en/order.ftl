# order: English. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

order-title = Order a product
order-help = The order creates an invoice to pay; the product is activated as soon as it is paid.
order-offer = Offer and period
order-excl_vat = excl. VAT
order-address = Billing address
order-submit = Order
order-done = Order recorded: here is its invoice.
order-no_price = This offer has no price for this period in your currency.
order-address_incomplete = First complete the Organization's address (postcode and city) or choose a billing address.
