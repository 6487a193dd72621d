# field: English. A key `area.rest` of the code is the message `area-rest` here.

## Forms

field-required = This field is required (one line, not too long).
field-too_long = This text is too long.
field-choice = Choose one of the options offered.
field-email = Enter a valid e-mail address, e.g. name@example.com.
field-country = Choose a country from the list.
field-email_label = E-mail address
field-password_label = Password
field-new_password_label = New password
field-name_label = Name
field-country_label = Country
field-code_label = 6-digit code or recovery code

## Prepaid account

field-amount = Enter an amount, e.g. 150.00.

## Products and orders

field-date = Enter a date as YYYY-MM-DD.

## Text for bank formats: Swiss Payment Standards characters (issue #11)

field-sps_char = This character cannot be used in a Swiss payment.
field-sps_char_named = This character cannot be used in a Swiss payment: { $char }
