# login: German. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

login-failed = Fehlgeschlagene Anmeldung
login-2fa_failed = Zwei-Faktor-Code abgelehnt
