# totp: French. A key `area.rest` of the code is the message `area-rest` here.

## Two-factor authentication

totp-title = Authentification à deux facteurs
totp-on = Activée.
totp-off = Désactivée. Protégez votre compte avec une application d'authentification (TOTP).
totp-enable = Activer
totp-disable = Désactiver
totp-scan = Scannez ce code avec votre application, puis saisissez le code qu'elle affiche.
totp-secret = Ou saisissez cette clé :
totp-confirm = Confirmer
totp-enabled = Authentification à deux facteurs activée
totp-disabled = Authentification à deux facteurs désactivée
totp-enabled_done = L'authentification à deux facteurs est activée.
totp-disabled_done = L'authentification à deux facteurs est désactivée.
totp-recovery_title = Codes de secours
totp-recovery_help = Conservez ces codes en lieu sûr : chacun permet une connexion si vous perdez votre téléphone. Ils ne seront plus affichés.
totp-codes_left = ({ $n ->
        [0] aucun code de secours restant
        [one] { $n } code de secours restant
       *[other] { $n } codes de secours restants
    })
totp-forced = Votre Organisation exige l'authentification à deux facteurs. Activez-la ci-dessous pour continuer.
totp-already_on = L'authentification à deux facteurs est déjà activée.
totp-not_started = Commencez par « Activer » pour obtenir un nouveau code à scanner.
