# profile: German. A key `area.rest` of the code is the message `area-rest` here.

## Profile

profile-security = Sicherheit
profile-support_code = Support-Code
profile-support_code_help = Nennen Sie dem Support diesen Code zur Identifizierung. Es ist kein Domain-Transfercode.
profile-support_code_new = Neuen Code erzeugen
profile-support_code_done = Neuer Support-Code erzeugt.

## Reminders (REM-05) and checking a reminder (REM-06)

profile-reminders = Zahlungserinnerungen
profile-reminders_help = Erinnerungen an unbezahlte Rechnungen per E-Mail erhalten nach ihrer Fälligkeit für jede Organisation, deren Rechnungen Sie sehen.
profile-reminders_on = Erinnerungen erhalten
profile-reminders_none = Sie sehen die Rechnungen keiner Organisation.
profile-my_orgs = Meine Organisationen
profile-no_orgs = Sie arbeiten noch in keiner Organisation.
profile-my_role = Meine Rolle
profile-switch_column = Wechseln
profile-current_org = Aktuelle Organisation
profile-work_in = Darin arbeiten
profile-create_org = Organisation erstellen
profile-email_line = E-Mail-Adresse:
