# env: French. A key `area.rest` of the code is the message `area-rest` here.

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

env-title = Variables d'environnement
env-help = Pour tout le site ; lues en PHP avec getenv('NOM'). Nom : A-Z, 0-9 et _, sans chiffre au début ; 100 variables au plus, 4 Ko par valeur.
env-none = Aucune variable d'environnement.
env-name = Nom
env-value = Valeur
env-secret = secrète (masquée après enregistrement)
env-name_invalid = Le nom ne peut contenir que A-Z, 0-9 et _, et ne commence pas par un chiffre.
env-name_too_long = Nom trop long (128 caractères au plus).
env-name_reserved = Ce nom est réservé par la plateforme (par exemple PATH, HTTP_…, SERVER_…, PHP_…).
env-value_too_long = Valeur trop longue (4 Ko au plus).
env-value_control = La valeur tient sur une ligne, sans caractère de contrôle.
env-value_dollar_brace = La valeur ne peut pas contenir ${ "{" } (Apache et PHP le remplaceraient).
env-too_many = Un site a 100 variables au plus : supprimez-en une d'abord.
