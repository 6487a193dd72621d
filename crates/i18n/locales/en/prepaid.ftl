# prepaid: English. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

prepaid-balance = Available balance:
prepaid-help = The balance is the exact sum of the movements below; it can never be negative.
prepaid-movements = Movements
prepaid-date = Date
prepaid-what = Operation
prepaid-amount = Amount
prepaid-top_up = Prepaid account credited
prepaid-top_up_title = Credit the account
prepaid-top_up_help = Amount between { $min } and { $max }; the balance cannot exceed { $limit }.
prepaid-amount_label = Amount
prepaid-pay_by_card = Pay by card
prepaid-top_up_done = Payment accepted: the prepaid account is credited.
prepaid-top_up_declined = Payment declined by the card's bank; nothing was charged. Try another card.
prepaid-test_cards = Test mode: 4242 4242 4242 4242 is accepted, 4000 0000 0000 0002 declined.
prepaid-transfer_title = Credit by bank transfer
prepaid-transfer_help = You get a QR-bill with its own reference; the account is credited as soon as the payment arrives.
prepaid-transfer_submit = Get the QR-bill
prepaid-transfer_open = Transfers expected
prepaid-transfer_account = Account
prepaid-transfer_reference = Reference
prepaid-transfer_payee = Payable to
prepaid-transfer_after = Give exactly this reference: it is what assigns the payment to your prepaid account.
prepaid-transfer_qr_alt = QR-bill: payment part and receipt
prepaid-transfer_download = Download the QR-bill (SVG)
prepaid-transfer_message = Prepaid account top-up
prepaid-transfer_requested = Transfer requested
prepaid-credited = Prepaid account credited
