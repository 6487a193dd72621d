# field: German. A key `area.rest` of the code is the message `area-rest` here.

## Forms

field-required = Dieses Feld ist erforderlich (eine Zeile, nicht zu lang).
field-too_long = Dieser Text ist zu lang.
field-choice = Wählen Sie eine der angebotenen Optionen.
field-email = Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.ch.
field-country = Wählen Sie ein Land aus der Liste.
field-email_label = E-Mail-Adresse
field-password_label = Passwort
field-new_password_label = Neues Passwort
field-name_label = Name
field-country_label = Land
field-code_label = 6-stelliger Code oder Wiederherstellungscode

## Prepaid account

field-amount = Geben Sie einen Betrag ein, z. B. 150.00.

## Products and orders

field-date = Geben Sie ein Datum als JJJJ-MM-TT ein.

## Text for bank formats: Swiss Payment Standards characters (issue #11)

field-sps_char = Dieses Zeichen kann in einer Schweizer Zahlung nicht verwendet werden.
field-sps_char_named = Dieses Zeichen kann in einer Schweizer Zahlung nicht verwendet werden: { $char }
