# product: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

product-cancelled = Produkt gekündigt
product-resumed = Kündigung zurückgenommen
product-already_cancelled = Dieses Produkt ist bereits auf das Ende seiner Laufzeit gekündigt.
product-cancel_unavailable = Dieses Produkt ist beendet: Es gibt nichts mehr zu kündigen.
product-not_cancelled = Dieses Produkt ist nicht gekündigt.
product-cancel_title = Produkt kündigen
product-cancel_pending_help = Dieses Produkt ist noch nicht bezahlt: Die Kündigung beendet es sofort, mit seiner Bestellrechnung (die als storniert im Verlauf bleibt).
product-cancel_running_help = Das Produkt läuft bis { $date } weiter und endet dann: Es wird nicht verlängert, die automatische Verlängerung wird ausgeschaltet. Eine unbezahlte Verlängerungsrechnung wird storniert. Die laufende Periode wird nicht erstattet.
product-cancel_confirm = Ich bestätige die Kündigung dieses Produkts
product-cancel_button = Kündigen
product-cancel_unconfirmed = Bestätigen Sie die Kündigung mit dem Häkchen.
product-cancel_done = Kündigung erfasst.
product-cancelled_until = Gekündigt: Das Produkt endet am { $date } und wird nicht verlängert.
product-resume_button = Produkt behalten
product-resume_done = Das Produkt wird wie bisher verlängert.

## Products and orders

product-name = Produkt
product-state = Status
product-period = Laufzeit
product-months = Monate
product-expires = Ablauf
product-state-pending = wartet auf Zahlung
product-state-active = aktiv
product-state-expired = abgelaufen
product-state-blocked = gesperrt
product-state-terminated = beendet
product-state-cancelled = storniert
product-ordered = Produkt bestellt

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

product-auto_renew_on = Automatische Verlängerung aktiviert
product-auto_renew_off = Automatische Verlängerung deaktiviert
product-period_changed = Abrechnungsperiode geändert
product-label = Produktname
product-label_help = Ein Name, an dem Sie es erkennen (die Domain, „Firmenwebsite“…); leer: der Name des Angebots.
product-label_save = Umbenennen
product-label_done = Das Produkt wurde umbenannt.
product-label_invalid = Geben Sie einen einzeiligen Namen mit höchstens 60 Zeichen ein.
product-label_need_technical = Zum Umbenennen brauchen Sie das technische Recht auf dieses Produkt.
product-offer = Angebot
product-labelled = Produkt umbenannt
product-activated = Produkt aktiviert
product-expired = Produkt abgelaufen
product-terminated = Produkt beendet
product-address_title = Rechnungsadresse bei der Verlängerung
product-address_help = Die nächsten Verlängerungsrechnungen dieses Produkts gehen an diese Adresse und an ihre Rechnungs-E-Mail.
product-address_label = Rechnungsadresse
product-address_org = die Organisation selbst
product-address_manage = Adressen verwalten
product-billing_address = Rechnungsadresse des Produkts geändert
product-renewed_early = Produkt vorzeitig verlängert
