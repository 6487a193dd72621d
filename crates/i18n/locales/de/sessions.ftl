# sessions: German. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

sessions-title = Aktive Sitzungen
sessions-device = Gerät
sessions-ip = IP-Adresse
sessions-last_seen = Letzte Aktivität
sessions-this_one = Diese Sitzung
sessions-end = Beenden
sessions-end_others = Alle anderen Sitzungen beenden
sessions-ended = Sitzung beendet.
