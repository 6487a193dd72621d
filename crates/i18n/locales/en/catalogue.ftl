# catalogue: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

catalogue-name_needed = Give the offer a name (at most 100 characters).
catalogue-premium_min = Premium Support is a commitment of at least 6 months: no 1- or 3-month price.
catalogue-no_backdating = A price applies from today at the earliest: issued invoices never change.
catalogue-price_in_force = This price is already in force: set the new price from a later date.
catalogue-offer_created = Offer created
catalogue-price_set = Price set
catalogue-offer_active = Offer shown or withdrawn
