# access: English. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

access-rights = Rights
access-why = Why
access-role = their role (Legal Representative or Administrator)
access-individual = an individual grant
access-team = the team
