# bank: English. A key `area.rest` of the code is the message `area-rest` here.

## Help

bank-note_required = Say why this payment goes to this Organization.
bank-org_unknown = No Organization has this id.
bank-currency_unsupported = This payment is neither in CHF nor in EUR: it cannot be credited.
bank-already_placed = This payment was already placed.
bank-import = Bank statement imported
bank-assigned = Payment placed by hand

## pain.001 accounts per currency, camt details kept and shown (issue #15)

bank-ultimate_debtor = On behalf of { $name }
bank-additional_remittance = Structured message: { $text }
bank-charges_included = Charges { $amount } already deducted from the amount
bank-charges_debited = Charges { $amount } debited besides, booked as bank fees
bank-col_date = Date
bank-col_amount = Amount
bank-col_payer = Payer
bank-col_reference = Reference and message
bank-col_note = What happened
bank-import_summary_title = File imported
bank-import_summary = { $file }: { $payments ->
        [one] { $payments } payment
       *[other] { $payments } payments
    }, { $credited } credited, { $duplicates } already imported, { $exceptions } to place by hand, { $ignored } not credited, { $payouts ->
        [one] { $payouts } payout completed
       *[other] { $payouts } payouts completed
    }.
bank-payouts_completed = Payouts the bank debited: completed
bank-payout_completed = { $amount } to { $holder } ({ $org }), withdrawal { $id }
