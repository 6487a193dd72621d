# pager: German. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

pager-previous = Zurück
pager-next = Weiter
pager-first = Neueste
pager-last = Älteste
pager-cursor_invalid = Dieser Seitenlink ist ungültig.
