# cookies: German. A key `area.rest` of the code is the message `area-rest` here.

## Errors

cookies-required = Ihr Browser lehnt Cookies ab. Der Manager braucht sie für die Anmeldung (Sitzung und Sprache): Erlauben Sie sie für diese Website.
cookies-guide_link = So aktivieren Sie Cookies und JavaScript
