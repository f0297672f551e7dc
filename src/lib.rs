//! # arrears
//!
//! A collections engine for accounts receivable: due dates from payment terms, business-day
//! calendars and day counts, aging, payment behaviour and collection KPIs. The core is pure
//! Rust (no clock, no I/O: every "today" is an input); `src/js` is the only place that
//! knows about JavaScript.
//!
//! Every entry point exists twice: as a typed Rust function in its module, and as a JSON
//! function in [`api`] that the npm package calls.
//!
//! ```
//! let date = arrears::dates::parse_date("2024-01-31")?;
//! assert_eq!(date.to_string(), "2024-01-31");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

// The derives of `json` name the crate `::arrears`, here as in its tests and examples.
extern crate self as arrears;

pub mod api;
pub mod charges;
pub mod dates;
pub mod error;
#[cfg(target_arch = "wasm32")]
mod js;
pub mod json;
pub mod ledger;
pub mod limits;
pub mod money;
mod order;
pub mod plans;
pub mod policy;
mod prose;
pub mod strategy;
pub mod terms;

pub use error::{Error, ErrorCode, Result};
