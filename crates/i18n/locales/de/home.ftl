# home: German. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Hallo { $name }
home-role = Sie arbeiten in { $org } als { $role }.
home-support_code = Ihr Support-Code:
home-balance_title = Prepaid-Guthaben
home-balance_action = Aufladen oder Bewegungen ansehen
home-due_title = Zu bezahlen
home-due_next = { $n ->
    [one] { $n } Rechnung zu bezahlen, die erste am { $date }
   *[other] { $n } Rechnungen zu bezahlen, die erste am { $date }
}
home-due_action = Bezahlen
home-due_none = In den nächsten zwei Monaten ist nichts zu bezahlen.
home-expiring_title = Produkte, die in 60 Tagen ablaufen
home-expiring_none = Kein Produkt läuft in den nächsten 60 Tagen ab.
home-expires_on = läuft am { $date } ab
home-more = { $n ->
    [one] und { $n } weiteres
   *[other] und { $n } weitere
}
home-products_action = Produkte ansehen
home-unpaid_title = Offene Rechnungen
home-unpaid_none = Keine offene Rechnung.
home-unpaid_summary = { $n ->
    [one] { $n } offene Rechnung, insgesamt { $total }
   *[other] { $n } offene Rechnungen, insgesamt { $total }
}
home-overdue = { $n ->
    [one] { $n } ist überfällig.
   *[other] { $n } sind überfällig.
}
home-due_on = fällig am { $date }
home-unpaid_action = Rechnungen bezahlen
home-invoices_action = Alle Rechnungen
home-activity_title = Letzte Aktivitäten
home-activity_all = Das ganze Aktivitätsprotokoll
home-support_title = Support
home-support_help = Geben Sie diesen Code dem Support, wenn Sie anrufen: Er beweist, dass Sie es sind.
home-support_action = Support-Zugang
