# invite: French. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invite-title = Inviter un utilisateur
invite-help = La personne reçoit un lien valable 14 jours. Son accès commence quand elle accepte.
invite-send = Envoyer l'invitation
invite-sent = Invitation envoyée.
invite-resent = Invitation renvoyée avec un nouveau lien.
invite-revoked = Invitation révoquée.
invite-open_title = Invitations en attente
invite-none = Aucune invitation en attente.
invite-expires = Expire le
invite-expired = expirée
invite-resend = Renvoyer
invite-revoke = Révoquer
invite-already_member = Cette personne est déjà membre de l'Organisation.
invite-already_invited = Une invitation est déjà en attente pour cette adresse : renvoyez-la plutôt.
invite-closed = Cette invitation n'est plus valable (acceptée, révoquée ou expirée).
invite-page_title = Invitation
invite-page_intro = { $by } vous invite à rejoindre { $org } en tant que { $role }.
invite-accept = Accepter l'invitation
invite-accept_create = Créer mon compte et accepter
invite-accepted = Invitation acceptée : bienvenue dans l'Organisation.
invite-wrong_account = Cette invitation est destinée à une autre adresse e-mail. Déconnectez-vous et ouvrez le lien avec le bon compte.
invite-login_instead = Un compte existe déjà pour cette adresse : connectez-vous pour accepter.
invite-new_login_for = Créez votre accès pour { $email } :
