//! Invariants of allocation and aging, over random books (proptest).
//!
//! - allocation creates and loses nothing: per payment and credit, applied + unapplied is its
//!   amount; per invoice, open + paid + credited is its amount; nothing is negative
//! - no invoice is over-applied, and money moves only within one customer and currency
//! - per currency, the buckets sum to the open total, which is invoices − applied payments −
//!   applied credits

use arrears::ledger::{
    aging, allocate, Accounts, AgingOptions, Allocation, ApplicationRequest, Basis, Book, Buckets,
    Invoice, InvoiceRef, Part, Receipt, ReceiptKind,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

const CURRENCIES: [&str; 2] = ["EUR", "JPY"];

fn date(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset)))
        .unwrap_or(NaiveDate::MIN)
}

/// (customer, currency, issue offset, term days, amount, disputed)
type InvoiceSpec = (u8, usize, u64, u64, i64, bool);
/// (customer, currency, date offset, amount, explicit invoice index)
type ReceiptSpec = (u8, usize, u64, i64, Option<usize>);

fn book(invoices: &[InvoiceSpec], payments: &[ReceiptSpec], credits: &[ReceiptSpec]) -> Book {
    let mut accounts = Accounts::default();
    let mut account = |customer: u8, currency: usize| {
        let code = CURRENCIES[currency % 2]
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        accounts
            .intern(&format!("c{customer}"), code)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let invoice_records: Vec<Invoice> = invoices
        .iter()
        .enumerate()
        .map(|(i, &(c, cur, issue, terms, amount, disputed))| Invoice {
            id: format!("I{i}"),
            account: account(c, cur),
            issue_date: date(issue),
            due_date: date(issue + terms),
            amount,
            disputed,
        })
        .collect();
    let mut receipts = |list: &[ReceiptSpec], prefix: &str| -> Vec<Receipt> {
        list.iter()
            .enumerate()
            .map(|(i, &(c, cur, day, amount, _))| Receipt {
                id: format!("{prefix}{i}"),
                account: account(c, cur),
                date: date(day),
                amount,
            })
            .collect()
    };
    let payment_records = receipts(payments, "P");
    let credit_records = receipts(credits, "C");
    // Explicit applications only where valid: same account, and within what is left.
    let mut left: Vec<i64> = invoice_records.iter().map(|i| i.amount).collect();
    let ids: Vec<String> = invoice_records.iter().map(|i| i.id.clone()).collect();
    let mut requests = Vec::new();
    for (kind, specs, records) in [
        (ReceiptKind::Payment, payments, &payment_records),
        (ReceiptKind::Credit, credits, &credit_records),
    ] {
        for (r, (spec, receipt)) in specs.iter().zip(records.iter()).enumerate() {
            let Some(target) = spec
                .4
                .and_then(|t| invoice_records.len().checked_sub(1).map(|n| t % (n + 1)))
            else {
                continue;
            };
            let amount = match kind {
                ReceiptKind::Payment => receipt.amount.min(left[target]) / 2,
                ReceiptKind::Credit => receipt.amount,
            };
            if invoice_records[target].account != receipt.account
                || amount <= 0
                || amount > left[target]
            {
                continue;
            }
            left[target] -= amount;
            requests.push(ApplicationRequest {
                kind,
                receipt: r,
                position: (kind == ReceiptKind::Payment).then_some(0),
                invoice: InvoiceRef::Id(&ids[target]),
                amount,
            });
        }
    }
    Book::new(
        accounts,
        invoice_records,
        payment_records,
        credit_records,
        &requests,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn invoice_spec() -> impl Strategy<Value = InvoiceSpec> {
    (
        0u8..3,
        0usize..2,
        0u64..200,
        0u64..90,
        1i64..1_000_000,
        any::<bool>(),
    )
}

fn receipt_spec() -> impl Strategy<Value = ReceiptSpec> {
    (
        0u8..3,
        0usize..2,
        0u64..250,
        1i64..1_500_000,
        proptest::option::of(0usize..40),
    )
}

fn method() -> impl Strategy<Value = Allocation> {
    prop_oneof![
        Just(Allocation::OldestFirst),
        Just(Allocation::ProRata),
        Just(Allocation::None)
    ]
}

fn minor(amount: &arrears::money::Money, currency: &str) -> i128 {
    let places = if currency == "JPY" { 0 } else { 2 };
    assert_eq!(amount.places(), places, "{amount} in {currency}");
    assert_eq!(
        amount.currency().map(|c| c.to_string()).as_deref(),
        Some(currency)
    );
    amount.minor()
}

proptest! {

    #[test]
    fn allocation_creates_and_loses_nothing(
        invoices in proptest::collection::vec(invoice_spec(), 0..40),
        payments in proptest::collection::vec(receipt_spec(), 0..20),
        credits in proptest::collection::vec(receipt_spec(), 0..8),
        as_of in 0u64..260,
        method in method(),
    ) {
        let book = book(&invoices, &payments, &credits);
        let as_of = date(as_of);
        let state = allocate(&book, as_of, method, true).unwrap_or_else(|e| panic!("{e}"));
        for (i, invoice) in book.invoices.iter().enumerate() {
            let counted = if invoice.issue_date <= as_of { invoice.amount } else { 0 };
            prop_assert!(state.open[i] >= 0 && state.paid[i] >= 0 && state.credited[i] >= 0);
            prop_assert_eq!(state.open[i] + state.paid[i] + state.credited[i], counted);
        }
        for (kind, receipts, left) in [
            (ReceiptKind::Payment, &book.payments, &state.unapplied_payments),
            (ReceiptKind::Credit, &book.credits, &state.unapplied_credits),
        ] {
            for (r, receipt) in receipts.iter().enumerate() {
                let applied: i64 = state.sources.iter()
                    .filter(|s| s.kind == kind && s.receipt as usize == r)
                    .map(|s| s.amount).sum();
                let counted = if receipt.date <= as_of { receipt.amount } else { 0 };
                prop_assert!(left[r] >= 0);
                prop_assert_eq!(applied + left[r], counted);
            }
        }
        for s in &state.sources {
            let receipt = match s.kind {
                ReceiptKind::Payment => &book.payments[s.receipt as usize],
                ReceiptKind::Credit => &book.credits[s.receipt as usize],
            };
            prop_assert_eq!(book.invoices[s.invoice as usize].account, receipt.account);
            prop_assert!(s.amount > 0);
        }
        if method == Allocation::OldestFirst {
            // Nothing left both open and unapplied in one account.
            for (a, _) in book.accounts.iter().enumerate() {
                let open: i64 = book.invoices.iter().enumerate()
                    .filter(|(_, v)| v.account as usize == a).map(|(i, _)| state.open[i]).sum();
                let cash: i64 = book.payments.iter().enumerate()
                    .filter(|(_, v)| v.account as usize == a).map(|(i, _)| state.unapplied_payments[i]).sum();
                prop_assert!(open == 0 || cash == 0);
            }
        }
    }

    #[test]
    fn buckets_sum_to_the_open_total(
        invoices in proptest::collection::vec(invoice_spec(), 0..40),
        payments in proptest::collection::vec(receipt_spec(), 0..20),
        credits in proptest::collection::vec(receipt_spec(), 0..8),
        as_of in 0u64..260,
        method in method(),
        issue_basis in any::<bool>(),
    ) {
        let book = book(&invoices, &payments, &credits);
        let basis = if issue_basis { Basis::IssueDate } else { Basis::DueDate };
        let options = AgingOptions {
            as_of: date(as_of),
            buckets: Buckets::new(None, basis).unwrap_or_else(|e| panic!("{e}")),
            allocation: method,
            include: vec![Part::Currencies, Part::Invoices],
        };
        let report = aging(&book, &options).unwrap_or_else(|e| panic!("{e}"));
        for summary in report.currencies.iter().flatten() {
            let code = summary.currency.code();
            let buckets: i128 = summary.buckets.iter().map(|b| minor(&b.amount, code)).sum();
            let total = minor(&summary.total, code);
            prop_assert_eq!(buckets, total);
            let rows = report.invoices.iter().flatten().filter(|r| r.currency == summary.currency);
            let expected: i128 = rows
                .map(|r| minor(&r.amount, code) - minor(&r.paid, code) - minor(&r.credited, code))
                .sum();
            prop_assert_eq!(total, expected);
        }
    }
}
