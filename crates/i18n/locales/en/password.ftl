# password: English. A key `area.rest` of the code is the message `area-rest` here.

## Passwords

password-too_short = The password must have at least 10 characters.
password-too_long = The password cannot exceed 1024 characters.
password-common = This password is too common or too easy to guess. Choose a personal passphrase.
password-rules = At least 10 characters; no common password. A phrase of several words is ideal.
password-current_label = Current password
password-current_wrong = The current password is wrong.
password-change_title = Password
password-change = Change the password
password-changed = Password changed; your other sessions were ended.
password-reset = Password reset
password-reset_requested = Password reset requested
