# said: English. Texts stored as a key and parameters (ledger movements, activity details), read in
# the reader's language (core::said). A key `said.rest` of the code is the message `said-rest` here.

## Prepaid movements and ledger entries

said-top_up_card = Top-up by card •••• { $last4 }
said-payment_of = Payment of { $number }
said-invoice = Invoice { $number }
said-invoices = Invoices { $numbers }
said-invoice_status = Invoice { $number }: { $status }
said-invoice_paid_by_transfer = Invoice { $number } paid by bank transfer
said-transfer_for_invoice = Bank transfer for invoice { $number } (credited, see e-mail)
said-transfer_from = Bank transfer from { $from }
said-transfer_from_ref = Bank transfer from { $from }, ref. { $reference }
said-withdrawal_to = Withdrawal to { $destination }
said-withdrawal_sent = Withdrawal sent to the bank
said-withdrawal_paid = Withdrawal paid out
said-credit_note = Credit note { $number } for invoice { $invoice }
said-renewal = Renewal { $number } ({ $product })
said-bank_charges = Bank charges on payment { $payment }: { $amount }
said-payment_not_made = Payment of { $number } not made
said-refund_to_card = Refund to card •••• { $last4 }
said-refund_to_card_refused = Refund to card •••• { $last4 } refused: { $reason }
said-refund_note_to_card = Refund { $number } to card •••• { $last4 }

## Invoice lines

said-invoice_line = { $product } — { $months ->
        [one] { $months } month
       *[other] { $months } months
    } ({ $start_on } → { $end_on })

## Activity-log details

said-nothing = none
said-team_rights = { $team }: { $product } — { $rights }
said-grant_changed = { $who } on { $product }: { $rights }
said-support_no_grant = no temporary access in force
said-support_granted = { $scope }, until { $until }
said-exported_by_mail = { $rows ->
        [one] { $rows } invoice
       *[other] { $rows } invoices
    } ({ $filters })
said-top_up_detail = { $amount } •••• { $last4 } ({ $outcome })
said-charge-succeeded = accepted
said-charge-declined = declined
said-charge-failed = failed
said-product_labelled = { $offer }: "{ $label }"
said-product_billing_address = { $product }: { $address }
said-invoice_cancelled_with = Invoice { $number } cancelled with product { $product }
said-invoice_replaced = Invoice { $number } replaced: { $months ->
    [one] { $months } month
   *[other] { $months } months
}
said-cancelled_at_term = { $product }: cancelled for the end of its term ({ $end_on })
said-cancelled_now = { $product }: cancelled
said-team_members_added = { $team }: +{ $n }
said-team_members_invited = { $team }: +{ $n }, invited: { $emails }
said-product_renewed_early = { $product }: renewed early, invoice issued
said-invoice_readdressed = Invoice { $number } replaced: addressed to { $address }
