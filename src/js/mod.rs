//! The bindings: the only module that names wasm_bindgen. Each export converts and forwards.
//!
//! Every export takes the input as JSON text and returns the output as JSON text (the JS
//! wrapper in `pkg/` does `JSON.stringify` and `JSON.parse`). An error becomes a real JS
//! `Error` named `ArrearsError` with `code` and `path` properties.

use crate::api;
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
    fn values_cross_as_json_text() {
        // Net 30 from 31 January 2024: 31 + 30 days = 1 March 2024 (2024 is a leap year:
        // 29 days of February take 30 days to 1 March).
        let out = due_date(r#"{"issueDate": "2024-01-31", "terms": "Net 30"}"#);
        assert!(out.is_ok_and(|json| json.contains(r#""dueDate":"2024-03-01""#)));
    }
}
