//! Standard Webhooks signatures (<https://www.standardwebhooks.com/>): `webhook-signature` is
//! `v1,` and the base64 of HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`, keyed with
//! the bytes of the secret after its `whsec_` prefix, base64-decoded.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

const PREFIX: &str = "whsec_";

/// A new signing secret: `whsec_` and the base64 of 32 random bytes.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// The `webhook-signature` header's value for one message; an error if the secret is not
/// `whsec_` and base64.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, String> {
    let key = secret
        .strip_prefix(PREFIX)
        .and_then(|b64| STANDARD.decode(b64).ok())
        .filter(|k| !k.is_empty())
        .ok_or_else(|| "the signing secret is not whsec_ and base64".to_owned())?;
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&key).map_err(|e| format!("signing secret: {e}"))?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test vector published with the specification (and in its reference libraries' tests).
    #[test]
    fn the_specifications_test_vector() {
        let sig = signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        )
        .unwrap();
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn another_body_id_or_time_is_another_signature() {
        let s = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let base = signature(s, "msg_1", 1, "{}").unwrap();
        assert_ne!(base, signature(s, "msg_2", 1, "{}").unwrap());
        assert_ne!(base, signature(s, "msg_1", 2, "{}").unwrap());
        assert_ne!(base, signature(s, "msg_1", 1, "{ }").unwrap());
    }

    #[test]
    fn a_new_secret_is_whsec_and_32_bytes_and_signs() {
        let s = new_secret();
        let bytes = STANDARD.decode(s.strip_prefix("whsec_").unwrap()).unwrap();
        assert_eq!(bytes.len(), 32);
        assert_ne!(s, new_secret());
        assert!(signature(&s, "msg_1", 1, "{}").is_ok());
        assert!(signature("not-a-secret", "msg_1", 1, "{}").is_err());
    }
}
