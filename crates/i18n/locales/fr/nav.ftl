# nav: French. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

nav-label = Navigation principale
nav-menu = Menu
nav-home = Accueil
nav-products = Produits
nav-payments = Paiements
nav-accounting = Comptabilité
nav-invoices = Factures
nav-prepaid = Compte prépayé
nav-addresses = Adresses de facturation
nav-billing_settings = Préférences de facturation
nav-users = Utilisateurs
nav-teams = Équipes de travail
nav-organization = Organisation
nav-profile = Profil
nav-help = Aide

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

nav-support = Support
nav-activity = Journal d'activité
