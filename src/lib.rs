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
#[cfg(target_arch = "wasm32")]
mod js;

// The core is compiled in two crates so that each gets its own opt-level (DESIGN.md, "Size"):
// `arrears-hot` (crates/hot, opt-level 3) holds JSON, errors, money, dates, terms and the
// ledger; `arrears-cold` (crates/cold, opt-level "z") the policy, charges, plans and strategy.
// Both compile the files below; this crate re-exports their modules. Its own tests and docs
// compile the same files here, as one crate, so unit tests and doc examples are unchanged.
#[cfg(not(any(test, doctest, doc)))]
pub use arrears_cold::{charges, plans, policy, strategy};
#[cfg(not(any(test, doctest, doc)))]
pub use arrears_hot::{dates, error, json, ledger, limits, money, path, terms};

#[cfg(any(test, doctest, doc))]
pub mod charges;
#[cfg(any(test, doctest, doc))]
pub mod dates;
#[cfg(any(test, doctest, doc))]
pub mod error;
#[cfg(any(test, doctest, doc))]
pub mod json;
#[cfg(any(test, doctest, doc))]
pub mod ledger;
#[cfg(any(test, doctest, doc))]
pub mod limits;
#[cfg(any(test, doctest, doc))]
pub mod money;
#[cfg(any(test, doctest, doc))]
mod order;
#[cfg(any(test, doctest, doc))]
pub mod plans;
#[cfg(any(test, doctest, doc))]
pub mod policy;
#[cfg(any(test, doctest, doc))]
mod prose;
#[cfg(any(test, doctest, doc))]
pub mod strategy;
#[cfg(any(test, doctest, doc))]
pub mod terms;

pub use error::{Error, ErrorCode, Result};
