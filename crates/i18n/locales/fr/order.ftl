# order: French. A key `area.rest` of the code is the message `area-rest` here.

## Products and orders

order-title = Commander un produit
order-help = La commande crée une facture à payer ; le produit s'active dès qu'elle est payée.
order-offer = Offre et durée
order-excl_vat = HT
order-address = Adresse de facturation
order-submit = Commander
order-done = Commande enregistrée : voici sa facture.
order-no_price = Cette offre n'a pas de prix pour cette durée dans votre devise.
order-address_incomplete = Complétez d'abord l'adresse (NPA et localité) de l'Organisation ou choisissez une adresse de facturation.
