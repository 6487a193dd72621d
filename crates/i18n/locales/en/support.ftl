# support: English. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

support-operator_banner = You are working in this Organization under temporary support access: read-only for money, everything is recorded in its activity log.
support-no_grant = No temporary support access is live for this Organization (revoked or expired).
support-not_live = This access is no longer live.
support-nothing_chosen = Choose the whole Organization or at least one product.
support-access_title = Temporary access for support
support-access_help = Let the provider's support staff see your services for a limited time. They can never pay, withdraw money or change roles; everything they do appears in the activity log. You can revoke the access at any time.
support-duration = Duration
support-duration_1h = 1 hour
support-duration_24h = 24 hours
support-duration_7d = 7 days
support-scope = Scope
support-scope_all = The whole Organization
support-scope_products = Only the products ticked:
support-grant = Grant access
support-no_grants = No access has been granted to support yet.
support-granted_at = Granted on
support-expires_at = Expires on
support-state = State
support-state_live = Live
support-state_revoked = Revoked
support-state_expired = Expired
support-revoke = Revoke
support-granted_done = Access granted to support; the Legal Representatives are told by e-mail.
support-revoked_done = Access revoked: support has no access from now on.
support-granted = Temporary access granted to support
support-revoked = Support access revoked
support-expired = Support access expired
support-entered = Support opened the Organization
support-request = Support action
support-refused = Support action refused
support-vip_code = VIP code assigned
