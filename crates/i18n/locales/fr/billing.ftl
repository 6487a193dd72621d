# billing: French. A key `area.rest` of the code is the message `area-rest` here.

## Billing preferences

billing-reference = Référence de facturation modifiée
billing-reference_title = Référence de facturation
billing-reference_help = Texte libre (128 caractères au plus), p. ex. votre numéro de commande ou centre de coûts, imprimé sur chaque facture et pro forma à venir.
billing-reference_label = Référence

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

billing-renew_from_prepaid = Paiement des renouvellements par le solde prépayé
billing-card_saved = Carte enregistrée
billing-card_removed = Carte oubliée
