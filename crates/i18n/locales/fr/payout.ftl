# payout: French. A key `area.rest` of the code is the message `area-rest` here.

## pain.001 accounts per currency, camt details kept and shown (issue #15)

payout-remittance = Guichet, retrait { $reference }
