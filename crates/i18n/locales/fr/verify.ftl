# verify: French. A key `area.rest` of the code is the message `area-rest` here.

## Reminders (REM-05) and checking a reminder (REM-06)

verify-title = Vérifier un rappel
verify-help = Vous avez reçu un rappel de paiement ? Collez sa référence de paiement (ou le numéro de facture) et son montant : nous vous disons s'il s'agit bien d'une facture ouverte de votre Organisation. Nos e-mails ne contiennent jamais de lien de paiement vers un autre site.
verify-reference = Référence ou numéro de facture
verify-amount = Montant (facultatif)
verify-submit = Vérifier
verify-genuine = Authentique : la facture { $number } de { $amount }, échue le { $due }, est ouverte dans votre Organisation.
verify-not_open = Cette référence est celle de la facture { $number } de votre Organisation, mais rien n'est dû : elle est { $status }. Ne payez pas.
verify-amount_differs = Attention : la facture { $number } de votre Organisation s'élève à { $amount }, pas au montant indiqué. Ne payez que le montant affiché dans le Manager.
verify-unknown = Aucune facture de votre Organisation ne porte cette référence. Ne payez pas et signalez le message au support.
verify-reference_invalid = Collez la référence telle qu'elle figure sur le rappel (chiffres et lettres, 40 caractères au plus).
verify-amount_invalid = Indiquez un montant positif, par exemple 120.50.
