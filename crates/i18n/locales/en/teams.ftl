# teams: English. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

teams-create = Create a team
teams-created = Team created: add members and products to it.
teams-colour = Colour
teams-leader = Leader
teams-members = Members
teams-no_members = Nobody in this team yet.
teams-add_members = Add members of the Organization
teams-add = Add the people ticked
teams-externals_help = Someone from outside the Organization gets an invitation as an External user and joins the team on accepting it; a member's address simply adds that member.
teams-members_added = Members added: they can use the team's products right away.
teams-member_removed = Member removed: they lose what only the team gave them.
teams-products = Products and rights
teams-who_can_access = Who can access this product, and why
teams-delete = Delete the team
teams-delete_help = Only the rights the team gave go; the people stay in the Organization.
teams-delete_confirm = I confirm the deletion
teams-deleted = Team deleted.

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

teams-invite_outsiders = Invite people from outside (e-mail addresses, separated by commas)
teams-outsiders_invited = Invitations sent: the people from outside will join the team on accepting.
teams-invited_title = Pending invitations
teams-invited_on = invited on { $date }
teams-invitation_expired = expired
teams-invited_help = These people join the team when they accept their invitation. To resend or revoke it:
