# payment: English. A key `area.rest` of the code is the message `area-rest` here.
payment-in_progress = This payment is being processed. Try again in a moment with the same request.
payment-pending = The card payment is being processed: it will show as soon as the payment provider confirms it.
payment-check_again = See where the payment stands
payment-not_made = The card payment did not go through: nothing was charged. Try another card.
payment-requires_action = Your bank asks you to confirm this payment.
payment-received = Payment received
