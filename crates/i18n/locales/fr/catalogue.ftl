# catalogue: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

catalogue-name_needed = Donnez un nom à l'offre (100 caractères au plus).
catalogue-premium_min = Le Support Premium s'engage sur 6 mois au moins : pas de prix à 1 ou 3 mois.
catalogue-no_backdating = Un prix s'applique à partir d'aujourd'hui au plus tôt : les factures émises ne changent jamais.
catalogue-price_in_force = Ce prix est déjà en vigueur : fixez le nouveau prix à partir d'une date ultérieure.
catalogue-offer_created = Offre créée
catalogue-price_set = Prix fixé
catalogue-offer_active = Offre affichée ou retirée
