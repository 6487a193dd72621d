# signup: English. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

signup-email_taken = This address cannot be used to create an account. If it is yours, sign in or reset your password.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

signup-existing_address = Sign-up attempted with this login's address (its owner was told by e-mail)
