# payout_aside: French. A key `area.rest` of the code is the message `area-rest` here.

## Payout set-aside: one payout that cannot be exported is set aside, the others written (issue #11)

payout_aside-title = Écartés du fichier de paiement
payout_aside-help = Ces retraits validés n'ont pas pu être écrits dans le fichier de paiement : un nom, une adresse ou un IBAN enregistré que le fichier bancaire ne peut pas contenir. Ils restent validés, rien n'a bougé dans la comptabilité et les autres versements ont été écrits. Refusez le retrait (son montant revient sur le compte prépayé de l'Organisation et le demandeur reçoit votre raison), ou faites corriger les données puis écrivez à nouveau le fichier.
payout_aside-withdrawal = Retrait
payout_aside-org = Organisation
payout_aside-amount = Montant
payout_aside-reason = Motif
payout_aside-action = Que faire
payout_aside-field-holder = Titulaire du compte
payout_aside-field-address = Adresse de l'Organisation
payout_aside-field-iban = IBAN
payout_aside-field-other = Versement
payout_aside-char = ce caractère ne peut pas être écrit dans un paiement suisse : { $char }
payout_aside-unwritable = ne peut pas être écrit dans le fichier de paiement :
payout_aside-since = Écarté depuis le { $date }
payout_aside-badge = écarté
payout_aside-reject = Refuser : le montant revient au solde prépayé
payout_aside-fix_address = Ou : l'Organisation corrige son adresse (coordonnées légales), puis écrivez à nouveau le fichier.
payout_aside-written_some = Fichier écrit avec les autres versements : téléchargez-le ci-dessous et transmettez-le à la banque. Certains retraits ont été écartés : voir la liste.
payout_aside-none_written = Aucun fichier écrit : tous les versements validés ont été écartés (voir la liste).
payout_aside-rejected = Retrait refusé : son montant est de retour sur le compte prépayé de l'Organisation.

## pain.001 accounts per currency, camt details kept and shown (issue #15)

payout_aside-field-account = Compte de versement
payout_aside-no_account = aucun compte de versement en { $currency } n'est configuré ({ $setting }) : ces retraits ne sont jamais débités d'un compte dans une autre monnaie. Configurez le compte, redémarrez, puis écrivez à nouveau le fichier.
