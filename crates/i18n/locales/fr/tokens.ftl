# tokens: French. A key `area.rest` of the code is the message `area-rest` here.

## Sessions and API tokens

tokens-title = Jetons d'API personnels
tokens-help = Un jeton donne à un programme vos droits dans une seule Organisation (en-tête Authorization: Bearer). Documentation : /api/openapi.json
tokens-none = Aucun jeton.
tokens-org = Organisation
tokens-last_used = Dernière utilisation
tokens-create = Créer un jeton
tokens-created = Jeton créé.
tokens-copy_now = Copiez-le maintenant : il ne sera plus affiché.
tokens-revoke = Révoquer
tokens-revoked = Jeton révoqué.
