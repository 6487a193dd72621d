# withdrawal: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

withdrawal-title = Withdraw the balance
withdrawal-help = The amount is held at once, then paid out once our team has approved it. The account must be in the Organization's name.
withdrawal-method_label = To
withdrawal-method-iban = Bank account (IBAN)
withdrawal-method-paypal = PayPal address
withdrawal-destination_label = IBAN or PayPal address
withdrawal-holder_label = Account holder
withdrawal-submit = Request the payout
withdrawal-requested_done = Request recorded: the amount is held until it is approved.
withdrawal-list = Payout requests
withdrawal-status-requested = awaiting approval
withdrawal-status-approved = approved, awaiting the payout file
withdrawal-status-rejected = rejected
withdrawal-status-in_transit = sent to the bank
withdrawal-status-paid = paid out
withdrawal-amount_positive = The amount must be positive.
withdrawal-iban_invalid = This IBAN is not valid (check its check digits).
withdrawal-holder_mismatch = The account must be in the Organization's name, as in its details.
withdrawal-insufficient = The available balance is not enough for this amount.
withdrawal-fresh_code = Confirm with a current two-factor code.
withdrawal-reason_needed = Tell the customer why it is rejected.
withdrawal-already_decided = This request was already handled.
withdrawal-requested = Payout requested
withdrawal-decided = Payout decided

## Help

withdrawal-in_transit = Payout sent to the bank
withdrawal-paid = Payout completed

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

withdrawal-set_aside = Payout set aside from the payout file
withdrawal-approved = Payout approved
