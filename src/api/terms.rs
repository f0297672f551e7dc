//! JSON entry points for payment terms.

use crate::error::Result;

/// `dueDate({ issueDate, terms, calendar?, convention? })` → `{ dueDate, discounts, installments }`.
pub fn due_date(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `discountedAmount({ amount, terms, issueDate, paidOn })` → `{ amount, discount }`.
pub fn discounted_amount(json: &str) -> Result<String> {
    todo!("{json}")
}
