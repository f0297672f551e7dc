//! JSON entry points for the ledger: aging, payment behaviour and collection metrics.

use crate::error::Result;

/// `aging({ asOf, invoices, payments?, credits?, buckets?, basis?, allocation?, include? })`.
pub fn aging(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `paymentBehaviour({ asOf, invoices, payments, credits })`.
pub fn payment_behaviour(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `metrics({ asOf, periodDays, invoices, payments, credits })`.
pub fn metrics(json: &str) -> Result<String> {
    todo!("{json}")
}
