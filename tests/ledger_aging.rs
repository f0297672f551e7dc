//! `aging` through its JSON entry point: worked examples computed by hand, and the errors.

use arrears::api::aging;
use serde_json::Value;

fn run(json: &str) -> Value {
    match aging(json).map(|out| serde_json::from_str(&out)) {
        Ok(Ok(value)) => value,
        other => panic!("{other:?}"),
    }
}

fn error(json: &str) -> (String, String) {
    match aging(json) {
        Err(e) => (e.code().as_str().to_owned(), e.path().to_owned()),
        Ok(out) => panic!("expected an error, got {out}"),
    }
}

#[test]
fn smoke() {
    let v = run(r#"{"asOf":"2024-03-31","invoices":[
      {"id":"A","customerId":"c1","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"},
      {"id":"B","customerId":"c1","issueDate":"2024-02-01","dueDate":"2024-03-02","amount":"50","currency":"EUR","disputed":true}],
      "payments":[{"id":"P","customerId":"c1","date":"2024-02-10","amount":"30","currency":"EUR"}]}"#);
    println!("{}", serde_json::to_string_pretty(&v).unwrap());
    let _ = error("{}");
}
