# product: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

product-cancelled = Produit résilié
product-resumed = Résiliation annulée
product-already_cancelled = Ce produit est déjà résilié pour la fin de sa période.
product-cancel_unavailable = Ce produit est terminé : il n'y a plus rien à résilier.
product-not_cancelled = Ce produit n'est pas résilié.
product-cancel_title = Résilier le produit
product-cancel_pending_help = Ce produit n'est pas encore payé : la résiliation l'annule tout de suite, avec sa facture de commande (qui reste dans l'historique comme annulée).
product-cancel_running_help = Le produit reste actif jusqu'au { $date }, puis il s'arrête : il ne sera pas renouvelé et le renouvellement automatique est désactivé. Une facture de renouvellement impayée est annulée. Aucun remboursement n'est fait pour la période en cours.
product-cancel_confirm = Je confirme la résiliation de ce produit
product-cancel_button = Résilier
product-cancel_unconfirmed = Cochez la confirmation pour résilier.
product-cancel_done = Résiliation enregistrée.
product-cancelled_until = Résilié : le produit s'arrête le { $date } et ne sera pas renouvelé.
product-resume_button = Garder le produit
product-resume_done = Le produit sera renouvelé comme avant.

## Products and orders

product-name = Produit
product-state = État
product-period = Durée
product-months = mois
product-expires = Échéance
product-state-pending = en attente de paiement
product-state-active = actif
product-state-expired = expiré
product-state-blocked = bloqué
product-state-terminated = résilié
product-state-cancelled = annulé
product-ordered = Produit commandé

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

product-auto_renew_on = Renouvellement automatique activé
product-auto_renew_off = Renouvellement automatique désactivé
product-period_changed = Durée de facturation modifiée
product-label = Nom du produit
product-label_help = Un nom pour le reconnaître (le domaine, « Site vitrine »…) ; vide : le nom de l'offre.
product-label_save = Renommer
product-label_done = Le produit a été renommé.
product-label_invalid = Saisissez un nom d'une ligne, de 60 caractères au plus.
product-label_need_technical = Il faut le droit technique sur ce produit pour le renommer.
product-offer = Offre
product-labelled = Produit renommé
product-activated = Produit activé
product-expired = Produit échu
product-terminated = Produit terminé
product-address_title = Adresse de facturation au renouvellement
product-address_help = Les prochaines factures de renouvellement de ce produit sont adressées à cette adresse et envoyées à son e-mail de facturation.
product-address_label = Adresse de facturation
product-address_org = l'organisation elle-même
product-address_manage = Gérer les adresses
product-billing_address = Adresse de facturation du produit changée
product-renewed_early = Produit renouvelé par anticipation
