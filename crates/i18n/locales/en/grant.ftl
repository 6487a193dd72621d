# grant: English. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

grant-changed = Product rights changed
