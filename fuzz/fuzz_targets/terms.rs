//! Any text as payment terms: `dueDate` and `discountedAmount` must answer or fail with a
//! code, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let terms = serde_json::Value::String(text.to_owned()).to_string();
    let due = format!(r#"{{"issueDate":"2024-01-31","terms":{terms},"calendar":"US"}}"#);
    check(arrears::api::due_date(&due));
    let paid = format!(
        r#"{{"amount":"1000.00","terms":{terms},"issueDate":"2024-02-29","paidOn":"2024-03-10"}}"#
    );
    check(arrears::api::discounted_amount(&paid));
});

/// An error must carry a code that is not `internal`: that one means a bug.
fn check(result: arrears::Result<String>) {
    if let Err(e) = result {
        assert_ne!(e.code(), arrears::ErrorCode::Internal, "{e}");
    }
}
