# profile: French. A key `area.rest` of the code is the message `area-rest` here.

## Profile

profile-security = Sécurité
profile-support_code = Code d'assistance
profile-support_code_help = Donnez ce code au support pour être identifié. Ce n'est pas un code de transfert de domaine.
profile-support_code_new = Générer un nouveau code
profile-support_code_done = Nouveau code d'assistance généré.

## Reminders (REM-05) and checking a reminder (REM-06)

profile-reminders = Rappels de paiement
profile-reminders_help = Recevoir par e-mail les rappels des factures impayées après leur échéance pour chaque Organisation dont vous voyez les factures.
profile-reminders_on = Recevoir les rappels
profile-reminders_none = Vous ne voyez les factures d'aucune Organisation.
profile-my_orgs = Mes organisations
profile-no_orgs = Vous ne travaillez encore dans aucune organisation.
profile-my_role = Mon rôle
profile-switch_column = Changer
profile-current_org = Organisation actuelle
profile-work_in = Y travailler
profile-create_org = Créer une organisation
profile-email_line = Adresse e-mail :
