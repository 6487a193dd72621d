# role: English. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

role-legal_rep = Legal Representative
role-admin = Administrator
role-collaborator = Collaborator
role-external = External
