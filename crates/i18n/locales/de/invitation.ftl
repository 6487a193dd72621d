# invitation: German. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invitation-created = Einladung gesendet
invitation-resent = Einladung erneut gesendet
invitation-revoked = Einladung widerrufen
invitation-accepted = Einladung angenommen
