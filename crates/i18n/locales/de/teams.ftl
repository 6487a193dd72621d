# teams: German. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

teams-create = Team erstellen
teams-created = Team erstellt: Fügen Sie Mitglieder und Produkte hinzu.
teams-colour = Farbe
teams-leader = Leitung
teams-members = Mitglieder
teams-no_members = Noch niemand in diesem Team.
teams-add_members = Mitglieder der Organisation hinzufügen
teams-add = Angekreuzte Personen hinzufügen
teams-externals_help = Eine Person ausserhalb der Organisation erhält eine Einladung als externer Benutzer und tritt dem Team bei, sobald sie sie annimmt; die Adresse eines Mitglieds fügt einfach dieses Mitglied hinzu.
teams-members_added = Mitglieder hinzugefügt: Sie haben sofort Zugriff auf die Produkte des Teams.
teams-member_removed = Mitglied entfernt: Es verliert, was nur das Team ihm gab.
teams-products = Produkte und Rechte
teams-who_can_access = Wer auf dieses Produkt zugreifen kann, und warum
teams-delete = Team löschen
teams-delete_help = Nur die vom Team gegebenen Rechte entfallen; die Personen bleiben in der Organisation.
teams-delete_confirm = Ich bestätige das Löschen
teams-deleted = Team gelöscht.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

teams-invite_outsiders = Externe Personen einladen (E-Mail-Adressen, durch Kommas getrennt)
teams-outsiders_invited = Einladungen gesendet: Externe Personen treten dem Team bei, sobald sie annehmen.
teams-invited_title = Offene Einladungen
teams-invited_on = eingeladen am { $date }
teams-invitation_expired = abgelaufen
teams-invited_help = Diese Personen treten dem Team bei, wenn sie ihre Einladung annehmen. Zum erneuten Senden oder Zurückziehen:
