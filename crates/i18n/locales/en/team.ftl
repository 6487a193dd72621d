# team: English. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

team-colour_invalid = Choose a colour as #RRGGBB.
team-leader_not_member = The leader must be a member of the team.
team-nobody_selected = Choose at least one person to add.
team-created = Team created
team-changed = Team changed
team-deleted = Team deleted
team-members_added = Members added to a team
team-member_removed = Member removed from a team
team-rights = Team rights changed
