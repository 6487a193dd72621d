# empty: English. A key `area.rest` of the code is the message `area-rest` here.

## Empty sections

empty-products = This Organization has no products yet.
empty-payments = Nothing to pay: no renewal or order is due.
empty-invoices = No invoices yet.
empty-prepaid = The prepaid account has no movements yet.
empty-addresses = No billing address besides the Organization's own.
empty-teams = No work teams yet.
