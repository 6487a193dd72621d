//! Support requests (issue #16), the rules without I/O: who sees a request, what a message is,
//! which attachments are kept, how a mailed reply loses its quoted history, and the text form of
//! the signed reply token (its signature is computed in `app`, which holds the secret).

use crate::Role;

/// Who wrote a message of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// A person of the Organization.
    Customer,
    /// An operator of the provider, shown to the customer.
    Operator,
    /// An operator's internal note: never shown to the customer, never mailed to them.
    Note,
}

impl MessageKind {
    pub const ALL: [MessageKind; 3] = [Self::Customer, Self::Operator, Self::Note];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Operator => "operator",
            Self::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Does the customer see it?
    pub fn is_public(self) -> bool {
        self != Self::Note
    }
}

/// SUP (issue #16): LR and Administrators see every request of their Organization; collaborators
/// and externals those about a product they hold the ticket right on (TEAM-01), and those they
/// opened themselves.
pub fn may_see(role: Role, opened_it: bool, ticket_right_on_product: bool) -> bool {
    role.is_manager() || opened_it || ticket_right_on_product
}

/// The limits an attachment is kept within (⚙).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentLimits {
    /// Largest file, in bytes.
    pub max_bytes: usize,
    /// Most files on one message.
    pub max_files: usize,
    /// Content types accepted (`image/png`…); anything else is refused.
    pub types: Vec<String>,
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        AttachmentLimits {
            max_bytes: 5 * 1024 * 1024,
            max_files: 5,
            types: [
                "image/png",
                "image/jpeg",
                "image/gif",
                "application/pdf",
                "text/plain",
                "text/csv",
                "application/zip",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// Why an attachment is refused (a catalogue key).
pub fn check_attachment(
    limits: &AttachmentLimits,
    content_type: &str,
    size: usize,
) -> Result<(), &'static str> {
    let kind = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if size == 0 {
        return Err("ticket.attachment_empty");
    }
    if size > limits.max_bytes {
        return Err("ticket.attachment_too_big");
    }
    if !limits.types.iter().any(|t| t.eq_ignore_ascii_case(&kind)) {
        return Err("ticket.attachment_type");
    }
    Ok(())
}

/// A file name safe to send back in `Content-Disposition` and to show: no path, no control or
/// quote characters, at most 100 characters; empty becomes `attachment`.
pub fn safe_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | '\\'))
        .take(100)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "attachment".into()
    } else {
        clean
    }
}

/// The reply of a mailed message without its quoted history: everything from the first line
/// that introduces a quotation (`On … wrote:`, `Le … a écrit :`, `Am … schrieb …:`, an
/// `-----Original Message-----` line, one of `markers` — the line our notifications put above
/// the history) is dropped, and so are the remaining `>` lines. Trailing blank lines go too.
pub fn strip_quoted(text: &str, markers: &[&str]) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        let lower = l.to_lowercase();
        let intro = (lower.starts_with("on ") && lower.ends_with("wrote:"))
            || (lower.starts_with("le ")
                && (lower.ends_with("a écrit :") || lower.ends_with("a écrit:")))
            || (lower.starts_with("am ") && lower.contains("schrieb") && lower.ends_with(':'))
            || lower.starts_with("-----original message-----")
            || lower.starts_with("-----ursprüngliche nachricht-----")
            || lower.starts_with("-----message d'origine-----")
            || markers.iter().any(|m| !m.is_empty() && l.contains(m));
        if intro {
            break;
        }
        if l.starts_with('>') {
            continue;
        }
        kept.push(line.trim_end());
    }
    while kept.last().is_some_and(|l| l.trim().is_empty()) {
        kept.pop();
    }
    while kept.first().is_some_and(|l| l.trim().is_empty()) {
        kept.remove(0);
    }
    kept.join("\n")
}

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// RFC 4648 base32 in lower case, without padding: what a reply token is written in (an address's
/// local part may be folded to lower case on its way).
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buf = (buf << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buf >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buf << (5 - bits)) & 31) as usize]));
    }
    out
}

/// The bytes of a [`base32`] text (either case); `None` when it is not one.
pub fn unbase32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for ch in text.bytes() {
        let v = ALPHABET
            .iter()
            .position(|&a| a == ch.to_ascii_lowercase())?;
        buf = (buf << 5) | u32::try_from(v).ok()?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buf >> bits) & 0xff).ok()?);
        }
        buf &= (1 << bits) - 1;
    }
    Some(out)
}

/// The middle value of `values` (`None` for none); the lower one of the two middle values for an
/// even count, so a figure is always one that was measured.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_sees_a_request() {
        assert!(may_see(Role::LegalRep, false, false));
        assert!(may_see(Role::Admin, false, false));
        assert!(!may_see(Role::Collaborator, false, false));
        assert!(may_see(Role::Collaborator, false, true));
        assert!(may_see(Role::External, true, false));
        assert!(!may_see(Role::External, false, false));
    }

    #[test]
    fn attachments_within_the_limits_only() {
        let l = AttachmentLimits::default();
        assert_eq!(check_attachment(&l, "image/PNG", 10), Ok(()));
        assert_eq!(
            check_attachment(&l, "text/plain; charset=utf-8", 10),
            Ok(())
        );
        assert_eq!(
            check_attachment(&l, "text/html", 10),
            Err("ticket.attachment_type")
        );
        assert_eq!(
            check_attachment(&l, "image/png", 0),
            Err("ticket.attachment_empty")
        );
        assert_eq!(
            check_attachment(&l, "image/png", l.max_bytes + 1),
            Err("ticket.attachment_too_big")
        );
        assert_eq!(safe_filename("../../etc/pa\"ss\nwd"), "passwd");
        assert_eq!(safe_filename("C:\\x\\..\\"), "attachment");
        assert_eq!(safe_filename(".htaccess"), "htaccess");
    }

    #[test]
    fn quoted_history_is_stripped() {
        let mail = "Thanks, it works now.\n\nAnne\n\nOn Mon, 7 Dec 2026 at 10:00, Support wrote:\n> Try again\n> please";
        assert_eq!(strip_quoted(mail, &[]), "Thanks, it works now.\n\nAnne");
        let fr = "Merci !\nLe lun. 7 déc. 2026 à 10:00, Support a écrit :\n> Essayez";
        assert_eq!(strip_quoted(fr, &[]), "Merci !");
        let de = "Danke\n\nAm 07.12.2026 um 10:00 schrieb Support <s@x.ch>:\n> Bitte";
        assert_eq!(strip_quoted(de, &[]), "Danke");
        let marked = "Yes\n## reply above ##\nOld text";
        assert_eq!(strip_quoted(marked, &["## reply above ##"]), "Yes");
        assert_eq!(strip_quoted("> only a quote\nmine", &[]), "mine");
    }

    #[test]
    fn base32_reads_back_and_refuses_other_text() {
        for bytes in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            &[0xff; 30],
        ] {
            let t = base32(bytes);
            assert!(
                t.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            );
            assert_eq!(unbase32(&t).as_deref(), Some(bytes), "{t}");
            assert_eq!(unbase32(&t.to_uppercase()).as_deref(), Some(bytes));
        }
        assert_eq!(base32(b"foobar"), "mzxw6ytboi");
        assert_eq!(unbase32("ab!c"), None);
        assert_eq!(unbase32("a1"), None);
    }

    #[test]
    fn the_median_is_a_measured_value() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
    }
}
