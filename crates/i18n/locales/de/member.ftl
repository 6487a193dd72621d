# member: German. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

member-left = Mitglied ausgetreten
member-removed = Mitglied entfernt
member-role_changed = Rolle geändert
member-invited = Mitglied eingeladen
member-joined = Mitglied beigetreten
