# support: French. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

support-operator_banner = Vous travaillez dans cette Organisation avec un accès temporaire du support : lecture seule pour l'argent, tout est consigné dans son journal d'activité.
support-no_grant = Aucun accès temporaire du support n'est en cours pour cette Organisation (révoqué ou expiré).
support-not_live = Cet accès n'est plus en cours.
support-nothing_chosen = Choisissez toute l'Organisation ou au moins un produit.
support-access_title = Accès temporaire pour le support
support-access_help = Autorisez les collaborateurs du support du fournisseur à voir vos services pendant une durée limitée. Ils ne peuvent jamais payer, retirer d'argent ni changer les rôles ; tout ce qu'ils font figure dans le journal d'activité. Vous pouvez révoquer l'accès à tout moment.
support-duration = Durée
support-duration_1h = 1 heure
support-duration_24h = 24 heures
support-duration_7d = 7 jours
support-scope = Portée
support-scope_all = Toute l'Organisation
support-scope_products = Seulement les produits cochés :
support-grant = Accorder l'accès
support-no_grants = Aucun accès n'a encore été accordé au support.
support-granted_at = Accordé le
support-expires_at = Expire le
support-state = État
support-state_live = En cours
support-state_revoked = Révoqué
support-state_expired = Expiré
support-revoke = Révoquer
support-granted_done = Accès accordé au support ; les Représentants légaux en sont informés par e-mail.
support-revoked_done = Accès révoqué : le support n'a plus accès dès maintenant.
support-granted = Accès temporaire accordé au support
support-revoked = Accès du support révoqué
support-expired = Accès du support expiré
support-entered = Le support a ouvert l'Organisation
support-request = Action du support
support-refused = Action du support refusée
support-vip_code = Code VIP attribué
