# csrf: English. A key `area.rest` of the code is the message `area-rest` here.

## Errors

csrf-invalid = This form has expired or does not come from Guichet. Reload the page and try again.
