# sessions: French. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

sessions-title = Sessions actives
sessions-device = Appareil
sessions-ip = Adresse IP
sessions-last_seen = Dernière activité
sessions-this_one = Cette session
sessions-end = Fermer
sessions-end_others = Fermer toutes les autres sessions
sessions-ended = Session fermée.
