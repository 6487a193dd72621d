//! The demo's support requests (`guichet demo`): one request of Atelier Favre answered by the
//! operator, and a canned reply in the back office.

use super::OpenInput;
use crate::error::{AppError, AppResult};
use crate::{App, Origin};
use guichet_core::{OrgId, UserId};
use guichet_store::support_requests::files;
use guichet_store::users;

impl App {
    pub(crate) async fn seed_demo_tickets(
        &self,
        org: OrgId,
        customer: UserId,
        operator: UserId,
    ) -> AppResult<()> {
        let actor = self.actor(customer, org, Origin::default()).await?;
        let input = OpenInput {
            topic: "Certificat SSL expiré".into(),
            message: "Notre site affiche une alerte de certificat depuis ce matin.".into(),
            ..Default::default()
        };
        let r = self.open_support_request(&actor, &input, "web").await?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let op = users::by_id(&mut tx, operator)
            .await?
            .ok_or(AppError::NotFound)?;
        self.operator_reply(
            &mut tx,
            &op,
            r.id,
            "Le certificat est renouvelé ; videz le cache de votre navigateur et dites-nous si l'alerte persiste.",
            false,
            true,
            &[],
            "web",
            None,
            now,
        )
        .await?;
        files::save_canned(
            &mut tx,
            None,
            "Vider le cache",
            "Bonjour,\n\nVeuillez vider le cache de votre navigateur puis réessayer.",
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
