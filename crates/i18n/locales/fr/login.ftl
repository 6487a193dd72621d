# login: French. A key `area.rest` of the code is the message `area-rest` here.

## Audit log actions

login-failed = Connexion échouée
login-2fa_failed = Code à deux facteurs refusé
