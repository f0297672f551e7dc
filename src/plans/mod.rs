//! Payment plans, promises to pay and settlement offers: what the negotiation step of the
//! collection process agrees, and whether it is kept.

pub mod agreement;
pub mod promises;
pub mod schedule;
pub mod settlement;
pub mod status;

pub use schedule::{payment_plan, Frequency, Installment, Method, PaymentPlan};
