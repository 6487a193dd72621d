# ticket: Deutsch. Supportanfragen (Issue #16): das Kontaktfenster, die Anfragen und ihre Verläufe,
# der Posteingang der Operatoren, die E-Mails in beide Richtungen, die Kennzahlen.

## Zustände
ticket-status_open = Offen
ticket-status_waiting_customer = Wartet auf Ihre Antwort
ticket-status_answered = Beantwortet
ticket-status_closed = Geschlossen

## Ablehnungen
ticket-attachment_empty = Eine angehängte Datei ist leer.
ticket-attachment_too_big = Eine angehängte Datei ist grösser als erlaubt.
ticket-attachment_type = Diese Dateiart kann nicht angehängt werden (Bilder, PDF, Text, CSV und ZIP schon).
ticket-attachment_count = Zu viele Dateien an einer Nachricht.
ticket-message_too_long = Die Nachricht ist zu lang (höchstens 20 000 Zeichen).
ticket-topic_too_long = Der Betreff ist zu lang (höchstens 200 Zeichen).
ticket-state_changed = Diese Anfrage hat sich inzwischen geändert; laden Sie die Seite neu und versuchen Sie es erneut.

## Aktivitätsprotokoll
ticket-activity_opened = Supportanfrage eröffnet
ticket-activity_replied = Antwort auf eine Supportanfrage
ticket-activity_answered = Der Support hat eine Anfrage beantwortet
ticket-activity_state = Supportanfrage geschlossen oder wieder eröffnet
ticket-said_opened = « { $topic } »
ticket-said_replied = « { $topic } »
ticket-said_answered = « { $topic } »
ticket-said_closed = « { $topic } » geschlossen
ticket-said_reopened = « { $topic } » wieder eröffnet
ticket-said_note = Interne Notiz zu « { $topic } »
ticket-said_assigned = « { $topic } » zugewiesen an { $who }

## E-Mail
ticket-mail_marker = ── Schreiben Sie Ihre Antwort oberhalb dieser Zeile ──
ticket-mail_subject = Supportanfrage: { $topic }
ticket-mail_body =
    { $marker }

    { $who } schrieb:

    { $message }

    Den ganzen Verlauf lesen und antworten: { $link }
    Sie können auch auf diese E-Mail antworten.

## Das Kontaktfenster und die Seiten des Kunden
ticket-assist = Support kontaktieren
ticket-contact_title = Support kontaktieren
ticket-contact_intro = Sagen Sie uns, was Sie brauchen. Während Sie schreiben, schlägt das Hilfezentrum Anleitungen vor, die es vielleicht schon beantworten; Sie können Ihre Anfrage trotzdem senden.
ticket-topic = Betreff
ticket-product = Betroffenes Produkt
ticket-no_product = Keines im Besonderen
ticket-message = Nachricht
ticket-attachments = Anhänge
ticket-attachment_limits = Bis zu { $files } Dateien mit je { $kb } KiB: Bilder, PDF, Text, CSV oder ZIP.
ticket-grant = Vorübergehender Zugang für den Support
ticket-grant_none = Keinen Zugang geben
ticket-grant_hours = Zugang für { $hours } Std. geben
ticket-grant_help = Der Support kann dann das gewählte Produkt (oder ohne Produkt die ganze Organisation) einsehen, für Geld nur lesend; Sie können ihn auf der Seite Support widerrufen.
ticket-suggest = Anleitungen vorschlagen
ticket-suggested = Anleitungen, die es vielleicht beantworten
ticket-no_suggestion = Keine Anleitung passt zu Ihrem Text.
ticket-still_send = Nicht das Gesuchte? Senden Sie Ihre Anfrage.
ticket-send = Anfrage senden
ticket-sent = Ihre Anfrage ist gesendet; der Support antwortet hier und per E-Mail.
ticket-my_requests = Meine Supportanfragen
ticket-list_title = Supportanfragen
ticket-new = Neue Anfrage
ticket-none = Noch keine Supportanfrage.
ticket-state = Zustand
ticket-opened_on = Eröffnet am
ticket-support_team = Support
ticket-by_mail = per E-Mail
ticket-your_reply = Ihre Antwort
ticket-reply = Antwort senden
ticket-reply_reopen = Antworten und wieder eröffnen
ticket-replied = Ihre Antwort ist hinzugefügt.
ticket-close = Anfrage schliessen
ticket-closed = Die Anfrage ist geschlossen.
ticket-reopen = Wieder eröffnen
ticket-reopened = Die Anfrage ist wieder offen.
ticket-opened = Supportanfrage eröffnet

## Das Backoffice
ticket-inbox = Supportanfragen
ticket-inbox_empty = Keine Anfrage entspricht diesen Filtern.
ticket-canned = Textbausteine
ticket-canned_none = Noch kein Textbaustein.
ticket-canned_new = Neuer Textbaustein
ticket-canned_title = Titel
ticket-save = Speichern
ticket-delete = Löschen
ticket-figures = Support-Kennzahlen
ticket-any = Alle
ticket-priority = Priorität
ticket-premium = Premium-Support
ticket-standard = Standard
ticket-tier = Premium-Stufe { $tier }
ticket-assignee = Zugewiesen an
ticket-nobody = Niemand
ticket-org = Organisation
ticket-due = Erste Antwort fällig
ticket-late = verspätet
ticket-first_response = erste Antwort nach
ticket-duration = { $h } Std. { $m }
ticket-context = Die Organisation
ticket-context_no_grant = Kein aktiver Supportzugang: nur diese Anfrage ist sichtbar.
ticket-note = interne Notiz
ticket-answer = Antwort
ticket-waits = Wartet auf den Kunden
ticket-send_answer = Antwort senden
ticket-add_note = Interne Notiz hinzufügen
ticket-answered = Die Antwort ist gesendet.
ticket-noted = Die Notiz ist hinzugefügt (der Kunde sieht sie nicht).
ticket-assign = Zuweisen
ticket-assigned = Die Zuweisung ist gespeichert.
ticket-figures_since = Anfragen eröffnet seit
ticket-per_tier = Pro Stufe
ticket-per_operator = Pro Operator (erste Antwort)
ticket-promised = Zugesagt
ticket-requests = Anfragen
ticket-first_response_median = Erste Antwort (Median)
ticket-within_promise = Rechtzeitig beantwortet
ticket-resolution_median = Lösung (Median)
ticket-misses = Vorgeschlagene Anleitungen, nach denen trotzdem eine Anfrage gesendet wurde
ticket-misses_help = Das Kontaktfenster hat diese Anleitungen vorgeschlagen, ohne dass sie die Frage beantwortet haben: verbessern.
ticket-misses_none = Nach einem Vorschlag wurde keine Anfrage gesendet.
ticket-guide = Anleitung
