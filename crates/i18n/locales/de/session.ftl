# session: German. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

session-ended = Sitzung beendet
session-ended_others = Andere Sitzungen beendet
