# invite: English. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invite-title = Invite a user
invite-help = The person gets a link valid for 14 days. Access starts when they accept.
invite-send = Send the invitation
invite-sent = Invitation sent.
invite-resent = Invitation sent again with a new link.
invite-revoked = Invitation revoked.
invite-open_title = Pending invitations
invite-none = No pending invitations.
invite-expires = Expires on
invite-expired = expired
invite-resend = Resend
invite-revoke = Revoke
invite-already_member = This person is already a member of the Organization.
invite-already_invited = An invitation is already pending for this address: resend it instead.
invite-closed = This invitation is no longer valid (accepted, revoked or expired).
invite-page_title = Invitation
invite-page_intro = { $by } invites you to join { $org } as { $role }.
invite-accept = Accept the invitation
invite-accept_create = Create my account and accept
invite-accepted = Invitation accepted: welcome to the Organization.
invite-wrong_account = This invitation is for another e-mail address. Sign out and open the link with the right account.
invite-login_instead = An account already exists for this address: sign in to accept.
invite-new_login_for = Create your login for { $email }:
