# auth: English. A key `area.rest` of the code is the message `area-rest` here.

## Authentication

auth-login_title = Sign in
auth-login = Sign in
auth-logout = Sign out
auth-logged_out = You are signed out.
auth-bad_credentials = Wrong e-mail address or password.
auth-throttled = Too many failed sign-in attempts. Wait a moment, or reset your password.
auth-forgot_link = Forgot your password?
auth-no_account = No account yet?
auth-have_account = I already have an account
auth-works_without_js = The Manager also works without JavaScript.
auth-2fa_title = Two-step verification
auth-2fa_help = Enter the 6-digit code from your authenticator app, or one of your recovery codes.
auth-verify = Verify
auth-bad_code = This code is not valid (wrong, expired or already used).
auth-signup_title = Create an account
auth-signup = Create my account
auth-signup_intro = Your account also creates an Organization in your name, with you as its Legal Representative. You can create more later.
auth-forgot_title = Forgotten password
auth-forgot_help = Enter your account's e-mail address: we will send a link valid for one hour.
auth-send_link = Send the link
auth-reset_sent = If an account exists for this address, an e-mail with a reset link has just been sent to it.
auth-reset_title = Choose a new password
auth-reset_submit = Save the password
auth-reset_expired = This link is no longer valid (used or expired). Ask for a new one.
auth-reset_done = Password changed. All your sessions were ended: sign in.

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

auth-signup_sent_title = Check your mailbox
auth-signup_sent = Check your mailbox: we sent a link to { $email } to finish creating your account.
auth-signup_sent_help = The link is valid for 24 hours. Nothing after a few minutes? Look in your spam folder, or check the address and try again.
auth-signup_throttled = Too many attempts, try again later.
auth-signup_confirm_title = Finish creating your account
auth-signup_confirm_intro = Create the account of { $name } ({ $email }), with an Organization in that name and { $name } as its Legal Representative?
auth-signup_confirm = Create my account
auth-signup_link_invalid = This link is no longer valid: it was already used or has expired (24 hours). If your account exists, sign in; otherwise, sign up again.
auth-signup_exists = An account already exists for this address. Sign in, or reset your password if you forgot it.
auth-signup_again = Sign up again
