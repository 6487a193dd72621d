# payments: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

payments-duration = Durée
payments-duration_note = Une autre durée remplace la facture par une nouvelle au prix du jour ; elle ne s'applique qu'une fois le paiement passé.

## Payments page

payments-showing_two_months = Échéances des 2 prochains mois.
payments-showing_all = Toutes les échéances.
payments-show_all = Tout afficher
payments-next_two_months = 2 prochains mois
payments-select = Payer
payments-kind-order = Commande
payments-kind-renewal = Renouvellement
payments-total_listed = Total des échéances affichées :
payments-from_prepaid = Montant pris sur le compte prépayé
payments-rest_by_card = Le reste par carte
payments-pay_selection = Payer la sélection
payments-paid = Paiement effectué : les produits concernés sont actifs.
payments-selection_total = Total de la sélection
payments-selection_prepaid = Pris sur le compte prépayé
payments-selection_card = Reste par carte
payments-recompute = Recalculer les montants
payments-billed_to = Facturé à { $name }
payments-address_for = Adresse de facturation de la facture { $number }
payments-readdress = Changer d'adresse
payments-readdressed = La facture a été remplacée par une facture à la nouvelle adresse, qui servira aussi aux prochains renouvellements.
payments-address_one_product = Seule une facture d'un seul produit peut changer d'adresse de facturation.
payments-not_invoiced_title = Produits pas encore facturés
payments-not_invoiced_help = Leur prochain terme n'est pas encore facturé. « Renouveler » émet sa facture maintenant et la coche ci-dessus.
