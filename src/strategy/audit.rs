//! The audit record of a decision, so that it can be stored and reproduced: the policy's
//! version and the SHA-256 of its canonical JSON, the SHA-256 of the canonical input
//! `{"policy":...,"account":...,"history":...,"now":...}`, `now`, the rules that fired, and
//! the package's version.
//!
//! Canonical JSON is what the engine writes back from what it read: fields in one fixed
//! order whatever order they came in, defaults filled in, no whitespace, so key order and
//! layout never change a hash.

use super::instant::Instant;
use crate::json::{Describe, Encode};

/// A decision's audit record.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Audit {
    /// The policy document's version.
    pub policy_version: u32,
    /// SHA-256 of the policy's canonical JSON, in hex.
    pub policy_hash: String,
    /// SHA-256 of the canonical JSON of the input, `now` included, in hex.
    pub input_hash: String,
    /// The instant of the decision.
    pub now: Instant,
    /// The rules that fired, in order.
    pub rules_fired: Vec<String>,
    /// The version of arrears that decided.
    pub version: String,
}

/// A digest in lower-case hex.
pub(crate) fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    /// FIPS 180-2, appendix B.1: SHA-256("abc").
    #[test]
    fn sha256_of_abc_is_the_standard_one() {
        let hash = super::hex(&Sha256::digest(b"abc"));
        assert_eq!(
            hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
