//! The ledger: invoices, payments and credits, allocation, aging, payment behaviour, KPIs.
//!
//! Front ends (the JSON entry points in [`crate::api`], a batch reader) turn their rows into
//! the plain records of [`records`] and build a checked [`Book`]; everything else works on it.

pub mod aging;
pub mod allocation;
pub mod batch;
pub mod behaviour;
mod ids;
pub mod metrics;
pub mod records;
pub mod requests;

pub use aging::{
    aging, AgingOptions, AgingReport, AppliedAmount, Basis, BucketTotal, Buckets, CurrencySummary,
    CustomerAging, InvoiceAging, Part, DEFAULT_BUCKET_BOUNDS,
};
pub use allocation::{allocate, Allocated, Allocation, Ignored, Source};
pub use behaviour::{payment_behaviour, BehaviourReport, CustomerBehaviour};
pub use metrics::{metrics, CurrencyMetrics, MetricsReport, MAX_PERIOD_DAYS};
pub use records::{
    text_to_minor_units, to_minor_units, Account, Accounts, Application, ApplicationRequest, Book,
    Invoice, InvoiceRef, Receipt, ReceiptKind, MAX_AMOUNT_MINOR_UNITS,
};
