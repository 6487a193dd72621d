# signup: German. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

signup-email_taken = Diese Adresse kann nicht für ein neues Konto verwendet werden. Wenn es Ihre ist, melden Sie sich an oder setzen Sie Ihr Passwort zurück.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

signup-existing_address = Registrierung mit der Adresse dieses Kontos versucht (der Inhaber wurde per E-Mail informiert)
