//! Who belongs to which Organization, with which role and grants.

use crate::row::*;
use crate::{Conn, Result};
use guichet_core::{OrgId, Role, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub org_id: OrgId,
    pub user_id: UserId,
    pub role: Role,
    pub accounting: bool,
    pub billing_contact: bool,
    pub created_at: i64,
}

/// A member with the person's name and e-mail, for lists.
#[derive(Clone, Debug)]
pub struct Member {
    pub membership: Membership,
    pub email: String,
    pub name: String,
}

/// One of a person's Organizations, for the switcher.
#[derive(Clone, Debug)]
pub struct MyOrg {
    pub org_id: OrgId,
    pub name: String,
    pub role: Role,
    /// The membership's accounting right (ORG-02), read with the role.
    pub accounting: bool,
}

const T: &str = "memberships";

/// A person to write to: (email, language code, support code).
fn recipient(r: &AnyRow) -> Result<(String, String, String)> {
    Ok((
        text(r, T, "email")?,
        text(r, T, "lang")?,
        text(r, T, "support_code")?,
    ))
}

fn from_row(r: &AnyRow) -> Result<Membership> {
    Ok(Membership {
        org_id: parsed(r, T, "org_id")?,
        user_id: parsed(r, T, "user_id")?,
        role: code(r, T, "role", Role::parse)?,
        accounting: flag(r, T, "accounting")?,
        billing_contact: flag(r, T, "billing_contact")?,
        created_at: int(r, T, "created_at")?,
    })
}

pub async fn insert(c: &mut Conn, m: &Membership) -> Result<()> {
    sqlx::query(
        "INSERT INTO memberships (org_id, user_id, role, accounting, billing_contact, reminders, created_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(m.org_id.to_string())
    .bind(m.user_id.to_string())
    .bind(m.role.code())
    .bind(b(m.accounting))
    .bind(b(m.billing_contact))
    .bind(m.created_at)
    .execute(c)
    .await?;
    Ok(())
}

/// The membership of a user in a live Organization.
pub async fn get(c: &mut Conn, org: OrgId, user: UserId) -> Result<Option<Membership>> {
    let row = sqlx::query(
        "SELECT m.org_id, m.user_id, m.role, m.accounting, m.billing_contact, m.created_at FROM memberships m \
         JOIN orgs o ON o.id = m.org_id WHERE m.org_id = $1 AND m.user_id = $2 AND o.deleted_at IS NULL",
    )
    .bind(org.to_string())
    .bind(user.to_string())
    .fetch_optional(c)
    .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn list(c: &mut Conn, org: OrgId) -> Result<Vec<Member>> {
    let rows = sqlx::query(
        "SELECT m.org_id, m.user_id, m.role, m.accounting, m.billing_contact, m.created_at, u.email, u.name \
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.name, u.email",
    )
    .bind(org.to_string())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Member {
                membership: from_row(r)?,
                email: text(r, T, "email")?,
                name: text(r, T, "name")?,
            })
        })
        .collect()
}

/// The rows of the live Organizations a person belongs to, by name: `id`, `name`, and their
/// membership's `role`, `accounting` and `reminders`.
async fn live_orgs(c: &mut Conn, user: UserId) -> Result<Vec<AnyRow>> {
    Ok(sqlx::query(
        "SELECT o.id, o.name, m.role, m.accounting, m.reminders FROM memberships m JOIN orgs o ON o.id = m.org_id \
         WHERE m.user_id = $1 AND o.deleted_at IS NULL ORDER BY o.name, o.id",
    )
    .bind(user.to_string())
    .fetch_all(c)
    .await?)
}

/// The live Organizations a person belongs to, by name.
pub async fn orgs_of(c: &mut Conn, user: UserId) -> Result<Vec<MyOrg>> {
    live_orgs(c, user)
        .await?
        .iter()
        .map(|r| {
            Ok(MyOrg {
                org_id: parsed(r, T, "id")?,
                name: text(r, T, "name")?,
                role: code(r, T, "role", Role::parse)?,
                accounting: flag(r, T, "accounting")?,
            })
        })
        .collect()
}

pub async fn count_role(c: &mut Conn, org: OrgId, role: Role) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = $2")
        .bind(org.to_string())
        .bind(role.code())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

pub async fn count(c: &mut Conn, org: OrgId) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM memberships WHERE org_id = $1")
        .bind(org.to_string())
        .fetch_one(c)
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

pub async fn update(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    role: Role,
    accounting: bool,
) -> Result<()> {
    sqlx::query(
        "UPDATE memberships SET role = $1, accounting = $2 WHERE org_id = $3 AND user_id = $4",
    )
    .bind(role.code())
    .bind(b(accounting))
    .bind(org.to_string())
    .bind(user.to_string())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn delete(c: &mut Conn, org: OrgId, user: UserId) -> Result<()> {
    sqlx::query("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2")
        .bind(org.to_string())
        .bind(user.to_string())
        .execute(c)
        .await?;
    Ok(())
}

/// E-mail addresses of the Organization's members with a given role (for summaries to LRs).
pub async fn emails_with_role(
    c: &mut Conn,
    org: OrgId,
    role: Role,
) -> Result<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT u.email, u.lang FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND m.role = $2",
    )
    .bind(org.to_string())
    .bind(role.code())
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((text(r, T, "email")?, text(r, T, "lang")?)))
        .collect()
}

/// Who receives billing e-mails: members with the billing-contact preference, or else the LRs.
/// (e-mail, language, support code).
pub async fn billing_recipients(c: &mut Conn, org: OrgId) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT u.email, u.lang, u.support_code FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND (m.billing_contact = 1 OR (m.role = 'legal_rep' AND NOT EXISTS \
           (SELECT 1 FROM memberships b WHERE b.org_id = $1 AND b.billing_contact = 1))) ORDER BY u.email",
    )
    .bind(org.to_string())
    .fetch_all(c)
    .await?;
    rows.iter().map(recipient).collect()
}

/// REM-05: does this member get payment reminders for this Organization?
pub async fn reminders(c: &mut Conn, org: OrgId, user: UserId) -> Result<Option<bool>> {
    let row = sqlx::query("SELECT reminders FROM memberships WHERE org_id = $1 AND user_id = $2")
        .bind(org.to_string())
        .bind(user.to_string())
        .fetch_optional(c)
        .await?;
    row.as_ref().map(|r| flag(r, T, "reminders")).transpose()
}

/// REM-05: the member opts in or out of payment reminders; false if not a member.
pub async fn set_reminders(c: &mut Conn, org: OrgId, user: UserId, on: bool) -> Result<bool> {
    let done =
        sqlx::query("UPDATE memberships SET reminders = $1 WHERE org_id = $2 AND user_id = $3")
            .bind(b(on))
            .bind(org.to_string())
            .bind(user.to_string())
            .execute(c)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// REM-05: who gets an invoice's reminders: members who opted in and may see billing documents
/// (INV-01: LR, Administrator, Collaborator with the accounting permission).
/// (e-mail, language, support code).
pub async fn reminder_recipients(
    c: &mut Conn,
    org: OrgId,
) -> Result<Vec<(String, String, String)>> {
    let rows = sqlx::query(
        "SELECT u.email, u.lang, u.support_code FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.org_id = $1 AND m.reminders = 1 \
           AND (m.role IN ('legal_rep', 'admin') OR (m.role = 'collaborator' AND m.accounting = 1)) \
         ORDER BY u.email",
    )
    .bind(org.to_string())
    .fetch_all(c)
    .await?;
    rows.iter().map(recipient).collect()
}

/// A person's Organizations with their reminder preference and whether they may see billing there.
/// (Organization, name, may see billing, reminders on).
pub async fn reminder_settings(
    c: &mut Conn,
    user: UserId,
) -> Result<Vec<(OrgId, String, bool, bool)>> {
    live_orgs(c, user)
        .await?
        .iter()
        .map(|r| {
            let role = code(r, T, "role", Role::parse)?;
            let billing =
                role.is_manager() || (role == Role::Collaborator && flag(r, T, "accounting")?);
            Ok((
                parsed(r, T, "id")?,
                text(r, T, "name")?,
                billing,
                flag(r, T, "reminders")?,
            ))
        })
        .collect()
}
