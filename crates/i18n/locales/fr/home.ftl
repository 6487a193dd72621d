# home: French. A key `area.rest` of the code is the message `area-rest` here.

## Home

home-welcome = Bonjour { $name }
home-role = Vous travaillez dans { $org } en tant que { $role }.
home-support_code = Votre code d'assistance :
home-balance_title = Solde prépayé
home-balance_action = Recharger ou voir les mouvements
home-due_title = À payer
home-due_next = { $n ->
    [one] { $n } facture à payer, la première au { $date }
   *[other] { $n } factures à payer, la première au { $date }
}
home-due_action = Payer
home-due_none = Rien à payer dans les deux prochains mois.
home-expiring_title = Produits qui expirent dans les 60 jours
home-expiring_none = Aucun produit n'expire dans les 60 prochains jours.
home-expires_on = expire le { $date }
home-more = { $n ->
    [one] et { $n } autre
   *[other] et { $n } autres
}
home-products_action = Voir les produits
home-unpaid_title = Factures impayées
home-unpaid_none = Aucune facture impayée.
home-unpaid_summary = { $n ->
    [one] { $n } facture impayée, { $total } au total
   *[other] { $n } factures impayées, { $total } au total
}
home-overdue = { $n ->
    [one] { $n } est échue.
   *[other] { $n } sont échues.
}
home-due_on = échéance le { $date }
home-unpaid_action = Payer les factures
home-invoices_action = Toutes les factures
home-activity_title = Activité récente
home-activity_all = Tout le journal d'activité
home-support_title = Assistance
home-support_help = Donnez ce code à l'assistance quand vous l'appelez : il prouve que c'est bien vous.
home-support_action = Accès de l'assistance
