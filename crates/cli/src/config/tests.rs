//! How the configuration is read: defaults, file, environment and flags, and what is refused.

use super::*;

#[test]
fn flags_win_over_the_file_which_wins_over_defaults() {
    let file: FileConfig = toml::from_str(
        "addr = \"0.0.0.0:9000\"\ninvitation_days = 7\ndatabase_url = \"sqlite://x.db\"",
    )
    .unwrap();
    let args = ConfigArgs {
        database_url: Some("postgres://u@h/db".into()),
        ..Default::default()
    };
    let c = Config::resolve(args, file).unwrap();
    assert_eq!(c.database_url, "postgres://u@h/db");
    assert_eq!(c.addr, "0.0.0.0:9000");
    assert_eq!(c.invitation_days, 7);
    assert_eq!(c.public_url, "http://0.0.0.0:9000");
    let d = Config::default();
    let resolved = Config::resolve(ConfigArgs::default(), FileConfig::default()).unwrap();
    assert_eq!(
        format!("{resolved:?}"),
        format!("{d:?}"),
        "resolving nothing gives the defaults, which are valid"
    );
    assert_eq!(
        (d.database_url.as_str(), d.addr.as_str()),
        ("sqlite://guichet.db", "127.0.0.1:8080")
    );
    assert_eq!(d.mail_dir, PathBuf::from("./mail"));
    // SUP-03 ⚙: the support access durations.
    let file: FileConfig = toml::from_str("support_grant_hours = \"2, 48\"").unwrap();
    let c = Config::resolve(ConfigArgs::default(), file).unwrap();
    assert_eq!(c.app_config().support_grant_hours, [2, 48]);
    let file: FileConfig =
        toml::from_str("reminder_days = \"2, 15, 30\"\nreminder_grace_days = 5").unwrap();
    let c = Config::resolve(ConfigArgs::default(), file).unwrap();
    assert_eq!(c.app_config().reminder_days, [2, 15, 30]);
    assert_eq!(c.app_config().reminder_grace_banking_days, 5);
    for bad in [
        "reminder_days = \"10, 1, 20\"",
        "reminder_days = \"1,2\"",
        "reminder_grace_days = -1",
    ] {
        let file: FileConfig = toml::from_str(bad).unwrap();
        assert!(
            Config::resolve(ConfigArgs::default(), file).is_err(),
            "{bad}"
        );
    }
    let file: FileConfig = toml::from_str("support_grant_hours = \"0\"").unwrap();
    assert!(Config::resolve(ConfigArgs::default(), file).is_err());
}

#[test]
fn payouts_have_one_account_per_currency() {
    let resolve = |toml_text: &str| {
        Config::resolve(ConfigArgs::default(), toml::from_str(toml_text).unwrap())
            .map(|c| (c.creditor.payout_iban_chf, c.creditor.payout_iban_eur))
    };
    let ok = resolve(
        "payout_iban_chf = \"CH56 0483 5012 3456 7800 9\"\npayout_iban_eur = \"CH9300762011623852957\"",
    )
    .unwrap();
    assert_eq!(
        ok,
        (
            Some("CH5604835012345678009".into()),
            Some("CH9300762011623852957".into())
        )
    );
    // Before issue #15 payouts were debited from `iban`: it stays the EUR payout account until
    // `payout_iban_eur` is set, and CHF payouts have no account (set aside) until theirs is.
    assert_eq!(
        resolve("iban = \"CH9300762011623852957\"").unwrap(),
        (None, Some("CH9300762011623852957".into()))
    );
    assert_eq!(
        resolve("payout_iban_chf = \"\"").unwrap().0,
        None,
        "empty: none"
    );
    for (bad, setting) in [
        (
            "payout_iban_chf = \"CH5604835012345678000\"",
            "payout_iban_chf",
        ),
        (
            "payout_iban_eur = \"CH4431999123000889012\"",
            "payout_iban_eur",
        ),
        (
            "payout_iban_chf = \"CH9300762011623852957\"\npayout_iban_eur = \"CH9300762011623852957\"",
            "same account",
        ),
    ] {
        let e = resolve(bad).unwrap_err().to_string();
        assert!(e.contains(setting), "{bad}: {e}");
    }
}

#[test]
fn bad_values_are_refused_with_the_setting_named() {
    assert!(
        toml::from_str::<FileConfig>("adr = \"x\"").is_err(),
        "unknown keys are refused"
    );
    let e = Config::resolve(
        ConfigArgs {
            invitation_days: Some(0),
            ..Default::default()
        },
        FileConfig::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("invitation_days"));
    let e = Config::resolve(
        ConfigArgs {
            public_url: Some("ftp://x".into()),
            ..Default::default()
        },
        FileConfig::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("public_url"));
    let qr = ConfigArgs {
        qr_iban: Some("CH9300762011623852957".into()),
        ..Default::default()
    };
    let e = Config::resolve(qr, FileConfig::default()).unwrap_err();
    assert!(e.to_string().contains("qr_iban"), "{e}");
    let iban = ConfigArgs {
        iban: Some("CH93 0076 2011 6238 5295 8".into()),
        ..Default::default()
    };
    let e = Config::resolve(iban, FileConfig::default()).unwrap_err();
    assert!(e.to_string().starts_with("iban"), "{e}");
    let ok = ConfigArgs {
        iban: Some("CH93 0076 2011 6238 5295 7".into()),
        ..Default::default()
    };
    assert!(
        Config::resolve(ok, FileConfig::default()).is_ok(),
        "spaces in an IBAN are fine"
    );
}

#[test]
fn creditor_texts_are_plain_or_refused_with_the_character_named() {
    let typographic = ConfigArgs {
        creditor_name: Some("Hébergement l’Arc — Sàrl".into()),
        creditor_town: Some("«Lausanne»".into()),
        ..Default::default()
    };
    let c = Config::resolve(typographic, FileConfig::default())
        .unwrap()
        .creditor;
    assert_eq!(c.name, "Hébergement l'Arc - Sàrl");
    assert_eq!(c.town, "\"Lausanne\"");
    let emoji = ConfigArgs {
        creditor_street: Some("Rue du Port 🚢".into()),
        ..Default::default()
    };
    let e = Config::resolve(emoji, FileConfig::default()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("creditor_street: the character 🚢"),
        "{e}"
    );
    let long = ConfigArgs {
        creditor_town: Some("x".repeat(36)),
        ..Default::default()
    };
    let e = Config::resolve(long, FileConfig::default()).unwrap_err();
    assert!(e.to_string().contains("creditor_town: at most 35"), "{e}");
}

#[test]
fn trusted_proxies_are_read_and_checked() {
    let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
    let file: FileConfig = toml::from_str("trusted_proxies = \"10.0.0.0/8, fd00::/8\"").unwrap();
    let c = Config::resolve(ConfigArgs::default(), file).unwrap();
    assert!(c.trusted_proxies.contains(ip("10.2.3.4")));
    assert!(c.trusted_proxies.contains(ip("fd00::1")));
    assert!(!c.trusted_proxies.contains(ip("127.0.0.1")));
    // The old switch keeps its documented meaning: the proxy on this machine.
    let old = ConfigArgs {
        trust_proxy: Some(true),
        ..Default::default()
    };
    let c = Config::resolve(old, FileConfig::default()).unwrap();
    assert!(c.trusted_proxies.contains(ip("127.0.0.1")));
    assert!(c.trusted_proxies.contains(ip("::1")));
    assert!(!c.trusted_proxies.contains(ip("10.0.0.1")));
    assert!(
        Config::resolve(ConfigArgs::default(), FileConfig::default())
            .unwrap()
            .trusted_proxies
            .is_empty(),
        "by default no X-Forwarded-For is believed"
    );
    let bad = ConfigArgs {
        trusted_proxies: Some("10.0.0.0/8, proxy.lan".into()),
        ..Default::default()
    };
    let e = Config::resolve(bad, FileConfig::default()).unwrap_err();
    assert!(
        e.to_string().contains("trusted_proxies") && e.to_string().contains("proxy.lan"),
        "{e}"
    );
}

#[test]
fn billing_settings_are_read_and_checked() {
    let file: FileConfig = toml::from_str(
        "renewal_lead_days = 45\nauto_renew_days = 21\nmonthly_minimum = \"8.50\"\ntop_up_min = \"20\"",
    )
    .unwrap();
    let c = Config::resolve(ConfigArgs::default(), file).unwrap();
    let app = c.app_config();
    assert_eq!(
        (
            app.renewal_lead_days,
            app.auto_renew_days,
            app.monthly_minimum,
            app.top_up_min
        ),
        (45, 21, 850, 2_000)
    );
    for (args, name) in [
        (
            ConfigArgs {
                auto_renew_days: Some(5),
                ..Default::default()
            },
            "auto_renew_days",
        ),
        (
            ConfigArgs {
                renewal_lead_days: Some(0),
                ..Default::default()
            },
            "renewal_lead_days",
        ),
        (
            ConfigArgs {
                monthly_minimum: Some("cinq".into()),
                ..Default::default()
            },
            "monthly_minimum",
        ),
        (
            ConfigArgs {
                top_up_min: Some("500000".into()),
                ..Default::default()
            },
            "top_up_min",
        ),
    ] {
        let e = Config::resolve(args, FileConfig::default()).unwrap_err();
        assert!(e.to_string().contains(name), "{name}: {e}");
    }
}
