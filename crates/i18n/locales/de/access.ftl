# access: German. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

access-rights = Rechte
access-why = Warum
access-role = die Rolle (gesetzlicher Vertreter oder Administrator)
access-individual = eine individuelle Berechtigung
access-team = das Team
