# amount: French. A key `area.rest` of the code is the message `area-rest` here.

## Amount bounds (issue #11)

amount-missing = Saisissez un montant, p. ex. 150.00.
amount-not_a_number = Ce n'est pas un montant : saisissez des chiffres, p. ex. 150.00.
amount-too_many_decimals = Le montant a plus de deux décimales (centimes) : p. ex. 150.05.
amount-not_positive = Le montant doit être supérieur à zéro.
amount-negative = Le montant ne peut pas être négatif.
amount-too_large = Le montant dépasse le maximum accepté de 1'000'000'000.00.
amount-sum_limit = Cette opération dépasserait la limite des totaux d'un compte ; rien n'a été enregistré. Contactez-nous.
