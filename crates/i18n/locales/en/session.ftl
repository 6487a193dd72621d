# session: English. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

session-ended = Session ended
session-ended_others = Other sessions ended
