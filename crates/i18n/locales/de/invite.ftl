# invite: German. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invite-title = Benutzer einladen
invite-help = Die Person erhält einen 14 Tage gültigen Link. Der Zugriff beginnt mit der Annahme.
invite-send = Einladung senden
invite-sent = Einladung gesendet.
invite-resent = Einladung mit neuem Link erneut gesendet.
invite-revoked = Einladung widerrufen.
invite-open_title = Offene Einladungen
invite-none = Keine offenen Einladungen.
invite-expires = Läuft ab am
invite-expired = abgelaufen
invite-resend = Erneut senden
invite-revoke = Widerrufen
invite-already_member = Diese Person ist bereits Mitglied der Organisation.
invite-already_invited = Für diese Adresse ist bereits eine Einladung offen: Senden Sie sie stattdessen erneut.
invite-closed = Diese Einladung ist nicht mehr gültig (angenommen, widerrufen oder abgelaufen).
invite-page_title = Einladung
invite-page_intro = { $by } lädt Sie ein, { $org } als { $role } beizutreten.
invite-accept = Einladung annehmen
invite-accept_create = Konto erstellen und annehmen
invite-accepted = Einladung angenommen: Willkommen in der Organisation.
invite-wrong_account = Diese Einladung gilt für eine andere E-Mail-Adresse. Melden Sie sich ab und öffnen Sie den Link mit dem richtigen Konto.
invite-login_instead = Für diese Adresse besteht bereits ein Konto: Melden Sie sich an, um anzunehmen.
invite-new_login_for = Erstellen Sie Ihren Zugang für { $email }:
