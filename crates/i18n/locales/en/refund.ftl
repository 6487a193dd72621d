# refund: English. A key `area.rest` of the code is the message `area-rest` here.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

refund-reason_needed = Give the reason for the refund: it is printed on the credit note.
refund-amount_positive = The amount to refund must be more than zero.
refund-more_than_left = This amount is more than what is left to refund on the invoice.
refund-not_settled = Only a paid invoice can be refunded; an open invoice is settled or cancelled instead.
refund-no_card_payment = This invoice was not paid by card: refund it to the prepaid account.
refund-more_than_card = This amount is more than what is left to refund on the card that paid the invoice.
refund-in_progress = A refund of this credit note is already in progress.
