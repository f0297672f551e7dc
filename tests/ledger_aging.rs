//! `aging` through its JSON entry point: a worked example computed by hand and the shape
//! rules (its bad inputs are in `tests/fixtures/bad_inputs.json`).

use arrears::api::aging;
use serde_json::{json, Value};

fn run(input: &Value) -> Value {
    let out = aging(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"))
}

fn invoice(id: &str, customer: &str, issue: &str, due: &str, amount: &str) -> Value {
    json!({"id": id, "customerId": customer, "issueDate": issue, "dueDate": due, "amount": amount, "currency": "EUR"})
}

/// The book of the worked example, as of 2024-03-31 (default buckets, oldest first):
///
/// customer c1 (EUR)
/// - A issued 2023-11-01, due 2023-12-01, 1000.00: 30+31+29+31 = 121 days past due, "over 120"
/// - B issued 2024-01-15, due 2024-02-14, 500.00: 15+31 = 46 days, "31-60"
/// - C issued 2024-03-20, due 2024-04-19, 250.00, disputed: not yet due, "Current"
/// - D issued 2024-04-05: after asOf, ignored
/// - P1 2024-02-01 600.00, unapplied: oldest first to A → A open 400.00
/// - P2 2024-03-10 300.00, 200.00 applied to B → B open 300.00; the other 100.00 oldest
///   first to A → A open 300.00
/// - P3 2024-04-02: after asOf, ignored
/// - credit C1 2024-03-15 100.00 on C → C open 150.00
///
/// customer c2 (EUR)
/// - E issued 2024-02-01, due 2024-03-02, 80.00; P4 2024-03-05 100.00 closes it, 20.00 on account
///
/// Buckets: Current 150.00 (disputed 150.00), 1-30 0, 31-60 300.00, over 120 300.00.
/// Total 750.00 = invoices 1830.00 − payments applied 980.00 − credits applied 100.00.
fn worked_example() -> Value {
    json!({
        "asOf": "2024-03-31",
        "invoices": [
            invoice("A", "c1", "2023-11-01", "2023-12-01", "1000.00"),
            invoice("B", "c1", "2024-01-15", "2024-02-14", "500.00"),
            {"id": "C", "customerId": "c1", "issueDate": "2024-03-20", "dueDate": "2024-04-19", "amount": "250", "currency": "EUR", "disputed": true},
            invoice("D", "c1", "2024-04-05", "2024-05-05", "999.00"),
            invoice("E", "c2", "2024-02-01", "2024-03-02", "80.00"),
        ],
        "payments": [
            {"id": "P1", "customerId": "c1", "date": "2024-02-01", "amount": "600.00", "currency": "EUR"},
            {"id": "P2", "customerId": "c1", "date": "2024-03-10", "amount": "300.00", "currency": "EUR",
             "appliesTo": [{"invoiceId": "B", "amount": "200.00"}]},
            {"id": "P3", "customerId": "c1", "date": "2024-04-02", "amount": "50.00", "currency": "EUR"},
            {"id": "P4", "customerId": "c2", "date": "2024-03-05", "amount": 100, "currency": "EUR"},
        ],
        "credits": [
            {"id": "C1", "customerId": "c1", "date": "2024-03-15", "amount": "100.00", "currency": "EUR", "invoiceId": "C"},
        ],
    })
}

#[test]
fn worked_example_by_hand() {
    let report = run(&worked_example());
    assert_eq!(report["currency"], "EUR");
    assert_eq!(report["total"], "750.00");
    assert_eq!(report["disputed"], "150.00");
    assert_eq!(report["unappliedCash"], "20.00");
    let amounts: Vec<&str> = report["buckets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| b["amount"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        amounts,
        ["150.00", "0.00", "300.00", "0.00", "0.00", "300.00"]
    );
    assert_eq!(report["buckets"][0]["disputed"], "150.00");
    assert_eq!(report["buckets"][5]["count"], 1);
    assert_eq!(
        report["ignored"],
        json!({"invoices": 1, "payments": 1, "credits": 0})
    );
    let c1 = &report["customers"][0];
    assert_eq!(
        (c1["customerId"].as_str(), c1["total"].as_str()),
        (Some("c1"), Some("750.00"))
    );
    assert_eq!(report["customers"][1]["unappliedCash"], "20.00");
    let a = &report["invoices"][0];
    assert_eq!(
        (a["open"].as_str(), a["daysPastDue"].as_i64()),
        (Some("300.00"), Some(121))
    );
    assert_eq!(a["bucket"], "over 120");
    assert_eq!(
        a["applied"],
        json!([
            {"kind": "payment", "id": "P1", "date": "2024-02-01", "amount": "600.00"},
            {"kind": "payment", "id": "P2", "date": "2024-03-10", "amount": "100.00"},
        ])
    );
    assert_eq!(report["invoices"][2]["credited"], "100.00");
    assert_eq!(report["invoices"][3]["id"], "E"); // D is after asOf
    assert_eq!(report["invoices"][3]["bucket"], Value::Null);
}

#[test]
fn include_returns_only_what_is_asked() {
    let mut input = worked_example();
    input["include"] = json!(["customers"]);
    let report = run(&input);
    assert!(report.get("customers").is_some());
    for absent in ["total", "buckets", "currencies", "invoices"] {
        assert!(report.get(absent).is_none(), "{absent}");
    }
}

#[test]
fn several_currencies_are_never_added() {
    let mut input = worked_example();
    if let Some(list) = input["invoices"].as_array_mut() {
        list.push(json!({"id": "U", "customerId": "c1", "issueDate": "2024-03-01", "dueDate": "2024-03-01", "amount": "5", "currency": "USD"}));
    }
    input["include"] = json!(["buckets"]);
    let report = run(&input);
    assert!(report.get("total").is_none());
    assert_eq!(report["currencies"][0]["currency"], "EUR");
    assert_eq!(report["currencies"][0]["total"], "750.00");
    assert_eq!(report["currencies"][1]["currency"], "USD");
    assert_eq!(report["currencies"][1]["buckets"][1]["amount"], "5.00"); // 30 days: 1-30
}

#[test]
fn issue_date_basis_and_custom_buckets() {
    let mut input = worked_example();
    input["basis"] = json!("issueDate");
    input["buckets"] = json!([60, 120]);
    input["include"] = json!(["buckets"]);
    let report = run(&input);
    // Days outstanding: A 151 (over 120), B 76 (61-120), C 11 (0-60).
    let labels: Vec<&str> = report["buckets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| b["label"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(labels, ["0-60", "61-120", "over 120"]);
    assert_eq!(report["buckets"][0]["amount"], "150.00");
    assert_eq!(report["buckets"][1]["amount"], "300.00");
    assert_eq!(report["buckets"][2]["amount"], "300.00");
}

#[test]
fn allocation_none_keeps_payments_unapplied() {
    let mut input = worked_example();
    input["allocation"] = json!("none");
    input["include"] = json!(["buckets"]);
    let report = run(&input);
    // Only P2's 200.00 on B and C1's 100.00 on C are applied: 1830 − 300 = 1530.00 open;
    // on account: P1 600 + P2 100 + P4 100 = 800.00.
    assert_eq!(report["total"], "1530.00");
    assert_eq!(report["unappliedCash"], "800.00");
}

/// Due dates from payment terms (issue 3's parser): "Net 30" from 2024-01-31 is 2024-03-01
/// (31 January + 30 days), and "10th prox" from 2024-01-15 is 2024-02-10.
#[test]
fn due_dates_from_terms() {
    let report = run(&json!({
        "asOf": "2024-03-31",
        "include": ["invoices"],
        "invoices": [
            {"id": "A", "customerId": "c", "issueDate": "2024-01-31", "terms": "Net 30", "amount": "1", "currency": "EUR"},
            {"id": "B", "customerId": "c", "issueDate": "2024-01-15", "terms": "10th prox", "amount": "1", "currency": "EUR"},
            {"id": "C", "customerId": "c", "issueDate": "2024-01-31", "terms": {"netDays": 30}, "amount": "1", "currency": "EUR"},
        ],
    }));
    // 2024-03-01 to 2024-03-31 is 30 days; 2024-02-10 to 2024-03-31 is 19 + 31 = 50.
    assert_eq!(report["invoices"][0]["daysPastDue"], 30);
    assert_eq!(report["invoices"][1]["daysPastDue"], 50);
    assert_eq!(report["invoices"][2]["daysPastDue"], 30);
    let bad = |invoice: Value| {
        aging(&json!({"asOf": "2024-03-31", "invoices": [invoice]}).to_string())
            .err()
            .map(|e| (e.code().as_str(), e.path().to_owned()))
    };
    assert_eq!(
        bad(
            json!({"id": "A", "customerId": "c", "issueDate": "2024-01-31", "terms": "Net thirty", "amount": "1", "currency": "EUR"})
        ),
        Some(("invalid_terms", "invoices[0].terms".to_owned()))
    );
    assert_eq!(
        bad(
            json!({"id": "A", "customerId": "c", "issueDate": "2024-01-31", "dueDate": "2024-02-01", "terms": "Net 30", "amount": "1", "currency": "EUR"})
        ),
        Some(("invalid_input", "invoices[0].terms".to_owned()))
    );
}

/// An account whose records all come after `asOf` (here c3 in USD, invoiced on 2024-04-10)
/// makes no customer row, and its currency does not count: the report stays single-currency
/// with the EUR summary at the top level. The same holds for paymentBehaviour and metrics.
#[test]
fn accounts_seen_only_after_as_of_make_no_rows() {
    let mut input = worked_example();
    let late = json!({"id": "F", "customerId": "c3", "issueDate": "2024-04-10", "dueDate": "2024-05-10", "amount": "70.00", "currency": "USD"});
    if let Some(list) = input["invoices"].as_array_mut() {
        list.push(late);
    }
    let report = run(&input);
    assert_eq!(report["currency"], "EUR");
    assert_eq!(report["total"], "750.00");
    let customers: Vec<&str> = report["customers"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["customerId"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(customers, ["c1", "c2"]);
    assert_eq!(report["currencies"].as_array().map(Vec::len), Some(1));
    let behaviour =
        arrears::api::payment_behaviour(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!behaviour.contains("\"c3\""), "{behaviour}");
    input["periodDays"] = json!(90);
    if let Some(fields) = input.as_object_mut() {
        let kept = ["asOf", "periodDays", "invoices", "payments", "credits"];
        fields.retain(|k, _| kept.contains(&k.as_str()));
    }
    let metrics = arrears::api::metrics(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!metrics.contains("\"USD\""), "{metrics}");
}
