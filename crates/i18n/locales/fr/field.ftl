# field: French. A key `area.rest` of the code is the message `area-rest` here.

## Forms

field-required = Ce champ est obligatoire (une ligne, pas trop longue).
field-too_long = Ce texte est trop long.
field-choice = Choisissez une des options proposées.
field-email = Saisissez une adresse e-mail valide, p. ex. nom@exemple.ch.
field-country = Choisissez un pays dans la liste.
field-email_label = Adresse e-mail
field-password_label = Mot de passe
field-new_password_label = Nouveau mot de passe
field-name_label = Nom
field-country_label = Pays
field-code_label = Code à 6 chiffres ou code de secours

## Prepaid account

field-amount = Saisissez un montant, p. ex. 150.00.

## Products and orders

field-date = Saisissez une date au format AAAA-MM-JJ.

## Text for bank formats: Swiss Payment Standards characters (issue #11)

field-sps_char = Ce caractère ne peut pas être utilisé dans un paiement suisse.
field-sps_char_named = Ce caractère ne peut pas être utilisé dans un paiement suisse : { $char }
