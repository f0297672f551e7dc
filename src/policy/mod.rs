//! The collection policy: one versioned JSON document that the engine reads. This part holds
//! what a debt costs when late — fee rules, interest, statutory compensation — and how a
//! payment is applied to what is owed.
//!
//! Conventions throughout: a field named `...Rate` is a fraction (`"0.085"` is 8.5%); a field
//! named `percent` or `...Percent...` is in percent (`"2"` is 2%). Amounts in a policy are in
//! the currency of the invoice they apply to, with at most its minor units.

mod charges;
mod defaults;
mod settlement;
mod strategy;

pub use charges::{
    Compensation, Component, Compounding, DatedRate, Every, FeeKind, FeeRule, InterestBase,
    InterestMethod, InterestPolicy, Parties, ReferenceRate, Regime, Tier,
};
pub use settlement::{Completion, PlanTerms, Role, SegmentCompletion, SettlementPolicy, Waivable};
pub use strategy::{
    Action, Agency, Anchor, CallFrequency, Channel, Compliance, Condition, ContactHours,
    CreditReporting, EventStep, Events, Fact, Ladder, Legal, QuietDays, SegmentRule, Step,
    StepCondition, Validation,
};

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};

/// The version of the policy document this engine reads.
pub const POLICY_VERSION: u32 = 1;

/// The collection policy document.
///
/// ```
/// let policy: arrears::policy::Policy = arrears::json::from_str(r#"{"version": 1, "fees": [
///   {"id": "late", "kind": "flat", "amount": "25"}]}"#)?;
/// assert_eq!(policy.fees[0].id, "late");
/// policy.check()?;
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Policy {
    /// The version of the document's format: 1 (default).
    #[json(default = "version_one")]
    pub version: u32,
    /// Who the parties are: `b2b` (default) or `b2c`; read by every rule that cares (the
    /// German statutory rate, compensation).
    #[json(default)]
    pub parties: Parties,
    /// Late fees, each rule with an id that assessed fees cite.
    #[json(default)]
    pub fees: Vec<FeeRule>,
    /// Late-payment interest.
    pub interest: Option<InterestPolicy>,
    /// Statutory fixed compensation for the costs of recovery.
    pub compensation: Option<Compensation>,
    /// The order in which a payment pays what an invoice owes (default fees, then interest,
    /// then principal: §367(1) BGB). Compensation is paid with the fees.
    #[json(default = "charges::default_waterfall")]
    pub waterfall: Vec<Component>,
    /// What may be offered a customer who cannot pay in full.
    #[json(default)]
    pub settlement: SettlementPolicy,
    /// Segments, in order: the first rule that matches names the account's segment.
    #[json(default = "defaults::segments")]
    pub segments: Vec<SegmentRule>,
    /// The ladder of each segment.
    #[json(default = "defaults::ladders")]
    pub ladders: Vec<Ladder>,
    /// The actions events call for.
    #[json(default = "defaults::events")]
    pub events: Events,
    /// When an account goes to a collection agency.
    #[json(default = "defaults::agency")]
    pub agency: Agency,
    /// When a suit is worth its cost.
    #[json(default = "defaults::legal")]
    pub legal: Legal,
    /// The compliance rules.
    #[json(default)]
    pub compliance: Compliance,
}

fn version_one() -> u32 {
    POLICY_VERSION
}

/// The default policy: no fees, no interest, no compensation, the default waterfall and
/// settlement terms.
impl Default for Policy {
    fn default() -> Policy {
        Policy {
            version: POLICY_VERSION,
            parties: Parties::default(),
            fees: Vec::new(),
            interest: None,
            compensation: None,
            waterfall: charges::default_waterfall(),
            settlement: SettlementPolicy::default(),
            segments: defaults::segments(),
            ladders: defaults::ladders(),
            events: defaults::events(),
            agency: defaults::agency(),
            legal: defaults::legal(),
            compliance: Compliance::default(),
        }
    }
}

impl Policy {
    /// Checks what decoding cannot: the version, the fee rules, the interest settings, the
    /// settlement terms and the strategy (segments, ladders, compliance).
    /// Paths are inside the policy (`fees[0].percent`); callers add `policy`.
    ///
    /// # Errors
    /// [`ErrorCode::OutOfRange`] for another version or a value out of its range,
    /// [`ErrorCode::LimitExceeded`] over the limits of [`crate::limits`], and
    /// [`ErrorCode::InvalidInput`] for fields that do not go together.
    ///
    /// ```
    /// let policy: arrears::policy::Policy = arrears::json::from_str(r#"{"version": 2}"#)?;
    /// assert_eq!(policy.check().unwrap_err().path(), "version");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn check(&self) -> Result<()> {
        if self.version != POLICY_VERSION {
            let message = format!(
                "this engine reads policy version {POLICY_VERSION}, not {}",
                self.version
            );
            return Err(Error::new(ErrorCode::OutOfRange, message).at("version"));
        }
        charges::check(self)?;
        settlement::check(&self.settlement).map_err(|e| e.in_field("settlement"))?;
        strategy::check(self)
    }
}
