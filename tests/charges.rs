//! `charges` and `quote` through their JSON entry points, on worked examples computed by
//! hand from the official sources (each test says how), and their properties.

use arrears::api::{charges, quote};
use proptest::prelude::*;
use serde_json::{json, Value};

fn run(entry: fn(&str) -> arrears::Result<String>, input: &Value) -> Value {
    let out = entry(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"))
}

fn invoice(id: &str, issue: &str, due: &str, amount: &str, currency: &str) -> Value {
    json!({"id": id, "customerId": "c1", "issueDate": issue, "dueDate": due, "amount": amount, "currency": currency})
}

fn payment(id: &str, date: &str, amount: &str, currency: &str) -> Value {
    json!({"id": id, "customerId": "c1", "date": date, "amount": amount, "currency": currency})
}

/// gov.uk, "Late commercial payments: charging interest and debt recovery": a £1,000 debt
/// with the base rate at 0.5% carries 8.5% statutory interest; the page rounds the daily
/// interest to 23p and shows £11.50 for 50 days. Computed once for the 50 days:
/// 1,000 × 0.085 × 50 / 365 = 11.6438 → £11.64. A debt of £1,000 to £9,999.99 also carries
/// £70 of fixed compensation.
#[test]
fn gov_uk_worked_example_with_the_base_rate_at_half_a_percent() {
    let report = run(
        charges,
        &json!({
            "asOf": "2024-02-20",
            "invoices": [invoice("A", "2023-12-01", "2024-01-01", "1000.00", "GBP")],
            "policy": {
                "interest": {"regime": "UK-LPA", "referenceRates": [{"from": "2000-01-01", "rate": "0.005"}]},
                "compensation": {"regime": "UK-LPA"}
            }
        }),
    );
    let a = &report["invoices"][0];
    assert_eq!(a["interest"][0]["annualRate"], "0.085");
    assert_eq!(a["interest"][0]["days"], 50);
    assert_eq!(a["interestTotal"], "11.64");
    assert_eq!(a["compensation"], "70.00");
    assert_eq!(a["due"], "1081.64");
    assert_eq!(report["totals"][0]["due"], "1081.64");
}

/// UK-LPA with the shipped Bank Rate table: £5,000 due 31 March 2024 becomes overdue on
/// 1 April (January to June), so the rate is the base rate on 31 December 2023, 5.25%
/// (Bank of England, since 3 August 2023), + 8 = 13.25%, fixed for the debt. Paid in full
/// on 30 May 2024: T − D = 60 days, 5,000 × 0.1325 × 60 / 365 = 108.9041 → £108.90; the
/// £5,000 payment pays the £70 compensation and the £108.90 of interest first, leaving
/// 5,000 − 178.90 = 4,821.10 of principal paid and £178.90 of principal open, which
/// accrues from 31 May: 178.90 × 0.1325 × 31 / 365 = 2.0132 → £2.01 through 30 June.
#[test]
fn uk_statutory_interest_runs_to_the_payment_and_on_what_it_left() {
    let report = run(
        charges,
        &json!({
            "asOf": "2024-06-30",
            "invoices": [invoice("A", "2024-03-01", "2024-03-31", "5000.00", "GBP")],
            "payments": [payment("P", "2024-05-30", "5000.00", "GBP")],
            "policy": {"interest": {"regime": "UK-LPA"}, "compensation": {"regime": "UK-LPA"}}
        }),
    );
    let a = &report["invoices"][0];
    let periods = a["interest"].as_array().cloned().unwrap_or_default();
    assert_eq!(periods.len(), 2);
    assert_eq!(
        (&periods[0]["from"], &periods[0]["to"], &periods[0]["days"]),
        (&json!("2024-04-01"), &json!("2024-05-30"), &json!(60))
    );
    assert_eq!(periods[0]["annualRate"], "0.1325");
    assert_eq!(periods[0]["amount"], "108.90");
    assert_eq!(
        (
            &periods[1]["from"],
            &periods[1]["base"],
            &periods[1]["amount"]
        ),
        (&json!("2024-05-31"), &json!("178.90"), &json!("2.01"))
    );
    assert_eq!(
        a["paid"],
        json!({"fees": "70.00", "interest": "108.90", "principal": "4821.10"})
    );
    assert_eq!(a["principal"], "178.90");
    assert_eq!(a["due"], "180.91");
}

/// §288 BGB between businesses: 9 points over the Basiszinssatz, which the Bundesbank set at
/// 3.62% from 1 January 2024 and 3.37% from 1 July 2024. €10,000 due 15 June 2024, as of
/// 14 August: 16-30 June (15 days) at 12.62%: 10,000 × 0.1262 × 15 / 365 = 51.8630 → 51.86;
/// 1 July - 14 August (45 days) at 12.37%: 10,000 × 0.1237 × 45 / 365 = 152.5068 → 152.51;
/// and the €40 lump sum of §288(5). With a consumer (b2c): 5 points, no lump sum:
/// 10,000 × 0.0862 × 15 / 365 = 35.4247 → 35.42; 10,000 × 0.0837 × 45 / 365 = 103.1918 → 103.19.
#[test]
fn german_statutory_interest_changes_with_the_half_year() {
    let input = |parties: &str| {
        json!({
            "asOf": "2024-08-14",
            "invoices": [invoice("A", "2024-05-15", "2024-06-15", "10000.00", "EUR")],
            "policy": {"parties": parties, "interest": {"regime": "DE-288"}, "compensation": {"regime": "DE-288"}}
        })
    };
    let b2b = run(charges, &input("b2b"));
    let amounts: Vec<&Value> = b2b["invoices"][0]["interest"]
        .as_array()
        .map(|p| p.iter().map(|p| &p["amount"]).collect())
        .unwrap_or_default();
    assert_eq!(amounts, [&json!("51.86"), &json!("152.51")]);
    assert_eq!(b2b["invoices"][0]["compensation"], "40.00");
    assert_eq!(b2b["invoices"][0]["due"], "10244.37");
    let b2c = run(charges, &input("b2c"));
    let amounts: Vec<&Value> = b2c["invoices"][0]["interest"]
        .as_array()
        .map(|p| p.iter().map(|p| &p["amount"]).collect())
        .unwrap_or_default();
    assert_eq!(amounts, [&json!("35.42"), &json!("103.19")]);
    assert_eq!(b2c["invoices"][0]["compensation"], "0.00");
}

/// Directive 2011/7/EU and L441-10: the ECB main refinancing rate on 1 July 2024 was 4.25%
/// (cut on 12 June 2024), on 1 January 2025 3.15% (cut on 18 December 2024). €1,000 due
/// 30 November 2024, as of 31 January 2025: 1-31 December (31 days) and 1-31 January
/// (31 days). EU, + 8: 1,000 × 0.1225 × 31 / 365 = 10.4041 → 10.40 and 1,000 × 0.1115 ×
/// 31 / 365 = 9.4699 → 9.47. France, + 10: 12.3973 → 12.40 and 11.1685 → 11.17.
#[test]
fn eu_and_french_rates_follow_the_ecb_each_half_year() {
    let amounts = |regime: &str| {
        let report = run(
            charges,
            &json!({
                "asOf": "2025-01-31",
                "invoices": [invoice("A", "2024-10-31", "2024-11-30", "1000.00", "EUR")],
                "policy": {"interest": {"regime": regime}}
            }),
        );
        report["invoices"][0]["interest"]
            .as_array()
            .map(|p| p.iter().map(|p| p["amount"].clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(amounts("EU-2011-7"), [json!("10.40"), json!("9.47")]);
    assert_eq!(amounts("FR-L441-10"), [json!("12.10"), json!("11.17")]);
}

/// A flat fee 10 days after the due date, then every month (keeping the day, clamped at
/// the month's end), at most three times: due 20 January 2024 → 31 January, 29 February,
/// 31 March. A percent fee of 1.5% of the open principal, at most twice, with a payment of
/// 600.00 on 29 February counted before that day's fees.
#[test]
fn fee_rules_assess_on_their_days_within_their_bounds() {
    let report = run(
        charges,
        &json!({
            "asOf": "2024-04-30",
            "invoices": [invoice("A", "2024-01-01", "2024-01-20", "2000.00", "EUR")],
            "payments": [payment("P", "2024-02-29", "600.00", "EUR")],
            "policy": {"fees": [
                {"id": "reminder", "kind": "flat", "amount": "25", "graceDays": 10, "every": {"months": 1}, "maxCount": 3},
                {"id": "late", "kind": "percent", "percent": "1.5", "graceDays": 10, "every": {"months": 1}, "maxCount": 2, "capPerInvoice": "200"}
            ]}
        }),
    );
    let fees: Vec<(String, String, String)> = report["invoices"][0]["fees"]
        .as_array()
        .map(|f| {
            f.iter()
                .map(|f| {
                    (
                        f["date"].as_str().unwrap_or("").to_owned(),
                        f["rule"].as_str().unwrap_or("").to_owned(),
                        f["amount"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // 31 Jan: 25.00 and 1.5% of 2,000.00 = 30.00. 29 Feb: the 600.00 pays the 55.00 of fees
    // first, then 545.00 of principal (1,455.00 open); 25.00, and 1.5% of 1,455.00 =
    // 21.825 → 21.82 (half-even: 2 is even). 31 Mar: 25.00 only (the percent rule's
    // maxCount is 2).
    let expected = [
        ("2024-01-31", "reminder", "25.00"),
        ("2024-01-31", "late", "30.00"),
        ("2024-02-29", "reminder", "25.00"),
        ("2024-02-29", "late", "21.82"),
        ("2024-03-31", "reminder", "25.00"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(fees, expected);
    let a = &report["invoices"][0];
    assert_eq!(
        a["paid"],
        json!({"fees": "55.00", "interest": "0.00", "principal": "545.00"})
    );
    assert_eq!(a["feesTotal"], "126.82");
    assert_eq!(a["due"], "1526.82"); // 1,455.00 + 25.00 + 21.82 + 25.00
}

/// Caps: a 40.00 flat fee every 10 days, at most 100.00 per invoice and 5% of the invoice's
/// amount (1,000.00 → 50.00): 40.00, then 10.00 (capped by the percent cap), then nothing.
#[test]
fn caps_cut_fees_and_say_which_bound_did() {
    let report = run(
        charges,
        &json!({
            "asOf": "2024-03-31",
            "invoices": [invoice("A", "2024-01-01", "2024-01-31", "1000.00", "EUR")],
            "policy": {"fees": [{"id": "late", "kind": "flat", "amount": "40", "every": {"days": 10},
                                 "capPerInvoice": "100", "capPercentOfPrincipal": "5"}]}
        }),
    );
    let fees = &report["invoices"][0]["fees"];
    assert_eq!(fees.as_array().map(Vec::len), Some(2));
    assert_eq!(fees[0]["amount"], "40.00");
    assert_eq!(fees[0].get("capped"), None);
    assert_eq!(
        (&fees[1]["amount"], &fees[1]["capped"]),
        (&json!("10.00"), &json!("capPercentOfPrincipal"))
    );
}

/// A disputed invoice accrues interest as usual but no fees and no compensation.
#[test]
fn disputed_invoices_accrue_interest_but_no_fees() {
    let mut disputed = invoice("A", "2024-01-01", "2024-01-31", "1000.00", "EUR");
    disputed["disputed"] = json!(true);
    let report = run(
        charges,
        &json!({
            "asOf": "2024-03-31",
            "invoices": [disputed],
            "policy": {"fees": [{"id": "late", "kind": "flat", "amount": "40"}],
                       "interest": {"annualRate": "0.1"}, "compensation": {"regime": "EU-2011-7"}}
        }),
    );
    let a = &report["invoices"][0];
    assert_eq!(a["fees"], json!([]));
    assert_eq!(a["compensation"], "0.00");
    // 60 days at 10% on 1,000.00: 16.4384 → 16.44.
    assert_eq!(a["interestTotal"], "16.44");
}

/// Monthly compounding: 12% a year on 1,000.00 from 1 March 2024 (ACT/365F). March (31
/// days): 1,000 × 0.12 × 31 / 365 = 10.1918 → 10.19, added to the base on 1 April; April
/// (30 days) on 1,010.19: 9.9635 → 9.96.
#[test]
fn monthly_compounding_adds_interest_to_the_base_on_each_anniversary() {
    let report = run(
        charges,
        &json!({
            "asOf": "2024-04-30",
            "invoices": [invoice("A", "2024-02-01", "2024-02-29", "1000.00", "EUR")],
            "policy": {"interest": {"annualRate": "0.12", "method": "compound", "compounding": "monthly"}}
        }),
    );
    let periods = &report["invoices"][0]["interest"];
    assert_eq!(
        (
            &periods[0]["amount"],
            &periods[1]["base"],
            &periods[1]["amount"]
        ),
        (&json!("10.19"), &json!("1010.19"), &json!("9.96"))
    );
}

/// The waterfall is the policy's: principal first leaves the fee and interest owed.
#[test]
fn the_waterfall_orders_what_a_payment_pays() {
    let input = |waterfall: Value| {
        json!({
            "asOf": "2024-03-01",
            "invoices": [invoice("A", "2024-01-01", "2024-01-31", "100.00", "EUR")],
            "payments": [payment("P", "2024-02-15", "100.00", "EUR")],
            "policy": {"fees": [{"id": "late", "kind": "flat", "amount": "10"}], "waterfall": waterfall}
        })
    };
    let fees_first = run(charges, &input(json!(["fees", "interest", "principal"])));
    assert_eq!(
        fees_first["invoices"][0]["paid"],
        json!({"fees": "10.00", "interest": "0.00", "principal": "90.00"})
    );
    let principal_first = run(charges, &input(json!(["principal", "fees", "interest"])));
    assert_eq!(
        principal_first["invoices"][0]["paid"],
        json!({"fees": "0.00", "interest": "0.00", "principal": "100.00"})
    );
    assert_eq!(principal_first["invoices"][0]["due"], "10.00");
}

/// The quote of the issue's example, its total the sum of its lines, and the per diem:
/// 1,000 × 0.1275 / 365 = 0.3493 → 0.35.
#[test]
fn a_quote_itemises_what_it_totals() {
    let q = run(
        quote,
        &json!({
            "asOf": "2026-11-20", "goodThrough": "2026-11-22",
            "invoices": [invoice("A", "2026-01-01", "2026-03-01", "1000.00", "EUR")],
            "policy": {"interest": {"annualRate": "0.1275"}}
        }),
    );
    assert_eq!(q["total"], "1092.92");
    assert_eq!(q["perDiem"], "0.35");
    assert_eq!(
        q["lines"][0]["text"],
        "Invoice A of 1 Jan 2026, due 1 Mar 2026: 1,000.00"
    );
    assert_eq!(q["lines"][1]["text"], "Interest at 12.75% a year on 1,000.00 from 2 Mar 2026 to 22 Nov 2026 (266 days, ACT/365F): 92.92");
}

/// A fee due on `goodThrough` is not in the quote (a payment that day counts first), one due
/// the day before is; disputed invoices are listed apart unless asked for.
#[test]
fn quotes_leave_out_fees_of_their_last_day_and_disputed_invoices() {
    let mut disputed = invoice("B", "2024-01-01", "2024-01-31", "500.00", "EUR");
    disputed["disputed"] = json!(true);
    let input = |good_through: &str, include: bool| {
        json!({
            "asOf": "2024-02-01", "goodThrough": good_through, "includeDisputed": include,
            "invoices": [invoice("A", "2024-01-01", "2024-01-31", "1000.00", "EUR"), disputed],
            "policy": {"fees": [{"id": "late", "kind": "flat", "amount": "25", "graceDays": 4}]}
        })
    };
    // The fee falls on 31 January + 4 + 1 = 5 February.
    assert_eq!(run(quote, &input("2024-02-05", false))["total"], "1000.00");
    assert_eq!(run(quote, &input("2024-02-06", false))["total"], "1025.00");
    let with_disputed = run(quote, &input("2024-02-06", true));
    assert_eq!(with_disputed["total"], "1525.00");
    assert_eq!(
        run(quote, &input("2024-02-06", false))["disputed"][0]["id"],
        "B"
    );
}

fn sum_of_lines(q: &Value) -> i64 {
    q["lines"]
        .as_array()
        .map(|l| l.iter().map(|l| cents(&l["amount"])).sum())
        .unwrap_or(0)
}

fn cents(v: &Value) -> i64 {
    let text = v.as_str().unwrap_or("0").replace('.', "");
    text.parse().unwrap_or(i64::MIN)
}

fn ledger(
    amounts: &[u32],
    payments: &[(u32, u32)],
    disputed: &[bool],
    pay_order: bool,
) -> (Value, Value) {
    let invoices: Vec<Value> = amounts
        .iter()
        .zip(disputed)
        .enumerate()
        .map(|(i, (&cents, &disputed))| {
            let issue = format!("2024-01-{:02}", 1 + i % 28);
            let due = format!("2024-02-{:02}", 1 + i % 28);
            let mut v = invoice(
                &format!("I{i}"),
                &issue,
                &due,
                &format!("{}.{:02}", cents / 100, cents % 100),
                "EUR",
            );
            v["disputed"] = json!(disputed);
            v
        })
        .collect();
    let mut list: Vec<Value> = payments
        .iter()
        .enumerate()
        .map(|(i, &(day, cents))| {
            payment(
                &format!("P{i}"),
                &format!("2024-{:02}-{:02}", 2 + day / 28, 1 + day % 28),
                &format!("{}.{:02}", 1 + cents / 100, cents % 100),
                "EUR",
            )
        })
        .collect();
    if pay_order {
        list.reverse();
    }
    let policy = json!({
        "fees": [{"id": "late", "kind": "percent", "percent": "2", "every": {"days": 15}, "min": "5", "capPerInvoice": "60", "capPerAccount": "200"}],
        "interest": {"annualRate": "0.18"}
    });
    (
        json!({"invoices": invoices, "payments": list, "policy": policy}),
        json!(null),
    )
}

proptest! {
    /// What a ledger's charges are does not depend on the order its payments are listed in:
    /// a payment entered late (listed last, dated in the past) gives what it gives entered on
    /// time; and quotes total their lines, caps hold, and disputed invoices carry no fees.
    #[test]
    fn charges_follow_the_dates_not_the_input_order(
        amounts in prop::collection::vec(100u32..500_000, 1..6),
        payments in prop::collection::vec((0u32..100, 0u32..300_000), 0..6),
        disputed in prop::collection::vec(any::<bool>(), 6),
        day in 0u32..200,
    ) {
        let disputed = &disputed[..amounts.len()];
        let as_of = format!("2024-{:02}-{:02}", 2 + day / 28, 1 + day % 28);
        let (mut a, _) = ledger(&amounts, &payments, disputed, false);
        let (mut b, _) = ledger(&amounts, &payments, disputed, true);
        a["asOf"] = json!(as_of);
        b["asOf"] = json!(as_of);
        let (ra, rb) = (run(charges, &a), run(charges, &b));
        prop_assert_eq!(&ra["totals"], &rb["totals"]);
        let mut account_fees = 0;
        for invoice in ra["invoices"].as_array().cloned().unwrap_or_default() {
            let fees: i64 = invoice["fees"].as_array().map(|f| f.iter().map(|f| cents(&f["amount"])).sum()).unwrap_or(0);
            prop_assert!(fees <= 6000, "capPerInvoice: {}", fees);
            account_fees += fees;
            let i: usize = invoice["id"].as_str().and_then(|s| s[1..].parse().ok()).unwrap_or(0);
            if disputed[i] {
                prop_assert_eq!(fees, 0);
            }
        }
        prop_assert!(account_fees <= 20000, "capPerAccount: {}", account_fees);
        let mut q = a.clone();
        q["goodThrough"] = json!("2024-12-31");
        q["includeDisputed"] = json!(true);
        let q = run(quote, &q);
        prop_assert_eq!(sum_of_lines(&q), cents(&q["total"]));
    }

    /// Interest is zero up to its start and never falls as the evaluation day moves later
    /// with nothing paid.
    #[test]
    fn interest_grows_with_time_from_its_start(amount in 100u32..10_000_000, later in 0u32..400, grace in 0u32..20) {
        let at = |day: u32| {
            let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 31).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
            let input = json!({
                "asOf": date.map(|d| d.to_string()),
                "invoices": [invoice("A", "2024-01-01", "2024-01-31", &format!("{}.{:02}", amount / 100, amount % 100), "EUR")],
                "policy": {"interest": {"annualRate": "0.09", "graceDays": grace}}
            });
            cents(&run(charges, &input)["invoices"][0]["interestTotal"])
        };
        prop_assert_eq!(at(grace), 0);
        prop_assert!(at(later) <= at(later + 1));
        prop_assert!(at(later + 1) <= at(later + 30));
    }
}

/// A debt paid the day after its due date was late: the fixed compensation is owed with the
/// day's interest (Directive 2011/7/EU art. 6(1): the sum is owed where interest for late
/// payment becomes payable). £2,150 due 2 December 2026 under UK-LPA, quoted good through
/// 3 December: £70 (a debt of £1,000 to £9,999.99) and one day of interest.
#[test]
fn compensation_is_owed_from_the_first_day_late() {
    let q = run(
        quote,
        &json!({
            "asOf": "2026-12-02", "goodThrough": "2026-12-03",
            "invoices": [invoice("A", "2026-11-02", "2026-12-02", "2150.00", "GBP")],
            "policy": {"interest": {"regime": "UK-LPA", "referenceRates": [{"from": "2000-01-01", "rate": "0.0375"}]},
                       "compensation": {"regime": "UK-LPA"}}
        }),
    );
    // 2,150 × 0.1175 / 365 = 0.6921 → 0.69.
    assert_eq!(q["invoices"][0]["compensation"], "70.00");
    assert_eq!(q["total"], "2220.69");
}
