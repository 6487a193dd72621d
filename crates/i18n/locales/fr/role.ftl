# role: French. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

role-legal_rep = Représentant légal
role-admin = Administrateur
role-collaborator = Collaborateur
role-external = Externe
