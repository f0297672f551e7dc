//! `paymentBehaviour` and `metrics` through their JSON entry points, on worked examples.

use arrears::api::{metrics, payment_behaviour};
use serde_json::{json, Value};

fn call(f: fn(&str) -> arrears::Result<String>, input: &Value) -> Value {
    let out = f(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"))
}

fn invoice(id: &str, issue: &str, due: &str, amount: &str) -> Value {
    json!({"id": id, "customerId": "c1", "issueDate": issue, "dueDate": due, "amount": amount, "currency": "EUR"})
}

fn payment(id: &str, date: &str, amount: &str) -> Value {
    json!({"id": id, "customerId": "c1", "date": date, "amount": amount, "currency": "EUR"})
}

/// As of 2024-06-30, oldest first (payments go I1, I2, I3 in due-date order):
/// - I1 due 01-31, 100.00, paid by P1 on 02-10: 10 days late
/// - I2 due 03-02, 300.00, paid by P2 on 03-01: early, 0 days late
/// - I3 due 03-31, 200.00, paid by P3 (150.00, 04-30) and P4 (50.00, 05-10); closed by P4:
///   paid 05-10, 30 + 10 = 40 days late
/// - I4 due 05-31, 400.00, open: 30 days past due
///
/// Average (10 + 0 + 40) / 3 = 16.67; weighted (10×100 + 0×300 + 40×200) / 600 = 15.00;
/// paid late 2 of 3 = 66.67 %; longest 40; account age 2024-01-01 to 2024-06-30 = 181 days.
#[test]
fn payment_behaviour_worked_example() {
    let report = call(
        payment_behaviour,
        &json!({
            "asOf": "2024-06-30",
            "invoices": [
                invoice("I1", "2024-01-01", "2024-01-31", "100.00"),
                invoice("I2", "2024-02-01", "2024-03-02", "300.00"),
                invoice("I3", "2024-03-01", "2024-03-31", "200.00"),
                invoice("I4", "2024-05-01", "2024-05-31", "400.00"),
            ],
            "payments": [
                payment("P1", "2024-02-10", "100.00"),
                payment("P2", "2024-03-01", "300.00"),
                payment("P3", "2024-04-30", "150.00"),
                payment("P4", "2024-05-10", "50.00"),
            ],
            "credits": [],
        }),
    );
    assert_eq!(
        report["customers"][0],
        json!({
            "customerId": "c1", "currency": "EUR", "invoices": 4, "paidInvoices": 3, "paidLate": 2,
            "averageDaysLate": "16.67", "weightedAverageDaysLate": "15.00", "percentPaidLate": "66.67",
            "longestDelayDays": 40, "overdueInvoices": 1, "lastPaymentDate": "2024-05-10",
            "accountAgeDays": 181,
        })
    );
}

/// The CEI worked example of creditguru.com ("Collection Effectiveness Index (CEI)") and
/// wizedu.com: beginning receivables 6,200, credit sales 10,890, ending total 6,340, ending
/// current 3,590; CEI = (6200 + 10890 − 6340) / (6200 + 10890 − 3590) = 10750 / 13500 = 79.63 %.
///
/// Built as a ledger over the 91 days ending 2024-03-31 (start 2023-12-31):
/// - B0 issued 2023-12-01, 6,200, open at the start; paid by a payment on 2024-02-15
/// - S1 issued 2024-01-15, due 2024-02-14, 2,750: open and past due at the end
/// - S2 issued 2024-03-15, due 2024-04-14, 3,590: open and current at the end
/// - S3 issued 2024-02-01, 4,550: paid on 2024-03-10 (applied to it explicitly)
///
/// Sales 2750 + 3590 + 4550 = 10,890; ending 6,340, current 3,590. By hand:
/// - DSO = 6340 / 10890 × 91 = 52.98; best possible = 3590 / 10890 × 91 = 30.00 (29.9991);
///   ADD = 2750 / 10890 × 91 = 22.98; percent current = 3590 / 6340 = 56.62 %
/// - countback: March (31 days) sales 3,590 leaves 2,750; February (29 days) sales 4,550:
///   31 + 2750 / 4550 × 29 = 31 + 17.53 = 48.53
#[test]
fn metrics_worked_example() {
    let report = call(
        metrics,
        &json!({
            "asOf": "2024-03-31",
            "periodDays": 91,
            "invoices": [
                invoice("B0", "2023-12-01", "2023-12-31", "6200"),
                invoice("S1", "2024-01-15", "2024-02-14", "2750"),
                invoice("S2", "2024-03-15", "2024-04-14", "3590"),
                invoice("S3", "2024-02-01", "2024-03-02", "4550"),
            ],
            "payments": [
                payment("P0", "2024-02-15", "6200"),
                {"id": "P1", "customerId": "c1", "date": "2024-03-10", "amount": "4550", "currency": "EUR",
                 "appliesTo": [{"invoiceId": "S3", "amount": "4550"}]},
            ],
            "credits": [],
        }),
    );
    assert_eq!(report["periodStart"], "2023-12-31");
    assert_eq!(
        report["currencies"][0],
        json!({
            "currency": "EUR",
            "beginningReceivables": "6200.00", "creditSales": "10890.00",
            "endingReceivables": "6340.00", "endingCurrentReceivables": "3590.00",
            "dso": "52.98", "countbackDso": "48.53", "bestPossibleDso": "30.00",
            "averageDaysDelinquent": "22.98", "collectionEffectivenessIndex": "79.63",
            "percentCurrent": "56.62",
        })
    );
}

#[test]
fn metrics_without_sales_are_null_and_bad_periods_refused() {
    let input = json!({"asOf": "2024-03-31", "periodDays": 30, "invoices": [invoice("A", "2023-01-01", "2023-01-31", "10")]});
    let report = call(metrics, &input);
    assert_eq!(report["currencies"][0]["dso"], Value::Null);
    assert_eq!(report["currencies"][0]["percentCurrent"], "0.00");
    for days in [0, -1, 40_000] {
        let mut bad = input.clone();
        bad["periodDays"] = json!(days);
        let e = metrics(&bad.to_string())
            .err()
            .map(|e| (e.code().as_str(), e.path().to_owned()));
        assert_eq!(e, Some(("out_of_range", "periodDays".to_owned())), "{days}");
    }
}
