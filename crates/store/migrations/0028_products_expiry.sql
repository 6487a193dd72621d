-- The billing run reads the products due for renewal in batches by key (expires_on, id): an index
-- in that order makes each batch a seek, whatever the number of products.
CREATE INDEX products_expiry ON products (expires_on, id);
