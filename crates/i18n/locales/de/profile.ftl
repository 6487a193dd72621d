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
