//! The part of arrears compiled for size (opt-level "z"): the policy document, charges,
//! plans and the collection strategy, which run once per call over one account or a few
//! records. The modules are the files of arrears' `src/`; `arrears` re-exports them. See
//! DESIGN.md, "Size".

// No decimal operators: `money::Checked` instead (clippy.toml).
#![warn(clippy::arithmetic_side_effects)]

// The derives of `json` name the crate `::arrears`: here the part with `json`.
extern crate arrears_hot as arrears;

// What the modules reach as `crate::...`.
pub use arrears_hot::{dates, error, json, ledger, limits, money, order, path, terms};
pub use arrears_hot::{Error, ErrorCode, Result};

#[path = "../../src/charges/mod.rs"]
pub mod charges;
#[path = "../../src/plans/mod.rs"]
pub mod plans;
#[path = "../../src/policy/mod.rs"]
pub mod policy;
#[doc(hidden)]
#[path = "../../src/prose.rs"]
pub mod prose;
#[path = "../../src/strategy/mod.rs"]
pub mod strategy;
