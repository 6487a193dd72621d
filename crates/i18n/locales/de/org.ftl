# org: German. A key `area.rest` of the code is the message `area-rest` here.

## Organizations

org-switch_label = Organisation
org-switch = Wechseln
org-new = + Neu
org-new_title = Neue Organisation
org-new_intro = Eine Organisation fasst Produkte, Rechnungen und Benutzer zusammen (z. B. Ihre Firma oder Ihre privaten Angelegenheiten). Sie werden ihr gesetzlicher Vertreter.
org-create = Organisation erstellen
org-created = Erstellt am
org-welcome = Willkommen! Vervollständigen Sie die Adresse Ihrer Organisation: Sie bestimmt die Währung Ihrer Rechnungen.
org-details = Angaben
org-name_label = Name
org-kind_label = Art
org-kind-individual = Privatperson
org-kind-association = Verein
org-kind-company = Unternehmen
org-kind-public_body = Öffentliche Verwaltung
org-street_label = Strasse und Nummer
org-postcode_label = PLZ
org-city_label = Ort
org-address = Adresse
org-vat_label = MWST-Nummer (Unternehmen)
org-phone_label = Telefon
org-currency = Rechnungswährung
org-currency_rule = Das Land bestimmt die Währung künftiger Rechnungen: Schweiz und Liechtenstein in CHF, sonst in EUR.
org-legal_lr_only = Nur ein gesetzlicher Vertreter kann Name, Adresse, Art und MWST-Nummer ändern.
org-security = Sicherheit der Organisation
org-force_2fa = Zwei-Faktor-Authentifizierung für alle Mitglieder verlangen
org-leave_title = Verlassen oder löschen
org-leave_help = Wenn Sie die Organisation verlassen, verlieren Sie den Zugriff auf ihre Produkte und Rechnungen. Der letzte gesetzliche Vertreter kann nicht austreten.
org-leave_confirm = Ich bestätige, dass ich diese Organisation verlassen will
org-leave = Organisation verlassen
org-left = Sie haben die Organisation verlassen.
org-delete_link = Organisation löschen…
org-delete_title = Organisation löschen
org-delete_help = Eine Organisation kann nur ohne Produkte, ohne weitere Mitglieder, mit Prepaid-Saldo null und ohne offene Rechnung gelöscht werden. Ihre Rechnungshistorie bleibt erhalten.
org-delete_warning = Das Löschen von { $org } ist endgültig.
org-delete_type_name = Geben Sie zur Bestätigung den genauen Namen der Organisation ein
org-delete_name_mismatch = Der eingegebene Name stimmt nicht mit dem der Organisation überein.
org-delete = Endgültig löschen
org-deleted = Organisation gelöscht.
org-delete-has_products = Sie hat noch Produkte: Übertragen oder kündigen Sie sie zuerst.
org-delete-has_members = Sie hat noch weitere Mitglieder: Entfernen Sie sie zuerst.
org-delete-has_balance = Ihr Prepaid-Konto ist nicht auf null: Lassen Sie das Guthaben zuerst auszahlen.
org-delete-has_unpaid = Sie hat offene Rechnungen: Begleichen Sie sie zuerst.
org-legal_changed = Rechtliche Angaben geändert

## Prepaid account

org-currency_locked = Die Währung kann nicht ändern, solange das Prepaid-Konto nicht auf null ist: Verbrauchen oder beziehen Sie zuerst das Guthaben.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

org-phone = Telefon der Organisation
org-created_done = Die Organisation ist erstellt: Ergänzen Sie bei Bedarf unten ihre Angaben.
org-currency_line = Rechnungswährung:
