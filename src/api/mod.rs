//! The JSON face of every entry point: the same functions the JS package calls, usable from
//! Rust, fuzzers and benchmarks. Each takes one JSON object and returns one JSON object.
//!
//! Decoding is done in steps: a check of the size against
//! [`crate::limits::MAX_INPUT_BYTES`]; a fast serde pass; and, only when that fails, a scan that
//! rejects inputs nested deeper than [`MAX_DEPTH`] and a second pass that tracks the path so
//! the error says where.

mod batch;
mod dates;
mod ledger;
mod scan;
mod terms;
mod text;

use crate::error::{Error, ErrorCode, Result, CODE_SEPARATOR};
use crate::limits::MAX_DEPTH;
use serde::{Deserialize, Serialize};

pub use batch::{aging_batch, aging_batch_columns, aging_batch_csv};
pub use dates::{
    add_business_days, adjust_date, business_days_between, holidays, is_business_day, year_fraction,
};
pub use ledger::{aging, metrics, payment_behaviour};
pub use scan::check_shape;
use scan::check_size;
pub use terms::{discounted_amount, due_date};

/// A JSON entry point: one JSON object in, one JSON object out.
pub type EntryPoint = fn(&str) -> Result<String>;

/// Every JSON entry point with its JS name, for bindings, fuzzers and tests.
///
/// ```
/// let (_, due_date) = arrears::api::ENTRY_POINTS.iter().find(|(n, _)| *n == "dueDate").ok_or("missing")?;
/// let out = due_date(r#"{"issueDate": "2024-01-31", "terms": "Net 30"}"#)?;
/// assert!(out.contains(r#""dueDate":"2024-03-01""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const ENTRY_POINTS: &[(&str, EntryPoint)] = &[
    ("yearFraction", year_fraction),
    ("isBusinessDay", is_business_day),
    ("adjustDate", adjust_date),
    ("addBusinessDays", add_business_days),
    ("businessDaysBetween", business_days_between),
    ("holidays", holidays),
    ("dueDate", due_date),
    ("discountedAmount", discounted_amount),
    ("aging", aging),
    ("paymentBehaviour", payment_behaviour),
    ("metrics", metrics),
    ("agingBatch", aging_batch),
];

/// Decodes `json` into the input type `I`, with arrears error codes and paths.
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] over the size or depth limit, [`ErrorCode::InvalidInput`]
/// for text that is not a JSON object, and the field's own code (`missing_field`,
/// `invalid_date`, ...) with its path otherwise.
///
/// ```
/// #[derive(serde::Deserialize, Debug)]
/// #[serde(deny_unknown_fields)]
/// struct Input { days: u32 }
/// let input: Input = arrears::api::decode(r#"{"days": 30}"#)?;
/// assert_eq!(input.days, 30);
/// let e = arrears::api::decode::<Input>(r#"{"days": "x"}"#).unwrap_err();
/// assert_eq!((e.code().as_str(), e.path()), ("invalid_type", "days"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decode<'a, I: Deserialize<'a>>(json: &'a str) -> Result<I> {
    check_size(json)?;
    if !json.trim_start().starts_with('{') {
        check_shape(json)?;
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "the input must be one plain object",
        ));
    }
    // No input type nests deeper than MAX_DEPTH, so an input that decodes is within it
    // (the fuzzer holds this); the scan runs when the decoding fails, before the error is
    // told, so a deep input is `limit_exceeded` as ever. serde_json's own recursion limit
    // (128) bounds the stack meanwhile; no input type recurses.
    match serde_json::from_str(json) {
        Ok(input) => Ok(input),
        Err(_) => {
            check_shape(json)?;
            let mut de = serde_json::Deserializer::from_str(json);
            serde_path_to_error::deserialize::<_, I>(&mut de).map_err(from_serde)?;
            // The value decoded on its own, so what failed is the text after it.
            let message = match de.end() {
                Err(e) => format!(
                    "the input is not valid JSON: {}",
                    strip_position(&e.to_string())
                ),
                Ok(()) => "the input is not valid JSON".to_owned(),
            };
            Err(Error::new(ErrorCode::InvalidInput, message))
        }
    }
}

/// Encodes an output as JSON text.
///
/// # Errors
/// [`ErrorCode::Internal`] if the output cannot be written (a bug).
///
/// ```
/// assert_eq!(arrears::api::encode(&serde_json::json!({"ok": true}))?, r#"{"ok":true}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn encode<O: Serialize>(output: &O) -> Result<String> {
    serde_json::to_string(output).map_err(|e| {
        Error::new(
            ErrorCode::Internal,
            format!("could not encode the result: {e}"),
        )
    })
}

/// Decodes `json`, runs `compute` on it and encodes the result: one entry point.
///
/// # Errors
/// Whatever [`decode`] or `compute` returns.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Input { n: u32 }
/// let out = arrears::api::run(r#"{"n": 2}"#, |i: Input| Ok(i.n * 2))?;
/// assert_eq!(out, "4");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run<'a, I, O, F>(json: &'a str, compute: F) -> Result<String>
where
    I: Deserialize<'a>,
    O: Serialize,
    F: FnOnce(I) -> Result<O>,
{
    encode(&compute(decode(json)?)?)
}

/// Turns a serde error with its path into an arrears error.
fn from_serde(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = path_text(e.path());
    let inner = e.into_inner();
    let full = inner.to_string();
    let text = strip_position(&full);
    if inner.is_syntax() || inner.is_eof() {
        let message = format!("the input is not valid JSON: {text}");
        return Error::new(ErrorCode::InvalidInput, message).at(path);
    }
    let (code, message, path) = classify(text, path);
    Error::new(code, message).at(path)
}

/// Finds the arrears code in a serde message, and for a missing field adds it to the path.
fn classify(text: &str, path: String) -> (ErrorCode, String, String) {
    if let Some((name, rest)) = text.split_once(CODE_SEPARATOR) {
        if let Some(code) = ErrorCode::from_name(name) {
            return (code, rest.to_owned(), path);
        }
    }
    if let Some(field) = between_backticks(text.strip_prefix("missing field ")) {
        let full = if path.is_empty() {
            field.to_owned()
        } else {
            format!("{path}.{field}")
        };
        return (
            ErrorCode::MissingField,
            format!("'{field}' is required"),
            full,
        );
    }
    if let Some(field) = between_backticks(text.strip_prefix("unknown field ")) {
        let message = format!("'{field}' is not a field here{}", expected_suffix(text));
        return (ErrorCode::UnknownField, message, path);
    }
    if text.starts_with("unknown variant") {
        return (ErrorCode::UnknownOption, text.replace('`', "'"), path);
    }
    if text.starts_with("invalid type")
        || text.starts_with("invalid length")
        || text.starts_with("invalid value")
    {
        return (ErrorCode::InvalidType, text.replace('`', "'"), path);
    }
    if text.starts_with("recursion limit exceeded") {
        let message = format!("the input nests deeper than {MAX_DEPTH} levels");
        return (ErrorCode::LimitExceeded, message, path);
    }
    (ErrorCode::InvalidInput, text.replace('`', "'"), path)
}

fn between_backticks(text: Option<&str>) -> Option<&str> {
    text?.strip_prefix('`')?.split('`').next()
}

fn expected_suffix(text: &str) -> String {
    match text.split_once(", expected ") {
        Some((_, expected)) => format!(" (expected {})", expected.replace('`', "'")),
        None => String::new(),
    }
}

/// serde_json appends " at line L column C"; the path says where, so drop it.
fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// `invoices[3].dueDate` from serde_path_to_error's segments.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::serde_amount;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Invoice {
        #[allow(dead_code)]
        id: String,
        #[serde(with = "crate::dates::serde_date")]
        #[allow(dead_code)]
        due_date: NaiveDate,
        #[serde(deserialize_with = "serde_amount::deserialize")]
        #[allow(dead_code)]
        amount: Decimal,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Input {
        #[allow(dead_code)]
        invoices: Vec<Invoice>,
    }

    fn error(json: &str) -> (String, String) {
        let e = decode::<Input>(json).unwrap_err();
        (e.code().as_str().to_owned(), e.path().to_owned())
    }

    #[test]
    fn errors_name_code_and_path() {
        let ok = r#"{"id":"a","dueDate":"2024-01-31","amount":"1.00"}"#;
        let case = |bad: &str| format!(r#"{{"invoices":[{ok},{bad}]}}"#);
        assert_eq!(
            error(&case(r#"{"id":"b","dueDate":"2024-02-30","amount":"1"}"#)),
            ("invalid_date".into(), "invoices[1].dueDate".into())
        );
        assert_eq!(
            error(&case(r#"{"id":"b","dueDate":"2024-02-03","amount":"x"}"#)),
            ("invalid_amount".into(), "invoices[1].amount".into())
        );
        assert_eq!(
            error(&case(r#"{"id":"b","amount":"1"}"#)),
            ("missing_field".into(), "invoices[1].dueDate".into())
        );
        assert_eq!(
            error(&case(
                r#"{"id":"b","dueDate":"2024-02-03","amount":"1","due":1}"#
            )),
            ("unknown_field".into(), "invoices[1].due".into())
        );
        assert_eq!(
            error(&case(r#"{"id":7,"dueDate":"2024-02-03","amount":"1"}"#)),
            ("invalid_type".into(), "invoices[1].id".into())
        );
        assert_eq!(error("{}"), ("missing_field".into(), "invoices".into()));
        assert_eq!(error("[1,"), ("invalid_input".into(), "".into()));
        assert_eq!(
            error(r#"{"invoices":[]}"x""#),
            ("invalid_input".into(), "".into())
        );
        assert_eq!(
            error(r#"{"invoices":[1,"#),
            ("invalid_type".into(), "invoices[0]".into())
        );
        assert_eq!(
            error(r#"{"invoices":["#),
            ("invalid_input".into(), "invoices".into())
        );
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        assert_eq!(error(&deep).0, "limit_exceeded");
        let deep_in_field = format!(r#"{{"invoices":{}{}}}"#, "[".repeat(40), "]".repeat(40));
        assert_eq!(error(&deep_in_field).0, "limit_exceeded");
    }
}
