# payment: German. A key `area.rest` of the code is the message `area-rest` here.
payment-in_progress = Diese Zahlung wird verarbeitet. Versuchen Sie es in einem Moment mit derselben Anfrage erneut.
payment-pending = Die Kartenzahlung wird verarbeitet: Sie erscheint, sobald der Zahlungsanbieter sie bestätigt.
payment-check_again = Stand der Zahlung ansehen
payment-not_made = Die Kartenzahlung kam nicht zustande: Es wurde nichts belastet. Versuchen Sie eine andere Karte.
payment-requires_action = Ihre Bank verlangt, diese Zahlung zu bestätigen.
payment-received = Zahlung eingegangen
