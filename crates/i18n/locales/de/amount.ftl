# amount: German. A key `area.rest` of the code is the message `area-rest` here.

## Amount bounds (issue #11)

amount-missing = Geben Sie einen Betrag ein, z. B. 150.00.
amount-not_a_number = Das ist kein Betrag: Geben Sie Ziffern ein, z. B. 150.00.
amount-too_many_decimals = Der Betrag hat mehr als zwei Dezimalstellen (Rappen): z. B. 150.05.
amount-not_positive = Der Betrag muss größer als null sein.
amount-negative = Der Betrag kann nicht negativ sein.
amount-too_large = Der Betrag übersteigt das zulässige Maximum von 1'000'000'000.00.
amount-sum_limit = Dieser Vorgang würde die Summengrenze eines Kontos überschreiten; nichts wurde gebucht. Bitte kontaktieren Sie uns.
