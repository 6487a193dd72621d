# premium: French. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

premium-title = Support Premium
premium-until = jusqu'au
premium-vip_code = Votre code VIP :
premium-vip_help = Donnez ce code lorsque vous appelez votre référent : il vous identifie comme client du Support Premium. Ce n'est pas un code d'autorisation de transfert de domaine.
premium-channels = Pour nous contacter
premium-channel_email = E-mail prioritaire :
premium-channel_phone_office = Téléphone (jours ouvrables, 8 h – 18 h) :
premium-channel_phone_247 = Téléphone 24 h/24, 7 j/7 :
premium-channel_referent = Un référent technique attitré
premium-terms = Engagement de 6 mois au moins, sans remboursement ; on peut passer à un niveau supérieur, jamais à un niveau inférieur.
premium-none = Votre Organisation n'a pas souscrit au Support Premium : vous n'avez donc pas de code VIP.
premium-how_to_get = Commander le Support Premium dans Produits
premium-min_commitment = Le Support Premium se souscrit pour 6 mois au moins : choisissez 12, 24 ou 36 mois.
premium-upgrade_only = Votre Organisation a déjà ce niveau de Support Premium ou un niveau supérieur : on ne peut que passer à un niveau supérieur.
