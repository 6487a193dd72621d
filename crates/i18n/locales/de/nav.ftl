# nav: German. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

nav-label = Hauptnavigation
nav-menu = Menü
nav-home = Start
nav-products = Produkte
nav-payments = Zahlungen
nav-accounting = Buchhaltung
nav-invoices = Rechnungen
nav-prepaid = Prepaid-Konto
nav-addresses = Rechnungsadressen
nav-billing_settings = Rechnungseinstellungen
nav-users = Benutzer
nav-teams = Arbeitsteams
nav-organization = Organisation
nav-profile = Profil
nav-help = Hilfe

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

nav-support = Support
nav-activity = Aktivitätsprotokoll
