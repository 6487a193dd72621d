# csrf: German. A key `area.rest` of the code is the message `area-rest` here.

## Errors

csrf-invalid = Dieses Formular ist abgelaufen oder stammt nicht von Guichet. Laden Sie die Seite neu und versuchen Sie es erneut.
