# product: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

product-cancelled = Product cancelled
product-resumed = Cancellation taken back
product-already_cancelled = This product is already cancelled for the end of its term.
product-cancel_unavailable = This product has ended: there is nothing left to cancel.
product-not_cancelled = This product is not cancelled.
product-cancel_title = Cancel the product
product-cancel_pending_help = This product is not paid yet: cancelling it stops it at once, with its order invoice (kept in the history as cancelled).
product-cancel_running_help = The product keeps working until { $date }, then stops: it will not be renewed and automatic renewal is switched off. An unpaid renewal invoice is cancelled. The current period is not refunded.
product-cancel_confirm = I confirm cancelling this product
product-cancel_button = Cancel the product
product-cancel_unconfirmed = Tick the confirmation to cancel.
product-cancel_done = Cancellation recorded.
product-cancelled_until = Cancelled: the product stops on { $date } and will not be renewed.
product-resume_button = Keep the product
product-resume_done = The product will renew as before.

## Products and orders

product-name = Product
product-state = State
product-period = Period
product-months = months
product-expires = Expires
product-state-pending = awaiting payment
product-state-active = active
product-state-expired = expired
product-state-blocked = blocked
product-state-terminated = terminated
product-state-cancelled = cancelled
product-ordered = Product ordered

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

product-auto_renew_on = Automatic renewal switched on
product-auto_renew_off = Automatic renewal switched off
product-period_changed = Billing period changed
product-label = Product name
product-label_help = A name to recognise it by (the domain, "Shop site"…); empty: the offer's name.
product-label_save = Rename
product-label_done = The product was renamed.
product-label_invalid = Enter a one-line name of at most 60 characters.
product-label_need_technical = Renaming this product needs the technical right on it.
product-offer = Offer
product-labelled = Product renamed
product-activated = Product activated
product-expired = Product expired
product-terminated = Product terminated
product-address_title = Billing address at renewal
product-address_help = This product's next renewal invoices are addressed to this address and sent to its invoice e-mail.
product-address_label = Billing address
product-address_org = the Organization itself
product-address_manage = Manage the addresses
product-billing_address = Product billing address changed
product-renewed_early = Product renewed early
