# teams: French. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

teams-create = Créer une équipe
teams-created = Équipe créée : ajoutez-y des membres et des produits.
teams-colour = Couleur
teams-leader = Responsable
teams-members = Membres
teams-no_members = Personne dans cette équipe pour le moment.
teams-add_members = Ajouter des membres de l'Organisation
teams-add = Ajouter les personnes cochées
teams-externals_help = Une personne extérieure à l'Organisation reçoit une invitation comme utilisateur Externe et rejoint l'équipe en l'acceptant ; l'adresse d'un membre ajoute simplement ce membre.
teams-members_added = Membres ajoutés : ils ont accès aux produits de l'équipe dès maintenant.
teams-member_removed = Membre retiré : il perd ce que seule l'équipe lui donnait.
teams-products = Produits et droits
teams-who_can_access = Qui a accès à ce produit, et pourquoi
teams-delete = Supprimer l'équipe
teams-delete_help = Seuls les droits donnés par l'équipe disparaissent ; les personnes restent dans l'Organisation.
teams-delete_confirm = Je confirme la suppression
teams-deleted = Équipe supprimée.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

teams-invite_outsiders = Inviter des personnes externes (adresses e-mail, séparées par des virgules)
teams-outsiders_invited = Invitations envoyées : les personnes externes rejoindront l'équipe en les acceptant.
teams-invited_title = Invitations en attente
teams-invited_on = invité le { $date }
teams-invitation_expired = expirée
teams-invited_help = Ces personnes rejoindront l'équipe en acceptant leur invitation. Pour la renvoyer ou la retirer :
