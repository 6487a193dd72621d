# balances: German. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid balances per currency (issue #11)

balances-other_title = Guthaben in anderen Währungen
balances-other_help = Eine Zahlung in einer anderen Währung als der der Organisation wird nie umgerechnet: Sie bleibt in einem eigenen Guthaben in ihrer Währung.
balances-other_line = aus einer Zahlung in { $currency }; es bezahlt Rechnungen in { $currency } und kann ausbezahlt werden (unten, „Guthaben auszahlen“).
balances-movements_in = Angezeigte Bewegungen:
balances-currency_label = Auszuzahlendes Guthaben
balances-currency_unknown = Wählen Sie eines Ihrer Guthaben: CHF oder EUR.
balances-withdrawal_insufficient = Das Guthaben in dieser Währung reicht für diesen Betrag nicht (jede Währung hat ihr eigenes Guthaben).
balances-checkout_one_currency = Die gewählten Rechnungen sind nicht alle in derselben Währung: Bezahlen Sie sie einzeln, jede aus dem Guthaben ihrer Währung.
