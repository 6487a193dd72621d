# grant: French. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

grant-changed = Droits sur un produit modifiés
