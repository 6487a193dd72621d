# pager: French. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

pager-previous = Précédent
pager-next = Suivant
pager-first = Plus récents
pager-last = Plus anciens
pager-cursor_invalid = Ce lien de page n’est pas valable.
