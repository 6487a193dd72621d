# signup: French. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

signup-email_taken = Cette adresse ne peut pas être utilisée pour créer un compte. Si c'est la vôtre, connectez-vous ou réinitialisez votre mot de passe.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

signup-existing_address = Inscription tentée avec l'adresse de ce compte (le titulaire a été prévenu par e-mail)
