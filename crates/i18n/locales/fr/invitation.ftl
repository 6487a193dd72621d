# invitation: French. A key `area.rest` of the code is the message `area-rest` here.

## Invitations

invitation-created = Invitation envoyée
invitation-resent = Invitation renvoyée
invitation-revoked = Invitation révoquée
invitation-accepted = Invitation acceptée
