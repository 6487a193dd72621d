# rights: English. A key `area.rest` of the code is the message `area-rest` here.

## Work teams

rights-technical = technical
rights-statistics = statistics
rights-tickets = tickets
rights-sales = sales
