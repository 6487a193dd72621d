# totp: English. A key `area.rest` of the code is the message `area-rest` here.

## Two-factor authentication

totp-title = Two-factor authentication
totp-on = On.
totp-off = Off. Protect your account with an authenticator app (TOTP).
totp-enable = Turn on
totp-disable = Turn off
totp-scan = Scan this code with your app, then enter the code it shows.
totp-secret = Or type this key:
totp-confirm = Confirm
totp-enabled = Two-factor authentication turned on
totp-disabled = Two-factor authentication turned off
totp-enabled_done = Two-factor authentication is on.
totp-disabled_done = Two-factor authentication is off.
totp-recovery_title = Recovery codes
totp-recovery_help = Keep these codes somewhere safe: each allows one sign-in if you lose your phone. They will not be shown again.
totp-codes_left = ({ $n ->
        [0] no recovery code left
        [one] { $n } recovery code left
       *[other] { $n } recovery codes left
    })
totp-forced = Your Organization requires two-factor authentication. Turn it on below to continue.
totp-already_on = Two-factor authentication is already on.
totp-not_started = Start with "Turn on" to get a new code to scan.
