# org: English. A key `area.rest` of the code is the message `area-rest` here.

## Organizations

org-switch_label = Organization
org-switch = Switch
org-new = + New
org-new_title = New Organization
org-new_intro = An Organization groups products, invoices and users (e.g. your company, or your private affairs). You will be its Legal Representative.
org-create = Create the Organization
org-created = Created on
org-welcome = Welcome! Complete your Organization's address: it fixes the currency of your invoices.
org-details = Details
org-name_label = Name
org-kind_label = Type
org-kind-individual = Individual
org-kind-association = Association
org-kind-company = Company
org-kind-public_body = Public body
org-street_label = Street and number
org-postcode_label = Postcode
org-city_label = City
org-address = Address
org-vat_label = VAT number (companies)
org-phone_label = Phone
org-currency = Invoice currency
org-currency_rule = The country fixes the currency of future invoices: Switzerland and Liechtenstein in CHF, elsewhere in EUR.
org-legal_lr_only = Only a Legal Representative can change the name, address, type and VAT number.
org-security = Organization security
org-force_2fa = Require two-factor authentication from every member
org-leave_title = Leave or delete
org-leave_help = Leaving the Organization removes your access to its products and invoices. The last Legal Representative cannot leave.
org-leave_confirm = I confirm I want to leave this Organization
org-leave = Leave the Organization
org-left = You left the Organization.
org-delete_link = Delete the Organization…
org-delete_title = Delete the Organization
org-delete_help = An Organization can be deleted only with no products, no other member, a zero prepaid balance and no unpaid invoice. Its billing history is kept.
org-delete_warning = Deleting { $org } is final.
org-delete_type_name = Type the Organization's exact name to confirm
org-delete_name_mismatch = The name typed does not match the Organization's.
org-delete = Delete for good
org-deleted = Organization deleted.
org-delete-has_products = It still has products: transfer or terminate them first.
org-delete-has_members = It still has other members: remove them first.
org-delete-has_balance = Its prepaid account is not at zero: withdraw the balance first.
org-delete-has_unpaid = It has unpaid invoices: pay them first.
org-legal_changed = Legal details changed

## Prepaid account

org-currency_locked = The currency cannot change while the prepaid account is not at zero: spend or withdraw the balance first.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

org-phone = Organization's phone
org-created_done = The Organization is created: complete its details below if needed.
org-currency_line = Invoice currency:
