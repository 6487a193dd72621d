# invitation: English. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invitation-created = Invitation sent
invitation-resent = Invitation resent
invitation-revoked = Invitation revoked
invitation-accepted = Invitation accepted
