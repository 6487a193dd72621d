# balances: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid balances per currency (issue #11)

balances-other_title = Soldes dans d'autres devises
balances-other_help = Un paiement reçu dans une autre devise que celle de l'Organisation n'est jamais converti : il reste dans un solde à part, dans sa devise.
balances-other_line = provient d'un paiement en { $currency } ; il règle les factures en { $currency } et peut être versé sur un compte (ci-dessous, « Récupérer le solde »).
balances-movements_in = Mouvements affichés :
balances-currency_label = Solde à verser
balances-currency_unknown = Choisissez un de vos soldes : CHF ou EUR.
balances-withdrawal_insufficient = Le solde dans cette devise ne suffit pas pour ce montant (chaque devise a son propre solde).
balances-checkout_one_currency = Les factures choisies ne sont pas toutes dans la même devise : payez-les séparément, chacune depuis le solde de sa devise.
