# member: English. A key `area.rest` of the code is the message `area-rest` here.

## Members and roles

member-left = Member left
member-removed = Member removed
member-role_changed = Role changed
member-invited = Member invited
member-joined = Member joined
