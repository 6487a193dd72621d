-- PostgreSQL takes payment reference numbers from a sequence from this version on (see the
-- .postgres.sql variant); SQLite keeps `reference_counter`: its single writer never contends it.
SELECT 1;
