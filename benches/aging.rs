//! (d) The native core on the benchmark's portfolio: `aging` from JSON, `agingBatch` from CSV
//! text and from typed columns. The data comes from `node bench/generate.mjs N` (written
//! under bench/data/, as `bench/run.sh` does); sizes missing there are skipped.
//!
//!   cargo bench --bench aging            (ARREARS_BENCH_SIZES=10000,100000 for fewer)

use arrears::api::{aging, aging_batch_columns, aging_batch_csv};
use arrears::ledger::batch::columns::{Columns, InvoiceColumns, ReceiptColumns};
use arrears::ledger::{Book, ReceiptKind};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

const OPTIONS: &str = r#"{"asOf":"2026-06-30"}"#;

fn data(name: &str) -> Option<String> {
    let path = format!("{}/bench/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).ok()
}

/// The typed columns of a book, owned (what a JS caller would hand over).
struct OwnedColumns {
    customers: String,
    currencies: String,
    invoice_id: String,
    customer: Vec<u32>,
    issue: Vec<i32>,
    due: Vec<i32>,
    amount: Vec<i64>,
    currency: Vec<u8>,
    payment_id: String,
    payment_customer: Vec<u32>,
    payment_date: Vec<i32>,
    payment_amount: Vec<i64>,
    payment_currency: Vec<u8>,
    payment_invoice: Vec<i32>,
}

fn columns_of<Id: AsRef<str>>(book: &Book<Id>) -> OwnedColumns {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let day = |d: chrono::NaiveDate| (d - epoch).num_days() as i32;
    let mut customers: Vec<&str> = Vec::new();
    let mut currencies: Vec<&str> = Vec::new();
    let mut account_customer = Vec::new();
    let mut account_currency = Vec::new();
    for account in &book.accounts {
        let c = match customers.iter().position(|c| *c == account.customer_id) {
            Some(c) => c,
            None => {
                customers.push(&account.customer_id);
                customers.len() - 1
            }
        };
        let code = account.currency.code();
        let k = currencies
            .iter()
            .position(|c| *c == code)
            .unwrap_or_else(|| {
                currencies.push(code);
                currencies.len() - 1
            });
        account_customer.push(c as u32);
        account_currency.push(k as u8);
    }
    let mut payment_invoice = vec![-1; book.payments.len()];
    for a in &book.applications {
        if a.kind == ReceiptKind::Payment {
            payment_invoice[a.receipt as usize] = a.invoice as i32;
        }
    }
    let ids = |ids: Vec<&str>| ids.join("\n");
    OwnedColumns {
        customers: customers.join("\n"),
        currencies: currencies.join("\n"),
        invoice_id: ids(book.invoices.iter().map(|i| i.id.as_ref()).collect()),
        customer: book
            .invoices
            .iter()
            .map(|i| account_customer[i.account as usize])
            .collect(),
        issue: book.invoices.iter().map(|i| day(i.issue_date)).collect(),
        due: book.invoices.iter().map(|i| day(i.due_date)).collect(),
        amount: book.invoices.iter().map(|i| i.amount).collect(),
        currency: book
            .invoices
            .iter()
            .map(|i| account_currency[i.account as usize])
            .collect(),
        payment_id: ids(book.payments.iter().map(|p| p.id.as_ref()).collect()),
        payment_customer: book
            .payments
            .iter()
            .map(|p| account_customer[p.account as usize])
            .collect(),
        payment_date: book.payments.iter().map(|p| day(p.date)).collect(),
        payment_amount: book.payments.iter().map(|p| p.amount).collect(),
        payment_currency: book
            .payments
            .iter()
            .map(|p| account_currency[p.account as usize])
            .collect(),
        payment_invoice,
    }
}

impl OwnedColumns {
    fn borrow(&self) -> Columns<'_> {
        Columns {
            customers: &self.customers,
            currencies: &self.currencies,
            invoices: InvoiceColumns {
                id: &self.invoice_id,
                customer: &self.customer,
                issue_date: &self.issue,
                due_date: &self.due,
                amount_minor: &self.amount,
                currency: &self.currency,
                disputed: &[],
            },
            payments: ReceiptColumns {
                id: &self.payment_id,
                customer: &self.payment_customer,
                date: &self.payment_date,
                amount_minor: &self.payment_amount,
                currency: &self.payment_currency,
                invoice: &self.payment_invoice,
            },
            credits: ReceiptColumns::default(),
        }
    }
}

fn benches(c: &mut Criterion) {
    let sizes =
        std::env::var("ARREARS_BENCH_SIZES").unwrap_or_else(|_| "10000,100000,1000000".into());
    for n in sizes.split(',').map(str::trim) {
        let (Some(invoices), Some(payments), Some(json)) = (
            data(&format!("invoices-{n}.csv")),
            data(&format!("payments-{n}.csv")),
            data(&format!("aging-{n}.json")),
        ) else {
            eprintln!("bench/data has no portfolio of {n}: run `node bench/generate.mjs {n}`");
            continue;
        };
        let book = arrears::ledger::batch::csv::read(&invoices, Some(&payments), None)
            .unwrap_or_else(|e| panic!("the generated CSV does not read: {e}"));
        let owned = columns_of(&book);
        let columns = owned.borrow();
        let big = n.parse::<usize>().unwrap_or(0) >= 1_000_000;
        let mut time = |group: &str, f: &mut dyn FnMut() -> String| {
            let mut g = c.benchmark_group(group);
            if big {
                g.sample_size(10).measurement_time(Duration::from_secs(20));
            }
            g.bench_function(n, |b| b.iter(|| black_box(f())));
            g.finish();
        };
        time("aging", &mut || aging(black_box(&json)).unwrap_or_default());
        time("batch_csv", &mut || {
            aging_batch_csv(OPTIONS, black_box(&invoices), Some(&payments), None)
                .unwrap_or_default()
        });
        time("batch_columns", &mut || {
            aging_batch_columns(OPTIONS, black_box(&columns)).unwrap_or_default()
        });
    }
}

criterion_group!(aging_benches, benches);
criterion_main!(aging_benches);
