//! Payment terms through the JSON entry points, with worked examples from cited sources,
//! error codes and paths, and properties.

use arrears::api::{discounted_amount, due_date};
use arrears::dates::{parse_date, Convention};
use arrears::terms::{Discount, Due, Installment, Start, Terms};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn call(
    entry: fn(&str) -> arrears::Result<String>,
    input: Value,
) -> Result<Value, (String, String)> {
    match entry(&input.to_string()) {
        Ok(out) => Ok(serde_json::from_str(&out).unwrap_or(Value::Null)),
        Err(e) => Err((e.code().as_str().to_owned(), e.path().to_owned())),
    }
}

fn due(issue: &str, terms: Value) -> Result<Value, (String, String)> {
    call(due_date, json!({ "issueDate": issue, "terms": terms }))
}

fn paid(
    amount: Value,
    terms: &str,
    issue: &str,
    paid_on: &str,
    currency: Option<&str>,
) -> Result<Value, (String, String)> {
    let mut input =
        json!({ "amount": amount, "terms": terms, "issueDate": issue, "paidOn": paid_on });
    if let Some(currency) = currency {
        input["currency"] = json!(currency);
    }
    call(discounted_amount, input)
}

/// Monash marketing dictionary (AMA), "Ordinary dating": "1/10, net 30" and "2/10, net 60",
/// both periods counted from the invoice date; BCcampus *Business Mathematics* 1.7: the day
/// after the invoice date is day 1.
#[test]
fn ordinary_dating() {
    assert_eq!(
        due("2024-03-05", json!("1/10, net 30")),
        Ok(json!({
            "dueDate": "2024-04-04",
            "discounts": [{ "until": "2024-03-15", "percent": "1" }],
            "installments": []
        }))
    );
    // 2/10 from 2024-01-01: until 1 Jan + 10 = 11 Jan; net 60: 1 Jan + 30 = 31 Jan, + 29
    // (February 2024) = 29 Feb, + 1 = 1 March.
    assert_eq!(
        due("2024-01-01", json!("2/10 n/60")),
        Ok(json!({
            "dueDate": "2024-03-01",
            "discounts": [{ "until": "2024-01-11", "percent": "2" }],
            "installments": []
        }))
    );
}

/// AMA, "End of Month Dating (EOM)": shipped June 16 on "2/10, net 20, EOM", the discount
/// may be taken through July 10 and the net amount is due July 30. arrears writes these
/// dates "2/10 EOM" (net period ending 20 days after the discount period, as in that example)
/// or "2/10 Net 30 EOM" (net days counted from the month's end, like "Net 30 EOM").
#[test]
fn end_of_month_dating() {
    for terms in ["2/10 EOM", "2/10 Net 30 EOM", "2/10, n/30, E.O.M."] {
        assert_eq!(
            due("2024-06-16", json!(terms)),
            Ok(json!({
                "dueDate": "2024-07-30",
                "discounts": [{ "until": "2024-07-10", "percent": "2" }],
                "installments": []
            })),
            "{terms}"
        );
    }
}

/// The issue's forms, each with the date worked out by hand.
#[test]
fn the_forms_of_the_issue() {
    let cases = [
        ("Due on receipt", "2024-05-17", "2024-05-17"),
        ("Net 7", "2024-05-17", "2024-05-24"),
        // 17 May + 14 = 31 May, + 16 = 16 June.
        ("Net 30", "2024-05-17", "2024-06-16"),
        // 17 May + 14 = 31 May, + 30 = 30 June, + 1 = 1 July.
        ("Net 45", "2024-05-17", "2024-07-01"),
        // 31 May + 30 = 30 June.
        ("Net 30 EOM", "2024-05-17", "2024-06-30"),
        ("EOM", "2024-05-17", "2024-05-31"),
        ("10th prox", "2024-05-17", "2024-06-10"),
        ("15 MFI", "2024-05-17", "2024-06-15"),
        // 17 May + 60: 14 (to 31 May) + 30 (to 30 June) + 16 = 16 July.
        ("1/15 Net 60", "2024-05-17", "2024-07-16"),
        ("50% in 30, 50% in 60", "2024-05-17", "2024-07-16"),
    ];
    for (terms, issue, expected) in cases {
        let out = due(issue, json!(terms));
        assert_eq!(
            out.map(|v| v["dueDate"].clone()),
            Ok(json!(expected)),
            "{terms}"
        );
    }
    assert_eq!(
        due("2024-05-17", json!("50% in 30, 50% in 60")).map(|v| v["installments"].clone()),
        Ok(json!([
            { "dueDate": "2024-06-16", "percent": "50" },
            { "dueDate": "2024-07-16", "percent": "50" }
        ]))
    );
}

/// The object form gives the same result as the text.
#[test]
fn object_form() {
    let object = json!({
        "netDays": 30,
        "endOfMonth": true,
        "discounts": [{ "percent": "1.50", "days": 10 }]
    });
    let text = due("2024-02-10", json!("1.5/10 Net 30 EOM"));
    assert_eq!(due("2024-02-10", object), text);
    // 29 Feb 2024 + 10 = 10 March; + 30 = 30 March.
    assert_eq!(
        text,
        Ok(json!({
            "dueDate": "2024-03-30",
            "discounts": [{ "until": "2024-03-10", "percent": "1.5" }],
            "installments": []
        }))
    );
}

/// The issue's example: 2/10 on 1000.00 paid on day 10 is 980.00; on day 11, 1000.00.
#[test]
fn discounted_amounts() {
    let pair = |amount: &str, discount: &str| Ok(json!({ "amount": amount, "discount": discount }));
    assert_eq!(
        paid(
            json!("1000.00"),
            "2/10 Net 30",
            "2024-01-01",
            "2024-01-11",
            None
        ),
        pair("980.00", "20.00")
    );
    assert_eq!(
        paid(
            json!("1000.00"),
            "2/10 Net 30",
            "2024-01-01",
            "2024-01-12",
            None
        ),
        pair("1000.00", "0.00")
    );
    // Before the invoice date: still within the discount period.
    assert_eq!(
        paid(
            json!("1000.00"),
            "2/10 Net 30",
            "2024-01-01",
            "2023-12-20",
            None
        ),
        pair("980.00", "20.00")
    );
    // Tiers: the best one still open wins. 3% of 850 = 25.50; 1% = 8.50.
    let tiers = "3/10, 1/20, n/30";
    assert_eq!(
        paid(json!(850), tiers, "2024-01-01", "2024-01-05", Some("USD")),
        pair("824.50", "25.50")
    );
    assert_eq!(
        paid(json!(850), tiers, "2024-01-01", "2024-01-21", Some("USD")),
        pair("841.50", "8.50")
    );
    assert_eq!(
        paid(json!(850), tiers, "2024-01-01", "2024-01-22", Some("USD")),
        pair("850.00", "0.00")
    );
    // Without a currency, money has two decimals, whatever the amount is written with:
    // 2% of 1234.5 = 24.69 exactly; 1234.50 - 24.69 = 1209.81. And 2% of 12.5 = 0.25
    // (not 0.3, rounding at the one decimal `12.5` is written with).
    assert_eq!(
        paid(json!(1234.5), "2/10 n/30", "2024-01-01", "2024-01-02", None),
        pair("1209.81", "24.69")
    );
    assert_eq!(
        paid(json!(12.5), "2/10 n/30", "2024-01-01", "2024-01-02", None),
        pair("12.25", "0.25")
    );
    // 2.5% of 999 = 24.975: half-even and half-up both give 24.98 (the 7 is odd).
    assert_eq!(
        paid(json!(999), "2.5/10 n/30", "2024-01-01", "2024-01-02", None),
        pair("974.02", "24.98")
    );
    // JPY has no minor unit: 2% of 12345 = 246.9, rounds to 247.
    assert_eq!(
        paid(
            json!("12345"),
            "2/10 n/30",
            "2024-01-01",
            "2024-01-02",
            Some("JPY")
        ),
        pair("12098", "247")
    );
    // Centennial College: invoice dated January 26, 2/10 E.O.M., paid February 10: 2% off 750.
    assert_eq!(
        paid(
            json!("750"),
            "2/10 EOM",
            "2024-01-26",
            "2024-02-10",
            Some("CAD")
        ),
        pair("735.00", "15.00")
    );
}

/// With a calendar, every date moves to a business day; `following` unless told otherwise.
/// Weekdays checked on a printed 2024 calendar; holidays from docs/dates.md.
#[test]
fn calendars_move_every_date() {
    let adjusted = |issue: &str, terms: &str, calendar: Value, convention: Option<&str>| {
        let mut input = json!({ "issueDate": issue, "terms": terms, "calendar": calendar });
        if let Some(convention) = convention {
            input["convention"] = json!(convention);
        }
        call(due_date, input)
    };
    // 6 June + 30 = 6 July 2024, a Saturday: following gives Monday 8 July; preceding gives
    // Friday 5 July (Thursday 4 July is Independence Day, but the 5th is a business day).
    let net30 = |convention| adjusted("2024-06-06", "Net 30", json!("US"), convention);
    assert_eq!(
        net30(None).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-07-08"))
    );
    assert_eq!(
        net30(Some("preceding")).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-07-05"))
    );
    // 2/10 from 24 June: the discount's last day, 4 July, is a US holiday, so it moves to
    // Friday 5 July; the due date, Wednesday 24 July, stays.
    assert_eq!(
        adjusted("2024-06-24", "2/10 Net 30", json!("US"), None),
        Ok(json!({
            "dueDate": "2024-07-24",
            "discounts": [{ "until": "2024-07-05", "percent": "2" }],
            "installments": []
        }))
    );
    // EOM in August 2024 is Saturday the 31st: following gives Monday 2 September (the GB
    // summer bank holiday was 26 August); modified following stays in August, Friday 30th.
    let eom = |convention| adjusted("2024-08-10", "EOM", json!("GB"), convention);
    assert_eq!(
        eom(None).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-09-02"))
    );
    assert_eq!(
        eom(Some("modifiedFollowing")).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-08-30"))
    );
    // A custom calendar with a Friday-Saturday weekend: Net 30 from 7 June is Sunday 7 July,
    // a business day there.
    let custom = json!({ "weekend": ["fri", "sat"] });
    assert_eq!(
        adjusted("2024-06-07", "Net 30", custom, None).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-07-07"))
    );
    // Unadjusted with a calendar leaves the date: 6 July stays a Saturday.
    assert_eq!(
        net30(Some("unadjusted")).map(|v| v["dueDate"].clone()),
        Ok(json!("2024-07-06"))
    );
    // The discount deadline moved to 5 July earns the discount on the 5th.
    let on_the_fifth = |calendar: Option<&str>| {
        let mut input = json!({ "amount": "1000.00", "terms": "2/10 Net 30", "issueDate": "2024-06-24", "paidOn": "2024-07-05" });
        if let Some(calendar) = calendar {
            input["calendar"] = json!(calendar);
        }
        call(discounted_amount, input).map(|v| v["amount"].clone())
    };
    assert_eq!(on_the_fifth(Some("US")), Ok(json!("980.00")));
    assert_eq!(on_the_fifth(None), Ok(json!("1000.00")));
    // Errors in the calendar and convention keep their own codes and paths.
    let error = |calendar: Value, convention: &str| {
        adjusted("2024-06-06", "Net 30", calendar, Some(convention)).unwrap_err()
    };
    let pair = |code: &str, path: &str| (code.to_owned(), path.to_owned());
    assert_eq!(
        error(json!("XX"), "following"),
        pair("unknown_calendar", "calendar")
    );
    assert_eq!(
        error(json!("US"), "next"),
        pair("unknown_convention", "convention")
    );
}

#[test]
fn errors_have_codes_and_paths() {
    let error = |input: Value| call(due_date, input).unwrap_err();
    let pair = |code: &str, path: &str| (code.to_owned(), path.to_owned());
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": "Net thirty" })),
        pair("invalid_terms", "terms")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": "101/10 Net 30" })),
        pair("out_of_range", "terms")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": "Net 30 ".repeat(30) })),
        pair("limit_exceeded", "terms")
    );
    assert_eq!(
        error(
            json!({ "issueDate": "2024-01-01", "terms": { "netDays": 30, "discounts": [{ "percent": 100, "days": 1 }] } })
        ),
        pair("out_of_range", "terms.discounts[0].percent")
    );
    let too_many: Vec<Value> = (0..61)
        .map(|_| json!({ "percent": 1, "days": 1 }))
        .collect();
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": { "installments": too_many } })),
        pair("limit_exceeded", "terms.installments")
    );
    assert_eq!(
        error(json!({ "issueDate": "2199-12-20", "terms": "Net 30" })),
        pair("out_of_range", "terms")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-02-30", "terms": "Net 30" })),
        pair("invalid_date", "issueDate")
    );
    assert_eq!(
        error(json!({ "terms": "Net 30" })),
        pair("missing_field", "issueDate")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01" })),
        pair("missing_field", "terms")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": "Net 30", "term": 1 })),
        pair("unknown_field", "term")
    );
    assert_eq!(
        error(json!({ "issueDate": "2024-01-01", "terms": "Net 30", "convention": "preceding" })),
        pair("missing_field", "calendar")
    );
    let paid_error = |amount: Value, currency: &str| {
        call(discounted_amount, json!({ "amount": amount, "terms": "Net 30", "issueDate": "2024-01-01", "paidOn": "2024-01-02", "currency": currency })).unwrap_err()
    };
    assert_eq!(
        paid_error(json!("-5"), "USD"),
        pair("out_of_range", "amount")
    );
    assert_eq!(
        paid_error(json!("5"), "usd"),
        pair("unknown_currency", "currency")
    );
    assert_eq!(
        paid_error(json!("5,00"), "USD"),
        pair("invalid_amount", "amount")
    );
}

fn percent() -> impl Strategy<Value = Decimal> {
    // 0.01% to 99.99%.
    (1i64..10_000).prop_map(|hundredths| Decimal::new(hundredths, 2))
}

fn terms() -> impl Strategy<Value = Terms> {
    let start = prop_oneof![Just(Start::InvoiceDate), Just(Start::EndOfMonth)];
    let days = 0u32..=3650;
    let discounts = || proptest::collection::vec((percent(), 0u32..=3650), 0..4);
    let installments = proptest::collection::vec(1u32..=20, 1..6).prop_flat_map(|weights| {
        proptest::collection::vec(0u32..=3650, weights.len()).prop_map(move |mut days| {
            days.sort_unstable();
            // Shares of 100 in whole percent: weights scaled, the last part takes the rest.
            let total: u32 = weights.iter().sum();
            let mut left = 100i64;
            let count = weights.len();
            weights
                .iter()
                .zip(days)
                .enumerate()
                .map(|(i, (w, d))| {
                    let share = if i + 1 == count {
                        left
                    } else {
                        (i64::from(*w) * 100 / i64::from(total)).max(1)
                    };
                    left -= share;
                    Installment {
                        percent: Decimal::new(share, 0),
                        days: d,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    prop_oneof![
        (start.clone(), days, discounts()).prop_map(|(s, n, d)| (s, Due::Days(n), d)),
        (1u32..=31).prop_map(|day| (Start::InvoiceDate, Due::DayOfNextMonth(day), vec![])),
        (start, installments, discounts()).prop_map(|(s, i, d)| (s, Due::Installments(i), d)),
    ]
    .prop_filter_map("valid terms", |(start, due, discounts)| {
        let last = match &due {
            Due::Days(n) => *n,
            Due::Installments(parts) => parts.last().map_or(0, |p| p.days),
            Due::DayOfNextMonth(_) => 0,
        };
        let discounts = discounts
            .into_iter()
            .map(|(percent, days)| Discount {
                percent,
                days: days.min(last),
            })
            .collect();
        Terms::new(start, due, discounts).ok()
    })
}

fn any_date() -> impl Strategy<Value = chrono::NaiveDate> {
    (0i64..(200 * 365)).prop_filter_map("in range", |offset| {
        let first = parse_date("1900-01-01").ok()?;
        first.checked_add_signed(chrono::Duration::days(offset))
    })
}

proptest! {

    #[test]
    fn the_parser_never_panics(text in "\\PC{0,60}") {
        let _ = text.parse::<Terms>();
    }

    #[test]
    fn the_parser_never_panics_on_near_misses(
        words in proptest::collection::vec(
            prop_oneof![
                Just("net"), Just("n/"), Just("eom"), Just("e.o.m."), Just("prox"), Just("mfi"),
                Just("%"), Just("/"), Just(","), Just("in"), Just("and"), Just("days"),
                Just("due"), Just("on"), Just("receipt"), Just("10th"), Just("1st"), Just("2"),
                Just("30"), Just("0"), Just("1.5"), Just("99999999999"), Just("."), Just("-"),
            ],
            0..12,
        )
    ) {
        let _ = words.join(" ").parse::<Terms>();
        let _ = words.concat().parse::<Terms>();
    }

    #[test]
    fn display_parses_back(terms in terms()) {
        let text = terms.to_string();
        prop_assert_eq!(text.parse::<Terms>(), Ok(terms), "{}", text);
    }

    #[test]
    fn dates_are_in_order(terms in terms(), issue in any_date()) {
        // Dates past 2199-12-31 are an error, never a wrong date.
        if let Ok(schedule) = terms.schedule(issue, None, Convention::Following) {
            prop_assert!(schedule.due_date >= issue);
            for d in &schedule.discounts {
                prop_assert!(d.until >= issue && d.until <= schedule.due_date);
            }
            for pair in schedule.installments.windows(2) {
                prop_assert!(pair[0].due_date <= pair[1].due_date);
            }
            if let Some(last) = schedule.installments.last() {
                prop_assert_eq!(last.due_date, schedule.due_date);
            }
        }
    }

    #[test]
    fn following_keeps_dates_in_order(terms in terms(), issue in any_date()) {
        let calendar = arrears::dates::Calendar::builtin("US");
        prop_assert!(calendar.is_ok());
        if let (Ok(calendar), Ok(plain)) = (calendar, terms.schedule(issue, None, Convention::Following)) {
            if let Ok(moved) = terms.schedule(issue, Some(&calendar), Convention::Following) {
                prop_assert!(moved.due_date >= plain.due_date);
                prop_assert!(calendar.is_business_day(moved.due_date));
                for d in &moved.discounts {
                    prop_assert!(d.until >= issue && d.until <= moved.due_date);
                }
            }
        }
    }

    #[test]
    fn discount_and_amount_add_up(cents in 0i64..1_000_000_000, terms in terms(), issue in any_date(), offset in -10i64..4000) {
        let paid_on = issue.checked_add_signed(chrono::Duration::days(offset)).unwrap_or(issue);
        if let Ok(percent) = terms.discount_on(issue, paid_on, None, Convention::Following) {
            let amount = arrears::money::Money::from_minor(i128::from(cents), None);
            let settled = arrears::terms::apply_discount(amount, percent, arrears::money::Rounding::HalfEven);
            prop_assert!(settled.is_ok());
            if let Ok(s) = settled {
                prop_assert_eq!(s.amount.minor() + s.discount.minor(), amount.minor());
                prop_assert!(s.discount.minor() >= 0 && s.amount.minor() >= 0);
            }
        }
    }
}
