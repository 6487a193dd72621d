# home: German. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Hallo { $name }
home-role = Sie arbeiten in { $org } als { $role }.
home-support_code = Ihr Support-Code:
home-shortcuts = Verknüpfungen
