-- Cancelling a product (SPEC §3): a pending product is cancelled at once with its unpaid order
-- invoice; a running one is cancelled at the end of its term (no renewal), when the clock moves it to
-- `cancelled` instead of `expired`. `cancel_requested_at` is when the customer asked (NULL: not asked,
-- or taken back).
ALTER TABLE products ADD COLUMN cancel_requested_at BIGINT;
