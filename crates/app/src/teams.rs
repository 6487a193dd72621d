//! Who may do what on which product (SPEC §1 "P", TEAM-04): LR and Administrators on all of them;
//! collaborators and externals on the products granted to them, individually or through their work
//! teams — rights add up. Computed here, in one place, for every permission check on a product.

use crate::error::{AppError, AppResult};
use crate::{Actor, App};
use guichet_core::grants::Rights;
use guichet_core::{Action, ProductId, TeamId, UserId};
use guichet_store::{Conn, billing, memberships, teams};
use std::collections::{HashMap, HashSet};

/// Each product's effective rights for the actor (managers are not listed: they have all rights).
pub(crate) async fn effective(
    c: &mut Conn,
    actor: &Actor,
) -> AppResult<HashMap<ProductId, Rights>> {
    let mut out: HashMap<ProductId, Rights> = HashMap::new();
    // SUP-03: an operator under grants naming products works on those products only.
    if let Some(s) = &actor.support {
        let rights = Rights {
            technical: true,
            statistics: true,
            ..Default::default()
        };
        for p in s.products.iter().flatten() {
            out.insert(*p, rights);
        }
        return Ok(out);
    }
    for (product, r) in teams::grants_of(c, actor.org, actor.user).await? {
        let e = out.entry(product).or_default();
        *e = e.union(r);
    }
    Ok(out)
}

/// The products the actor may see through grants.
pub(crate) async fn granted_products(c: &mut Conn, actor: &Actor) -> AppResult<HashSet<ProductId>> {
    Ok(effective(c, actor)
        .await?
        .into_iter()
        .filter(|(_, r)| r.any())
        .map(|(p, _)| p)
        .collect())
}

impl App {
    /// The actor's rights on one product of the Organization; another Organization's product (or
    /// one the actor has no right on) is not found.
    pub async fn product_rights(&self, actor: &Actor, product: ProductId) -> AppResult<Rights> {
        actor.require(Action::ViewOrg)?;
        let mut c = self.db.conn().await?;
        billing::get_product(&mut c, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        if actor.access.role.is_manager() {
            return Ok(Rights::ALL);
        }
        effective(&mut c, actor)
            .await?
            .remove(&product)
            .filter(|r| r.any())
            .ok_or(AppError::NotFound)
    }

    /// Gives (or, with no right, takes away) a member's individual grant on a product.
    pub async fn set_product_grant(
        &self,
        actor: &Actor,
        user: UserId,
        product: ProductId,
        rights: Rights,
    ) -> AppResult<()> {
        actor.require(Action::ManageMembers)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        memberships::get(&mut tx, actor.org, user)
            .await?
            .ok_or(AppError::NotFound)?;
        billing::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        teams::set_grant(&mut tx, actor.org, user, product, rights, now).await?;
        let who = crate::activity::person(&mut tx, user).await?;
        let name = billing::get_product(&mut tx, actor.org, product)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        let detail = guichet_core::said::encode(
            "said.grant_changed",
            &[
                ("who", &who),
                ("product", &name),
                ("rights_keys", &rights.keys()),
            ],
        );
        actor
            .audit_and_commit(tx, "grant.changed", &detail, now)
            .await?;
        Ok(())
    }
}

/// A team as its page shows it.
#[derive(Clone, Debug)]
pub struct TeamView {
    pub team: teams::Team,
    pub members: Vec<(UserId, String, String)>,
    /// (product id, product name, rights).
    pub products: Vec<(ProductId, String, Rights)>,
    /// People from outside invited into the team who have not accepted yet (TEAM-02).
    pub invited: Vec<guichet_store::invitations::Invitation>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct TeamInput {
    pub name: String,
    #[serde(default)]
    pub colour: String,
    #[serde(default)]
    pub leader: Option<String>,
}

/// One line of "who can access this product, and why".
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct AccessLine {
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub rights: Rights,
    /// `role` (LR/Admin see everything), `individual`, or `team:<name>`.
    pub reasons: Vec<String>,
}

fn colour(raw: &str) -> AppResult<String> {
    let c = raw.trim();
    if c.is_empty() {
        return Ok("#0b5cad".into());
    }
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
    if ok {
        Ok(c.to_lowercase())
    } else {
        Err(AppError::invalid("colour", "team.colour_invalid"))
    }
}

impl App {
    /// The start of a change to a team (TEAM-01 needs `ManageTeams`): a transaction, and in it one
    /// of the Organization's teams (404 for another's).
    async fn team_in_tx(
        &self,
        actor: &Actor,
        id: TeamId,
    ) -> AppResult<(guichet_store::Tx, teams::Team)> {
        actor.require(Action::ManageTeams)?;
        let mut tx = self.db.begin().await?;
        let team = teams::get_team(&mut tx, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((tx, team))
    }

    pub async fn teams(&self, actor: &Actor) -> AppResult<Vec<teams::Team>> {
        actor.require(Action::ManageTeams)?;
        let mut c = self.db.conn().await?;
        Ok(teams::teams_of(&mut c, actor.org).await?)
    }

    pub async fn team(&self, actor: &Actor, id: TeamId) -> AppResult<TeamView> {
        actor.require(Action::ManageTeams)?;
        let mut c = self.db.conn().await?;
        let team = teams::get_team(&mut c, actor.org, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let members = teams::members(&mut c, id).await?;
        let mut products = Vec::new();
        for (p, r) in teams::team_products(&mut c, id).await? {
            let name = billing::get_product(&mut c, actor.org, p)
                .await?
                .map(|p| p.name)
                .unwrap_or_default();
            products.push((p, name, r));
        }
        let invited = guichet_store::invitations::open_for_team(&mut c, actor.org, id).await?;
        Ok(TeamView {
            team,
            members,
            products,
            invited,
        })
    }

    /// TEAM-01/05: a new team (LR/Admin).
    pub async fn create_team(&self, actor: &Actor, input: &TeamInput) -> AppResult<TeamId> {
        actor.require(Action::ManageTeams)?;
        let name = guichet_core::validate::line(&input.name, 80)
            .ok_or(AppError::invalid("name", "field.required"))?;
        let colour = colour(&input.colour)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = teams::insert_team(&mut tx, actor.org, &name, &colour, now).await?;
        actor
            .audit_and_commit(tx, "team.created", &name, now)
            .await?;
        Ok(id)
    }

    /// Name, colour and leader (TEAM-03: the leader is one of the team's members; a label only).
    pub async fn update_team(&self, actor: &Actor, id: TeamId, input: &TeamInput) -> AppResult<()> {
        let (mut tx, _) = self.team_in_tx(actor, id).await?;
        let name = guichet_core::validate::line(&input.name, 80)
            .ok_or(AppError::invalid("name", "field.required"))?;
        let colour = colour(&input.colour)?;
        let leader = match input.leader.as_deref().filter(|l| !l.is_empty()) {
            Some(l) => {
                let uid: UserId = l
                    .parse()
                    .map_err(|_| AppError::invalid("leader", "team.leader_not_member"))?;
                if !teams::members(&mut tx, id)
                    .await?
                    .iter()
                    .any(|(u, _, _)| *u == uid)
                {
                    return Err(AppError::invalid("leader", "team.leader_not_member"));
                }
                Some(uid)
            }
            None => None,
        };
        teams::update_team(&mut tx, id, &name, &colour, leader).await?;
        actor
            .audit_and_commit(tx, "team.changed", &name, self.now())
            .await?;
        Ok(())
    }

    /// TEAM-05: deleting a team removes only its grants.
    pub async fn delete_team(&self, actor: &Actor, id: TeamId) -> AppResult<()> {
        let (mut tx, team) = self.team_in_tx(actor, id).await?;
        teams::delete_team(&mut tx, id).await?;
        actor
            .audit_and_commit(tx, "team.deleted", &team.name, self.now())
            .await?;
        Ok(())
    }

    /// TEAM-02/04: adds several members of the Organization at once; they get the team's products on
    /// their very next request.
    pub async fn add_team_members(
        &self,
        actor: &Actor,
        id: TeamId,
        users: &[UserId],
    ) -> AppResult<()> {
        self.add_team_people(actor, id, users, &[]).await?;
        Ok(())
    }

    /// TEAM-02: adds members and people from outside at once. An address that is not a member's is
    /// invited into the Organization as External (the usual invitation, e-mailed) and joins the team
    /// on accepting; an open invitation to that address is reused. Returns the addresses invited.
    pub async fn add_team_people(
        &self,
        actor: &Actor,
        id: TeamId,
        users: &[UserId],
        emails: &[String],
    ) -> AppResult<Vec<String>> {
        let (mut tx, team) = self.team_in_tx(actor, id).await?;
        let emails: Vec<&str> = emails
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .collect();
        if users.is_empty() && emails.is_empty() {
            return Err(AppError::invalid("members", "team.nobody_selected"));
        }
        let mut parsed = Vec::new();
        for e in &emails {
            parsed.push(
                guichet_core::validate::email(e)
                    .ok_or(AppError::invalid("emails", "field.email"))?,
            );
        }
        if !parsed.is_empty() {
            actor.require(Action::ManageMembers)?;
        }
        for u in users {
            memberships::get(&mut tx, actor.org, *u)
                .await?
                .ok_or(AppError::NotFound)?;
            teams::add_member(&mut tx, id, *u).await?;
        }
        let open = guichet_store::invitations::open_for_org(&mut tx, actor.org).await?;
        let mut invited = Vec::new();
        let mut added = users.len();
        for email in parsed {
            if let Some(u) = guichet_store::users::by_email(&mut tx, &email).await?
                && memberships::get(&mut tx, actor.org, u.id).await?.is_some()
            {
                teams::add_member(&mut tx, id, u.id).await?;
                added += 1;
                continue;
            }
            let inv = match open.iter().find(|i| i.email == email) {
                Some(i) => i.clone(),
                None => {
                    self.invite_in(
                        &mut tx,
                        actor,
                        &email,
                        guichet_core::Role::External,
                        false,
                        false,
                    )
                    .await?
                }
            };
            guichet_store::support::add_invitation_team(&mut tx, inv.id, id).await?;
            invited.push(email);
        }
        let detail = if invited.is_empty() {
            guichet_core::said::encode(
                "said.team_members_added",
                &[("team", &team.name), ("n", &added.to_string())],
            )
        } else {
            guichet_core::said::encode(
                "said.team_members_invited",
                &[
                    ("team", &team.name),
                    ("n", &added.to_string()),
                    ("emails", &invited.join(", ")),
                ],
            )
        };
        actor
            .audit_and_commit(tx, "team.members_added", &detail, self.now())
            .await?;
        Ok(invited)
    }

    /// TEAM-04: a person removed loses what only the team gave.
    pub async fn remove_team_member(
        &self,
        actor: &Actor,
        id: TeamId,
        user: UserId,
    ) -> AppResult<()> {
        let (mut tx, team) = self.team_in_tx(actor, id).await?;
        if !teams::remove_member(&mut tx, id, user).await? {
            return Err(AppError::NotFound);
        }
        let who = crate::activity::person(&mut tx, user).await?;
        let detail = format!("{}: {who}", team.name);
        actor
            .audit_and_commit(tx, "team.member_removed", &detail, self.now())
            .await?;
        Ok(())
    }

    /// TEAM-01: the team's rights on one of the Organization's products (none removes it).
    pub async fn set_team_product(
        &self,
        actor: &Actor,
        id: TeamId,
        product: ProductId,
        rights: Rights,
    ) -> AppResult<()> {
        let (mut tx, team) = self.team_in_tx(actor, id).await?;
        let named = billing::get_product(&mut tx, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        teams::set_team_product(&mut tx, id, product, rights).await?;
        let detail = guichet_core::said::encode(
            "said.team_rights",
            &[
                ("team", &team.name),
                ("product", &named.name),
                ("rights_keys", &rights.keys()),
            ],
        );
        actor
            .audit_and_commit(tx, "team.rights", &detail, self.now())
            .await?;
        Ok(())
    }

    /// TEAM-01, the team page's one form: the team's rights on each of these products, in one
    /// transaction; a product whose rights did not change is left alone (and not logged). Every
    /// product must be the Organization's (another's is not found, and nothing is changed).
    pub async fn set_team_products(
        &self,
        actor: &Actor,
        id: TeamId,
        wanted: &[(ProductId, Rights)],
    ) -> AppResult<usize> {
        let (mut tx, team) = self.team_in_tx(actor, id).await?;
        let ids: Vec<ProductId> = wanted.iter().map(|(p, _)| *p).collect();
        let named: HashMap<ProductId, String> = billing::products_by_ids(&mut tx, actor.org, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        if ids.iter().any(|p| !named.contains_key(p)) {
            return Err(AppError::NotFound);
        }
        let now: HashMap<ProductId, Rights> = teams::team_products(&mut tx, id)
            .await?
            .into_iter()
            .collect();
        let mut changed = 0;
        for (product, rights) in wanted {
            if now.get(product).copied().unwrap_or_default() == *rights {
                continue;
            }
            teams::set_team_product(&mut tx, id, *product, *rights).await?;
            let detail = guichet_core::said::encode(
                "said.team_rights",
                &[
                    ("team", &team.name),
                    ("product", named.get(product).map_or("", String::as_str)),
                    ("rights_keys", &rights.keys()),
                ],
            );
            actor
                .audit(&mut tx, "team.rights", &detail, self.now())
                .await?;
            changed += 1;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// "Who can access this product, and why" (LR/Admin).
    pub async fn product_access(
        &self,
        actor: &Actor,
        product: ProductId,
    ) -> AppResult<Vec<AccessLine>> {
        actor.require(Action::ManageTeams)?;
        let mut c = self.db.conn().await?;
        billing::get_product(&mut c, actor.org, product)
            .await?
            .ok_or(AppError::NotFound)?;
        let members = memberships::list(&mut c, actor.org).await?;
        let mut lines: Vec<AccessLine> = Vec::new();
        for m in &members {
            if m.membership.role.is_manager() {
                lines.push(AccessLine {
                    user_id: m.membership.user_id,
                    name: m.name.clone(),
                    email: m.email.clone(),
                    rights: Rights::ALL,
                    reasons: vec!["role".into()],
                });
            }
        }
        for (user, source, rights) in teams::holders(&mut c, actor.org, product).await? {
            let reason = source.map_or("individual".to_string(), |t| format!("team:{t}"));
            if let Some(line) = lines.iter_mut().find(|l| l.user_id == user) {
                line.rights = line.rights.union(rights);
                line.reasons.push(reason);
            } else if let Some(m) = members.iter().find(|m| m.membership.user_id == user) {
                lines.push(AccessLine {
                    user_id: user,
                    name: m.name.clone(),
                    email: m.email.clone(),
                    rights,
                    reasons: vec![reason],
                });
            }
        }
        Ok(lines)
    }
}
