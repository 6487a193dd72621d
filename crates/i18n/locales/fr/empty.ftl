# empty: French. A key `area.rest` of the code is the message `area-rest` here.

## Empty sections

empty-products = Cette Organisation n'a aucun produit pour le moment.
empty-payments = Rien à payer : aucun renouvellement ni commande en attente.
empty-invoices = Aucune facture pour le moment.
empty-prepaid = Le compte prépayé n'a encore aucun mouvement.
empty-addresses = Aucune adresse de facturation en plus de celle de l'Organisation.
empty-teams = Aucune équipe de travail pour le moment.
