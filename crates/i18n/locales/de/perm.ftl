# perm: German. A key `area.rest` of the code is the message `area-rest` here.

## Errors

perm-need_admin = Nur gesetzliche Vertreter und Administratoren können das tun.
perm-need_lr = Nur ein gesetzlicher Vertreter kann das tun.
perm-need_accounting = Sie benötigen die Buchhaltungsberechtigung für die Rechnungsstellung.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

perm-support_read_only = Der Support des Anbieters kann weder zahlen, auszahlen, bestellen noch Rollen oder Einstellungen ändern: Wenden Sie sich an einen gesetzlichen Vertreter oder Administrator.
