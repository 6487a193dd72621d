# activity: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

activity-product-cancelled = Produit résilié
activity-product-resumed = Résiliation d'un produit annulée

## Invoice documents as PDF (INV-05, INV-07, INV-08)

activity-invoice-refunded = Remboursement par note de crédit

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

activity-who = Qui
activity-everyone = Tout le monde
activity-kind = Type d'action
activity-all_kinds = Tous les types
activity-empty = Aucune activité ne correspond à ces filtres.
activity-when = Quand
activity-what = Quoi
activity-where = D'où (IP)
activity-support_badge = Support
activity-system = Guichet (automatique)
activity-kind-org = Organisation
activity-kind-members = Utilisateurs et rôles
activity-kind-teams = Équipes et accès aux produits
activity-kind-products = Produits
activity-kind-billing = Facturation et paiements
activity-kind-payouts = Retraits et versements
activity-kind-security = Sécurité
activity-kind-support = Support
activity-kind-sites = Sites
activity-signup = Compte et Organisation créés
activity-org-created = Organisation créée
activity-org-legal_changed = Coordonnées légales modifiées
activity-org-force_2fa = Double authentification imposée (oui/non)
activity-org-phone = Téléphone de l'Organisation modifié
activity-org-deleted = Organisation supprimée
activity-billing-reference = Référence de facturation modifiée
activity-member-left = A quitté l'Organisation
activity-member-role_changed = Rôle modifié
activity-member-removed = Utilisateur retiré
activity-invitation-created = Invitation envoyée
activity-invitation-resent = Invitation renvoyée
activity-invitation-revoked = Invitation révoquée
activity-invitation-accepted = Invitation acceptée
activity-team-created = Équipe créée
activity-team-changed = Équipe modifiée
activity-team-deleted = Équipe supprimée
activity-team-members_added = Membres ajoutés à l'équipe
activity-team-member_removed = Membre retiré de l'équipe
activity-team-rights = Droits de l'équipe sur un produit modifiés
activity-grant-changed = Accès individuel à un produit modifié
activity-product-ordered = Produit commandé
activity-product-state = État d'un produit changé
activity-invoice-paid = Facture payée
activity-invoice-renewal = Facture de renouvellement émise
activity-checkout = Paiement de factures
activity-prepaid-top_up = Compte prépayé crédité par carte
activity-prepaid-transfer_requested = Virement pour le compte prépayé demandé
activity-address-added = Adresse de facturation ajoutée
activity-address-changed = Adresse de facturation modifiée
activity-address-archived = Adresse de facturation archivée
activity-address-restored = Adresse de facturation restaurée
activity-withdrawal-requested = Retrait du solde demandé
activity-withdrawal-decided = Retrait examiné par le fournisseur
activity-withdrawal-in_transit = Retrait en cours de versement
activity-withdrawal-paid = Retrait versé
activity-bank-assigned = Paiement bancaire attribué par le fournisseur
activity-api_token-created = Jeton d'API créé
activity-support-granted = Accès temporaire accordé au support
activity-support-revoked = Accès du support révoqué
activity-support-expired = Accès du support expiré
activity-support-entered = Le support a ouvert l'Organisation
activity-support-request = Action du support
activity-support-refused = Action du support refusée
activity-support-vip_code = Code VIP attribué

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

activity-site-created = Site ajouté
activity-site-deleted = Site supprimé
activity-site-mysql_prefix = Option Préfixe MySQL
activity-site-env_set = Variable d'environnement enregistrée
activity-site-env_deleted = Variable d'environnement supprimée
activity-site-db_created = Base de données créée
activity-site-db_deleted = Base de données supprimée
activity-site-db_user_created = Utilisateur MySQL créé
activity-site-db_user_deleted = Utilisateur MySQL supprimé

## Reminders (REM-05) and checking a reminder (REM-06)

activity-invoice-reminder = Rappel de paiement envoyé
activity-invoice-transfer_declared = Virement déclaré
activity-invoices-exported_by_mail = Export des factures envoyé par e-mail
activity-product-labelled = Produit renommé
activity-product-billing_address = Adresse de facturation du produit changée
activity-product-renewed_early = Produit renouvelé par anticipation
activity-invoice-readdressed = Facture réadressée
activity-line = { $what } : { $detail }
