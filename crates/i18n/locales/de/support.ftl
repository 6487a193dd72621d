# support: German. A key `area.rest` of the code is the message `area-rest` here.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

support-operator_banner = Sie arbeiten in dieser Organisation mit einem befristeten Support-Zugang: Geld nur lesend, alles wird im Aktivitätsprotokoll festgehalten.
support-no_grant = Für diese Organisation besteht kein befristeter Support-Zugang (widerrufen oder abgelaufen).
support-not_live = Dieser Zugang besteht nicht mehr.
support-nothing_chosen = Wählen Sie die ganze Organisation oder mindestens ein Produkt.
support-access_title = Befristeter Zugang für den Support
support-access_help = Erlauben Sie dem Support des Anbieters, Ihre Dienste für begrenzte Zeit einzusehen. Er kann nie zahlen, Geld auszahlen oder Rollen ändern; alles erscheint im Aktivitätsprotokoll. Sie können den Zugang jederzeit widerrufen.
support-duration = Dauer
support-duration_1h = 1 Stunde
support-duration_24h = 24 Stunden
support-duration_7d = 7 Tage
support-scope = Umfang
support-scope_all = Die ganze Organisation
support-scope_products = Nur die angekreuzten Produkte:
support-grant = Zugang gewähren
support-no_grants = Dem Support wurde noch kein Zugang gewährt.
support-granted_at = Gewährt am
support-expires_at = Läuft ab am
support-state = Status
support-state_live = Aktiv
support-state_revoked = Widerrufen
support-state_expired = Abgelaufen
support-revoke = Widerrufen
support-granted_done = Zugang für den Support gewährt; die gesetzlichen Vertreter werden per E-Mail informiert.
support-revoked_done = Zugang widerrufen: Der Support hat ab sofort keinen Zugang mehr.
support-granted = Befristeter Zugang für den Support gewährt
support-revoked = Support-Zugang widerrufen
support-expired = Support-Zugang abgelaufen
support-entered = Der Support hat die Organisation geöffnet
support-request = Aktion des Supports
support-refused = Aktion des Supports abgelehnt
support-vip_code = VIP-Code vergeben
