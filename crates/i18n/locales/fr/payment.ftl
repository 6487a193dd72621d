# payment: French. A key `area.rest` of the code is the message `area-rest` here.
payment-in_progress = Ce paiement est en cours de traitement. Réessayez dans un instant avec la même demande.
payment-pending = Le paiement par carte est en cours de traitement : il apparaîtra dès que le prestataire l’aura confirmé.
payment-check_again = Voir où en est le paiement
payment-not_made = Le paiement par carte n’a pas abouti : rien n’a été débité. Essayez une autre carte.
payment-requires_action = Votre banque demande de confirmer ce paiement.
payment-received = Paiement reçu
