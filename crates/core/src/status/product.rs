//! The status of a product.
