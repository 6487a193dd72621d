# renewal: French. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

renewal-nothing_selected = Cochez au moins un produit.
renewal-not_active = Seul un produit actif, avec une date d'échéance, peut être renouvelé automatiquement ou changer de durée.
renewal-too_late = Le renouvellement automatique ne peut plus être activé à moins de 14 jours de l'échéance : renouvelez d'abord à la main (page Paiements).
renewal-period_not_offered = Cette durée n'est pas proposée pour ce produit (la facturation mensuelle demande un prix mensuel d'au moins 5.00).
renewal-who_has_access = Qui a accès à ce produit, et pourquoi
renewal-auto_title = Renouvellement automatique
renewal-auto_on = Activé.
renewal-auto_on_help = Le renouvellement est payé 14 jours avant l'échéance (solde prépayé s'il suffit et si vous l'avez choisi, sinon la carte enregistrée), avec de nouvelles tentatives 7, 3 et 1 jour avant.
renewal-auto_off = Désactivé : vous renouvelez à la main depuis la page Paiements.
renewal-switch_on = Activer le renouvellement automatique
renewal-switch_off = Désactiver le renouvellement automatique
renewal-switch_on_until = Peut être activé jusqu'au { $date }.
renewal-settings_link = Paiement des renouvellements : solde prépayé et carte enregistrée
renewal-period_title = Modifier l'offre : durée de facturation
renewal-period_help = La nouvelle durée s'applique à la fin de la période en cours : aucun mois n'est facturé deux fois.
renewal-period_label = Durée des prochains renouvellements
renewal-period_submit = Modifier la durée
renewal-period_none = Aucune autre durée n'est proposée pour ce produit.
renewal-period_scheduled = Facturé par { $months } à partir du { $date }.
renewal-settings_title = Paiement des renouvellements
renewal-settings_help = Les renouvellements automatiques sont payés par le solde prépayé s'il couvre tout le montant et que vous l'avez choisi, sinon par la carte enregistrée.
renewal-from_prepaid = Payer d'abord avec le solde prépayé
renewal-card_title = Carte enregistrée
renewal-card_saved = Carte se terminant par { $last4 }, expire { $expiry }.
renewal-card_none = Aucune carte enregistrée.
renewal-card_save = Enregistrer cette carte
renewal-card_remove = Oublier la carte
renewal-card_done = Carte enregistrée : seuls le prestataire et ses 4 derniers chiffres sont conservés.
renewal-auto_column = Renouvellement auto.
renewal-on = activé
renewal-off = désactivé
renewal-switch_on_selected = Activer le renouvellement automatique de la sélection
renewal-switch_off_selected = Désactiver le renouvellement automatique de la sélection
renewal-many_help = Cochez des produits pour changer leur renouvellement automatique en une fois.
renewal-attempt = Tentative de renouvellement automatique
renewal-renew_column = Renouveler
renewal-renew = Renouveler
renewal-renew_product = Renouveler { $product }
renewal-renew_help = Vous pouvez payer le prochain terme dès maintenant : sa facture est émise et cochée sur la page Paiements.
renewal-renew_now = Renouveler maintenant
renewal-renew_cancelled = Ce produit est résilié pour la fin de son terme : reprenez-le avant de le renouveler.
renewal-renew_not_running = Ce produit ne peut pas être renouvelé : il n'est pas en service.
renewal-renew_unavailable = Le prochain terme de ce produit ne peut pas être facturé maintenant : il est déjà facturé ou sa durée n'a plus de prix.
