//! The password policy: at least 10 characters, at most 1024 (argon2 hashes the whole of it; no
//! truncation), and not one of the common passwords of zxcvbn's frequency lists.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password.too_short",
            PasswordProblem::TooLong => "password.too_long",
            PasswordProblem::Common => "password.common",
        }
    }
}

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 1024;

pub fn check(password: &str, user_inputs: &[&str]) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if n > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    // zxcvbn only looks at the first 100 characters; longer passwords are not "common".
    if n <= 100 {
        let entropy = zxcvbn::zxcvbn(password, user_inputs);
        let whole_word = entropy.sequence().iter().any(|m| {
            m.i == 0
                && m.j + 1 == n
                && matches!(
                    m.pattern,
                    zxcvbn::matching::patterns::MatchPattern::Dictionary(_)
                )
        });
        if whole_word || u8::from(entropy.score()) == 0 {
            return Err(PasswordProblem::Common);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_short_common_and_accepts_long_ones() {
        assert_eq!(check("short", &[]), Err(PasswordProblem::TooShort));
        assert_eq!(check("password123", &[]), Err(PasswordProblem::Common));
        assert_eq!(check("1234567890", &[]), Err(PasswordProblem::Common));
        assert_eq!(check("qwertyuiop", &[]), Err(PasswordProblem::Common));
        assert!(check("lac-Léman-2026-vélo", &[]).is_ok());
        let long = "a-very-long-but-perfectly-fine-passphrase-".repeat(2);
        assert!(check(&long, &[]).is_ok(), "64+ characters are accepted");
        assert_eq!(check(&"x".repeat(2000), &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn the_persons_own_email_is_not_a_password() {
        assert_eq!(
            check("alice.favre@example.ch", &["alice.favre@example.ch"]),
            Err(PasswordProblem::Common)
        );
    }
}
