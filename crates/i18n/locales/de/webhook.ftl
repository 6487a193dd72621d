# webhook: German. A key `area.rest` of the code is the message `area-rest` here.

webhook-added = Webhook hinzugefügt
webhook-removed = Webhook gelöscht
webhook-enabled = Webhook aktiviert
webhook-disabled = Webhook deaktiviert
webhook-replayed = Webhook-Zustellung erneut gesendet
