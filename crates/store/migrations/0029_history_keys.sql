-- Issue #12: the history lists are paged by key, newest first, and each combination of filters
-- is an index range scan. Invoices by (issued_at, number), optionally by status; the activity log
-- by (at, id), optionally by actor; the back office's customers by (created_at, id). They replace
-- the indexes on (…, time) alone, which left a sort or a filter for the tie-breaking key.
CREATE INDEX invoices_org_keyset ON invoices (org_id, issued_at DESC, number DESC);
CREATE INDEX invoices_org_status_keyset ON invoices (org_id, status, issued_at DESC, number DESC);
DROP INDEX invoices_org;
DROP INDEX invoices_org_status;
CREATE INDEX audit_log_org_keyset ON audit_log (org_id, at, id);
CREATE INDEX audit_log_org_actor_keyset ON audit_log (org_id, actor_id, at, id);
DROP INDEX audit_log_org;
DROP INDEX audit_log_org_actor;
-- The activity page's filters list the action codes of the log: a loose index scan on this one.
CREATE INDEX audit_log_org_action ON audit_log (org_id, action);
CREATE INDEX orgs_created_keyset ON orgs (created_at, id);
