# form: German. A key `area.rest` of the code is the message `area-rest` here.

## Forms

form-save = Speichern
form-saved = Änderungen gespeichert.
form-cancel = Abbrechen
form-unreadable = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es erneut.
form-confirm_needed = Kreuzen Sie das Bestätigungsfeld an, um fortzufahren.
