# amount: English. A key `area.rest` of the code is the message `area-rest` here.

## Amount bounds (issue #11)

amount-missing = Enter an amount, e.g. 150.00.
amount-not_a_number = This is not an amount: enter digits, e.g. 150.00.
amount-too_many_decimals = The amount has more than two decimals (cents): e.g. 150.05.
amount-not_positive = The amount must be more than zero.
amount-negative = The amount cannot be negative.
amount-too_large = The amount is above the accepted maximum of 1'000'000'000.00.
amount-sum_limit = This operation would exceed an account's total limit; nothing was recorded. Please contact us.
