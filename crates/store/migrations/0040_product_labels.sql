-- Issue #14: a product's label, the name its Organization gives it (a domain's domain, "Site
-- vitrine" for a hosting), so two products of one offer can be told apart. NULL: the offer's name.
ALTER TABLE products ADD COLUMN label TEXT;
