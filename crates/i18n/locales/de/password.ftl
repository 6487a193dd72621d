# password: German. A key `area.rest` of the code is the message `area-rest` here.

## Passwords

password-too_short = Das Passwort muss mindestens 10 Zeichen haben.
password-too_long = Das Passwort darf höchstens 1024 Zeichen haben.
password-common = Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Wählen Sie eine persönliche Passphrase.
password-rules = Mindestens 10 Zeichen; kein verbreitetes Passwort. Ideal ist ein Satz aus mehreren Wörtern.
password-current_label = Aktuelles Passwort
password-current_wrong = Das aktuelle Passwort ist falsch.
password-change_title = Passwort
password-change = Passwort ändern
password-changed = Passwort geändert; Ihre anderen Sitzungen wurden beendet.
password-reset = Passwort zurückgesetzt
password-reset_requested = Zurücksetzen des Passworts angefordert
