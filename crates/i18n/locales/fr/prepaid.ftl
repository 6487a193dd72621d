# prepaid: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

prepaid-balance = Solde disponible :
prepaid-help = Le solde est la somme exacte des mouvements ci-dessous ; il ne peut jamais être négatif.
prepaid-movements = Mouvements
prepaid-date = Date
prepaid-what = Opération
prepaid-amount = Montant
prepaid-top_up = Compte prépayé crédité
prepaid-top_up_title = Créditer le compte
prepaid-top_up_help = Montant entre { $min } et { $max } ; le solde ne peut pas dépasser { $limit }.
prepaid-amount_label = Montant
prepaid-pay_by_card = Payer par carte
prepaid-top_up_done = Paiement accepté : le compte prépayé est crédité.
prepaid-top_up_declined = Paiement refusé par la banque de la carte ; rien n'a été débité. Essayez une autre carte.
prepaid-test_cards = Mode test : 4242 4242 4242 4242 est acceptée, 4000 0000 0000 0002 refusée.
prepaid-transfer_title = Créditer par virement bancaire
prepaid-transfer_help = Vous recevez une QR-facture avec sa propre référence ; le compte est crédité dès que le paiement arrive.
prepaid-transfer_submit = Obtenir la QR-facture
prepaid-transfer_open = Virements attendus
prepaid-transfer_account = Compte
prepaid-transfer_reference = Référence
prepaid-transfer_payee = Payable à
prepaid-transfer_after = Indiquez exactement cette référence : c'est elle qui attribue le paiement à votre compte prépayé.
prepaid-transfer_qr_alt = QR-facture : section paiement et récépissé
prepaid-transfer_download = Télécharger la QR-facture (SVG)
prepaid-transfer_message = Crédit du compte prépayé
prepaid-transfer_requested = Virement demandé
prepaid-credited = Compte prépayé crédité
