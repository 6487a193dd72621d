//! Swiss payments: QR-bill, ISO 20022 camt reader and pain.001 writer. Pure functions only.
