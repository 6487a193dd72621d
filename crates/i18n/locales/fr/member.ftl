# member: French. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

member-left = Membre parti
member-removed = Membre retiré
member-role_changed = Rôle modifié
member-invited = Membre invité
member-joined = Membre arrivé
