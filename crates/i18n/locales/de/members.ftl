# members: German. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

members-title = Mitglieder
members-role = Rolle
members-actions = Aktionen
members-you = (Sie)
members-accounting = Buchhaltung
members-accounting_help = Buchhaltungsberechtigung (Rechnungen, Zahlungen; für Mitarbeiter)
members-billing_contact = Erhält Rechnungs-E-Mails und Mahnungen
members-remove = Entfernen
members-remove_title = Mitglied entfernen
members-remove_warning = { $name } verliert jeden Zugriff auf { $org }.
members-removed = Mitglied entfernt.
members-role_saved = Rolle gespeichert; sie gilt ab der nächsten Seite der Person, die per E-Mail informiert wird.
members-last_lr = Eine Organisation behält immer mindestens einen gesetzlichen Vertreter: Ernennen Sie zuerst einen anderen.
