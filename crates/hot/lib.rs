//! The part of arrears compiled for speed (opt-level 3; the shipped wasm's whole-program pass
//! at 2 with less inlining, scripts/build.sh): JSON in and out, errors, money, dates, terms
//! and the ledger, which every entry point and the portfolio's hot loops go through. The modules are the files of arrears' `src/`; `arrears` re-exports them. See
//! DESIGN.md, "Size".

// No decimal operators: `money::Checked` instead (clippy.toml).
#![warn(clippy::arithmetic_side_effects)]

// The derives of `json` name the crate `::arrears`.
extern crate self as arrears;

#[path = "../../src/dates/mod.rs"]
pub mod dates;
#[path = "../../src/error.rs"]
pub mod error;
#[path = "../../src/json/mod.rs"]
pub mod json;
#[path = "../../src/ledger/mod.rs"]
pub mod ledger;
#[path = "../../src/limits.rs"]
pub mod limits;
#[path = "../../src/money/mod.rs"]
pub mod money;
#[doc(hidden)]
#[path = "../../src/order.rs"]
pub mod order;
#[path = "../../src/terms/mod.rs"]
pub mod terms;

pub use error::{Error, ErrorCode, Result};
