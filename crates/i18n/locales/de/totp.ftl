# totp: German. A key `area.rest` of the code is the message `area-rest` here.

## Two-factor authentication

totp-title = Zwei-Faktor-Authentifizierung
totp-on = Aktiviert.
totp-off = Deaktiviert. Schützen Sie Ihr Konto mit einer Authenticator-App (TOTP).
totp-enable = Aktivieren
totp-disable = Deaktivieren
totp-scan = Scannen Sie diesen Code mit Ihrer App und geben Sie dann den angezeigten Code ein.
totp-secret = Oder geben Sie diesen Schlüssel ein:
totp-confirm = Bestätigen
totp-enabled = Zwei-Faktor-Authentifizierung aktiviert
totp-disabled = Zwei-Faktor-Authentifizierung deaktiviert
totp-enabled_done = Die Zwei-Faktor-Authentifizierung ist aktiviert.
totp-disabled_done = Die Zwei-Faktor-Authentifizierung ist deaktiviert.
totp-recovery_title = Wiederherstellungscodes
totp-recovery_help = Bewahren Sie diese Codes sicher auf: Jeder erlaubt eine Anmeldung, falls Sie Ihr Telefon verlieren. Sie werden nicht mehr angezeigt.
totp-codes_left = ({ $n ->
        [0] kein Wiederherstellungscode übrig
        [one] { $n } Wiederherstellungscode übrig
       *[other] { $n } Wiederherstellungscodes übrig
    })
totp-forced = Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung. Aktivieren Sie sie unten, um fortzufahren.
totp-already_on = Die Zwei-Faktor-Authentifizierung ist bereits aktiviert.
totp-not_started = Beginnen Sie mit „Aktivieren“, um einen neuen Code zum Scannen zu erhalten.
