# renewal: English. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

renewal-nothing_selected = Tick at least one product.
renewal-not_active = Only an active product with an expiry date can renew automatically or change its period.
renewal-too_late = Automatic renewal can no longer be switched on less than 14 days before expiry: renew by hand first (Payments page).
renewal-period_not_offered = This period is not offered for this product (monthly billing needs a monthly price of at least 5.00).
renewal-who_has_access = Who can access this product, and why
renewal-auto_title = Automatic renewal
renewal-auto_on = On.
renewal-auto_on_help = The renewal is paid 14 days before expiry (prepaid balance if it covers it and you chose it, otherwise the saved card), retried 7, 3 and 1 day before.
renewal-auto_off = Off: you renew by hand from the Payments page.
renewal-switch_on = Switch automatic renewal on
renewal-switch_off = Switch automatic renewal off
renewal-switch_on_until = Can be switched on until { $date }.
renewal-settings_link = How renewals are paid: prepaid balance and saved card
renewal-period_title = Modify the offer: billing period
renewal-period_help = The new period applies at the end of the current term: no month is ever billed twice.
renewal-period_label = Period of the next renewals
renewal-period_submit = Change the period
renewal-period_none = No other period is offered for this product.
renewal-period_scheduled = Billed every { $months } from { $date }.
renewal-settings_title = How renewals are paid
renewal-settings_help = Automatic renewals are paid from the prepaid balance when it covers the whole amount and you chose it, otherwise with the saved card.
renewal-from_prepaid = Pay from the prepaid balance first
renewal-card_title = Saved card
renewal-card_saved = Card ending in { $last4 }, expires { $expiry }.
renewal-card_none = No saved card.
renewal-card_save = Save this card
renewal-card_remove = Forget the card
renewal-card_done = Card saved: only the provider's token and its last 4 digits are kept.
renewal-auto_column = Auto-renewal
renewal-on = on
renewal-off = off
renewal-switch_on_selected = Switch auto-renewal on for the selection
renewal-switch_off_selected = Switch auto-renewal off for the selection
renewal-many_help = Tick products to change their automatic renewal at once.
renewal-attempt = Automatic renewal attempt
renewal-renew_column = Renew
renewal-renew = Renew
renewal-renew_product = Renew { $product }
renewal-renew_help = You can pay the next term now: its invoice is issued and ticked on the Payments page.
renewal-renew_now = Renew now
renewal-renew_cancelled = This product is cancelled for the end of its term: resume it before renewing it.
renewal-renew_not_running = This product cannot be renewed: it is not in service.
renewal-renew_unavailable = The next term of this product cannot be invoiced now: it is invoiced already or its period no longer has a price.
