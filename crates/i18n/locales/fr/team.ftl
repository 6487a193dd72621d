# team: French. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

team-colour_invalid = Choisissez une couleur au format #RRVVBB.
team-leader_not_member = Le responsable doit être membre de l'équipe.
team-nobody_selected = Choisissez au moins une personne à ajouter.
team-created = Équipe créée
team-changed = Équipe modifiée
team-deleted = Équipe supprimée
team-members_added = Membres ajoutés à une équipe
team-member_removed = Membre retiré d'une équipe
team-rights = Droits d'une équipe modifiés
