# topup: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

topup-too_small = Le montant minimum d'un crédit est de 10.00.
topup-too_large = Le montant maximum d'un crédit est de 10'000.00.
topup-balance_limit = Ce crédit porterait le solde au-delà du maximum autorisé (50'000.00).
topup-already_charged = Ce crédit a déjà été débité de la carte : rien n'a été débité une seconde fois.
topup-currency_changed = La monnaie de l'organisation vient de changer : rien n'a été débité, recommencez le crédit.
