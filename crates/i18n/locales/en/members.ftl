# members: English. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

members-title = Members
members-role = Role
members-actions = Actions
members-you = (you)
members-accounting = Accounting
members-accounting_help = Accounting permission (invoices, payments; for collaborators)
members-billing_contact = Receives billing e-mails and reminders
members-remove = Remove
members-remove_title = Remove a member
members-remove_warning = { $name } will lose all access to { $org }.
members-removed = Member removed.
members-role_saved = Role saved; it applies from the person's next page, and they are told by e-mail.
members-last_lr = An Organization always keeps at least one Legal Representative: appoint another first.
