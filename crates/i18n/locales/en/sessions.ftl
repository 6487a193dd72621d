# sessions: English. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

sessions-title = Active sessions
sessions-device = Device
sessions-ip = IP address
sessions-last_seen = Last activity
sessions-this_one = This session
sessions-end = End
sessions-end_others = End all other sessions
sessions-ended = Session ended.
