# card: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

card-number_label = Numéro de carte
card-expiry_label = Expiration (MM/AA)
card-cvc_label = Code de sécurité
card-number_invalid = Ce numéro de carte n'est pas valable.
card-expiry_invalid = Saisissez la date d'expiration au format MM/AA.
card-expired = Cette carte est expirée.
card-cvc_invalid = Le code de sécurité compte 3 ou 4 chiffres.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

card-refused = Le prestataire de paiement refuse d'enregistrer cette carte. Essayez une autre carte.
card-needs_javascript = Le champ de carte sécurisé du prestataire de paiement a besoin de JavaScript : activez-le pour payer par carte.
card-method_needed = Saisissez votre carte dans le champ sécurisé du prestataire de paiement.
