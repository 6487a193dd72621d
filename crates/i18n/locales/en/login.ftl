# login: English. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

login-failed = Failed sign-in
login-2fa_failed = Two-factor code refused
