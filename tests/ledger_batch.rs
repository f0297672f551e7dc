//! agingBatch: CSV and typed columns give the report `aging` gives for the same records,
//! with values worked out by hand.

use arrears::api::{aging, aging_batch, aging_batch_columns, aging_batch_csv};
use arrears::ledger::batch::columns::{Columns, InvoiceColumns, ReceiptColumns};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

// A worked example, as of 2024-03-31, default buckets by days past due:
// acme, EUR
//   A issued 2024-01-01, due 2024-01-31, 100.00: 60 days past due (31-60)
//   B issued 2024-02-15, due 2024-03-15,  50.00: 16 days past due (1-30)
//   C issued 2024-03-20, due 2024-04-19,  30.00: due in 19 days (Current)
//   D issued 2024-04-05: after asOf, ignored
//   P1 2024-03-20, 20.00 names B: B has 30.00 open
//   P2 2024-03-25, 110.00 names none: oldest due first, A 100.00 (paid), B 10.00 (20.00 open)
//   P3 2024-04-02: after asOf, ignored
//   => Current 30.00 (1 invoice), 1-30 20.00 (1), others 0; total 50.00; no unapplied cash
// beta, USD
//   E issued 2023-10-01, due 2023-10-31, 200.00: 152 days past due (over 120)
//   Q 2024-01-05, 250.00 names none: pays E, 50.00 left unapplied
//   => total 0.00, unapplied cash 50.00
const INVOICES_CSV: &str = "\
id,customerId,issueDate,dueDate,amount,currency
A,acme,2024-01-01,2024-01-31,100.00,EUR
B,acme,2024-02-15,2024-03-15,50.00,EUR
C,acme,2024-03-20,2024-04-19,30.00,EUR
D,acme,2024-04-05,2024-05-05,999.00,EUR
E,beta,2023-10-01,2023-10-31,200.00,USD
";
// Columns in another order than the invoices', the empty invoiceId last.
const PAYMENTS_CSV: &str = "\
date,id,amount,customerId,invoiceId,currency
2024-03-20,P1,20.00,acme,B,EUR
2024-03-25,P2,110.00,acme,,EUR
2024-04-02,P3,500.00,acme,,EUR
2024-01-05,Q,250.00,beta,,USD
";

fn check_worked_example(out: &str) -> TestResult {
    let report: Value = serde_json::from_str(out)?;
    let eur = &report["currencies"][0];
    assert_eq!(eur["currency"], "EUR");
    let amounts: Vec<&str> = eur["buckets"]
        .as_array()
        .ok_or("buckets")?
        .iter()
        .filter_map(|b| b["amount"].as_str())
        .collect();
    assert_eq!(amounts, ["30.00", "20.00", "0.00", "0.00", "0.00", "0.00"]);
    let counts: Vec<u64> = eur["buckets"]
        .as_array()
        .ok_or("buckets")?
        .iter()
        .filter_map(|b| b["count"].as_u64())
        .collect();
    assert_eq!(counts, [1, 1, 0, 0, 0, 0]);
    assert_eq!(eur["total"], "50.00");
    let usd = &report["currencies"][1];
    assert_eq!(
        (&usd["total"], &usd["unappliedCash"]),
        (&Value::from("0.00"), &Value::from("50.00"))
    );
    let customers = report["customers"].as_array().ok_or("customers")?;
    assert_eq!(customers.len(), 2);
    assert_eq!(
        (&customers[0]["customerId"], &customers[0]["total"]),
        (&Value::from("acme"), &Value::from("50.00"))
    );
    assert_eq!(customers[1]["unappliedCash"], "50.00");
    assert_eq!(report["ignored"]["invoices"], 1);
    assert_eq!(report["ignored"]["payments"], 1);
    Ok(())
}

#[test]
fn csv_gives_the_worked_example() -> TestResult {
    let request = serde_json::json!({
        "asOf": "2024-03-31", "invoicesCsv": INVOICES_CSV, "paymentsCsv": PAYMENTS_CSV,
    });
    check_worked_example(&aging_batch(&request.to_string())?)?;
    let direct = aging_batch_csv(
        r#"{"asOf":"2024-03-31"}"#,
        INVOICES_CSV,
        Some(PAYMENTS_CSV),
        None,
    )?;
    check_worked_example(&direct)
}

#[test]
fn columns_give_what_csv_and_aging_give() -> TestResult {
    // Days since 1970-01-01 of the dates above (Date.parse(d) / 86400000 in JS).
    let day = |d: &str| -> Result<i32, Box<dyn std::error::Error>> {
        let date = arrears::dates::parse_date(d)?;
        let epoch = arrears::dates::parse_date("1970-01-01")?;
        Ok(i32::try_from((date - epoch).num_days())?)
    };
    let issue = [
        "2024-01-01",
        "2024-02-15",
        "2024-03-20",
        "2024-04-05",
        "2023-10-01",
    ]
    .map(day);
    let due = [
        "2024-01-31",
        "2024-03-15",
        "2024-04-19",
        "2024-05-05",
        "2023-10-31",
    ]
    .map(day);
    let paid = ["2024-03-20", "2024-03-25", "2024-04-02", "2024-01-05"].map(day);
    let collect = |v: [Result<i32, _>; 5]| v.into_iter().collect::<Result<Vec<i32>, _>>();
    let (issue, due) = (collect(issue)?, collect(due)?);
    let paid = paid.into_iter().collect::<Result<Vec<i32>, _>>()?;
    let columns = Columns {
        customers: "acme\nbeta",
        currencies: "EUR\nUSD",
        invoices: InvoiceColumns {
            id: "A\nB\nC\nD\nE",
            customer: &[0, 0, 0, 0, 1],
            issue_date: &issue,
            due_date: &due,
            amount_minor: &[10000, 5000, 3000, 99900, 20000],
            currency: &[0, 0, 0, 0, 1],
            disputed: &[],
        },
        payments: ReceiptColumns {
            id: "P1\nP2\nP3\nQ",
            customer: &[0, 0, 0, 1],
            date: &paid,
            amount_minor: &[2000, 11000, 50000, 25000],
            currency: &[0, 0, 0, 1],
            invoice: &[1, -1, -1, -1],
        },
        credits: ReceiptColumns::default(),
    };
    let from_columns = aging_batch_columns(r#"{"asOf":"2024-03-31"}"#, &columns)?;
    check_worked_example(&from_columns)?;
    let from_csv = aging_batch_csv(
        r#"{"asOf":"2024-03-31"}"#,
        INVOICES_CSV,
        Some(PAYMENTS_CSV),
        None,
    )?;
    assert_eq!(from_columns, from_csv);

    let invoice = |id: &str, c: &str, i: &str, d: &str, a: &str, cur: &str| serde_json::json!({"id": id, "customerId": c, "issueDate": i, "dueDate": d, "amount": a, "currency": cur});
    let payment = |id: &str, c: &str, d: &str, a: &str, cur: &str| serde_json::json!({"id": id, "customerId": c, "date": d, "amount": a, "currency": cur});
    let mut p1 = payment("P1", "acme", "2024-03-20", "20.00", "EUR");
    p1["appliesTo"] = serde_json::json!([{"invoiceId": "B", "amount": "20.00"}]);
    let request = serde_json::json!({
        "asOf": "2024-03-31",
        "include": ["buckets", "customers", "currencies"],
        "invoices": [
            invoice("A", "acme", "2024-01-01", "2024-01-31", "100.00", "EUR"),
            invoice("B", "acme", "2024-02-15", "2024-03-15", "50.00", "EUR"),
            invoice("C", "acme", "2024-03-20", "2024-04-19", "30.00", "EUR"),
            invoice("D", "acme", "2024-04-05", "2024-05-05", "999.00", "EUR"),
            invoice("E", "beta", "2023-10-01", "2023-10-31", "200.00", "USD"),
        ],
        "payments": [
            p1,
            payment("P2", "acme", "2024-03-25", "110.00", "EUR"),
            payment("P3", "acme", "2024-04-02", "500.00", "EUR"),
            payment("Q", "beta", "2024-01-05", "250.00", "USD"),
        ],
    });
    assert_eq!(aging(&request.to_string())?, from_csv);
    Ok(())
}

#[test]
fn options_are_checked() {
    let code = |json: &str| {
        aging_batch(json).map_err(|e| (e.code().as_str().to_owned(), e.path().to_owned()))
    };
    let invoices = serde_json::to_string(INVOICES_CSV).unwrap_or_default();
    assert_eq!(
        code(&format!(
            r#"{{"asOf":"2024-03-31","invoicesCsv":{invoices},"buckets":[30,10]}}"#
        )),
        Err(("out_of_range".into(), "buckets[1]".into()))
    );
    assert_eq!(
        code(&format!(
            r#"{{"asOf":"2024-03-31","invoicesCsv":{invoices},"include":["buckets"]}}"#
        )),
        Err(("unknown_field".into(), "include".into()))
    );
    assert_eq!(
        code(r#"{"asOf":"2024-03-31"}"#),
        Err(("missing_field".into(), "invoicesCsv".into()))
    );
}
