# members: French. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

members-title = Membres
members-role = Rôle
members-actions = Actions
members-you = (vous)
members-accounting = Comptabilité
members-accounting_help = Permission comptabilité (factures, paiements ; pour les collaborateurs)
members-billing_contact = Reçoit les e-mails de facturation et les rappels
members-remove = Retirer
members-remove_title = Retirer un membre
members-remove_warning = { $name } perdra tout accès à { $org }.
members-removed = Membre retiré.
members-role_saved = Rôle enregistré ; il s'applique dès la prochaine page de la personne, qui en est informée par e-mail.
members-last_lr = Une Organisation garde toujours au moins un représentant légal : nommez-en un autre d'abord.
