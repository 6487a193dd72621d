# payout_aside: English. A key `area.rest` of the code is the message `area-rest` here.

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

payout_aside-title = Set aside from the payout file
payout_aside-help = These approved withdrawals could not be written into the payout file: a stored name, address or IBAN that the bank file cannot carry. They stay approved, nothing has moved in the ledger, and the other payouts were written. Reject the withdrawal (its amount goes back to the Organization's prepaid balance and the requester is told your reason), or have the data corrected and write the file again.
payout_aside-withdrawal = Withdrawal
payout_aside-org = Organization
payout_aside-amount = Amount
payout_aside-reason = Reason
payout_aside-action = What you can do
payout_aside-field-holder = Account holder
payout_aside-field-address = Organization's address
payout_aside-field-iban = IBAN
payout_aside-field-other = Payout
payout_aside-char = this character cannot be written in a Swiss payment: { $char }
payout_aside-unwritable = cannot be written into the payout file:
payout_aside-since = Set aside since { $date }
payout_aside-badge = set aside
payout_aside-reject = Reject: the amount goes back to the prepaid balance
payout_aside-fix_address = Or: the Organization corrects its address (legal details), then write the file again.
payout_aside-written_some = File written with the other payouts: download it below and send it to the bank. Some withdrawals were set aside: see the list.
payout_aside-none_written = No file written: every approved payout was set aside (see the list).
payout_aside-rejected = Withdrawal rejected: its amount is back in the Organization's prepaid balance.

## pain.001 accounts per currency, camt details kept and shown (issue #15)

payout_aside-field-account = Payout account
payout_aside-no_account = no { $currency } payout account is configured ({ $setting }): these withdrawals are never debited from an account in another currency. Configure the account, restart, then write the file again.
