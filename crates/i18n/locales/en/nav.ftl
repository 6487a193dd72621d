# nav: English. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

nav-label = Main navigation
nav-menu = Menu
nav-home = Home
nav-products = Products
nav-payments = Payments
nav-accounting = Accounting
nav-invoices = Invoices
nav-prepaid = Prepaid account
nav-addresses = Billing addresses
nav-billing_settings = Billing preferences
nav-users = Users
nav-teams = Work teams
nav-organization = Organization
nav-profile = Profile
nav-help = Help

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

nav-support = Support
nav-activity = Activity log
