//! The health check's question to the database (`GET /healthz`, for a load balancer).

use crate::App;

impl App {
    /// Whether the database answers a trivial read. Public, like the health check that asks it:
    /// it reads no one's data. The error says what went wrong, for the operator's log.
    pub async fn database_ping(&self) -> Result<(), String> {
        self.db.ping().await.map_err(|e| e.to_string())
    }
}
