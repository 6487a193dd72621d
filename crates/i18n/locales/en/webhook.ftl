# webhook: English. A key `area.rest` of the code is the message `area-rest` here.

webhook-added = Webhook added
webhook-removed = Webhook deleted
webhook-enabled = Webhook enabled
webhook-disabled = Webhook disabled
webhook-replayed = Webhook delivery replayed
