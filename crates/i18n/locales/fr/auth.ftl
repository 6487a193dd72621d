# auth: French. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

auth-login_title = Connexion
auth-login = Se connecter
auth-logout = Se déconnecter
auth-logged_out = Vous êtes déconnecté.
auth-bad_credentials = Adresse e-mail ou mot de passe incorrect.
auth-throttled = Trop de tentatives de connexion échouées. Patientez un moment, ou réinitialisez votre mot de passe.
auth-forgot_link = Mot de passe oublié ?
auth-no_account = Pas encore de compte ?
auth-have_account = J'ai déjà un compte
auth-works_without_js = Le Manager fonctionne aussi sans JavaScript.
auth-2fa_title = Vérification en deux étapes
auth-2fa_help = Saisissez le code à 6 chiffres de votre application d'authentification, ou un de vos codes de secours.
auth-verify = Vérifier
auth-bad_code = Ce code n'est pas valable (faux, expiré ou déjà utilisé).
auth-signup_title = Créer un compte
auth-signup = Créer mon compte
auth-signup_intro = Votre compte crée aussi une Organisation à votre nom, dont vous serez le représentant légal. Vous pourrez en créer d'autres ensuite.
auth-forgot_title = Mot de passe oublié
auth-forgot_help = Indiquez l'adresse e-mail de votre compte : nous y enverrons un lien valable une heure.
auth-send_link = Envoyer le lien
auth-reset_sent = Si un compte existe pour cette adresse, un e-mail avec un lien de réinitialisation vient de lui être envoyé.
auth-reset_title = Choisir un nouveau mot de passe
auth-reset_submit = Enregistrer le mot de passe
auth-reset_expired = Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.
auth-reset_done = Mot de passe modifié. Toutes vos sessions ont été fermées : connectez-vous.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

auth-signup_sent_title = Vérifiez votre boîte e-mail
auth-signup_sent = Vérifiez votre boîte e-mail : nous avons envoyé un lien à { $email } pour terminer la création de votre compte.
auth-signup_sent_help = Le lien est valable 24 heures. Rien reçu après quelques minutes ? Regardez dans les indésirables, ou vérifiez l'adresse et recommencez.
auth-signup_throttled = Trop de tentatives, réessayez plus tard.
auth-signup_confirm_title = Terminer la création de votre compte
auth-signup_confirm_intro = Créer le compte de { $name } ({ $email }), avec une Organisation à son nom dont { $name } sera le représentant légal ?
auth-signup_confirm = Créer mon compte
auth-signup_link_invalid = Ce lien n'est plus valable : il a déjà servi ou a expiré (24 heures). Si votre compte existe, connectez-vous ; sinon, inscrivez-vous à nouveau.
auth-signup_exists = Un compte existe déjà pour cette adresse. Connectez-vous, ou réinitialisez votre mot de passe si vous l'avez oublié.
auth-signup_again = S'inscrire à nouveau
