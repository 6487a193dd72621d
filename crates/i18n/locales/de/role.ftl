# role: German. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

role-legal_rep = Gesetzlicher Vertreter
role-admin = Administrator
role-collaborator = Mitarbeiter
role-external = Extern
