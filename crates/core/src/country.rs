//! Countries (issue #14): the ISO 3166-1 alpha-2 codes a form offers and accepts, and their names
//! in the reader's language (Fluent files `country.ftl`, from the Debian iso-codes translations),
//! in the order a reader of that language looks for them.

use crate::Lang;
use crate::i18n::t;

/// Every ISO 3166-1 alpha-2 code, in code order.
pub const CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Whether `code` (two capitals) is a country of ISO 3166-1.
pub fn is_known(code: &str) -> bool {
    CODES.binary_search(&code).is_ok()
}

/// The country's name in `lang` (the code itself for one that is not known).
pub fn name(lang: Lang, code: &str) -> String {
    if is_known(code) {
        t(lang, &format!("country.{code}")).to_string()
    } else {
        code.to_string()
    }
}

/// Every country as (code, name in `lang`), by name as the reader sorts it: accents and case
/// do not count (« Égypte » is under E, not after « Zimbabwe »).
pub fn sorted(lang: Lang) -> Vec<(&'static str, String)> {
    let mut all: Vec<(&'static str, String)> = CODES.iter().map(|c| (*c, name(lang, c))).collect();
    all.sort_by_cached_key(|(_, n)| fold(n));
    all
}

/// A name folded for sorting: lower case, the accents of Latin letters taken off.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique_so_lookups_can_bisect() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_known("CH") && is_known("LI") && !is_known("XX") && !is_known("ch"));
    }

    #[test]
    fn every_country_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for code in CODES {
                let key = format!("country.{code}");
                assert!(guichet_i18n::has(lang.code(), &key), "{key} in {lang:?}");
            }
        }
        assert_eq!(name(Lang::Fr, "CH"), "Suisse");
        assert_eq!(name(Lang::De, "CH"), "Schweiz");
        assert_eq!(name(Lang::En, "CH"), "Switzerland");
    }

    #[test]
    fn countries_are_listed_as_the_reader_sorts_them() {
        let fr: Vec<String> = sorted(Lang::Fr).into_iter().map(|(_, n)| n).collect();
        let egypt = fr.iter().position(|n| n == "Égypte").unwrap();
        let spain = fr.iter().position(|n| n == "Espagne").unwrap();
        let zimbabwe = fr.iter().position(|n| n == "Zimbabwe").unwrap();
        assert!(egypt < spain && spain < zimbabwe, "{fr:?}");
        let de = sorted(Lang::De);
        let at = de.iter().position(|(c, _)| *c == "AT").unwrap();
        let ch = de.iter().position(|(c, _)| *c == "CH").unwrap();
        assert!(at < ch, "Österreich under O, before Schweiz");
    }
}
