# ticket: English. Support requests (issue #16): the contact window, the requests and their
# threads, the operators' inbox, the e-mails both ways, the provider's figures.

## States
ticket-status_open = Open
ticket-status_waiting_customer = Waiting for you
ticket-status_answered = Answered
ticket-status_closed = Closed

## Refusals
ticket-attachment_empty = An attached file is empty.
ticket-attachment_too_big = An attached file is larger than allowed.
ticket-attachment_type = This kind of file cannot be attached (images, PDF, text, CSV and ZIP files can).
ticket-attachment_count = Too many files attached to one message.
ticket-message_too_long = The message is too long (20,000 characters at most).
ticket-topic_too_long = The topic is too long (200 characters at most).
ticket-state_changed = This request changed in the meantime; reload the page and try again.

## Activity log
ticket-activity_opened = Support request opened
ticket-activity_replied = Reply to a support request
ticket-activity_answered = Support answered a request
ticket-activity_state = Support request closed or reopened
ticket-said_opened = « { $topic } »
ticket-said_replied = « { $topic } »
ticket-said_answered = « { $topic } »
ticket-said_closed = « { $topic } » closed
ticket-said_reopened = « { $topic } » reopened
ticket-said_note = Internal note on « { $topic } »
ticket-said_assigned = « { $topic } » assigned to { $who }

## E-mail
ticket-mail_marker = ── Write your reply above this line ──
ticket-mail_subject = Support request: { $topic }
ticket-mail_body =
    { $marker }

    { $who } wrote:

    { $message }

    Read the whole conversation and answer: { $link }
    You can also answer this e-mail.

## The contact window and the customer's pages
ticket-assist = Contact support
ticket-contact_title = Contact support
ticket-contact_intro = Tell us what you need. While you type, the help centre suggests guides that may already answer it; you can send your request anyway.
ticket-topic = Topic
ticket-product = Product concerned
ticket-no_product = None in particular
ticket-message = Message
ticket-attachments = Attachments
ticket-attachment_limits = Up to { $files } files of { $kb } KiB each: images, PDF, text, CSV or ZIP.
ticket-grant = Temporary access for support
ticket-grant_none = Do not give access
ticket-grant_hours = Give access for { $hours } h
ticket-grant_help = Support may then look at the product chosen (or the whole Organization without one), read-only for money; you can revoke it on the Support page.
ticket-suggest = Suggest guides
ticket-suggested = Guides that may answer it
ticket-no_suggestion = No guide matches what you typed.
ticket-still_send = Not what you were looking for? Send your request.
ticket-send = Send the request
ticket-sent = Your request was sent; support answers here and by e-mail.
ticket-my_requests = My support requests
ticket-list_title = Support requests
ticket-new = New request
ticket-none = No support request yet.
ticket-state = State
ticket-opened_on = Opened on
ticket-support_team = Support
ticket-by_mail = by e-mail
ticket-your_reply = Your reply
ticket-reply = Send the reply
ticket-reply_reopen = Reply and reopen
ticket-replied = Your reply was added.
ticket-close = Close the request
ticket-closed = The request is closed.
ticket-reopen = Reopen
ticket-reopened = The request is open again.
ticket-opened = Support request opened

## The back office
ticket-inbox = Support requests
ticket-inbox_empty = No request matches these filters.
ticket-canned = Canned replies
ticket-canned_none = No canned reply yet.
ticket-canned_new = New canned reply
ticket-canned_title = Title
ticket-save = Save
ticket-delete = Delete
ticket-figures = Support figures
ticket-any = Any
ticket-priority = Priority
ticket-premium = Premium Support
ticket-standard = Standard
ticket-tier = Premium tier { $tier }
ticket-assignee = Assigned to
ticket-nobody = Nobody
ticket-org = Organization
ticket-due = First answer due
ticket-late = late
ticket-first_response = first answer after
ticket-duration = { $h } h { $m }
ticket-context = The Organization
ticket-context_no_grant = No live support access: only this request can be seen.
ticket-note = internal note
ticket-answer = Answer
ticket-waits = Waiting for the customer
ticket-send_answer = Send the answer
ticket-add_note = Add an internal note
ticket-answered = The answer was sent.
ticket-noted = The note was added (the customer does not see it).
ticket-assign = Assign
ticket-assigned = The assignment was saved.
ticket-figures_since = Requests opened since
ticket-per_tier = Per tier
ticket-per_operator = Per operator (first answer)
ticket-promised = Promised
ticket-requests = Requests
ticket-first_response_median = First answer (median)
ticket-within_promise = Answered in time
ticket-resolution_median = Resolution (median)
ticket-misses = Guides suggested before a request was sent anyway
ticket-misses_help = These guides were suggested by the contact window but did not answer the question: worth improving.
ticket-misses_none = No request was sent after a suggestion.
ticket-guide = Guide
