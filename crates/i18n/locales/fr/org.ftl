# org: French. A key `area.rest` of the code is the message `area-rest` here.

## Organizations

org-switch_label = Organisation
org-switch = Changer
org-new = + Nouvelle
org-new_title = Nouvelle Organisation
org-new_intro = Une Organisation regroupe des produits, des factures et des utilisateurs (p. ex. votre entreprise ou vos affaires privées). Vous en serez le représentant légal.
org-create = Créer l'Organisation
org-created = Créée le
org-welcome = Bienvenue ! Complétez l'adresse de votre Organisation : elle fixe la devise de vos factures.
org-details = Coordonnées
org-name_label = Nom
org-kind_label = Type
org-kind-individual = Particulier
org-kind-association = Association
org-kind-company = Entreprise
org-kind-public_body = Administration publique
org-street_label = Rue et numéro
org-postcode_label = NPA
org-city_label = Localité
org-address = Adresse
org-vat_label = Numéro de TVA (entreprises)
org-phone_label = Téléphone
org-currency = Devise des factures
org-currency_rule = Le pays fixe la devise des prochaines factures : Suisse et Liechtenstein en CHF, ailleurs en EUR.
org-legal_lr_only = Seul un représentant légal peut modifier le nom, l'adresse, le type et le numéro de TVA.
org-security = Sécurité de l'Organisation
org-force_2fa = Exiger l'authentification à deux facteurs de tous les membres
org-leave_title = Quitter ou supprimer
org-leave_help = En quittant l'Organisation, vous perdez l'accès à ses produits et factures. Le dernier représentant légal ne peut pas partir.
org-leave_confirm = Je confirme vouloir quitter cette Organisation
org-leave = Quitter l'Organisation
org-left = Vous avez quitté l'Organisation.
org-delete_link = Supprimer l'Organisation…
org-delete_title = Supprimer l'Organisation
org-delete_help = Une Organisation ne peut être supprimée que sans produit, sans autre membre, avec un solde prépayé nul et sans facture impayée. Son historique de facturation est conservé.
org-delete_warning = La suppression de { $org } est définitive.
org-delete_type_name = Tapez le nom exact de l'Organisation pour confirmer
org-delete_name_mismatch = Le nom saisi ne correspond pas à celui de l'Organisation.
org-delete = Supprimer définitivement
org-deleted = Organisation supprimée.
org-delete-has_products = Elle a encore des produits : transférez-les ou résiliez-les d'abord.
org-delete-has_members = Elle a encore d'autres membres : retirez-les d'abord.
org-delete-has_balance = Son compte prépayé n'est pas à zéro : récupérez le solde d'abord.
org-delete-has_unpaid = Elle a des factures impayées : réglez-les d'abord.
org-legal_changed = Coordonnées légales modifiées

## Prepaid account

org-currency_locked = La devise ne peut pas changer tant que le compte prépayé n'est pas à zéro : utilisez ou récupérez d'abord le solde.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

org-phone = Téléphone de l'Organisation
org-created_done = L'Organisation est créée : complétez ses coordonnées ci-dessous si besoin.
org-currency_line = Devise des factures :
