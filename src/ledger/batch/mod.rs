//! Portfolio-scale front ends: a whole ledger from CSV text ([`csv`]) or from typed columns
//! ([`columns`]), read into a checked [`Book`] without a JSON object per row.
//!
//! Both hand their rows to [`Book::new`], so duplicate ids, unknown invoices and
//! over-application are checked exactly as for `aging`; its errors are moved to the batch
//! input's own words (`paymentsCsv:12:invoiceId`).
//!
//! ```
//! let book = arrears::ledger::batch::csv::read(
//!     "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n",
//!     None,
//!     None,
//! )?;
//! assert_eq!(book.invoices[0].amount, 100_00);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod columns;
pub mod csv;

use crate::error::{Error, Result};
use crate::ledger::{Accounts, ApplicationRequest, Book, Invoice, Receipt, ReceiptKind};
use crate::money::Currency;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Rows read so far, before the cross-row checks of [`Book::new`].
#[derive(Default)]
struct Rows<'a> {
    accounts: Accounts,
    invoices: Vec<Invoice>,
    payments: Vec<Receipt>,
    credits: Vec<Receipt>,
    /// Applications named by a receipt's `invoiceId`: kind, receipt index, invoice id.
    named: Vec<(ReceiptKind, usize, Cow<'a, str>)>,
}

impl<'a> Rows<'a> {
    /// The account of `customer_id` in `currency`, looked up in `cache` first: a customer
    /// appears on many rows, and [`Accounts::intern`] hashes with SipHash and copies the id.
    ///
    /// # Errors
    /// Those of [`Accounts::intern`].
    #[allow(clippy::ptr_arg)] // the Cow tells whether the id lives as long as the input
    fn account(
        &mut self,
        cache: &mut AccountCache<'a>,
        customer_id: &Cow<'a, str>,
        currency: Currency,
    ) -> Result<u32> {
        let Cow::Borrowed(customer_id) = *customer_id else {
            return self.accounts.intern(customer_id, currency);
        };
        if let Some(&account) = cache.get(&(customer_id, currency)) {
            return Ok(account);
        }
        let account = self.accounts.intern(customer_id, currency)?;
        cache.insert((customer_id, currency), account);
        Ok(account)
    }

    /// Checks the rows across each other into a [`Book`]; `relocate` moves an error's path
    /// from `payments[3].appliesTo[0].invoiceId` to the caller's words.
    fn into_book(self, relocate: impl Fn(Error) -> Error) -> Result<Book> {
        let mut requests = Vec::with_capacity(self.named.len());
        for (kind, receipt, invoice_id) in &self.named {
            let receipts = match kind {
                ReceiptKind::Payment => &self.payments,
                ReceiptKind::Credit => &self.credits,
            };
            if let Some(r) = receipts.get(*receipt) {
                requests.push(ApplicationRequest {
                    kind: *kind,
                    receipt: *receipt,
                    position: (*kind == ReceiptKind::Payment).then_some(0),
                    invoice_id,
                    amount: r.amount,
                });
            }
        }
        Book::new(
            self.accounts,
            self.invoices,
            self.payments,
            self.credits,
            &requests,
        )
        .map_err(relocate)
    }
}

/// Accounts already interned, by customer id and currency.
type AccountCache<'a> = HashMap<(&'a str, Currency), u32, BuildHasherDefault<FxHasher>>;

/// The Fx hash of rustc (a multiply and a rotate per word): several times faster than the
/// default SipHash on short ids. It does not resist inputs built to collide, which here could
/// only slow down the caller's own call.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Splits a [`Book::new`] path such as `payments[3].appliesTo[0].amount` into the list,
/// the record index and the last field (`("payments", 3, "amount")`).
fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let field = rest.rsplit('.').next().filter(|f| !f.is_empty())?;
    Some((list, index.parse().ok()?, field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_book_paths() {
        assert_eq!(
            split_path("payments[3].appliesTo[0].invoiceId"),
            Some(("payments", 3, "invoiceId"))
        );
        assert_eq!(split_path("invoices[12].id"), Some(("invoices", 12, "id")));
        assert_eq!(split_path("invoices"), None);
    }
}
