# admin: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

admin-invoices = Invoices and refunds
admin-invoice_number = Invoice number
admin-invoice_not_found = No invoice has this number.
admin-refunded_so_far = Refunded so far
admin-refund_title = Refund
admin-refund_help = The refund issues a numbered credit note and credits the Organization's prepaid account; the billing contacts are told by e-mail. VAT is reversed in the same proportion as on the invoice.
admin-refund_amount = Amount to refund, VAT included
admin-refund_confirm = I confirm this refund: a credit note cannot be undone.
admin-refund_button = Refund and issue the credit note
admin-refund_unconfirmed = Tick the confirmation to refund.
admin-refunded = Refunded; the credit note is issued.
admin-catalogue = Catalogue
admin-catalogue_help = Prices excluding VAT, per period and currency, each in force from a date. A price change is added from a date on: invoices already issued never change; renewals invoiced after that date take the new price. VAT follows the customer's country and type.
admin-catalogue_empty = No offer yet: create one below.
admin-offer_withdrawn = withdrawn
admin-no_price = No price yet: the offer cannot be ordered.
admin-currency = Currency
admin-price_net = Price excl. VAT
admin-valid_from = From
admin-price_scheduled = scheduled
admin-price_current = in force
admin-price_past = replaced
admin-set_price = Set this price
admin-withdraw_offer = Withdraw from ordering
admin-show_offer = Offer again
admin-new_offer = New offer
admin-product_type = Product type
admin-offer_name = Offer name
admin-create_offer = Create the offer
admin-offer_created = Offer created: now set its prices.
admin-price_saved = Price saved.
admin-offer_saved = Offer updated.
admin-withdrawals = Payouts to approve
admin-withdrawals_approved = Approved, awaiting the payout file
admin-approve = Approve
admin-reject = Reject
admin-reason_label = Reason (for a rejection)
admin-none_pending = No pending request.
admin-decided = Decision recorded; the customer is told by e-mail.

## Help

admin-payouts_write = Write the payout file (pain.001)
admin-payout_files = Payout files
admin-payouts_written = File written: download it below and send it to the bank. The payouts are in transit.
admin-payouts_none = No approved payout to an IBAN: no file written.
admin-bank = Bank statements
admin-bank_upload = Import a camt.053 or camt.054 statement
admin-bank_import = Import
admin-bank_exceptions = Payments to place
admin-bank_no_exceptions = No payment waiting: everything was placed.
admin-bank_credited = Latest payments credited
admin-bank_none_credited = None so far.
admin-bank_org = Organization (id)
admin-bank_note = Justification
admin-bank_assign = Credit its prepaid account
admin-bank_assigned = Payment placed; the action is logged.
admin-bank_imported = Statement imported: every payment is placed.
admin-bank_imported_with_exceptions = Statement imported; some payments wait to be placed below.
admin-bank_no_file = Choose a camt file to import.
admin-kb = Knowledge base
admin-kb_new = New guide
admin-kb_import = Import guides (zip)
admin-kb_import_help = A zip archive of Markdown files: one folder per language (fr/, en/, de/) or a flat folder with the language in the front matter (YAML --- or TOML +++). Every guide whose text changes becomes a new published version; other files are listed with the reason. At most 2,000 files, 2 MB per file, a 20 MB archive.
admin-kb_import_archive = Archive
admin-kb_import_replace = Replace: withdraw every published guide that is not in the archive (its versions are kept). Nothing is withdrawn if a file cannot be read.
admin-kb_import_submit = Import
admin-kb_import_no_file = Choose a zip archive to import.
admin-kb_import_done = Import done: { $published } published, { $unchanged } unchanged, { $skipped } skipped, { $broken } unreadable, { $withdrawn } withdrawn.
admin-kb_import_broken = Some files cannot be read (see the reason below): fix them and import again; no guide was withdrawn.
admin-kb_import_empty = The archive holds no file.
admin-kb_import_file = File
admin-kb_import_detail = Detail
admin-kb_import_unchanged = unchanged
admin-kb_import_skipped = skipped
admin-kb_import_broken_file = unreadable
admin-kb_import_withdrawn = Guides withdrawn
admin-kb_report = Searches without results and feedback
admin-kb_state = State
admin-kb_updated = Updated
admin-kb_published = published
admin-kb_draft = draft
admin-kb_help = The guide is written in Markdown, after its TOML front matter between two +++ lines. Every save makes a version; the earlier ones stay below.
admin-kb_content = Content
admin-kb_publish = Publish
admin-kb_save_draft = Save the draft
admin-kb_view = View the published page
admin-kb_history = Versions
admin-kb_show = Show
admin-kb_published_done = Guide published: search finds it from now on.
admin-kb_draft_done = Draft saved; readers still see the published version.
admin-kb_empty_searches = Searches that found nothing
admin-kb_no_empty = None so far.
admin-kb_query = Query
admin-kb_count = Times
admin-kb_last = Last time
admin-kb_feedback = Readers' feedback
admin-kb_no_feedback = No feedback so far.

## Back office

admin-title = Back office
admin-customers = Customers
admin-search = Search by name
admin-find = Find
admin-no_customers = No customer matches.
admin-support_lookup = Identify a customer by support code
admin-code_unknown = No user has this support code.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

admin-support = Temporary support access
admin-support_help = Organizations with live access granted. Opening one, you work in it read-only for money; every request appears in its activity log.
admin-support_none = No Organization has live access for support.
admin-support_open = Open

## Bank statements, foreign currency, short payments (issue #11)

admin-bank_set_aside = Set aside
admin-bank_set_aside_help = Entries that cannot be booked (amount 0.00 or over the maximum of 1 000 000 000.00): recorded with their reason, nothing credited; the rest of the file is imported.
admin-bank_awaiting_details = Collective credits awaiting their camt.054
admin-bank_awaiting_details_help = A collective camt.053 entry is never booked itself: its payments are booked from the camt.054 it names, which replaces it when imported.
admin-refund_to = Refund to
admin-refund_to_prepaid = The Organization’s prepaid account
admin-refund_to_card = The card that paid the invoice
admin-nav_label = Back-office sections
admin-to_manager = Customer area
admin-bank_file = Statement file (XML)
