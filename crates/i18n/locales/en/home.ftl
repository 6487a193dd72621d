# home: English. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Hello { $name }
home-role = You are working in { $org } as { $role }.
home-support_code = Your support code:
home-balance_title = Prepaid balance
home-balance_action = Top up or see the movements
home-due_title = To pay
home-due_next = { $n ->
    [one] { $n } invoice to pay, the first on { $date }
   *[other] { $n } invoices to pay, the first on { $date }
}
home-due_action = Pay
home-due_none = Nothing to pay in the next two months.
home-expiring_title = Products expiring within 60 days
home-expiring_none = No product expires in the next 60 days.
home-expires_on = expires on { $date }
home-more = { $n ->
    [one] and { $n } more
   *[other] and { $n } more
}
home-products_action = See the products
home-unpaid_title = Unpaid invoices
home-unpaid_none = No unpaid invoice.
home-unpaid_summary = { $n ->
    [one] { $n } unpaid invoice, { $total } in all
   *[other] { $n } unpaid invoices, { $total } in all
}
home-overdue = { $n ->
    [one] { $n } is overdue.
   *[other] { $n } are overdue.
}
home-due_on = due on { $date }
home-unpaid_action = Pay the invoices
home-invoices_action = All invoices
home-activity_title = Recent activity
home-activity_all = The whole activity log
home-support_title = Support
home-support_help = Give this code to support when you call: it proves it is you.
home-support_action = Support access
