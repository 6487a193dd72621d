-- Issue #14: the recipient line of an invoice's address: the person's name when the billing
-- address names a company (printed under the company, as the Swiss post writes "z. H." / "à l'att.").
-- NULL: the address is a person's, or the Organization's own.
ALTER TABLE invoices ADD COLUMN bill_to_attention TEXT;
