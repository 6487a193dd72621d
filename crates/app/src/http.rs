//! The one HTTP client Guichet calls out with (Stripe's API, outgoing webhooks): rustls over ring,
//! the platform's certificate store, bounded timeouts, no redirects followed (a webhook endpoint that
//! redirects is answered as a failure, never followed to another host).

use std::time::Duration;

/// Installs ring as rustls' process-wide crypto provider (reqwest's `rustls-no-provider` needs one;
/// without it building a client panics). Safe to call more than once.
pub fn install_crypto_provider() {
    // Err means a provider is installed already, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A client with the given overall timeout per request.
pub fn client(timeout: Duration) -> Result<reqwest::Client, String> {
    install_crypto_provider();
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(10).min(timeout))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Guichet/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("HTTP client: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_client_builds_with_the_ring_provider() {
        assert!(super::client(std::time::Duration::from_secs(5)).is_ok());
    }
}
