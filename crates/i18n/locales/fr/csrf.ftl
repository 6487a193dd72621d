# csrf: French. A key `area.rest` of the code is the message `area-rest` here.

## Errors

csrf-invalid = Ce formulaire a expiré ou ne vient pas de Guichet. Rechargez la page et réessayez.
