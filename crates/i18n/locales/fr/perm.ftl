# perm: French. A key `area.rest` of the code is the message `area-rest` here.

## Errors

perm-need_admin = Seuls les représentants légaux et les administrateurs peuvent faire cela.
perm-need_lr = Seul un représentant légal peut faire cela.
perm-need_accounting = Il vous faut la permission comptabilité pour accéder à la facturation.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

perm-support_read_only = Le support du fournisseur ne peut ni payer, ni retirer, ni commander, ni changer les rôles ou les réglages : demandez-le à un Représentant légal ou un Administrateur.
