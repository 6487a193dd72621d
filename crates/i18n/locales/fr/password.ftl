# password: French. A key `area.rest` of the code is the message `area-rest` here.

## Passwords

password-too_short = Le mot de passe doit compter au moins 10 caractères.
password-too_long = Le mot de passe ne peut pas dépasser 1024 caractères.
password-common = Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase de passe personnelle.
password-rules = Au moins 10 caractères ; pas de mot de passe courant. Une phrase de plusieurs mots est idéale.
password-current_label = Mot de passe actuel
password-current_wrong = Le mot de passe actuel est incorrect.
password-change_title = Mot de passe
password-change = Changer le mot de passe
password-changed = Mot de passe changé ; vos autres sessions ont été fermées.
password-reset = Mot de passe réinitialisé
password-reset_requested = Réinitialisation du mot de passe demandée
