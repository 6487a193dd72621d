# pager: English. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

pager-previous = Previous
pager-next = Next
pager-first = Newest
pager-last = Oldest
pager-cursor_invalid = This page link is not valid.
