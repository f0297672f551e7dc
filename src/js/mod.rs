//! The bindings: the only module that names wasm_bindgen. Each export converts and forwards.
//!
//! Every export takes the input as JSON text and returns the output as JSON text (the JS
//! wrapper in `pkg/` does `JSON.stringify` and `JSON.parse`), except `agingBatch`: its data
//! crosses as it is, CSV texts as strings and typed columns as slices, with only the options
//! as JSON. An error becomes a real JS `Error` named `ArrearsError` with `code` and `path`
//! properties.

use crate::api;
use crate::ledger::batch::columns::{Columns, InvoiceColumns, ReceiptColumns};
use wasm_bindgen::prelude::*;

/// Declares one export: `export!(jsName, rust_name);` forwards to `api::rust_name`.
macro_rules! export {
    ($js:ident, $rust:ident) => {
        #[doc = concat!("`", stringify!($js), "(json)`: see [`api::", stringify!($rust), "`].")]
        #[wasm_bindgen(js_name = $js)]
        pub fn $rust(json: &str) -> Result<String, js_sys::Error> {
            api::$rust(json).map_err(to_js)
        }
    };
}

export!(yearFraction, year_fraction);
export!(isBusinessDay, is_business_day);
export!(adjustDate, adjust_date);
export!(addBusinessDays, add_business_days);
export!(businessDaysBetween, business_days_between);
export!(holidays, holidays);
export!(dueDate, due_date);
export!(discountedAmount, discounted_amount);
export!(aging, aging);
export!(paymentBehaviour, payment_behaviour);
export!(metrics, metrics);

/// `agingBatch` from CSV texts: see [`api::aging_batch_csv`]. `options_json` is
/// `{ asOf, buckets?, basis? }`.
#[wasm_bindgen(js_name = agingBatchCsv)]
pub fn aging_batch_csv(
    options_json: &str,
    invoices_csv: &str,
    payments_csv: Option<String>,
    credits_csv: Option<String>,
) -> Result<String, js_sys::Error> {
    api::aging_batch_csv(
        options_json,
        invoices_csv,
        payments_csv.as_deref(),
        credits_csv.as_deref(),
    )
    .map_err(to_js)
}

/// `agingBatch` from typed columns: see [`api::aging_batch_columns`] and [`Columns`] for the
/// format. One argument per column, in the order of the Rust structs.
#[wasm_bindgen(js_name = agingBatchColumns)]
#[allow(clippy::too_many_arguments)] // one slice per column: the boundary is the columns
pub fn aging_batch_columns(
    options_json: &str,
    customers: &str,
    currencies: &str,
    invoice_id: &str,
    invoice_customer: &[u32],
    invoice_issue_date: &[i32],
    invoice_due_date: &[i32],
    invoice_amount_minor: &[i64],
    invoice_currency: &[u8],
    invoice_disputed: &[u8],
    payment_id: &str,
    payment_customer: &[u32],
    payment_date: &[i32],
    payment_amount_minor: &[i64],
    payment_currency: &[u8],
    payment_invoice: &[i32],
    credit_id: &str,
    credit_customer: &[u32],
    credit_date: &[i32],
    credit_amount_minor: &[i64],
    credit_currency: &[u8],
    credit_invoice: &[i32],
) -> Result<String, js_sys::Error> {
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
    api::aging_batch_columns(options_json, &columns).map_err(to_js)
}

/// Traps on purpose, so the package's recovery from a trap can be tested. Test builds only.
#[cfg(feature = "test-trap")]
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap(_json: &str) -> Result<String, js_sys::Error> {
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

    #[wasm_bindgen_test]
    fn bad_input_is_an_arrears_error_with_code_and_path() {
        let e = due_date(r#"{"issueDate": "2024-02-30", "terms": "Net 30"}"#).unwrap_err();
        assert_eq!(property(&e, "name").as_deref(), Some("ArrearsError"));
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_date"));
        assert_eq!(property(&e, "path").as_deref(), Some("issueDate"));
        let message = String::from(e.message());
        assert!(!message.contains("Error:"), "{message}");
        assert!(JsValue::from(e).is_instance_of::<js_sys::Error>());
    }

    #[wasm_bindgen_test]
    fn input_that_is_not_an_object_is_invalid_input() {
        let e = year_fraction("[1, 2]").unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("invalid_input"));
        assert_eq!(property(&e, "path").as_deref(), Some(""));
    }

    #[wasm_bindgen_test]
    fn five_thousand_deep_nesting_is_limit_exceeded() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let e = holidays(&format!(r#"{{"calendar": {deep}}}"#)).unwrap_err();
        assert_eq!(property(&e, "code").as_deref(), Some("limit_exceeded"));
    }

    #[wasm_bindgen_test]
    fn aging_batch_takes_csv_and_columns() {
        // One invoice of 100.00 EUR due 2024-01-31 (day 19753 since 1970-01-01: 54 years of
        // 365 days and 13 leap days 1972-2020 = 19723 to 2024-01-01, + 30), and a payment of
        // 30.00 without an invoice, allocated to it: 100.00 - 30.00 = 70.00 open.
        let options = r#"{"asOf": "2024-03-01"}"#;
        let invoices = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
        let payments = "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n";
        let csv = aging_batch_csv(options, invoices, Some(payments.into()), None);
        let columns = aging_batch_columns(
            options,
            "acme",
            "EUR",
            "A",
            &[0],
            &[19723],
            &[19753],
            &[10000],
            &[0],
            &[],
            "P",
            &[0],
            &[19754],
            &[3000],
            &[0],
            &[-1],
            "",
            &[],
            &[],
            &[],
            &[],
            &[],
        );
        assert!(csv.is_ok_and(|json| json.contains(r#""total":"70.00""#)));
        assert!(columns.is_ok_and(|json| json.contains(r#""total":"70.00""#)));
        let e = aging_batch_columns(
            options,
            "acme",
            "EUR",
            "A",
            &[0],
            &[19723],
            &[],
            &[10000],
            &[0],
            &[],
            "",
            &[],
            &[],
            &[],
            &[],
            &[],
            "",
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
        let out = due_date(r#"{"issueDate": "2024-01-31", "terms": "Net 30"}"#);
        assert!(out.is_ok_and(|json| json.contains(r#""dueDate":"2024-03-01""#)));
    }
}
