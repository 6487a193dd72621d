# perm: English. A key `area.rest` of the code is the message `area-rest` here.

## Errors

perm-need_admin = Only Legal Representatives and Administrators can do this.
perm-need_lr = Only a Legal Representative can do this.
perm-need_accounting = You need the accounting permission to access billing.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

perm-support_read_only = The provider's support can neither pay, withdraw, order nor change roles or settings: ask a Legal Representative or an Administrator.
