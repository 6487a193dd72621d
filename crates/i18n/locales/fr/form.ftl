# form: French. A key `area.rest` of the code is the message `area-rest` here.

## Forms

form-save = Enregistrer
form-saved = Modifications enregistrées.
form-cancel = Annuler
form-unreadable = Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.
form-confirm_needed = Cochez la case de confirmation pour continuer.
