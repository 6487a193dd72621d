# rights: German. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

rights-technical = technisch
rights-statistics = Statistik
rights-tickets = Tickets
rights-sales = Verkauf
