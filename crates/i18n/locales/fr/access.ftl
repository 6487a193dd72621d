# access: French. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

access-rights = Droits
access-why = Pourquoi
access-role = son rôle (représentant légal ou administrateur)
access-individual = un accès individuel
access-team = l'équipe
