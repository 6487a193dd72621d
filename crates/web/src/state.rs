//! What every handler is given: the application and how the web face is deployed.

use crate::proxies::TrustedProxies;
use guichet_app::App;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Cookies get `Secure` and the `__Host-` prefix (the public URL is https).
    pub secure_cookies: bool,
    /// The reverse proxies whose `X-Forwarded-For` is believed (see [`TrustedProxies`]).
    pub trusted_proxies: TrustedProxies,
    /// The brand's fingerprint (`Brand::version`), computed once, in its assets' URLs.
    pub brand_version: String,
}

impl AppState {
    pub fn new(app: App, trusted_proxies: TrustedProxies) -> AppState {
        let secure_cookies = app.config.public_url.starts_with("https://");
        let brand_version = app.config.brand.version();
        AppState {
            app,
            secure_cookies,
            trusted_proxies,
            brand_version,
        }
    }
}
