# home: French. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Bonjour { $name }
home-role = Vous travaillez dans { $org } en tant que { $role }.
home-support_code = Votre code d'assistance :
home-shortcuts = Raccourcis
