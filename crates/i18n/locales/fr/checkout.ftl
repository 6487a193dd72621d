# checkout: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

checkout-duration_unavailable = Cette durée n'est pas proposée pour ce produit.
checkout-duration_unselected = Une durée a été choisie pour un élément qui n'est pas coché.

## Payments page

checkout-nothing_selected = Cochez au moins une échéance à payer.
checkout-prepaid_negative = Le montant pris sur le compte prépayé ne peut pas être négatif.
checkout-card_needed = Le solde ne couvre pas tout : indiquez une carte pour le reste.
checkout-currency_mix = Les échéances choisies ne sont pas toutes dans la devise de l'Organisation.
checkout = Paiement
