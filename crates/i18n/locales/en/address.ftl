# address: English. A key `area.rest` of the code is the message `area-rest` here.

## Billing addresses

address-help = A product's invoices go to the billing address chosen for it; by default, to the Organization's address.
address-name_label = Recipient
address-company_label = Company (optional)
address-email_label = E-mail for invoices (optional)
address-add_title = Add a billing address
address-add = Add the address
address-added = Address added.
address-edit = Edit
address-edit_title = Edit the billing address
address-archive = Archive
address-restore = Restore
address-archived = Archived
address-archived_done = Address archived: it stays on past invoices.
address-restored_done = Address restored.
address-show_archived = Also show archived addresses
address-hide_archived = Hide archived addresses
address-changed = Billing address changed
address-restored = Billing address restored
