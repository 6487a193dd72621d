//! The categories of the help centre, in display order, with their labels in each language.

/// A category of guides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// The slug used in front matter and URLs.
    pub slug: &'static str,
    labels: [&'static str; 3],
}

impl Category {
    /// The label in `lang` (`fr`, `en`, `de`); French for an unknown language.
    pub fn label(&self, lang: &str) -> &'static str {
        match lang {
            "en" => self.labels[1],
            "de" => self.labels[2],
            _ => self.labels[0],
        }
    }
}

/// Every category, in the order the help home shows them.
pub const CATEGORIES: &[Category] = &[
    Category {
        slug: "account",
        labels: [
            "Compte et Organisations",
            "Account and Organizations",
            "Konto und Organisationen",
        ],
    },
    Category {
        slug: "security",
        labels: [
            "Connexion et sécurité",
            "Sign-in and security",
            "Anmeldung und Sicherheit",
        ],
    },
    Category {
        slug: "users",
        labels: [
            "Utilisateurs et équipes",
            "Users and teams",
            "Benutzer und Teams",
        ],
    },
    Category {
        slug: "products",
        labels: [
            "Produits et renouvellements",
            "Products and renewals",
            "Produkte und Verlängerungen",
        ],
    },
    Category {
        slug: "billing",
        labels: [
            "Facturation et paiements",
            "Billing and payments",
            "Rechnungen und Zahlungen",
        ],
    },
    Category {
        slug: "support",
        labels: ["Assistance", "Support", "Support"],
    },
    Category {
        slug: "sites",
        labels: [
            "Sites et bases de données",
            "Sites and databases",
            "Websites und Datenbanken",
        ],
    },
    Category {
        slug: "browser",
        labels: ["Navigateur", "Browser", "Browser"],
    },
];

/// The category with this slug, if any.
pub fn category(slug: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_language() {
        let billing = category("billing").expect("billing exists");
        assert_eq!(billing.label("fr"), "Facturation et paiements");
        assert_eq!(billing.label("en"), "Billing and payments");
        assert_eq!(billing.label("de"), "Rechnungen und Zahlungen");
        assert!(category("nope").is_none());
    }
}
