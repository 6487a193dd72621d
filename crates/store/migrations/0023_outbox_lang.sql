-- The recipient's language of each queued e-mail (issue #15, acceptance 6): the sender writes it as
-- the message's Content-Language. Rows queued before this migration have none (the sender then
-- falls back to French, the Manager's first language).
ALTER TABLE outbox ADD COLUMN lang TEXT;
