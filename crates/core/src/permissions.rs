//! Roles and the one permission function (SPEC §1, the permissions table). Every use case in `app`
//! calls [`authorize`] with the caller's [`Access`] before it reads or writes anything.

use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Legal Representative: all rights and the legal responsibility; at least one per Organization.
    LegalRep,
    /// All rights but the legal fields and granting LR.
    Admin,
    /// Only the products granted; billing only with the accounting permission.
    Collaborator,
    /// A person from outside: only what a team or a grant gives.
    External,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::LegalRep,
        Role::Admin,
        Role::Collaborator,
        Role::External,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::LegalRep => "legal_rep",
            Role::Admin => "admin",
            Role::Collaborator => "collaborator",
            Role::External => "external",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == s)
    }

    /// LR and Administrators manage the Organization.
    pub fn is_manager(self) -> bool {
        matches!(self, Role::LegalRep | Role::Admin)
    }
}

/// What a member may do in one Organization: the role plus the grants that come with the membership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    pub role: Role,
    /// The *accounting* permission (meaningful for collaborators; managers have it implicitly).
    pub accounting: bool,
    /// An operator of the provider working under a temporary support grant (SUP-03): reads what the
    /// grant covers, never moves money, never changes who may do what.
    pub support: bool,
}

impl Access {
    pub fn new(role: Role, accounting: bool) -> Self {
        Self {
            role,
            accounting,
            support: false,
        }
    }

    /// SUP-03: an operator under a live grant — Administrator-like on the whole Organization, or
    /// External-like (only the granted products) when the grant names products.
    pub fn support(whole_org: bool) -> Self {
        Self {
            role: if whole_org {
                Role::Admin
            } else {
                Role::External
            },
            accounting: false,
            support: true,
        }
    }
}

/// Everything a caller can ask to do inside an Organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// See the Organization's name and one's own membership.
    ViewOrg,
    /// Phone, logo, 2FA policy: the non-legal settings.
    EditOrgSettings,
    /// Name, postal address, type, VAT number (ORG-04).
    EditLegalFields,
    /// See members and invitations.
    ViewMembers,
    /// Invite and remove users, change roles other than to/from LR (USR-01).
    ManageMembers,
    /// Give (or take away) the LR role (USR-02).
    GrantLegalRep,
    /// Create, edit and delete work teams (TEAM-05).
    ManageTeams,
    /// Order and transfer products.
    OrderProducts,
    /// Invoices, pro forma, pay, top up, billing addresses, billing reference, payment methods (INV-01).
    Billing,
    /// Withdraw the prepaid balance (PP-04).
    Withdraw,
    /// Grant temporary access to support (SUP-03).
    GrantSupportAccess,
    /// Delete the Organization (ORG-06).
    DeleteOrg,
    /// Move money: pay invoices, top up, check out (on top of `Billing`; SUP-03 refuses it to support).
    Pay,
    /// The Organization's activity log (who did what, when, from where).
    ViewActivity,
    /// Sites, databases and their settings (SPEC §9): every role, then only on the products the
    /// person has the technical right on (checked per product in `app`); never support.
    ManageSites,
    /// Change billing settings: billing addresses and reference, renewal settings and saved card,
    /// a product's auto-renewal and period (on top of `Billing`; SUP-03 refuses it to support).
    ManageBilling,
}

impl Action {
    pub const ALL: [Action; 16] = [
        Action::ViewOrg,
        Action::EditOrgSettings,
        Action::EditLegalFields,
        Action::ViewMembers,
        Action::ManageMembers,
        Action::GrantLegalRep,
        Action::ManageTeams,
        Action::OrderProducts,
        Action::Billing,
        Action::Withdraw,
        Action::GrantSupportAccess,
        Action::DeleteOrg,
        Action::Pay,
        Action::ViewActivity,
        Action::ManageSites,
        Action::ManageBilling,
    ];
}

/// Why an action was refused; the key names a message in the catalogues.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("forbidden: {0:?} needs {1}")]
pub struct Denied(pub Action, pub &'static str);

/// The permissions table of SPEC §1, in one place.
pub fn authorize(access: &Access, action: Action) -> Result<(), Denied> {
    use Action::*;
    use Role::*;
    // SUP-03: support reads (the Organization, its members, its billing); no payment, payout,
    // withdrawal, order, role or team change, grant, deletion or settings — ever.
    if access.support && !matches!(action, ViewOrg | ViewMembers | Billing) {
        return Err(Denied(action, "perm.support_read_only"));
    }
    let allowed = match action {
        ViewOrg | ManageSites => true,
        EditLegalFields | GrantLegalRep | DeleteOrg => access.role == LegalRep,
        EditOrgSettings | ViewMembers | ManageMembers | ManageTeams | OrderProducts | Withdraw
        | GrantSupportAccess | ViewActivity => access.role.is_manager(),
        Billing | Pay | ManageBilling => {
            access.role.is_manager() || (access.role == Collaborator && access.accounting)
        }
    };
    if allowed {
        Ok(())
    } else {
        let need = match action {
            EditLegalFields | GrantLegalRep | DeleteOrg => "perm.need_lr",
            Billing | Pay | ManageBilling => "perm.need_accounting",
            _ => "perm.need_admin",
        };
        Err(Denied(action, need))
    }
}

/// USR-02: may `actor` set `target`'s role from `current` to `new`? `legal_reps` is how many LRs the
/// Organization has now. Returns the message key of the refusal.
pub fn check_role_change(
    actor: &Access,
    current: Role,
    new: Role,
    legal_reps: i64,
) -> Result<(), &'static str> {
    authorize(actor, Action::ManageMembers).map_err(|d| d.1)?;
    if (new == Role::LegalRep || current == Role::LegalRep) && current != new {
        authorize(actor, Action::GrantLegalRep).map_err(|d| d.1)?;
    }
    if current == Role::LegalRep && new != Role::LegalRep && legal_reps <= 1 {
        return Err("members.last_lr");
    }
    Ok(())
}

/// ORG-06 / USR-02: may a member with `role` leave or be removed, given the LR count?
pub fn check_departure(role: Role, legal_reps: i64) -> Result<(), &'static str> {
    if role == Role::LegalRep && legal_reps <= 1 {
        Err("members.last_lr")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(role: Role, accounting: bool) -> Access {
        Access::new(role, accounting)
    }

    #[test]
    fn the_permissions_table_of_the_spec() {
        use Action::*;
        // (action, LR, Admin, Collab+accounting, Collab, External)
        let table = [
            (OrderProducts, true, true, false, false, false),
            (ManageMembers, true, true, false, false, false),
            (ManageTeams, true, true, false, false, false),
            (Billing, true, true, true, false, false),
            (Withdraw, true, true, false, false, false),
            (GrantSupportAccess, true, true, false, false, false),
            (EditLegalFields, true, false, false, false, false),
            (GrantLegalRep, true, false, false, false, false),
            (DeleteOrg, true, false, false, false, false),
            (ViewOrg, true, true, true, true, true),
            (Pay, true, true, true, false, false),
            (ViewActivity, true, true, false, false, false),
            (ManageSites, true, true, true, true, true),
            (ManageBilling, true, true, true, false, false),
        ];
        for (action, lr, admin, acc, collab, ext) in table {
            let got = [
                authorize(&a(Role::LegalRep, false), action).is_ok(),
                authorize(&a(Role::Admin, false), action).is_ok(),
                authorize(&a(Role::Collaborator, true), action).is_ok(),
                authorize(&a(Role::Collaborator, false), action).is_ok(),
                authorize(&a(Role::External, true), action).is_ok(),
            ];
            assert_eq!(got, [lr, admin, acc, collab, ext], "{action:?}");
        }
    }

    #[test]
    fn sup03_support_reads_and_never_moves_money_or_changes_roles() {
        use Action::*;
        let whole = Access::support(true);
        let products = Access::support(false);
        for action in [ViewOrg, ViewMembers, Billing] {
            assert!(authorize(&whole, action).is_ok(), "{action:?}");
        }
        for action in Action::ALL {
            if !matches!(action, ViewOrg | ViewMembers | Billing) {
                assert_eq!(
                    authorize(&whole, action),
                    Err(Denied(action, "perm.support_read_only")),
                    "{action:?}"
                );
            }
        }
        // Only the granted products: no members, no billing.
        assert!(authorize(&products, ViewOrg).is_ok());
        assert!(authorize(&products, ViewMembers).is_err());
        assert!(authorize(&products, Billing).is_err());
        // A role change is refused whatever the roles involved.
        assert_eq!(
            check_role_change(&whole, Role::Collaborator, Role::Admin, 2),
            Err("perm.support_read_only")
        );
    }

    #[test]
    fn usr02_only_an_lr_grants_lr_and_the_last_lr_stays() {
        let lr = a(Role::LegalRep, false);
        let admin = a(Role::Admin, false);
        assert_eq!(
            check_role_change(&admin, Role::Collaborator, Role::LegalRep, 1),
            Err("perm.need_lr")
        );
        assert_eq!(
            check_role_change(&admin, Role::LegalRep, Role::Admin, 2),
            Err("perm.need_lr")
        );
        assert!(check_role_change(&admin, Role::Collaborator, Role::Admin, 1).is_ok());
        assert!(check_role_change(&lr, Role::Admin, Role::LegalRep, 1).is_ok());
        assert_eq!(
            check_role_change(&lr, Role::LegalRep, Role::Admin, 1),
            Err("members.last_lr")
        );
        assert!(check_role_change(&lr, Role::LegalRep, Role::Admin, 2).is_ok());
        let collab = a(Role::Collaborator, true);
        assert_eq!(
            check_role_change(&collab, Role::External, Role::Collaborator, 1),
            Err("perm.need_admin")
        );
        assert_eq!(check_departure(Role::LegalRep, 1), Err("members.last_lr"));
        assert!(check_departure(Role::LegalRep, 2).is_ok());
        assert!(check_departure(Role::External, 1).is_ok());
    }
}
