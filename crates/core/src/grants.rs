//! Rights on a product (TEAM-01) and how they add up (TEAM-04): a person's effective rights on a
//! product are the union of their individual grant and every grant of the teams they are in.

use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
pub struct Rights {
    /// Change the product (settings, sites, databases).
    #[serde(default)]
    pub technical: bool,
    /// See its statistics.
    #[serde(default)]
    pub statistics: bool,
    /// Open and follow its support tickets.
    #[serde(default)]
    pub tickets: bool,
    /// Sales: renew, change the offer.
    #[serde(default)]
    pub sales: bool,
}

impl Rights {
    /// The catalogue keys of the rights given, separated by commas (`rights.technical,rights.sales`),
    /// as a stored text's `…_keys` parameter (`core::said`).
    pub fn keys(self) -> String {
        [
            (self.technical, "rights.technical"),
            (self.statistics, "rights.statistics"),
            (self.tickets, "rights.tickets"),
            (self.sales, "rights.sales"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, k)| *k)
        .collect::<Vec<_>>()
        .join(",")
    }

    pub const ALL: Rights = Rights {
        technical: true,
        statistics: true,
        tickets: true,
        sales: true,
    };

    pub fn union(self, other: Rights) -> Rights {
        Rights {
            technical: self.technical || other.technical,
            statistics: self.statistics || other.statistics,
            tickets: self.tickets || other.tickets,
            sales: self.sales || other.sales,
        }
    }

    pub fn any(self) -> bool {
        self.technical || self.statistics || self.tickets || self.sales
    }

    /// As stored: four 0/1 flags.
    pub fn flags(self) -> [i64; 4] {
        [
            self.technical as i64,
            self.statistics as i64,
            self.tickets as i64,
            self.sales as i64,
        ]
    }

    pub fn from_flags(f: [i64; 4]) -> Rights {
        Rights {
            technical: f[0] != 0,
            statistics: f[1] != 0,
            tickets: f[2] != 0,
            sales: f[3] != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_add_up() {
        let tech = Rights {
            technical: true,
            ..Default::default()
        };
        let stats = Rights {
            statistics: true,
            ..Default::default()
        };
        let both = tech.union(stats);
        assert!(both.technical && both.statistics && !both.tickets && !both.sales);
        assert!(!Rights::default().any());
        assert_eq!(Rights::from_flags(both.flags()), both);
        assert_eq!(Rights::default().union(Rights::ALL), Rights::ALL);
    }
}
