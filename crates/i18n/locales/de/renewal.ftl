# renewal: German. A key `area.rest` of the code is the message `area-rest` here.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

renewal-nothing_selected = Kreuzen Sie mindestens ein Produkt an.
renewal-not_active = Nur ein aktives Produkt mit Ablaufdatum kann automatisch verlängert werden oder die Laufzeit ändern.
renewal-too_late = Die automatische Verlängerung kann weniger als 14 Tage vor Ablauf nicht mehr aktiviert werden: Verlängern Sie zuerst von Hand (Seite Zahlungen).
renewal-period_not_offered = Diese Laufzeit wird für dieses Produkt nicht angeboten (monatliche Abrechnung verlangt einen Monatspreis von mindestens 5.00).
renewal-who_has_access = Wer hat Zugriff auf dieses Produkt, und warum
renewal-auto_title = Automatische Verlängerung
renewal-auto_on = Aktiviert.
renewal-auto_on_help = Die Verlängerung wird 14 Tage vor Ablauf bezahlt (Prepaid-Guthaben, wenn es reicht und Sie es gewählt haben, sonst die gespeicherte Karte), mit neuen Versuchen 7, 3 und 1 Tag vorher.
renewal-auto_off = Deaktiviert: Sie verlängern von Hand auf der Seite Zahlungen.
renewal-switch_on = Automatische Verlängerung aktivieren
renewal-switch_off = Automatische Verlängerung deaktivieren
renewal-switch_on_until = Kann bis zum { $date } aktiviert werden.
renewal-settings_link = Bezahlung der Verlängerungen: Prepaid-Guthaben und gespeicherte Karte
renewal-period_title = Angebot ändern: Abrechnungsperiode
renewal-period_help = Die neue Laufzeit gilt ab Ende der laufenden Periode: Kein Monat wird doppelt verrechnet.
renewal-period_label = Laufzeit der nächsten Verlängerungen
renewal-period_submit = Laufzeit ändern
renewal-period_none = Für dieses Produkt wird keine andere Laufzeit angeboten.
renewal-period_scheduled = Ab dem { $date } alle { $months } verrechnet.
renewal-settings_title = Bezahlung der Verlängerungen
renewal-settings_help = Automatische Verlängerungen werden aus dem Prepaid-Guthaben bezahlt, wenn es den ganzen Betrag deckt und Sie es gewählt haben, sonst mit der gespeicherten Karte.
renewal-from_prepaid = Zuerst mit dem Prepaid-Guthaben bezahlen
renewal-card_title = Gespeicherte Karte
renewal-card_saved = Karte mit Endziffern { $last4 }, läuft ab { $expiry }.
renewal-card_none = Keine gespeicherte Karte.
renewal-card_save = Diese Karte speichern
renewal-card_remove = Karte entfernen
renewal-card_done = Karte gespeichert: Nur das Token des Anbieters und die letzten 4 Ziffern werden aufbewahrt.
renewal-auto_column = Autom. Verlängerung
renewal-on = an
renewal-off = aus
renewal-switch_on_selected = Autom. Verlängerung für die Auswahl aktivieren
renewal-switch_off_selected = Autom. Verlängerung für die Auswahl deaktivieren
renewal-many_help = Kreuzen Sie Produkte an, um ihre automatische Verlängerung auf einmal zu ändern.
renewal-attempt = Versuch der automatischen Verlängerung
renewal-renew_column = Verlängern
renewal-renew = Verlängern
renewal-renew_product = { $product } verlängern
renewal-renew_help = Sie können die nächste Laufzeit schon jetzt bezahlen: Ihre Rechnung wird ausgestellt und auf der Seite Zahlungen angekreuzt.
renewal-renew_now = Jetzt verlängern
renewal-renew_cancelled = Dieses Produkt ist auf das Ende seiner Laufzeit gekündigt: Nehmen Sie die Kündigung zurück, bevor Sie es verlängern.
renewal-renew_not_running = Dieses Produkt kann nicht verlängert werden: Es ist nicht in Betrieb.
renewal-renew_unavailable = Die nächste Laufzeit dieses Produkts kann jetzt nicht verrechnet werden: Sie ist bereits verrechnet oder ihre Dauer hat keinen Preis mehr.
