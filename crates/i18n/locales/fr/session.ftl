# session: French. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

session-ended = Session fermée
session-ended_others = Autres sessions fermées
