# premium: English. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

premium-title = Premium Support
premium-until = until
premium-vip_code = Your VIP code:
premium-vip_help = Give this code when you call your referent: it identifies you as a Premium Support customer. It is not a domain transfer authorisation code.
premium-channels = How to reach us
premium-channel_email = Priority e-mail:
premium-channel_phone_office = Phone (working days, 8:00–18:00):
premium-channel_phone_247 = Phone, 24/7:
premium-channel_referent = A dedicated technical referent
premium-terms = At least 6 months' commitment, no refund; you may move up a tier, never down.
premium-none = Your Organization has not subscribed to Premium Support, so it has no VIP code.
premium-how_to_get = Order Premium Support in Products
premium-min_commitment = Premium Support is taken for at least 6 months: choose 12, 24 or 36 months.
premium-upgrade_only = Your Organization already has this Premium Support tier or a higher one: you can only move up a tier.
