# rights: French. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

rights-technical = technique
rights-statistics = statistiques
rights-tickets = tickets
rights-sales = vente
