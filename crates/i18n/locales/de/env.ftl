# env: German. A key `area.rest` of the code is the message `area-rest` here.

## Web hosting: sites, MySQL prefix, environment variables, databases (SPEC §9)

env-title = Umgebungsvariablen
env-help = Für die ganze Website; in PHP mit getenv('NAME') gelesen. Name: A-Z, 0-9 und _, nicht mit einer Ziffer beginnend; höchstens 100 Variablen, 4 KiB pro Wert.
env-none = Keine Umgebungsvariable.
env-name = Name
env-value = Wert
env-secret = geheim (nach dem Speichern verborgen)
env-name_invalid = Der Name darf nur A-Z, 0-9 und _ enthalten und nicht mit einer Ziffer beginnen.
env-name_too_long = Name zu lang (höchstens 128 Zeichen).
env-name_reserved = Dieser Name ist von der Plattform reserviert (zum Beispiel PATH, HTTP_…, SERVER_…, PHP_…).
env-value_too_long = Wert zu lang (höchstens 4 KiB).
env-value_control = Der Wert ist eine Zeile ohne Steuerzeichen.
env-value_dollar_brace = Der Wert darf ${ "{" } nicht enthalten (Apache und PHP würden es ersetzen).
env-too_many = Eine Website hat höchstens 100 Variablen: Entfernen Sie zuerst eine.
