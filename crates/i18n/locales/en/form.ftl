# form: English. A key `area.rest` of the code is the message `area-rest` here.

## Forms

form-save = Save
form-saved = Changes saved.
form-cancel = Cancel
form-unreadable = The form could not be read. Reload the page and try again.
form-confirm_needed = Tick the confirmation box to continue.
