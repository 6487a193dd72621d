# admin: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

admin-invoices = Factures et remboursements
admin-invoice_number = Numéro de facture
admin-invoice_not_found = Aucune facture ne porte ce numéro.
admin-refunded_so_far = Déjà remboursé
admin-refund_title = Rembourser
admin-refund_help = Le remboursement émet une note de crédit numérotée et crédite le compte prépayé de l'Organisation ; les contacts de facturation sont prévenus par e-mail. La TVA est reprise dans la même proportion que sur la facture.
admin-refund_amount = Montant TTC à rembourser
admin-refund_confirm = Je confirme ce remboursement : une note de crédit ne peut pas être annulée.
admin-refund_button = Rembourser et émettre la note de crédit
admin-refund_unconfirmed = Cochez la confirmation pour rembourser.
admin-refunded = Remboursement effectué, note de crédit émise.
admin-catalogue = Catalogue
admin-catalogue_help = Prix hors TVA, par durée et par devise, chacun en vigueur à partir d'une date. Un changement de prix s'ajoute à partir d'une date : les factures déjà émises ne changent jamais ; les renouvellements facturés après cette date prennent le nouveau prix. La TVA suit le pays et le type du client.
admin-catalogue_empty = Aucune offre pour l'instant : créez-en une ci-dessous.
admin-offer_withdrawn = retirée
admin-no_price = Pas encore de prix : l'offre ne peut pas être commandée.
admin-currency = Devise
admin-price_net = Prix HT
admin-valid_from = À partir du
admin-price_scheduled = prévu
admin-price_current = en vigueur
admin-price_past = remplacé
admin-set_price = Fixer ce prix
admin-withdraw_offer = Retirer de la commande
admin-show_offer = Remettre en commande
admin-new_offer = Nouvelle offre
admin-product_type = Type de produit
admin-offer_name = Nom de l'offre
admin-create_offer = Créer l'offre
admin-offer_created = Offre créée : fixez maintenant ses prix.
admin-price_saved = Prix enregistré.
admin-offer_saved = Offre mise à jour.
admin-withdrawals = Versements à valider
admin-withdrawals_approved = Validés, en attente du fichier de paiement
admin-approve = Valider
admin-reject = Refuser
admin-reason_label = Raison (pour un refus)
admin-none_pending = Aucune demande en attente.
admin-decided = Décision enregistrée ; le client est informé par e-mail.

## Help

admin-payouts_write = Écrire le fichier de paiement (pain.001)
admin-payout_files = Fichiers de paiement
admin-payouts_written = Fichier écrit : téléchargez-le ci-dessous et transmettez-le à la banque. Les versements sont en cours.
admin-payouts_none = Aucun versement validé vers un IBAN : aucun fichier écrit.
admin-bank = Relevés bancaires
admin-bank_upload = Importer un relevé camt.053 ou camt.054
admin-bank_import = Importer
admin-bank_exceptions = Paiements à placer
admin-bank_no_exceptions = Aucun paiement en attente : tout a été placé.
admin-bank_credited = Derniers paiements crédités
admin-bank_none_credited = Aucun pour l'instant.
admin-bank_org = Organisation (id)
admin-bank_note = Justification
admin-bank_assign = Créditer son compte prépayé
admin-bank_assigned = Paiement placé ; l'opération est journalisée.
admin-bank_imported = Relevé importé : tous les paiements sont placés.
admin-bank_imported_with_exceptions = Relevé importé ; certains paiements attendent d'être placés ci-dessous.
admin-bank_no_file = Choisissez un fichier camt à importer.
admin-kb = Base de connaissances
admin-kb_new = Nouveau guide
admin-kb_import = Importer des guides (zip)
admin-kb_import_help = Une archive zip de fichiers Markdown : un dossier par langue (fr/, en/, de/) ou un dossier à plat avec la langue dans l'en-tête (YAML --- ou TOML +++). Chaque guide dont le texte change devient une nouvelle version publiée ; les autres fichiers sont listés avec la raison. Au plus 2000 fichiers, 2 Mo par fichier, 20 Mo d'archive.
admin-kb_import_archive = Archive
admin-kb_import_replace = Remplacer : retirer tous les guides publiés qui ne sont pas dans l'archive (leurs versions sont gardées). Rien n'est retiré si un fichier est illisible.
admin-kb_import_submit = Importer
admin-kb_import_no_file = Choisissez une archive zip à importer.
admin-kb_import_done = Import terminé : { $published ->
        [one] { $published } publié
       *[other] { $published } publiés
    }, { $unchanged ->
        [one] { $unchanged } inchangé
       *[other] { $unchanged } inchangés
    }, { $skipped ->
        [one] { $skipped } ignoré
       *[other] { $skipped } ignorés
    }, { $broken ->
        [one] { $broken } illisible
       *[other] { $broken } illisibles
    }, { $withdrawn ->
        [one] { $withdrawn } retiré
       *[other] { $withdrawn } retirés
    }.
admin-kb_import_broken = Des fichiers sont illisibles (voir la raison ci-dessous) : corrigez-les et importez à nouveau ; aucun guide n'a été retiré.
admin-kb_import_empty = L'archive ne contient aucun fichier.
admin-kb_import_file = Fichier
admin-kb_import_detail = Détail
admin-kb_import_unchanged = inchangé
admin-kb_import_skipped = ignoré
admin-kb_import_broken_file = illisible
admin-kb_import_withdrawn = Guides retirés
admin-kb_report = Recherches sans résultat et avis
admin-kb_state = État
admin-kb_updated = Modifié le
admin-kb_published = publié
admin-kb_draft = brouillon
admin-kb_help = Le guide s'écrit en Markdown, précédé de son en-tête TOML entre deux lignes +++. Chaque enregistrement crée une version ; les précédentes restent ci-dessous.
admin-kb_content = Contenu
admin-kb_publish = Publier
admin-kb_save_draft = Enregistrer le brouillon
admin-kb_view = Voir la page publiée
admin-kb_history = Versions
admin-kb_show = Afficher
admin-kb_published_done = Guide publié : la recherche le trouve dès maintenant.
admin-kb_draft_done = Brouillon enregistré ; les lecteurs voient toujours la version publiée.
admin-kb_empty_searches = Recherches sans résultat
admin-kb_no_empty = Aucune pour l'instant.
admin-kb_query = Recherche
admin-kb_count = Fois
admin-kb_last = Dernière fois
admin-kb_feedback = Avis des lecteurs
admin-kb_no_feedback = Aucun avis pour l'instant.

## Back office

admin-title = Back-office
admin-customers = Clients
admin-search = Rechercher par nom
admin-find = Chercher
admin-no_customers = Aucun client ne correspond.
admin-support_lookup = Identifier un client par son code d'assistance
admin-code_unknown = Aucun utilisateur n'a ce code d'assistance.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

admin-support = Accès temporaires du support
admin-support_help = Les Organisations qui ont accordé un accès en cours. En l'ouvrant, vous y travaillez en lecture seule pour l'argent ; chaque requête figure dans leur journal d'activité.
admin-support_none = Aucune Organisation n'a d'accès en cours pour le support.
admin-support_open = Ouvrir

## Bank statements, foreign currency, short payments (issue #11)

admin-bank_set_aside = Écartés
admin-bank_set_aside_help = Écritures qui ne peuvent pas être comptabilisées (montant 0.00 ou au-delà du maximum de 1 000 000 000.00) : enregistrées avec leur motif, rien n'est crédité ; le reste du fichier est importé.
admin-bank_awaiting_details = Crédits collectifs en attente de leur camt.054
admin-bank_awaiting_details_help = Une écriture collective du camt.053 n'est jamais comptabilisée elle-même : ses paiements le sont depuis le camt.054 indiqué, qui la remplace à son import.
admin-refund_to = Rembourser vers
admin-refund_to_prepaid = Le compte prépayé de l’organisation
admin-refund_to_card = La carte qui a payé la facture
admin-nav_label = Sections du back-office
admin-to_manager = Espace client
admin-bank_file = Fichier du relevé (XML)
