# topup: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

topup-too_small = Die kleinste Aufladung beträgt 10.00.
topup-too_large = Die grösste Aufladung beträgt 10'000.00.
topup-balance_limit = Diese Aufladung würde das Guthaben über das erlaubte Maximum (50'000.00) bringen.
topup-already_charged = Diese Aufladung wurde der Karte bereits belastet: nichts wurde doppelt belastet.
topup-currency_changed = Die Währung der Organisation hat sich soeben geändert: nichts wurde belastet, starten Sie die Aufladung erneut.
