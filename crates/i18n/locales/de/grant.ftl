# grant: German. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

grant-changed = Produktrechte geändert
