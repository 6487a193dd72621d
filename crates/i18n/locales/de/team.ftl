# team: German. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

team-colour_invalid = Wählen Sie eine Farbe im Format #RRGGBB.
team-leader_not_member = Die Leitung muss Mitglied des Teams sein.
team-nobody_selected = Wählen Sie mindestens eine Person.
team-created = Team erstellt
team-changed = Team geändert
team-deleted = Team gelöscht
team-members_added = Mitglieder zu einem Team hinzugefügt
team-member_removed = Mitglied aus einem Team entfernt
team-rights = Teamrechte geändert
