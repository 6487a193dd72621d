//! Random tokens, their hashes, and password hashing (argon2id, 19 MiB, t = 2, p = 1).

use crate::App;
use crate::error::{AppError, AppResult};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 32 bytes from the OS CSPRNG, hex-encoded (256 bits).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// A number of `digits` decimal digits, uniformly drawn.
pub fn random_digits(digits: u32) -> String {
    use rand::Rng;
    let n = rand::rng().random_range(0..10u64.pow(digits));
    format!("{n:0width$}", width = digits as usize)
}

/// A hash to verify against when the account does not exist, so both cases take the same time.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Rz8m0dYTq4m8E5QvHuZ7v1sX3cBfJ2kQ9oL6pN4aW0M";

impl App {
    pub async fn hash_password(&self, password: &str) -> AppResult<String> {
        let _permit = self
            .hashing
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let pw = password.to_string();
        tokio::task::spawn_blocking(move || {
            Argon2::default()
                .hash_password(pw.as_bytes())
                .map(|h| h.to_string())
                .map_err(|e| AppError::Internal(e.to_string()))
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    }

    /// Verifies `password` against `hash` (or against a dummy hash when `hash` is `None`, and fails).
    pub async fn verify_password(&self, password: &str, hash: Option<&str>) -> bool {
        let Ok(_permit) = self.hashing.acquire().await else {
            return false;
        };
        let pw = password.to_string();
        let real = hash.is_some();
        let h = hash.unwrap_or(DUMMY_HASH).to_string();
        let ok = tokio::task::spawn_blocking(move || match PasswordHash::new(&h) {
            Ok(parsed) => Argon2::default()
                .verify_password(pw.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        })
        .await
        .unwrap_or(false);
        ok && real
    }
}

/// True when a stored hash was made with weaker parameters than today's (to upgrade at login).
pub fn needs_rehash(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return true;
    };
    let p = argon2::Params::DEFAULT;
    let get = |name: &str| parsed.params.get_decimal(name);
    parsed.algorithm.as_str() != "argon2id"
        || get("m") != Some(p.m_cost())
        || get("t") != Some(p.t_cost())
        || get("p") != Some(p.p_cost())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_distinct() {
        let a = random_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_token());
        assert_eq!(sha256_hex("abc").len(), 64);
        assert_eq!(random_digits(6).len(), 6);
    }

    #[test]
    fn argon2_defaults_meet_the_owasp_minimum() {
        let p = argon2::Params::DEFAULT;
        assert!(p.m_cost() >= 19 * 1024 && p.t_cost() >= 2 && p.p_cost() == 1);
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "the dummy hash parses"
        );
        assert!(needs_rehash(
            "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Rz8m0dYTq4m8E5QvHuZ7v1sX3cBfJ2kQ9oL6pN4aW0M"
        ));
        assert!(!needs_rehash(DUMMY_HASH));
    }
}
