# auth: German. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

auth-login_title = Anmelden
auth-login = Anmelden
auth-logout = Abmelden
auth-logged_out = Sie sind abgemeldet.
auth-bad_credentials = E-Mail-Adresse oder Passwort falsch.
auth-throttled = Zu viele fehlgeschlagene Anmeldeversuche. Warten Sie einen Moment oder setzen Sie Ihr Passwort zurück.
auth-forgot_link = Passwort vergessen?
auth-no_account = Noch kein Konto?
auth-have_account = Ich habe bereits ein Konto
auth-works_without_js = Der Manager funktioniert auch ohne JavaScript.
auth-2fa_title = Bestätigung in zwei Schritten
auth-2fa_help = Geben Sie den 6-stelligen Code Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
auth-verify = Bestätigen
auth-bad_code = Dieser Code ist ungültig (falsch, abgelaufen oder bereits verwendet).
auth-signup_title = Konto erstellen
auth-signup = Mein Konto erstellen
auth-signup_intro = Ihr Konto erstellt auch eine Organisation auf Ihren Namen, deren gesetzlicher Vertreter Sie sind. Weitere können Sie später erstellen.
auth-forgot_title = Passwort vergessen
auth-forgot_help = Geben Sie die E-Mail-Adresse Ihres Kontos ein: Wir senden einen Link, der eine Stunde gültig ist.
auth-send_link = Link senden
auth-reset_sent = Falls für diese Adresse ein Konto besteht, wurde soeben eine E-Mail mit einem Link zum Zurücksetzen gesendet.
auth-reset_title = Neues Passwort wählen
auth-reset_submit = Passwort speichern
auth-reset_expired = Dieser Link ist nicht mehr gültig (verwendet oder abgelaufen). Fordern Sie einen neuen an.
auth-reset_done = Passwort geändert. Alle Ihre Sitzungen wurden beendet: Melden Sie sich an.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

auth-signup_sent_title = Prüfen Sie Ihr Postfach
auth-signup_sent = Prüfen Sie Ihr Postfach: Wir haben einen Link an { $email } gesendet, um die Erstellung Ihres Kontos abzuschliessen.
auth-signup_sent_help = Der Link ist 24 Stunden gültig. Nach einigen Minuten nichts erhalten? Sehen Sie im Spam-Ordner nach, oder prüfen Sie die Adresse und versuchen Sie es erneut.
auth-signup_throttled = Zu viele Versuche, versuchen Sie es später erneut.
auth-signup_confirm_title = Erstellung Ihres Kontos abschliessen
auth-signup_confirm_intro = Das Konto von { $name } ({ $email }) erstellen, mit einer Organisation auf diesen Namen und { $name } als gesetzlichem Vertreter?
auth-signup_confirm = Mein Konto erstellen
auth-signup_link_invalid = Dieser Link ist nicht mehr gültig: Er wurde bereits verwendet oder ist abgelaufen (24 Stunden). Besteht Ihr Konto, melden Sie sich an; sonst registrieren Sie sich erneut.
auth-signup_exists = Für diese Adresse besteht bereits ein Konto. Melden Sie sich an, oder setzen Sie Ihr Passwort zurück, falls Sie es vergessen haben.
auth-signup_again = Erneut registrieren
