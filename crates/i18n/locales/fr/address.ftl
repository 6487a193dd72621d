# address: French. A key `area.rest` of the code is the message `area-rest` here.

## Billing addresses

address-help = Les factures d'un produit sont adressées à l'adresse de facturation choisie pour lui ; par défaut, à l'adresse de l'Organisation.
address-name_label = Destinataire
address-company_label = Entreprise (facultatif)
address-email_label = E-mail pour les factures (facultatif)
address-add_title = Ajouter une adresse de facturation
address-add = Ajouter l'adresse
address-added = Adresse ajoutée.
address-edit = Modifier
address-edit_title = Modifier l'adresse de facturation
address-archive = Archiver
address-restore = Restaurer
address-archived = Archivée
address-archived_done = Adresse archivée : elle reste sur les factures passées.
address-restored_done = Adresse restaurée.
address-show_archived = Afficher aussi les adresses archivées
address-hide_archived = Masquer les adresses archivées
address-changed = Adresse de facturation modifiée
address-restored = Adresse de facturation restaurée
