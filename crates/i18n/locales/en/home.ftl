# home: English. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Hello { $name }
home-role = You are working in { $org } as { $role }.
home-support_code = Your support code:
home-shortcuts = Shortcuts
