# ticket : français. Demandes de support (issue #16) : la fenêtre de contact, les demandes et leurs
# échanges, la boîte de réception des opérateurs, les e-mails dans les deux sens, les chiffres.

## États
ticket-status_open = Ouverte
ticket-status_waiting_customer = En attente de votre réponse
ticket-status_answered = Répondue
ticket-status_closed = Fermée

## Refus
ticket-attachment_empty = Un fichier joint est vide.
ticket-attachment_too_big = Un fichier joint dépasse la taille permise.
ticket-attachment_type = Ce type de fichier ne peut pas être joint (images, PDF, texte, CSV et ZIP le peuvent).
ticket-attachment_count = Trop de fichiers joints à un seul message.
ticket-message_too_long = Le message est trop long (20 000 caractères au plus).
ticket-topic_too_long = Le sujet est trop long (200 caractères au plus).
ticket-state_changed = Cette demande a changé entre-temps ; rechargez la page et réessayez.

## Journal d'activité
ticket-activity_opened = Demande de support ouverte
ticket-activity_replied = Réponse à une demande de support
ticket-activity_answered = Le support a répondu à une demande
ticket-activity_state = Demande de support fermée ou rouverte
ticket-said_opened = « { $topic } »
ticket-said_replied = « { $topic } »
ticket-said_answered = « { $topic } »
ticket-said_closed = « { $topic } » fermée
ticket-said_reopened = « { $topic } » rouverte
ticket-said_note = Note interne sur « { $topic } »
ticket-said_assigned = « { $topic } » attribuée à { $who }

## E-mail
ticket-mail_marker = ── Écrivez votre réponse au-dessus de cette ligne ──
ticket-mail_subject = Demande de support : { $topic }
ticket-mail_body =
    { $marker }

    { $who } a écrit :

    { $message }

    Lire tout l'échange et répondre : { $link }
    Vous pouvez aussi répondre à cet e-mail.

## La fenêtre de contact et les pages du client
ticket-assist = Contacter le support
ticket-contact_title = Contacter le support
ticket-contact_intro = Dites-nous ce dont vous avez besoin. Pendant que vous écrivez, le centre d'aide propose des guides qui y répondent peut-être déjà ; vous pouvez tout de même envoyer votre demande.
ticket-topic = Sujet
ticket-product = Produit concerné
ticket-no_product = Aucun en particulier
ticket-message = Message
ticket-attachments = Pièces jointes
ticket-attachment_limits = Jusqu'à { $files } fichiers de { $kb } Kio chacun : images, PDF, texte, CSV ou ZIP.
ticket-grant = Accès temporaire pour le support
ticket-grant_none = Ne pas donner d'accès
ticket-grant_hours = Donner l'accès pour { $hours } h
ticket-grant_help = Le support pourra alors consulter le produit choisi (ou toute l'Organisation sans produit), en lecture seule pour l'argent ; vous pouvez le révoquer sur la page Support.
ticket-suggest = Proposer des guides
ticket-suggested = Guides qui y répondent peut-être
ticket-no_suggestion = Aucun guide ne correspond à ce que vous avez écrit.
ticket-still_send = Ce n'est pas ce que vous cherchiez ? Envoyez votre demande.
ticket-send = Envoyer la demande
ticket-sent = Votre demande est envoyée ; le support répond ici et par e-mail.
ticket-my_requests = Mes demandes de support
ticket-list_title = Demandes de support
ticket-new = Nouvelle demande
ticket-none = Aucune demande de support pour l'instant.
ticket-state = État
ticket-opened_on = Ouverte le
ticket-support_team = Support
ticket-by_mail = par e-mail
ticket-your_reply = Votre réponse
ticket-reply = Envoyer la réponse
ticket-reply_reopen = Répondre et rouvrir
ticket-replied = Votre réponse est ajoutée.
ticket-close = Fermer la demande
ticket-closed = La demande est fermée.
ticket-reopen = Rouvrir
ticket-reopened = La demande est de nouveau ouverte.
ticket-opened = Demande de support ouverte

## Le back-office
ticket-inbox = Demandes de support
ticket-inbox_empty = Aucune demande ne correspond à ces filtres.
ticket-canned = Réponses types
ticket-canned_none = Aucune réponse type pour l'instant.
ticket-canned_new = Nouvelle réponse type
ticket-canned_title = Titre
ticket-save = Enregistrer
ticket-delete = Supprimer
ticket-figures = Chiffres du support
ticket-any = Tous
ticket-priority = Priorité
ticket-premium = Support Premium
ticket-standard = Standard
ticket-tier = Premium niveau { $tier }
ticket-assignee = Attribuée à
ticket-nobody = Personne
ticket-org = Organisation
ticket-due = Première réponse attendue
ticket-late = en retard
ticket-first_response = première réponse après
ticket-duration = { $h } h { $m }
ticket-context = L'Organisation
ticket-context_no_grant = Pas d'accès support actif : seule cette demande est visible.
ticket-note = note interne
ticket-answer = Réponse
ticket-waits = En attente du client
ticket-send_answer = Envoyer la réponse
ticket-add_note = Ajouter une note interne
ticket-answered = La réponse est envoyée.
ticket-noted = La note est ajoutée (le client ne la voit pas).
ticket-assign = Attribuer
ticket-assigned = L'attribution est enregistrée.
ticket-figures_since = Demandes ouvertes depuis le
ticket-per_tier = Par niveau
ticket-per_operator = Par opérateur (première réponse)
ticket-promised = Promis
ticket-requests = Demandes
ticket-first_response_median = Première réponse (médiane)
ticket-within_promise = Répondues à temps
ticket-resolution_median = Résolution (médiane)
ticket-misses = Guides proposés avant qu'une demande soit tout de même envoyée
ticket-misses_help = La fenêtre de contact a proposé ces guides, sans qu'ils répondent à la question : à améliorer.
ticket-misses_none = Aucune demande n'a été envoyée après une proposition.
ticket-guide = Guide
