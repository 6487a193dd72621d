# error: German. A key `area.rest` of the code is the message `area-rest` here.

## Errors

error-not_found = Diese Seite existiert nicht oder ist für Sie nicht zugänglich.
error-unauthenticated = Melden Sie sich an, um fortzufahren.
error-two_factor_required = Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung: Aktivieren Sie sie in Ihrem Profil.
error-invalid = Einige Angaben sind ungültig.
error-internal = Ein interner Fehler ist aufgetreten. Versuchen Sie es gleich noch einmal; wenn er bleibt, kontaktieren Sie den Support.
error-method_not_allowed = Diese Adresse akzeptiert diese HTTP-Methode nicht: siehe /api/openapi.json.
error-title_not_found = Seite nicht gefunden
error-title_forbidden = Zugriff verweigert
error-title_too_many = Zu viele Versuche
error-title_internal = Interner Fehler
error-title_refused = Aktion nicht möglich
error-retry_after = Versuchen Sie es in { $secs ->
        [one] { $secs } Sekunde
       *[other] { $secs } Sekunden
    } erneut.
error-back_home = Zurück zur Startseite
