# mail: French. A key `area.rest` of the code is the message `area-rest` here.

## Prepaid account

mail-withdrawal_approved-subject = Votre demande de versement est validée
mail-withdrawal_approved-body = Votre demande de versement de { $amount } est validée. Le virement part avec notre prochain fichier de paiement.
mail-withdrawal_rejected-subject = Votre demande de versement est refusée
mail-withdrawal_rejected-body =
    Votre demande de versement de { $amount } est refusée : { $reason }
    Le montant est de nouveau disponible sur votre compte prépayé.

## Invoice documents as PDF (INV-05, INV-07, INV-08)

mail-credit_note-subject = Note de crédit { $number } pour la facture { $invoice }
mail-credit_note-body =
    Nous avons émis la note de crédit { $number } de { $amount } pour la facture { $invoice } ({ $reason }). Le montant a été crédité sur votre compte prépayé : vous pouvez l'utiliser pour vos prochaines factures ou demander son versement. La note de crédit se trouve dans le Manager, rubrique Comptabilité → Factures.

    Votre code d'assistance : { $code }
mail-payment_mismatch-subject = Votre paiement pour la facture { $invoice }
mail-payment_mismatch-body =
    Nous avons reçu { $received } avec la référence de la facture { $invoice }, qui s'élève à { $expected } (ou est déjà réglée). Le montant a été crédité sur votre solde prépayé en { $currency } (Comptabilité → Compte prépayé) ; ce paiement n'a pas modifié la facture. Si elle est encore ouverte, vous pouvez la régler en un clic depuis le solde, dans le Manager, rubrique Comptabilité → Factures.

    Votre code d'assistance : { $code }

## E-mails

mail-hello = Bonjour,
mail-greeting = Bonjour { $name },
mail-signature =
    — Guichet
    Cet e-mail ne contient jamais de lien de paiement vers un autre site.
mail-welcome-subject = Bienvenue sur Guichet
mail-welcome-body = { $name }, votre compte et votre Organisation sont créés. Complétez l'adresse de l'Organisation dans le Manager : elle fixe la devise de vos factures.
mail-new_device-subject = Nouvelle connexion à votre compte
mail-new_device-body =
    Une connexion à votre compte a eu lieu depuis un nouvel appareil ou lieu :
    { $when }, adresse IP { $ip }
    { $agent }

    Si ce n'était pas vous, changez votre mot de passe et fermez les sessions inconnues dans Profil → Sécurité.
mail-password_changed-subject = Votre mot de passe a été changé
mail-password_changed-body = Le mot de passe de votre compte vient d'être changé. Si ce n'était pas vous, réinitialisez-le immédiatement et contactez le support.
mail-password_reset-subject = Réinitialiser votre mot de passe
mail-password_reset-body =
    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :
    { $link }

    Si vous n'avez rien demandé, ignorez cet e-mail.
mail-totp_enabled-subject = Authentification à deux facteurs activée
mail-totp_enabled-body = L'authentification à deux facteurs est maintenant active sur votre compte. Gardez vos codes de secours en lieu sûr.
mail-totp_disabled-subject = Authentification à deux facteurs désactivée
mail-totp_disabled-body = L'authentification à deux facteurs a été désactivée sur votre compte. Si ce n'était pas vous, contactez le support immédiatement.
mail-org_changed-subject = { $org } : coordonnées légales modifiées
mail-org_changed-body =
    { $by } a modifié les coordonnées légales de { $org }. Résumé :
    { $summary }
mail-invitation-subject = Invitation à rejoindre { $org }
mail-invitation-body =
    { $by } vous invite à rejoindre { $org } en tant que { $role }.
    Pour accepter, ouvrez ce lien (valable { $days } jours) :
    { $link }
mail-role_changed-subject = { $org } : votre rôle a changé
mail-role_changed-body = { $by } a changé votre rôle dans { $org } : vous êtes maintenant { $role }. Le changement s'applique immédiatement.

## Renewals: automatic renewal (AR-01), modify the offer (FREQ-01…03), renewal settings

mail-renewal_failed-subject = Renouvellement automatique de { $product } : paiement refusé
mail-renewal_failed-body =
    Le renouvellement automatique de { $product } (facture { $invoice }) n'a pas pu être payé : { $reason }. Nous réessaierons le { $next }. Pour l'éviter, mettez à jour votre carte ou alimentez votre compte prépayé dans le Manager, ou payez la facture à la main (page Paiements).

    Votre code d'assistance : { $code }
mail-renewal_failed-last =
    Le renouvellement automatique de { $product } (facture { $invoice }) n'a pas pu être payé : { $reason }. C'était la dernière tentative : payez la facture à la main (page Paiements du Manager), sinon le produit expirera à son échéance.

    Votre code d'assistance : { $code }
mail-product_expired-subject = { $product } a expiré
mail-product_expired-body =
    { $product } a atteint son échéance sans être renouvelé. Il fonctionne encore, mais sera bloqué le { $blocked_on }. Pour le garder, payez son renouvellement dans le Manager (page Paiements).

    Votre code d'assistance : { $code }
mail-invoices_export-subject = Votre export de factures (CSV)
mail-invoices_export-body =
    Vous trouverez en pièce jointe l'export CSV { $rows ->
        [0] d'aucune facture
        [one] d'une facture
       *[other] de { $rows } factures
    } (filtres : { $filters }), demandé dans le Manager.

    Votre code d'assistance : { $code }

## Support: activity log, Premium Support and VIP code, temporary support access, outsiders in teams

mail-support_granted-subject = { $org } : accès temporaire accordé au support
mail-support_granted-body = { $by } a accordé au support du fournisseur un accès temporaire à { $org } ({ $scope }) jusqu'au { $until }. Le support ne peut ni payer, ni retirer d'argent, ni changer les rôles ; tout ce qu'il fait figure dans le journal d'activité. L'accès peut être révoqué à tout moment depuis la page Support.
mail-support_expired-subject = { $org } : l'accès temporaire du support a expiré
mail-support_expired-body = L'accès temporaire accordé au support pour { $org } a expiré : le support n'y a plus accès. Le détail de ce qu'il a fait se trouve dans le journal d'activité.

## Reminders (REM-05) and checking a reminder (REM-06)

mail-reminder-subject1 = Rappel : la facture { $invoice } est impayée
mail-reminder-subject2 = Deuxième rappel : la facture { $invoice } est impayée
mail-reminder-subject3 = Dernier rappel : la facture { $invoice } est impayée
mail-reminder-body =
    Selon nos enregistrements, la facture { $invoice } de { $amount }, échue le { $due }, n'est pas encore payée. Si vous l'avez déjà réglée, merci et ne tenez pas compte de ce message.

    Pour la payer, ouvrez-la dans le Manager : { $link }
    Vous pouvez la régler depuis votre compte prépayé, ou par virement avec la référence { $reference }. Après un virement, cliquez sur « J'ai payé par virement » sur la facture : nous suspendons les rappels le temps que le paiement arrive.

    Nous n'envoyons jamais de lien de paiement vers un autre site. Pour vérifier que ce rappel vient bien de nous, collez sa référence sur { $verify }

    Votre code d'assistance : { $code }

## Bank statements, foreign currency, short payments (issue #11)

mail-reminder-short_paid = Nous avons reçu { $received } avec la référence de cette facture : ce montant ne la couvre pas entièrement, il a été crédité sur votre compte prépayé. Reste dû : { $rest }. Votre solde prépayé peut payer la facture en un clic depuis sa page dans le Manager.
mail-reminder-received_prepaid = Nous avons reçu { $received } avec la référence de cette facture et l'avons crédité sur votre compte prépayé ; la facture de { $amount } reste due. Votre solde prépayé peut la payer en un clic depuis sa page dans le Manager.

## Prepaid balances per currency (issue #11)

mail-payment_other_currency-subject = Votre paiement pour la facture { $invoice } : autre devise
mail-payment_other_currency-body =
    Nous avons reçu { $received } avec la référence de la facture { $invoice }, qui s'élève à { $expected }. Un paiement dans une autre devise ne peut pas régler cette facture : la facture { $invoice } reste due.

    Le montant a été crédité sur votre solde prépayé en { $currency }, visible dans le Manager, rubrique Comptabilité → Compte prépayé. Ce solde peut être versé sur un compte au nom de l'Organisation ou servir à payer des factures en { $currency }.

    Votre code d'assistance : { $code }
mail-credited_other_currency-subject = Paiement reçu en { $currency }
mail-credited_other_currency-body =
    Nous avons reçu { $received } par virement bancaire. Votre Organisation est facturée en { $org_currency } : le montant n'est pas converti, il a été crédité sur votre solde prépayé en { $currency }, visible dans le Manager, rubrique Comptabilité → Compte prépayé. Ce solde peut être versé sur un compte au nom de l'Organisation ou servir à payer des factures en { $currency }.

    Votre code d'assistance : { $code }

## Sign-up confirmed by e-mail, throttled per IP (issue #11 item 7)

mail-signup_confirm-subject = Terminez la création de votre compte Guichet
mail-signup_confirm-body =
    { $name }, pour créer votre compte et votre Organisation, ouvrez ce lien (valable 24 heures, une seule fois) puis confirmez :
    { $link }

    Si vous n'avez pas demandé à créer un compte, ignorez ce message : rien ne sera créé.
mail-signup_existing-subject = Tentative de création de compte avec votre adresse
mail-signup_existing-body =
    Quelqu'un (peut-être vous) a essayé de créer un compte Guichet avec cette adresse, qui a déjà un compte. Si c'était vous, connectez-vous :
    { $login }
    ou réinitialisez votre mot de passe :
    { $reset }

    Sinon, ignorez ce message : rien n'a été modifié.
mail-webhook_disabled-subject = Webhook désactivé après trois jours d'échecs
mail-webhook_disabled-body = Tous les envois à { $url } échouent depuis le { $since } : l'adresse a été désactivée et ne reçoit plus rien. Les envois en attente sont gardés. Corrigez le destinataire, puis réactivez l'adresse dans le back-office (Webhooks sortants) ; vous pouvez y renvoyer chaque envoi.
mail-invoice_issued-subject = Facture { $invoice } : renouvellement de { $product }
mail-invoice_issued-body =
    Bonjour,

    Voici la facture { $invoice } du renouvellement de { $product } : { $amount }, à payer jusqu'au { $due }.

    Ouvrez-la dans le Manager pour la voir, la télécharger en PDF et la payer : { $link }
    Vous pouvez aussi la régler par virement avec la référence { $reference }.

    Vous recevez ce message parce que cette adresse est l'e-mail de facturation de l'adresse à laquelle la facture est adressée.
