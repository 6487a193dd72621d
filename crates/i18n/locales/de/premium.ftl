# premium: German. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

premium-title = Premium-Support
premium-until = bis
premium-vip_code = Ihr VIP-Code:
premium-vip_help = Nennen Sie diesen Code, wenn Sie Ihren Ansprechpartner anrufen: Er weist Sie als Premium-Support-Kunde aus. Er ist kein Autorisierungscode für Domain-Transfers.
premium-channels = So erreichen Sie uns
premium-channel_email = Prioritäts-E-Mail:
premium-channel_phone_office = Telefon (Werktage, 8–18 Uhr):
premium-channel_phone_247 = Telefon rund um die Uhr:
premium-channel_referent = Ein fester technischer Ansprechpartner
premium-terms = Mindestens 6 Monate Laufzeit, keine Rückerstattung; ein Wechsel ist nur zu einer höheren Stufe möglich.
premium-none = Ihre Organisation hat keinen Premium-Support abonniert und daher keinen VIP-Code.
premium-how_to_get = Premium-Support unter Produkte bestellen
premium-min_commitment = Premium-Support wird für mindestens 6 Monate abgeschlossen: Wählen Sie 12, 24 oder 36 Monate.
premium-upgrade_only = Ihre Organisation hat bereits diese oder eine höhere Premium-Support-Stufe: Ein Wechsel ist nur nach oben möglich.
