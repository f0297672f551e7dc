//! The bindings: the only module that names wasm_bindgen. Each export converts and forwards.
//!
//! Every export takes its input as JSON text and returns its output as JSON text (the JS
//! wrapper in `pkg/` does `JSON.stringify` and `JSON.parse`), except `agingBatch`: its data
//! crosses as it is, CSV texts as text and typed columns as slices, with only the options as
//! JSON. Texts do not cross as string arguments: the wrapper writes them as UTF-8 straight
//! into wasm memory, into the [input buffer](input_buffer), and the export gets their lengths.
//! An error becomes a real JS `Error` named `ArrearsError` with `code` and `path` properties.

mod allocator;
mod zones;

use crate::api;
use crate::error::{Error, ErrorCode};
use crate::ledger::batch::columns::{Columns, InvoiceColumns, ReceiptColumns};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The texts of the next call, UTF-8, one after another. Kept from call to call, so a run
    /// of calls writes into one block of memory.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// `inputBuffer(len)`: makes room for `len` bytes of input and returns where they start in wasm
/// memory. The JS wrapper writes the texts there with `TextEncoder.encodeInto`, many times
/// faster than wasm-bindgen's copy of a string argument, which goes one character at a time
/// (bench/README.md).
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> Result<usize, js_sys::Error> {
    INPUT.with_borrow_mut(|buffer| {
        if buffer.len() < len {
            // A fresh block: growing the old one would copy the last call's input.
            *buffer = Vec::new();
            buffer.try_reserve_exact(len).map_err(|_| {
                let message = format!("{len} bytes of input do not fit in wasm memory");
                to_js(Error::new(ErrorCode::LimitExceeded, message))
            })?;
            buffer.resize(len, 0);
        }
        Ok(buffer.as_ptr() as usize)
    })
}

/// `wasmMemory()`: the module's `WebAssembly.Memory`, which the JS wrapper writes input into.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Runs `f` on the `N` texts of `lengths` bytes that JS wrote one after another into the
/// input buffer.
fn with_input<const N: usize>(
    lengths: [usize; N],
    f: &mut dyn FnMut([&str; N]) -> crate::Result<String>,
) -> Result<String, js_sys::Error> {
    crate::strategy::zones::install(zones::offset_of);
    // The call's records, indexes and answer take about twice its input: make room at once.
    allocator::reserve(lengths.iter().sum::<usize>().saturating_mul(2));
    INPUT
        .with_borrow(|buffer| {
            let mut texts = [""; N];
            let mut rest = buffer.as_slice();
            for (text, len) in texts.iter_mut().zip(lengths) {
                let (bytes, after) = rest.split_at_checked(len).ok_or_else(|| {
                    Error::new(ErrorCode::Internal, "the input is longer than its buffer")
                })?;
                *text = std::str::from_utf8(bytes).map_err(|e| {
                    Error::new(
                        ErrorCode::InvalidInput,
                        format!("the input is not UTF-8: {e}"),
                    )
                })?;
                rest = after;
            }
            f(texts)
        })
        .map_err(to_js)
}

/// One export per entry point of the registry: `jsName(jsonLen)` runs it on the JSON text of
/// `json_len` bytes in the input buffer.
macro_rules! exports {
    ($($(#[doc = $doc:literal])* $js:ident => $rust:ident($input:ty) -> $output:ty = $function:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($js), "(jsonLen)`: see [`api::", stringify!($rust), "`].")]
            #[wasm_bindgen(js_name = $js)]
            pub fn $rust(json_len: usize) -> Result<String, js_sys::Error> {
                json_export(json_len, api::$rust)
            }
        )*
    };
}

/// A JSON export: the entry point `run` on the JSON text of `json_len` bytes in the input
/// buffer. One function for all of them, so that each export is a call.
#[inline(never)]
fn json_export(
    json_len: usize,
    run: fn(&str) -> crate::Result<String>,
) -> Result<String, js_sys::Error> {
    with_input([json_len], &mut |[json]| run(json))
}
crate::api::for_each_entry_point!(exports);

/// `agingBatch` from CSV texts: see [`api::aging_batch_csv`]. The input buffer holds the
/// options JSON `{ asOf, buckets?, basis? }`, then the invoices, payments and credits CSV
/// texts; an absent text has no length.
#[wasm_bindgen(js_name = agingBatchCsv)]
pub fn aging_batch_csv(
    options_len: usize,
    invoices_len: usize,
    payments_len: Option<usize>,
    credits_len: Option<usize>,
) -> Result<String, js_sys::Error> {
    let lengths = [
        options_len,
        invoices_len,
        payments_len.unwrap_or(0),
        credits_len.unwrap_or(0),
    ];
    with_input(lengths, &mut |[options, invoices, payments, credits]| {
        let payments = payments_len.map(|_| payments);
        let credits = credits_len.map(|_| credits);
        api::aging_batch_csv(options, invoices, payments, credits)
    })
}

/// `agingBatch` from typed columns: see [`api::aging_batch_columns`] and [`Columns`] for the
/// format. The input buffer holds the options JSON `{ asOf, buckets?, basis? }`, then the
/// texts `customers`, `currencies` and the invoice, payment and credit ids, of the `*_len`
/// lengths; then one typed array per column, in the order of the Rust structs.
#[wasm_bindgen(js_name = agingBatchColumns)]
#[allow(clippy::too_many_arguments)] // one slice per column: the boundary is the columns
pub fn aging_batch_columns(
    options_len: usize,
    customers_len: usize,
    currencies_len: usize,
    invoice_id_len: usize,
    payment_id_len: usize,
    credit_id_len: usize,
    invoice_customer: &[u32],
    invoice_issue_date: &[i32],
    invoice_due_date: &[i32],
    invoice_amount_minor: &[i64],
    invoice_currency: &[u8],
    invoice_disputed: &[u8],
    payment_customer: &[u32],
    payment_date: &[i32],
    payment_amount_minor: &[i64],
    payment_currency: &[u8],
    payment_invoice: &[i32],
    credit_customer: &[u32],
    credit_date: &[i32],
    credit_amount_minor: &[i64],
    credit_currency: &[u8],
    credit_invoice: &[i32],
) -> Result<String, js_sys::Error> {
    let lengths = [
        options_len,
        customers_len,
        currencies_len,
        invoice_id_len,
        payment_id_len,
        credit_id_len,
    ];
    with_input(
        lengths,
        &mut |[options, customers, currencies, invoice_id, payment_id, credit_id]| {
            let columns = Columns {
                customers,
                currencies,
                invoices: InvoiceColumns {
                    id: invoice_id,
                    customer: invoice_customer,
                    issue_date: invoice_issue_date,
                    due_date: invoice_due_date,
                    amount_minor: invoice_amount_minor,
                    currency: invoice_currency,
                    disputed: invoice_disputed,
                },
                payments: ReceiptColumns {
                    id: payment_id,
                    customer: payment_customer,
                    date: payment_date,
                    amount_minor: payment_amount_minor,
                    currency: payment_currency,
                    invoice: payment_invoice,
                },
                credits: ReceiptColumns {
                    id: credit_id,
                    customer: credit_customer,
                    date: credit_date,
                    amount_minor: credit_amount_minor,
                    currency: credit_currency,
                    invoice: credit_invoice,
                },
            };
            api::aging_batch_columns(options, &columns)
        },
    )
}

/// Traps on purpose, so the package's recovery from a trap can be tested. Test builds only.
#[cfg(feature = "test-trap")]
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap(_json_len: usize) -> Result<String, js_sys::Error> {
    core::arch::wasm32::unreachable()
}

/// An arrears error as a JS `Error` named `ArrearsError`, with `code` and `path` set on it.
fn to_js(e: crate::Error) -> js_sys::Error {
    let error = js_sys::Error::new(&e.to_string());
    error.set_name("ArrearsError");
    // Setting a property on a fresh plain Error cannot fail; should it, the error stays an
    // ArrearsError and the wrapper reads a missing code as `internal`.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &e.code().as_str().into());
    let _ = js_sys::Reflect::set(&error, &"path".into(), &e.path().into());
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn property(error: &js_sys::Error, name: &str) -> Option<String> {
        js_sys::Reflect::get(error, &name.into()).ok()?.as_string()
    }

    /// Writes `texts` into the input buffer as the JS wrapper does, and returns their lengths.
    fn put<const N: usize>(texts: [&[u8]; N]) -> [usize; N] {
        INPUT.with_borrow_mut(|buffer| {
            buffer.clear();
            texts.iter().for_each(|text| buffer.extend_from_slice(text));
        });
        texts.map(<[u8]>::len)
    }

    /// Calls a JSON export as the JS wrapper does.
    fn call(
        export: fn(usize) -> Result<String, js_sys::Error>,
        json: &str,
    ) -> Result<String, js_sys::Error> {
        let [len] = put([json.as_bytes()]);
        export(len)
    }

    #[wasm_bindgen_test]
    fn bad_input_is_an_arrears_error_with_code_and_path() {
        let e = call(
            due_date,
            r#"{"issueDate": "2024-02-30", "terms": "Net 30"}"#,
        )
        .unwrap_err();
        assert_eq!(property(&e, "name").as_deref(), Some("ArrearsError"));
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_date"));
        assert_eq!(property(&e, "path").as_deref(), Some("issueDate"));
        let message = String::from(e.message());
        assert!(!message.contains("Error:"), "{message}");
        assert!(JsValue::from(e).is_instance_of::<js_sys::Error>());
    }

    #[wasm_bindgen_test]
    fn input_that_is_not_an_object_is_invalid_input() {
        let e = call(year_fraction, "[1, 2]").unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_input"));
        assert_eq!(property(&e, "path").as_deref(), Some(""));
    }

    #[wasm_bindgen_test]
    fn input_that_is_not_utf8_is_invalid_input() {
        // 0xFF never occurs in UTF-8 (RFC 3629, section 1).
        let [len] = put([b"{\"calendar\": \"\xFF\"}"]);
        let e = holidays(len).unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_input"));
    }

    #[wasm_bindgen_test]
    fn a_length_past_the_written_input_is_internal() {
        let [len] = put([b"{}"]);
        let e = holidays(len + 1).unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("internal"));
    }

    #[wasm_bindgen_test]
    fn the_input_buffer_holds_what_is_asked_and_keeps_its_place() {
        let start = input_buffer(1000).map_err(|_| "no room for 1000 bytes");
        assert!(start.is_ok_and(|at| at > 0));
        assert!(INPUT.with_borrow(|buffer| buffer.len() >= 1000));
        // A smaller input reuses the same block.
        assert_eq!(input_buffer(10).ok(), input_buffer(1000).ok());
        let e = input_buffer(usize::MAX).unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("limit_exceeded"));
    }

    #[wasm_bindgen_test]
    fn five_thousand_deep_nesting_stops_at_the_first_level_of_the_wrong_shape() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let e = call(holidays, &format!(r#"{{"calendar": {deep}}}"#)).unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_type"));
        assert_eq!(property(&e, "path").as_deref(), Some("calendar"));
    }

    #[wasm_bindgen_test]
    fn aging_batch_takes_csv_and_columns() {
        // One invoice of 100.00 EUR due 2024-01-31 (day 19753 since 1970-01-01: 54 years of
        // 365 days and 13 leap days 1972-2020 = 19723 to 2024-01-01, + 30), and a payment of
        // 30.00 without an invoice, allocated to it: 100.00 - 30.00 = 70.00 open.
        let options: &[u8] = br#"{"asOf": "2024-03-01"}"#;
        let invoices = b"id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
        let payments = b"id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n";
        let [o, i, p] = put([options, invoices, payments]);
        let csv = aging_batch_csv(o, i, Some(p), None);
        assert!(csv.is_ok_and(|json| json.contains(r#""total":"70.00""#)));

        let [o, customers, currencies, invoice_id, payment_id] =
            put([options, b"acme", b"EUR", b"A", b"P"]);
        let columns = aging_batch_columns(
            o,
            customers,
            currencies,
            invoice_id,
            payment_id,
            0,
            &[0],
            &[19723],
            &[19753],
            &[10000],
            &[0],
            &[],
            &[0],
            &[19754],
            &[3000],
            &[0],
            &[-1],
            &[],
            &[],
            &[],
            &[],
            &[],
        );
        assert!(columns.is_ok_and(|json| json.contains(r#""total":"70.00""#)));

        let [o, customers, currencies, invoice_id] = put([options, b"acme", b"EUR", b"A"]);
        let e = aging_batch_columns(
            o,
            customers,
            currencies,
            invoice_id,
            0,
            0,
            &[0],
            &[19723],
            &[],
            &[10000],
            &[0],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
        )
        .unwrap_err();
        assert_eq!(property(&e, "path").as_deref(), Some("invoices.dueDate"));
    }

    #[wasm_bindgen_test]
    fn values_cross_as_json_text() {
        // Net 30 from 31 January 2024: 31 + 30 days = 1 March 2024 (2024 is a leap year:
        // 29 days of February take 30 days to 1 March).
        let out = call(
            due_date,
            r#"{"issueDate": "2024-01-31", "terms": "Net 30"}"#,
        );
        assert!(out.is_ok_and(|json| json.contains(r#""dueDate":"2024-03-01""#)));
    }
}
