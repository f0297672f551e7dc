//! `paymentPlan` against the reference schedules of `tests/fixtures/plans/` (computed with
//! exact rationals in Python, checked against numpy-financial 1.0.0; generate.py there), on
//! edge cases, and its properties.

use arrears::api::payment_plan;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn plan(input: &Value) -> arrears::Result<Value> {
    let out = payment_plan(&input.to_string())?;
    Ok(serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}")))
}

fn rows(file: &str) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(format!("tests/fixtures/plans/{file}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    lines
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(l.split(',').map(str::to_owned))
                .collect()
        })
        .collect()
}

fn currency(minor_units: &str) -> &'static str {
    match minor_units {
        "0" => "JPY",
        "3" => "KWD",
        _ => "USD",
    }
}

#[test]
fn schedules_match_the_reference_table() {
    let mut cases: BTreeMap<String, Vec<BTreeMap<String, String>>> = BTreeMap::new();
    for row in rows("schedules.csv") {
        cases.entry(row["case"].clone()).or_default().push(row);
    }
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for (name, installments) in cases {
        let first = &installments[0];
        let mut input = json!({
            "principal": first["principal"], "annualRate": first["annualRate"],
            "frequency": first["frequency"], "method": first["method"], "rounding": first["rounding"],
            "firstDueDate": "2024-01-31", "currency": currency(&first["minorUnits"]),
        });
        match first["count"].as_str() {
            "" => input["payment"] = json!(first["payment_given"]),
            count => input["count"] = json!(count.parse::<u32>().unwrap_or_default()),
        }
        let out = plan(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        let schedule = out["schedule"].as_array().cloned().unwrap_or_default();
        assert_eq!(schedule.len(), installments.len(), "{name}");
        for (got, want) in schedule.iter().zip(&installments) {
            let got = [
                &got["payment"],
                &got["interest"],
                &got["principal"],
                &got["balance"],
            ];
            let want = [
                &want["payment"],
                &want["interest"],
                &want["principal_part"],
                &want["balance"],
            ];
            let want: Vec<Value> = want.iter().map(|w| json!(w)).collect();
            assert_eq!(
                got.map(Clone::clone).to_vec(),
                want,
                "{name} #{}",
                installments.len()
            );
        }
    }
}

/// The level payment equals numpy-financial's `pmt` rounded to the minor unit, for every
/// plan with a rate and at least two installments (count 1 and 0% differ by rule: see the
/// fixture's README).
#[test]
fn level_payments_are_pmt_rounded() {
    let mut checked = 0;
    for row in rows("pmt.csv") {
        if row["annualRate"] == "0" || row["count"] == "1" {
            continue;
        }
        let frequency = match row["periodsPerYear"].as_str() {
            "52" => "weekly",
            "26" => "biweekly",
            "24" => "semimonthly",
            "4" => "quarterly",
            _ => "monthly",
        };
        for (rounding, column) in [
            ("halfEven", "pmt_rounded_half_even"),
            ("halfUp", "pmt_rounded_half_up"),
        ] {
            let input = json!({
                "principal": row["principal"], "annualRate": row["annualRate"], "count": row["count"].parse::<u32>().unwrap_or_default(),
                "frequency": frequency, "firstDueDate": "2024-01-31", "currency": currency(&row["minorUnits"]), "rounding": rounding,
            });
            match plan(&input) {
                Ok(out) => {
                    assert_eq!(out["installment"], json!(row[column]), "{row:?} {rounding}");
                    checked += 1;
                }
                Err(e) => panic!("{row:?}: {e}"),
            }
        }
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn edge_cases_of_counts_and_dates() {
    let base = || json!({"principal": "1200.00", "annualRate": "0.1", "frequency": "monthly", "firstDueDate": "2024-01-31"});
    let code = |patch: Value| {
        let mut input = base();
        for (k, v) in patch.as_object().cloned().unwrap_or_default() {
            input[k] = v;
        }
        plan(&input)
            .err()
            .map(|e| (e.code().as_str().to_owned(), e.path()))
    };
    let error = |code: &str, path: &str| Some((code.to_owned(), path.to_owned()));
    assert_eq!(code(json!({"count": 600})), None);
    assert_eq!(code(json!({"count": 601})), error("out_of_range", "count"));
    assert_eq!(code(json!({"count": 0})), error("out_of_range", "count"));
    assert_eq!(code(json!({})), error("invalid_input", "count"));
    assert_eq!(
        code(json!({"count": 3, "payment": "100"})),
        error("invalid_input", "count")
    );
    // 1,200.00 at 10% monthly: the first interest is 10.00, so 10.00 never repays it.
    assert_eq!(
        code(json!({"payment": "10.00"})),
        error("out_of_range", "payment")
    );
    assert_eq!(
        code(json!({"principal": "0.05", "count": 12})),
        error("out_of_range", "count")
    );
    assert_eq!(
        code(json!({"annualRate": "10.01", "count": 3})),
        error("out_of_range", "annualRate")
    );
    assert_eq!(
        code(json!({"count": 3, "method": "interestOnlyBalloon", "annualRate": "0"})),
        error("out_of_range", "annualRate")
    );
    // Due dates keep the 31st and clamp: 31 January, 29 February, 31 March.
    let three = plan(
        &json!({"principal": "300.00", "annualRate": "0", "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-31"}),
    );
    let dates: Vec<Value> = three
        .map(|p| {
            p["schedule"]
                .as_array()
                .map(|s| s.iter().map(|i| i["dueDate"].clone()).collect())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    assert_eq!(
        dates,
        [
            json!("2024-01-31"),
            json!("2024-02-29"),
            json!("2024-03-31")
        ]
    );
    // Semimonthly: the day and 15 days later; quarterly keeps the day.
    let dates = |frequency: &str, first: &str| {
        let p = plan(
            &json!({"principal": "400.00", "annualRate": "0", "count": 4, "frequency": frequency, "firstDueDate": first}),
        );
        p.map(|p| {
            p["schedule"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .map(|i| i["dueDate"].as_str().unwrap_or("").to_owned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .unwrap_or_default()
    };
    assert_eq!(
        dates("semimonthly", "2024-01-01"),
        ["2024-01-01", "2024-01-16", "2024-02-01", "2024-02-16"]
    );
    assert_eq!(
        dates("quarterly", "2024-11-30"),
        ["2024-11-30", "2025-02-28", "2025-05-30", "2025-08-30"]
    );
    // A calendar moves due dates, not amounts: 30 March 2024 is a Saturday (and 1 April
    // Easter Monday in GB): following gives 2 April.
    let moved = plan(
        &json!({"principal": "300.00", "annualRate": "0.12", "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-30", "calendar": "GB"}),
    );
    let plain = plan(
        &json!({"principal": "300.00", "annualRate": "0.12", "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-30"}),
    );
    let (moved, plain) = (moved.unwrap_or_default(), plain.unwrap_or_default());
    assert_eq!(moved["schedule"][2]["dueDate"], "2024-04-02");
    assert_eq!(
        moved["schedule"][2]["payment"],
        plain["schedule"][2]["payment"]
    );
    // 300 at 1% a month in 3: pmt = 300 × 0.01 × 1.030301 / 0.030301 = 102.0066 → 102.01;
    // interest 3.00, 2.01, 1.01; the last pays the 100.99 left and 1.01: 102.00.
    assert_eq!(plain["schedule"][2]["payment"], "102.00");
}

/// A down payment reduces what is financed; a setup fee rides on the first installment.
/// 10,000.00 at 17.99% over 480 months: pmt = 150.0353 (numpy-financial), rounded up to
/// 150.04, overpays by 0.47 cents a month, which compounds at 1.5% a month and repays the
/// loan before the 480th installment; the plan says so and ends there.
#[test]
fn a_level_payment_rounded_up_can_repay_early_and_says_so() -> arrears::Result<()> {
    let p = plan(
        &json!({"principal": "10000.00", "annualRate": "0.1799", "count": 480, "frequency": "monthly", "firstDueDate": "2024-01-31"}),
    )?;
    assert_eq!(p["installment"], "150.04");
    let made = p["schedule"].as_array().map(Vec::len).unwrap_or(0);
    assert!(made < 480, "{made}");
    assert!(p["warnings"][0]
        .as_str()
        .is_some_and(|w| w.contains(&format!("in {made} installments rather than 480"))));
    assert_eq!(p["schedule"][made - 1]["balance"], "0.00");
    Ok(())
}

#[test]
fn down_payments_and_setup_fees() -> arrears::Result<()> {
    let p = plan(
        &json!({"principal": "1000.00", "downPayment": "100.00", "setupFee": "25.00", "annualRate": "0", "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-31"}),
    )?;
    assert_eq!(p["financed"], "900.00");
    assert_eq!(p["schedule"][0]["payment"], "325.00");
    assert_eq!(p["schedule"][0]["fee"], "25.00");
    assert_eq!(
        p["totals"],
        json!({"payments": "925.00", "interest": "0.00", "principal": "900.00", "fees": "25.00"})
    );
    Ok(())
}

fn cents(v: &Value) -> i64 {
    v.as_str()
        .unwrap_or("x")
        .replace('.', "")
        .parse()
        .unwrap_or(i64::MIN)
}

proptest! {
    /// Every plan repays exactly: principal parts add up to the principal, balances never
    /// rise, the last is zero, every payment is interest + principal, no payment is zero.
    #[test]
    fn plans_repay_exactly(
        cents_in in 1_000i64..100_000_000,
        rate in 0u32..3_600,
        count in 1u32..120,
        frequency in prop::sample::select(vec!["weekly", "biweekly", "semimonthly", "monthly", "quarterly"]),
        method in prop::sample::select(vec!["amortized", "equalPrincipal", "interestOnlyBalloon"]),
        up in any::<bool>(),
    ) {
        let input = json!({
            "principal": format!("{}.{:02}", cents_in / 100, cents_in % 100), "annualRate": format!("{}", rate as f64 / 10_000.0),
            "count": count, "frequency": frequency, "method": method, "firstDueDate": "2024-01-31",
            "rounding": if up { "halfUp" } else { "halfEven" },
        });
        let Ok(p) = plan(&input) else { return Ok(()) };
        let schedule = p["schedule"].as_array().cloned().unwrap_or_default();
        // Fewer installments only when the rounded level payment repays early, and it says so.
        prop_assert!(schedule.len() as u32 == count || p["warnings"].is_array());
        let mut balance = cents_in;
        let mut principal = 0;
        for i in &schedule {
            prop_assert_eq!(cents(&i["payment"]), cents(&i["interest"]) + cents(&i["principal"]));
            prop_assert!(cents(&i["payment"]) > 0);
            prop_assert!(cents(&i["balance"]) <= balance);
            balance = cents(&i["balance"]);
            principal += cents(&i["principal"]);
        }
        prop_assert_eq!(balance, 0);
        prop_assert_eq!(principal, cents_in);
    }
}

fn status(input: &Value) -> Value {
    let out = arrears::api::plan_status(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"))
}

fn three_installments() -> Value {
    json!({"currency": "EUR", "schedule": [
        {"number": 1, "dueDate": "2024-01-31", "payment": "100.00"},
        {"number": 2, "dueDate": "2024-02-29", "payment": "100.00"},
        {"number": 3, "dueDate": "2024-03-31", "payment": "100.00"}]})
}

fn states(report: &Value) -> Vec<String> {
    report["installments"]
        .as_array()
        .map(|i| {
            i.iter()
                .map(|i| i["status"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Payments fill installments in order whatever their dates (early, partial, overpaid,
/// backdated), and the day asked decides late, missed and broken.
#[test]
fn plan_status_over_sequences_of_payments() {
    let run = |payments: Value, as_of: &str, grace: u32| {
        status(
            &json!({"plan": three_installments(), "payments": payments, "asOf": as_of, "graceDays": grace}),
        )
    };
    // Paid early in one go (overpaid into the next): 1 and 2 paid, 3 partly.
    let early = run(
        json!([{"id": "P", "date": "2024-01-10", "amount": "250.00"}]),
        "2024-03-01",
        0,
    );
    assert_eq!(states(&early), ["paid", "paid", "partlyPaid"]);
    assert_eq!(early["status"], "current");
    assert_eq!(early["next"]["number"], 3);
    // Nothing paid: 4 days after the first due date with 5 days of grace, late; then missed.
    assert_eq!(
        states(&run(json!([]), "2024-02-04", 5)),
        ["late", "upcoming", "upcoming"]
    );
    let late = run(json!([]), "2024-02-04", 5);
    assert_eq!(
        (late["status"].as_str(), late["cure"].as_str()),
        (Some("inArrears"), Some("100.00"))
    );
    let missed = run(json!([]), "2024-02-06", 5);
    assert_eq!(states(&missed)[0], "missed");
    // Unpaid more than 30 days after its due date: broken (one missed installment).
    assert_eq!(run(json!([]), "2024-03-01", 0)["status"], "broken"); // 30 days: 1 Mar
                                                                     // Two missed: broken; a payment after asOf does not count.
    let broken = run(
        json!([{"id": "P", "date": "2024-03-02", "amount": "200.00"}]),
        "2024-03-01",
        0,
    );
    assert_eq!(broken["status"], "broken");
    assert_eq!(broken["cure"], "200.00");
    // The same payment entered late but dated before asOf (backdated) counts.
    let backdated = run(
        json!([{"id": "Q", "date": "2024-02-28", "amount": "200.00"}]),
        "2024-03-01",
        0,
    );
    assert_eq!(states(&backdated), ["paid", "paid", "upcoming"]);
    // Everything paid: completed.
    let done = run(
        json!([{"id": "P", "date": "2024-01-31", "amount": "300.00"}]),
        "2024-04-30",
        0,
    );
    assert_eq!(done["status"], "completed");
    assert!(done.get("next").is_none());
    // What paymentPlan returns is a plan planStatus reads.
    let plan = arrears::api::payment_plan(r#"{"principal": "300.00", "annualRate": "0", "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-31", "currency": "EUR"}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let plan: Value = serde_json::from_str(&plan).unwrap_or_default();
    let from_plan = status(
        &json!({"plan": plan, "payments": [{"id": "P", "date": "2024-01-31", "amount": "100.00"}], "asOf": "2024-02-10"}),
    );
    assert_eq!(states(&from_plan), ["paid", "upcoming", "upcoming"]);
}

#[test]
fn promises_are_kept_partly_kept_or_broken() {
    let run = |payments: Value, as_of: &str| {
        let input = json!({"promises": [{"id": "A", "amount": "100", "date": "2024-03-10"}, {"id": "B", "amount": "50", "date": "2024-03-20"}],
                           "payments": payments, "asOf": as_of, "graceDays": 2, "currency": "USD"});
        let out =
            arrears::api::promise_status(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
        let v: Value = serde_json::from_str(&out).unwrap_or_default();
        v["promises"]
            .as_array()
            .map(|p| {
                p.iter()
                    .map(|p| {
                        format!(
                            "{} {} {}",
                            p["status"].as_str().unwrap_or(""),
                            p["paid"].as_str().unwrap_or(""),
                            p["shortfall"].as_str().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        run(json!([]), "2024-03-01"),
        ["pending 0.00 100.00", "pending 0.00 50.00"]
    );
    // Paid early and in full: kept before its date.
    assert_eq!(
        run(
            json!([{"id": "P", "date": "2024-03-01", "amount": "100"}]),
            "2024-03-05"
        ),
        ["kept 100.00 0.00", "pending 0.00 50.00"]
    );
    // Within the grace (date + 2 days) counts; after it goes to the next promise.
    assert_eq!(
        run(
            json!([{"id": "P", "date": "2024-03-12", "amount": "30"}, {"id": "Q", "date": "2024-03-13", "amount": "50"}]),
            "2024-03-25"
        ),
        ["partlyKept 30.00 70.00", "kept 50.00 0.00"]
    );
    assert_eq!(
        run(json!([]), "2024-03-25"),
        ["broken 0.00 100.00", "broken 0.00 50.00"]
    );
    // Overpaid: the rest goes to the next promise still open.
    assert_eq!(
        run(
            json!([{"id": "P", "date": "2024-03-09", "amount": "130"}]),
            "2024-03-25"
        ),
        ["kept 100.00 0.00", "partlyKept 30.00 20.00"]
    );
}

fn offers(input: &Value) -> Value {
    let out = arrears::api::settlement_offers(&input.to_string()).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"))
}

fn one_invoice(amount: &str) -> Value {
    json!([{"id": "A", "customerId": "acme", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": amount, "currency": "EUR"}])
}

/// The default policy on 1,000.00 owed, as of 1 June 2024 (offers lapse 14 days later, on
/// 15 June; payments discounted at 10% a year, ACT/365F). Python's `decimal` at 40 digits:
/// pay in full 1,000 / 1.1^(14/365) × 0.35 = 348.72; lump sum at the 70% floor, 700 /
/// 1.1^(14/365) × 0.6 = 418.47 (a 30% discount: only the manager may offer it); the short
/// plan, 333.33, 333.33, 333.34 on days 14, 44 and 75, × 0.7 = 691.96.
#[test]
fn settlement_offers_are_ranked_by_expected_recovery() {
    let o = offers(&json!({"asOf": "2024-06-01", "invoices": one_invoice("1000.00")}));
    let by_kind = |kind: &str| {
        o["offers"]
            .as_array()
            .and_then(|list| list.iter().find(|x| x["kind"] == kind))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(by_kind("payInFull")["expectedRecovery"], "348.72");
    assert_eq!(
        (
            &by_kind("lumpSum")["amount"],
            &by_kind("lumpSum")["discountPercent"]
        ),
        (&json!("700.00"), &json!("30.00"))
    );
    assert_eq!(by_kind("lumpSum")["expectedRecovery"], "418.47");
    assert_eq!(by_kind("lumpSum")["authority"], "manager");
    assert_eq!(by_kind("shortPlan")["expectedRecovery"], "691.96");
    let kinds: Vec<&str> = o["offers"]
        .as_array()
        .map(|l| l.iter().filter_map(|x| x["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds[0], "shortPlan");
    // No role may give 30%: the lump sum is left out, and said so.
    let strict = offers(
        &json!({"asOf": "2024-06-01", "invoices": one_invoice("1000.00"),
        "policy": {"settlement": {"authority": [{"role": "agent", "maxDiscountPercent": "5"}, {"role": "manager", "maxDiscountPercent": "20"}]}}}),
    );
    assert_eq!(strict["excluded"][0]["kind"], "lumpSum");
    assert!(strict["offers"]
        .as_array()
        .is_some_and(|l| l.iter().all(|x| x["kind"] != "lumpSum")));
    // A segment's own probability: the lump sum at 0.9 for "highRisk" beats the plans.
    let segment = offers(
        &json!({"asOf": "2024-06-01", "invoices": one_invoice("1000.00"), "segment": "highRisk",
        "policy": {"settlement": {"completion": {"bySegment": [{"segment": "highRisk", "lumpSum": "0.9", "shortPlan": "0.3"}]}}}}),
    );
    assert_eq!(segment["offers"][0]["kind"], "lumpSum");
    assert_eq!(segment["offers"][0]["completionProbability"], "0.9");
}

proptest! {
    /// A lump sum never goes below the floor of the principal, and waives fees before
    /// interest before principal; offers come in order of expected recovery.
    #[test]
    fn offers_keep_the_floor_and_their_order(cents_in in 10_000i64..10_000_000, floor in 0u32..=100, days in 0u32..700, fee in 0u32..5_000) {
        let input = json!({
            "asOf": chrono::NaiveDate::from_ymd_opt(2024, 2, 1).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days)))).map(|d| d.to_string()),
            "invoices": one_invoice(&format!("{}.{:02}", cents_in / 100, cents_in % 100)),
            "policy": {"fees": [{"id": "late", "kind": "flat", "amount": format!("{}.{:02}", fee / 100, fee % 100)}],
                       "interest": {"annualRate": "0.12"},
                       "settlement": {"floorPercentOfPrincipal": floor.to_string(), "authority": [{"role": "any", "maxDiscountPercent": "100"}]}}
        });
        let o = offers(&input);
        let list = o["offers"].as_array().cloned().unwrap_or_default();
        let recovery: Vec<i64> = list.iter().map(|x| cents(&x["expectedRecovery"])).collect();
        prop_assert!(recovery.windows(2).all(|w| w[0] >= w[1]));
        let lump = list.iter().find(|x| x["kind"] == "lumpSum").cloned().unwrap_or_default();
        // The floor, rounded half to even as money is.
        let (q, r) = ((cents_in * i64::from(floor)) / 100, (cents_in * i64::from(floor)) % 100);
        let floor_cents = q + i64::from(r > 50 || (r == 50 && q % 2 == 1));
        prop_assert!(cents(&lump["amount"]) >= floor_cents, "{} < {}", cents(&lump["amount"]), floor_cents);
        let waived = &lump["waived"];
        let waived_total = cents(&waived["fees"]) + cents(&waived["interest"]) + cents(&waived["principal"]);
        prop_assert_eq!(cents(&lump["amount"]) + waived_total, cents(&o["owed"]));
        // Principal is waived only once fees and interest are, and then down to the floor.
        if cents(&waived["principal"]) > 0 {
            prop_assert_eq!(cents(&lump["amount"]), floor_cents);
        }
    }
}

#[test]
fn agreements_in_writing() -> arrears::Result<()> {
    let o = offers(&json!({"asOf": "2024-06-01", "invoices": one_invoice("1000.00")}));
    let lump = o["offers"]
        .as_array()
        .and_then(|l| l.iter().find(|x| x["kind"] == "lumpSum"))
        .cloned()
        .unwrap_or_default();
    let input = json!({"offer": lump, "account": {"id": "C-1", "name": "Acme Ltd", "creditor": "Widgets plc", "currency": "EUR", "date": "2024-06-01"}});
    let out: Value = serde_json::from_str(&arrears::api::agreement_text(&input.to_string())?)
        .unwrap_or_default();
    let text = out["text"].as_str().unwrap_or("");
    assert!(
        text.contains(
            "between Widgets plc (the creditor) and Acme Ltd (the customer), account C-1"
        ),
        "{text}"
    );
    assert!(
        text.contains("The customer will pay 700.00 EUR in all"),
        "{text}"
    );
    assert!(text.contains("- 15 Jun 2024: 700.00 EUR"), "{text}");
    assert!(text.contains("the creditor waives 300.00 EUR"), "{text}");
    assert!(
        text.contains("If a payment is not received by its due date"),
        "{text}"
    );
    let neither =
        json!({"account": {"id": "C-1", "name": "A", "creditor": "B", "date": "2024-06-01"}});
    let e = arrears::api::agreement_text(&neither.to_string())
        .err()
        .map(|e| (e.code().as_str(), e.path()));
    assert_eq!(e, Some(("invalid_input", "offer".to_owned())));
    Ok(())
}
