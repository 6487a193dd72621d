# profile: English. A key `area.rest` of the code is the message `area-rest` here.

## Profile

profile-security = Security
profile-support_code = Support code
profile-support_code_help = Give this code to support to be identified. It is not a domain transfer code.
profile-support_code_new = Generate a new code
profile-support_code_done = New support code generated.

## Reminders (REM-05) and checking a reminder (REM-06)

profile-reminders = Payment reminders
profile-reminders_help = Receive the reminders of unpaid invoices by e-mail after their due date for each Organization whose invoices you see.
profile-reminders_on = Receive reminders
profile-reminders_none = You see no Organization's invoices.
profile-my_orgs = My Organizations
profile-no_orgs = You do not work in any Organization yet.
profile-my_role = My role
profile-switch_column = Switch
profile-current_org = Current Organization
profile-work_in = Work in it
profile-create_org = Create an Organization
profile-email_line = Email address:
