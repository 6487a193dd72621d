# billing: English. A key `area.rest` of the code is the message `area-rest` here.

## Billing preferences

billing-reference = Billing reference changed
billing-reference_title = Billing reference
billing-reference_help = Free text (at most 128 characters), e.g. your purchase order or cost centre, printed on every future invoice and pro forma.
billing-reference_label = Reference

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

billing-renew_from_prepaid = Renewals paid from the prepaid balance
billing-card_saved = Card saved
billing-card_removed = Card removed
