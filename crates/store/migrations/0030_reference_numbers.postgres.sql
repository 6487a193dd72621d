-- Payment reference numbers from a sequence (issue #12): `nextval` takes no row lock, so two
-- Organizations issuing invoices or payment requests at once no longer queue on the one row of
-- `reference_counter`. References must be unique, not gap-free: a rolled-back transaction's
-- number is simply never used. The sequence continues from the counter (which SQLite keeps using:
-- it has one writer, so the row is never contended there).
CREATE SEQUENCE reference_numbers;
SELECT setval('reference_numbers',
              GREATEST((SELECT last FROM reference_counter WHERE id = 1), 1),
              (SELECT last FROM reference_counter WHERE id = 1) > 0);
