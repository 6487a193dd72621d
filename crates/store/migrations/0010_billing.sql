-- Catalogue, products and invoices (SPEC §3, §5). Prices are excluding VAT, in minor units, with the
-- date from which they apply (a price change never rewrites an issued invoice: invoices copy amounts).

CREATE TABLE offers (
    id TEXT PRIMARY KEY,
    product_type TEXT NOT NULL CHECK (product_type IN ('web_hosting', 'cloud_server', 'domain_name', 'mail_service',
                                                       'file_storage', 'streaming', 'ticketing', 'premium_support')),
    name TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE offer_prices (
    offer_id TEXT NOT NULL REFERENCES offers (id),
    period_months BIGINT NOT NULL CHECK (period_months IN (1, 3, 12, 24, 36)),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    amount BIGINT NOT NULL CHECK (amount >= 0),
    valid_from BIGINT NOT NULL,
    PRIMARY KEY (offer_id, period_months, currency, valid_from)
);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    offer_id TEXT NOT NULL REFERENCES offers (id),
    name TEXT NOT NULL,
    period_months BIGINT NOT NULL CHECK (period_months IN (1, 3, 12, 24, 36)),
    state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'expired', 'blocked', 'terminated', 'cancelled')),
    starts_on TEXT,
    expires_on TEXT,
    billing_address_id TEXT REFERENCES billing_addresses (id),
    auto_renew BIGINT NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1)),
    created_at BIGINT NOT NULL
);
CREATE INDEX products_org ON products (org_id, created_at);

-- Gap-free numbering per issuer and year (INV-02): the counter moves in the invoice's transaction.
CREATE TABLE invoice_sequences (
    issuer TEXT NOT NULL,
    year BIGINT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (issuer, year)
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('order', 'renewal')),
    status TEXT NOT NULL CHECK (status IN ('unpaid', 'partially_paid', 'paid', 'overdue', 'refunded', 'partially_refunded', 'cancelled')),
    currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
    net BIGINT NOT NULL,
    vat BIGINT NOT NULL CHECK (vat >= 0),
    gross BIGINT NOT NULL CHECK (gross > 0),
    vat_rate_bp BIGINT NOT NULL,
    vat_mention TEXT,
    bill_to_name TEXT NOT NULL,
    bill_to_street TEXT NOT NULL,
    bill_to_postcode TEXT NOT NULL,
    bill_to_city TEXT NOT NULL,
    bill_to_country TEXT NOT NULL,
    billing_reference TEXT,
    payment_reference TEXT NOT NULL UNIQUE,
    issued_at BIGINT NOT NULL,
    due_on TEXT NOT NULL,
    paid_at BIGINT,
    CHECK (net + vat = gross)
);
CREATE INDEX invoices_org ON invoices (org_id, issued_at);
CREATE INDEX invoices_org_status ON invoices (org_id, status, issued_at);

CREATE TABLE invoice_lines (
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    position BIGINT NOT NULL,
    description TEXT NOT NULL,
    product_id TEXT REFERENCES products (id),
    period_start TEXT,
    period_end TEXT,
    -- `product:period_start`: a (product, period) is invoiced exactly once.
    billing_key TEXT UNIQUE,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    unit_net BIGINT NOT NULL,
    net BIGINT NOT NULL,
    vat BIGINT NOT NULL,
    gross BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, position),
    CHECK (net + vat = gross)
);
