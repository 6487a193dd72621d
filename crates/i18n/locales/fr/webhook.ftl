# webhook: French. A key `area.rest` of the code is the message `area-rest` here.

webhook-added = Webhook ajouté
webhook-removed = Webhook supprimé
webhook-enabled = Webhook activé
webhook-disabled = Webhook désactivé
webhook-replayed = Envoi de webhook renvoyé
