//! Keyed pseudonyms: a stable token per value, from a key the caller
//! holds, so that the same customer number maps to the same token across
//! conversations and services without revealing the number.
//!
//! The token of a match is `[KIND:` + the first 8 bytes, in lower-case
//! hex, of HMAC-SHA-256(key, kind name || 0x00 || normalised value) + `]`,
//! for example `[PHONE:1cfe20ec3903d206]`. Any HMAC-SHA-256 implementation
//! can compute the same token (to join records with another system), and
//! the kind name keeps the tokens of different kinds apart.

use core::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::error::Error;
use crate::matches::Match;
use crate::normalize::normalize;

/// The fewest key bytes accepted: 128 bits.
pub const MIN_HASH_KEY_LEN: usize = 16;

/// Hex digits of digest in a token: 64 bits, enough that two customers
/// sharing a token is unlikely before billions of distinct values.
const TOKEN_BYTES: usize = 8;

/// The keyed hash state. Only the state derived from the key is kept (not
/// the key itself), it is wiped when dropped, and `Debug` never shows it.
#[derive(Clone)]
pub(crate) struct PseudonymKey {
    mac: Hmac<Sha256>,
}

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PseudonymKey(<secret>)")
    }
}

impl PseudonymKey {
    /// The keyed state for `key`.
    ///
    /// # Errors
    ///
    /// [`Error::HashKeyTooShort`] for fewer than [`MIN_HASH_KEY_LEN`] bytes.
    pub(crate) fn new(key: &[u8]) -> Result<PseudonymKey, Error> {
        if key.len() < MIN_HASH_KEY_LEN {
            return Err(Error::HashKeyTooShort { len: key.len(), min: MIN_HASH_KEY_LEN });
        }
        // HMAC takes keys of any length; the check above is ours.
        let mac = Hmac::<Sha256>::new_from_slice(key)
            .map_err(|_| Error::HashKeyTooShort { len: key.len(), min: MIN_HASH_KEY_LEN })?;
        Ok(PseudonymKey { mac })
    }

    /// Appends the token for match `m`, whose bytes are `span`.
    pub(crate) fn write_token(&self, m: &Match, span: &[u8], out: &mut Vec<u8>) {
        let value = normalize(m, span);
        let mut mac = self.mac.clone();
        mac.update(m.kind().name().as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        let digest = mac.finalize().into_bytes();
        out.push(b'[');
        out.extend(m.kind().name().bytes().map(|b| b.to_ascii_uppercase()));
        out.push(b':');
        for &b in &digest[..TOKEN_BYTES] {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        }
        out.push(b']');
    }
}

impl PseudonymKey {
    /// `count` decimal digits (values 0 to 9) derived from the key and the
    /// normalised value of match `m`: HMAC-SHA-256(key, `fake`, 0, kind
    /// name, 0, value, block counter), each byte below 250 giving its value
    /// modulo 10 (so every digit is equally likely), the next block when one
    /// runs out.
    pub(crate) fn digits(&self, m: &Match, span: &[u8], count: usize) -> Vec<u8> {
        let value = normalize(m, span);
        let mut out = Vec::with_capacity(count);
        let mut block: u32 = 0;
        while out.len() < count {
            let mut mac = self.mac.clone();
            mac.update(b"fake\0");
            mac.update(m.kind().name().as_bytes());
            mac.update(&[0]);
            mac.update(value.as_bytes());
            mac.update(&block.to_be_bytes());
            let digest = mac.finalize().into_bytes();
            out.extend(digest.iter().filter(|&&b| b < 250).map(|&b| b % 10).take(count - out.len()));
            block += 1;
        }
        out
    }
}

/// The longest token: the longest kind name, its brackets and colon, and
/// the hex digits.
#[cfg(test)]
pub(crate) fn max_token_len() -> usize {
    crate::kind::Kind::ALL.iter().map(|k| k.name().len()).max().unwrap_or(0) + 3 + 2 * TOKEN_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_fit_the_tag_limit() {
        // Streams size their output from MAX_TAG_LEN.
        assert!(max_token_len() <= crate::policy::MAX_TAG_LEN);
    }

    #[test]
    fn short_keys_are_refused() {
        assert_eq!(PseudonymKey::new(b"short").unwrap_err(), Error::HashKeyTooShort { len: 5, min: MIN_HASH_KEY_LEN });
        assert!(PseudonymKey::new(&[0; MIN_HASH_KEY_LEN]).is_ok());
    }

    #[test]
    fn keyed_state_is_wiped_on_drop() {
        // A compile-time check: the HMAC state derived from the key is two
        // SHA-256 cores (inner and outer), which wipe themselves when
        // dropped with the `zeroize` feature Cargo.toml enables for sha2.
        fn wiped<T: hmac::digest::zeroize::ZeroizeOnDrop>() {}
        wiped::<sha2::block_api::Sha256VarCore>();
    }

    #[test]
    fn debug_hides_the_key() {
        let key = PseudonymKey::new(b"a secret key of 32 bytes, really").unwrap();
        assert_eq!(format!("{key:?}"), "PseudonymKey(<secret>)");
    }
}
