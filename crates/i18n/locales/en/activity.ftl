# activity: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

activity-product-cancelled = Product cancelled
activity-product-resumed = A product's cancellation taken back

## Invoice documents as PDF (INV-05, INV-07, INV-08)

activity-invoice-refunded = Refund by credit note

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

activity-who = Who
activity-everyone = Everyone
activity-kind = Kind of action
activity-all_kinds = All kinds
activity-empty = No activity matches these filters.
activity-when = When
activity-what = What
activity-where = From where (IP)
activity-support_badge = Support
activity-system = Guichet (automatic)
activity-kind-org = Organization
activity-kind-members = Users and roles
activity-kind-teams = Teams and product access
activity-kind-products = Products
activity-kind-billing = Billing and payments
activity-kind-payouts = Withdrawals and payouts
activity-kind-security = Security
activity-kind-support = Support
activity-kind-sites = Sites
activity-signup = Account and Organization created
activity-org-created = Organization created
activity-org-legal_changed = Legal details changed
activity-org-force_2fa = Two-factor authentication required (yes/no)
activity-org-phone = Organization's phone changed
activity-org-deleted = Organization deleted
activity-billing-reference = Billing reference changed
activity-member-left = Left the Organization
activity-member-role_changed = Role changed
activity-member-removed = User removed
activity-invitation-created = Invitation sent
activity-invitation-resent = Invitation sent again
activity-invitation-revoked = Invitation revoked
activity-invitation-accepted = Invitation accepted
activity-team-created = Team created
activity-team-changed = Team changed
activity-team-deleted = Team deleted
activity-team-members_added = Members added to the team
activity-team-member_removed = Member removed from the team
activity-team-rights = Team's rights on a product changed
activity-grant-changed = Individual product access changed
activity-product-ordered = Product ordered
activity-product-state = Product state changed
activity-invoice-paid = Invoice paid
activity-invoice-renewal = Renewal invoice issued
activity-checkout = Invoices paid
activity-prepaid-top_up = Prepaid account topped up by card
activity-prepaid-transfer_requested = Bank transfer to the prepaid account requested
activity-address-added = Billing address added
activity-address-changed = Billing address changed
activity-address-archived = Billing address archived
activity-address-restored = Billing address restored
activity-withdrawal-requested = Balance withdrawal requested
activity-withdrawal-decided = Withdrawal reviewed by the provider
activity-withdrawal-in_transit = Withdrawal being paid out
activity-withdrawal-paid = Withdrawal paid out
activity-bank-assigned = Bank payment placed by the provider
activity-api_token-created = API token created
activity-support-granted = Temporary access granted to support
activity-support-revoked = Support access revoked
activity-support-expired = Support access expired
activity-support-entered = Support opened the Organization
activity-support-request = Support action
activity-support-refused = Support action refused
activity-support-vip_code = VIP code assigned

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

activity-site-created = Site added
activity-site-deleted = Site deleted
activity-site-mysql_prefix = MySQL prefix option
activity-site-env_set = Environment variable saved
activity-site-env_deleted = Environment variable removed
activity-site-db_created = Database created
activity-site-db_deleted = Database dropped
activity-site-db_user_created = MySQL user created
activity-site-db_user_deleted = MySQL user dropped

## Reminders (REM-05) and checking a reminder (REM-06)

activity-invoice-reminder = Payment reminder sent
activity-invoice-transfer_declared = Bank transfer declared
activity-invoices-exported_by_mail = Invoices export sent by e-mail
activity-product-labelled = Product renamed
activity-product-billing_address = Product billing address changed
activity-product-renewed_early = Product renewed early
activity-invoice-readdressed = Invoice re-addressed
activity-line = { $what }: { $detail }
