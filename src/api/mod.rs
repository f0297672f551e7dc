//! The registry of entry points: for each, its JS name, its input and output types, its doc
//! with an example, and the core function it calls. Everything else is made from this one
//! list: the JSON functions here (for the bindings, Rust callers, fuzzers and benchmarks), the
//! wasm exports (`src/js`), and, through [`describe`], the JSON Schemas, the TypeScript
//! declarations, the JS wrappers of every runtime and the docs' function list
//! (`scripts/generate.mjs`). Adding an entry point is one entry below and its core function.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Schemas, Value};
use crate::limits::MAX_INPUT_BYTES;

pub use crate::ledger::batch::{aging_batch_columns, aging_batch_csv};

/// Calls `$callback!` with every entry point:
/// `/// doc` `jsName => rust_name(Input) -> Output = core::function;`.
macro_rules! for_each_entry_point {
    ($callback:ident) => {
        $callback! {
            /// The fraction of a year between two dates under a day count (ISDA 2006
            /// Definitions, section 4.16, as QuantLib computes it), to 28 significant digits.
            ///
            /// ```js
            /// yearFraction({ start: "2024-01-01", end: "2024-07-01", dayCount: "ACT/360" });
            /// // → { fraction: "0.5055555555555555555555555556" }
            /// ```
            yearFraction => year_fraction(crate::dates::requests::YearFractionInput)
                -> crate::dates::requests::YearFractionOutput = crate::dates::requests::year_fraction_of;

            /// Whether a date is a business day of a calendar.
            ///
            /// ```js
            /// isBusinessDay({ date: "2024-07-04", calendar: "US" });
            /// // → { businessDay: false }
            /// ```
            isBusinessDay => is_business_day(crate::dates::requests::IsBusinessDayInput)
                -> crate::dates::requests::IsBusinessDayOutput = crate::dates::requests::is_business_day_of;

            /// Moves a date onto a business day by a convention (ISDA 2006 Definitions, 4.12).
            ///
            /// ```js
            /// adjustDate({ date: "2024-03-29", convention: "following", calendar: "TARGET" });
            /// // → { date: "2024-04-02" }
            /// ```
            adjustDate => adjust_date(crate::dates::requests::AdjustDateInput)
                -> crate::dates::requests::DateOutput = crate::dates::requests::adjust_date_of;

            /// Adds business days to a date (negative days go back).
            ///
            /// ```js
            /// addBusinessDays({ date: "2024-07-03", days: 1, calendar: "US" });
            /// // → { date: "2024-07-05" }
            /// ```
            addBusinessDays => add_business_days(crate::dates::requests::AddBusinessDaysInput)
                -> crate::dates::requests::DateOutput = crate::dates::requests::add_business_days_of;

            /// Counts the business days from `start` (counted) to `end` (not).
            ///
            /// ```js
            /// businessDaysBetween({ start: "2024-12-23", end: "2024-12-30", calendar: "DE" });
            /// // → { days: 2 }
            /// ```
            businessDaysBetween => business_days_between(crate::dates::requests::BusinessDaysBetweenInput)
                -> crate::dates::requests::BusinessDaysBetweenOutput = crate::dates::requests::business_days_between_of;

            /// Lists a calendar's holidays that fall on weekdays, from `from` to `to`.
            ///
            /// ```js
            /// holidays({ calendar: "US", from: "2024-07-01", to: "2024-07-31" });
            /// // → { holidays: [{ date: "2024-07-04", name: "Independence Day" }] }
            /// ```
            holidays => holidays(crate::dates::requests::HolidaysInput)
                -> crate::dates::requests::HolidaysOutput = crate::dates::requests::holidays_of;

            /// The due date, discount deadlines and installment dates that payment terms give
            /// an invoice.
            ///
            /// ```js
            /// dueDate({ issueDate: "2024-01-01", terms: "2/10 Net 30" });
            /// // → { dueDate: "2024-01-31", discounts: [{ until: "2024-01-11", percent: "2" }], installments: [] }
            /// ```
            dueDate => due_date(crate::terms::requests::DueDateInput)
                -> crate::terms::Schedule = crate::terms::requests::due_date_of;

            /// What an invoice paid in full on `paidOn` costs after the best discount still
            /// open, rounded to the currency's minor unit (two places without a currency).
            ///
            /// ```js
            /// discountedAmount({ amount: "1000.00", terms: "2/10 Net 30", issueDate: "2024-01-01", paidOn: "2024-01-11" });
            /// // → { amount: "980.00", discount: "20.00" }
            /// ```
            discountedAmount => discounted_amount(crate::terms::requests::DiscountedAmountInput)
                -> crate::terms::Settlement = crate::terms::requests::discounted_amount_of;

            /// Open amounts by age bucket, per currency, customer and invoice, from records or
            /// CSV text.
            ///
            /// ```js
            /// aging({ asOf: "2024-03-15", include: ["currencies"], invoices: [
            ///   { id: "A", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "1000.00", currency: "EUR" }] }).currencies[0].total;
            /// // → "1000.00"
            /// ```
            aging => aging(crate::ledger::requests::AgingInput)
                -> crate::ledger::AgingReport = crate::ledger::requests::aging_of;

            /// How each customer pays, per currency: days late, share paid late, overdue
            /// invoices.
            ///
            /// ```js
            /// paymentBehaviour({ asOf: "2024-03-01",
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "100", currency: "EUR" }],
            ///   payments: [{ id: "P", customerId: "acme", date: "2024-02-05", amount: "100", currency: "EUR" }] }).customers[0].averageDaysLate;
            /// // → "5.00"
            /// ```
            paymentBehaviour => payment_behaviour(crate::ledger::requests::BehaviourInput)
                -> crate::ledger::BehaviourReport = crate::ledger::requests::payment_behaviour_of;

            /// Collection KPIs per currency over a period ending on `asOf`: DSO, countback
            /// DSO, best possible DSO, average days delinquent, CEI, percent current.
            ///
            /// ```js
            /// metrics({ asOf: "2024-03-31", periodDays: 31,
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2024-03-01", dueDate: "2024-04-30", amount: "300", currency: "EUR" }] }).currencies[0].dso;
            /// // → "31.00"
            /// ```
            metrics => metrics(crate::ledger::requests::MetricsInput)
                -> crate::ledger::MetricsReport = crate::ledger::requests::metrics_of;

            /// The aging of a whole portfolio: `aging` with the buckets, customers and
            /// currencies, from CSV text (or, in JS, typed columns).
            ///
            /// ```js
            /// agingBatch({ asOf: "2024-03-15",
            ///   invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,1000.00,EUR\n" }).total;
            /// // → "1000.00"
            /// ```
            agingBatch => aging_batch(crate::ledger::requests::AgingBatchInput)
                -> crate::ledger::AgingReport = crate::ledger::requests::aging_batch_of;

            /// Late fees, interest and statutory compensation per invoice, from the dated
            /// events, and what is owed per currency (docs/charges.md).
            ///
            /// ```js
            /// charges({ asOf: "2024-02-20", policy: { interest: { annualRate: "0.085" } },
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-01", amount: "1000.00", currency: "GBP" }] }).invoices[0].interestTotal;
            /// // → "11.64"
            /// ```
            charges => charges(crate::charges::requests::ChargesInput)
                -> crate::charges::ChargesReport = crate::charges::requests::charges_of;

            /// A payoff quote: everything owed if paid on `goodThrough`, itemised in
            /// sentences, and the interest one more day adds.
            ///
            /// ```js
            /// quote({ asOf: "2026-11-20", goodThrough: "2026-11-22", policy: { interest: { annualRate: "0.1275" } },
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2026-01-01", dueDate: "2026-03-01", amount: "1000.00", currency: "EUR" }] }).lines[1].text;
            /// // → "Interest at 12.75% a year on 1,000.00 from 2 Mar 2026 to 22 Nov 2026 (266 days, ACT/365F): 92.92"
            /// ```
            quote => quote(crate::charges::requests::QuoteInput)
                -> crate::charges::Quote = crate::charges::requests::quote_of;

            /// The reference rates a statutory regime reads (Bank of England, ECB,
            /// Bundesbank), as shipped in the package, with the day they are complete to.
            ///
            /// ```js
            /// referenceRates({ regime: "UK-LPA", from: "2024-06-30", to: "2024-06-30" }).rates;
            /// // → [{ from: "2023-08-03", rate: "0.0525" }]
            /// ```
            referenceRates => reference_rates(crate::charges::requests::ReferenceRatesInput)
                -> crate::charges::reference_rates::RateTable = crate::charges::requests::reference_rates_of;

            /// A payment plan: the installments that repay a principal with interest, exactly
            /// (the level payment is numpy-financial's `pmt`, rounded; the last installment
            /// absorbs the rounding).
            ///
            /// ```js
            /// paymentPlan({ principal: "500.00", annualRate: "0", count: 3, frequency: "monthly", firstDueDate: "2024-01-31" })
            ///   .schedule.map((i) => [i.dueDate, i.payment]);
            /// // → [["2024-01-31", "166.66"], ["2024-02-29", "166.66"], ["2024-03-31", "166.68"]]
            /// ```
            paymentPlan => payment_plan(crate::plans::schedule::PlanInput)
                -> crate::plans::PaymentPlan = crate::plans::payment_plan;

            /// Whether a plan is kept on `asOf`: payments fill its installments in order, each
            /// `paid`, `upcoming`, `partlyPaid`, `late` or `missed`; the plan `current`,
            /// `inArrears`, `broken` or `completed`, with what cures it.
            ///
            /// ```js
            /// planStatus({ asOf: "2024-03-05",
            ///   plan: { schedule: [{ number: 1, dueDate: "2024-01-31", payment: "100.00" }, { number: 2, dueDate: "2024-02-29", payment: "100.00" }] },
            ///   payments: [{ id: "P", date: "2024-02-01", amount: "150.00" }] }).installments.map((i) => i.status);
            /// // → ["paid", "missed"]
            /// ```
            planStatus => plan_status(crate::plans::status::PlanStatusInput)
                -> crate::plans::status::PlanStatus = crate::plans::status::plan_status;

            /// Whether promises to pay were kept: `pending`, `kept`, `partlyKept` or
            /// `broken`, with what was paid and what is short.
            ///
            /// ```js
            /// promiseStatus({ asOf: "2024-03-20", promises: [{ id: "A", amount: "100", date: "2024-03-10" }],
            ///   payments: [{ id: "P", date: "2024-03-09", amount: "40" }] }).promises[0];
            /// // → { id: "A", status: "partlyKept", paid: "40.00", shortfall: "60.00" }
            /// ```
            promiseStatus => promise_status(crate::plans::promises::PromiseStatusInput)
                -> crate::plans::promises::PromiseReport = crate::plans::promises::promise_status;

            /// Settlement offers for one account — pay in full, a discounted lump sum, a
            /// short and a long plan — ranked by expected recovery, each with the lowest role
            /// allowed to make it.
            ///
            /// ```js
            /// settlementOffers({ asOf: "2024-06-01",
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "1000.00", currency: "EUR" }] })
            ///   .offers.map((o) => [o.kind, o.amount, o.authority]);
            /// // → [["shortPlan", "1000.00", "agent"], ["longPlan", "1043.86", "agent"], ["lumpSum", "700.00", "manager"], ["payInFull", "1000.00", "agent"]]
            /// ```
            settlementOffers => settlement_offers(crate::plans::settlement::SettlementInput)
                -> crate::plans::settlement::Offers = crate::plans::settlement::settlement_offers_of;

            /// The written agreement of an accepted plan or settlement: parties, amounts,
            /// dates and what happens on a missed payment.
            ///
            /// ```js
            /// agreementText({ plan: { schedule: [{ number: 1, dueDate: "2024-01-31", payment: "100.00" }] },
            ///   account: { id: "C-1", name: "Acme Ltd", creditor: "Widgets plc", date: "2024-01-10" } }).text.split("\n")[2];
            /// // → "This agreement is made on 10 Jan 2024 between Widgets plc (the creditor) and Acme Ltd (the customer), account C-1."
            /// ```
            agreementText => agreement_text(crate::plans::agreement::AgreementInput)
                -> crate::plans::agreement::Agreement = crate::plans::agreement::agreement_text;

            /// The next collection action of an account: its segment, the ladder step or event
            /// due, its earliest compliant instant in the debtor's time zone, the rules that
            /// fired and what is blocked, with an audit record (docs/strategy.md).
            ///
            /// ```js
            /// const next = nextAction({ now: "2026-03-02T15:00:00Z", account: { id: "acme", timeZone: "America/New_York",
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2025-01-01", dueDate: "2026-03-01", amount: "500.00", currency: "USD" }] } });
            /// [next.segment, next.action, next.channel, next.at];
            /// // → ["goodStanding", "dueDateReminder", "email", "2026-03-02T10:00:00-05:00"]
            /// ```
            nextAction => next_action(crate::strategy::requests::NextActionInput)
                -> crate::strategy::NextAction = crate::strategy::requests::next_action_of;

            /// The next action of many accounts at once, the history items naming their
            /// `accountId`: what one `nextAction` call per account gives.
            ///
            /// ```js
            /// nextActions({ now: "2026-03-02T15:00:00Z",
            ///   accounts: [{ id: "acme", timeZone: "Europe/London", invoices: [{ id: "A", customerId: "acme", issueDate: "2025-01-01", dueDate: "2026-03-01", amount: "500.00", currency: "GBP" }] }],
            ///   history: [{ accountId: "acme", at: "2026-03-02T09:00:00Z", channel: "email", kind: "message", action: "dueDateReminder" }] })
            ///   .results.map((r) => [r.action, r.at]);
            /// // → [["secondReminder", "2026-03-08T08:00:00+00:00"]]
            /// ```
            nextActions => next_actions(crate::strategy::requests::NextActionsInput)
                -> crate::strategy::requests::NextActions = crate::strategy::requests::next_actions_of;

            /// Every action the ladder would take from `now` to `until` if nothing is paid, each
            /// at its earliest compliant instant.
            ///
            /// ```js
            /// timeline({ now: "2026-02-20T12:00:00Z", until: "2026-03-10T00:00:00Z", account: { id: "acme", timeZone: "America/New_York",
            ///   invoices: [{ id: "A", customerId: "acme", issueDate: "2025-01-01", dueDate: "2026-03-01", amount: "500.00", currency: "USD" }] } })
            ///   .actions.map((a) => [a.action, a.at]);
            /// // → [["preDueReminder", "2026-02-26T08:00:00-05:00"], ["dueDateReminder", "2026-03-02T08:00:00-05:00"], ["secondReminder", "2026-03-08T08:00:00-04:00"]]
            /// ```
            timeline => timeline(crate::strategy::requests::TimelineInput)
                -> crate::strategy::requests::Timeline = crate::strategy::requests::timeline_of;

            /// Whether a contact on a channel is allowed at an instant under the compliance
            /// rules (contact hours, call frequency, quiet days, opt-outs, a request to cease),
            /// and if not, the earliest instant it is.
            ///
            /// ```js
            /// contactAllowed({ channel: "phone", at: "2026-03-02T12:30:00Z", timeZone: "America/New_York" });
            /// // → { allowed: false, reasons: [{ rule: "contactHours", why: "12 CFR 1006.6(b)(1)(i): contact from 08:00 to 21:00 in America/New_York", until: "2026-03-02T08:00:00-05:00" }], earliest: "2026-03-02T08:00:00-05:00" }
            /// ```
            contactAllowed => contact_allowed(crate::strategy::requests::ContactInput)
                -> crate::strategy::requests::ContactAnswer = crate::strategy::requests::contact_allowed_of;

            /// The written collection terms of a policy, in plain language, to give customers
            /// before anything is late.
            ///
            /// ```js
            /// describePolicy({}).text.split("\n")[0];
            /// // → "How we collect what is owed"
            /// ```
            describePolicy => describe_policy(crate::strategy::terms::DescribeInput)
                -> crate::strategy::terms::Terms = crate::strategy::requests::describe_policy_of;

            /// The default policy document: segments, ladders, events, compliance, settlement
            /// terms, no fees and no interest (described by `arrears/policy.schema.json`).
            ///
            /// ```js
            /// defaultPolicy({}).segments.map((s) => s.name);
            /// // → ["newAccount", "highRisk", "slowPayer", "goodStanding"]
            /// ```
            defaultPolicy => default_policy(crate::strategy::requests::Nothing)
                -> crate::policy::Policy = crate::strategy::requests::default_policy_of;
        }
    };
}
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))] // the wasm exports use it
pub(crate) use for_each_entry_point;

/// One JSON entry point: its JS name and its function, JSON text in and out.
///
/// ```
/// let entry = arrears::api::ENTRY_POINTS.iter().find(|e| e.name == "dueDate").ok_or("missing")?;
/// let out = (entry.run)(r#"{"issueDate": "2024-01-31", "terms": "Net 30"}"#)?;
/// assert!(out.contains(r#""dueDate":"2024-03-01""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct EntryPoint {
    /// The JS name, `dueDate`.
    pub name: &'static str,
    /// The function: JSON text of the input in, JSON text of the output out.
    pub run: fn(&str) -> Result<String>,
}

/// An entry point as the generated types and docs see it.
///
/// ```
/// let mut schemas = arrears::json::Schemas::new();
/// let all = arrears::api::describe(&mut schemas);
/// assert!(all.iter().any(|e| e.name == "aging" && e.doc.contains("```js")));
/// ```
pub struct EntryDescription {
    /// The JS name.
    pub name: &'static str,
    /// The doc comment, with a JS example.
    pub doc: String,
    /// The schema of its input (a `$ref` into the schemas' definitions).
    pub input: Value,
    /// The schema of its output.
    pub output: Value,
}

/// Defines the JSON functions and the tables from the list.
macro_rules! define {
    ($($(#[doc = $doc:literal])* $js:ident => $rust:ident($input:ty) -> $output:ty = $function:path;)*) => {
        $(
            $(#[doc = $doc])*
            ///
            /// As JSON text in and out; errors as listed in the docs of the core function.
            pub fn $rust(json: &str) -> Result<String> {
                run(json, $function)
            }
        )*

        /// Every JSON entry point, in the order of the registry.
        pub const ENTRY_POINTS: &[EntryPoint] = &[$(EntryPoint { name: stringify!($js), run: $rust },)*];

        /// Every entry point with its doc and the schemas of its input and output, which
        /// are added to `schemas`.
        pub fn describe(schemas: &mut Schemas) -> Vec<EntryDescription> {
            vec![$({
                schemas.describe_outputs(false);
                let input = <$input as Describe>::describe(schemas);
                schemas.describe_outputs(true);
                let output = <$output as Describe>::describe(schemas);
                EntryDescription {
                    name: stringify!($js),
                    doc: doc_text(concat!($($doc, "\n"),*)),
                    input,
                    output,
                }
            },)*]
        }
    };
}
for_each_entry_point!(define);

/// A doc comment's text without the space after each `///`.
fn doc_text(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    lines.join("\n").trim().to_owned()
}

/// Calls the entry point `name` with JSON text: a convenience for Rust callers.
///
/// # Errors
/// [`ErrorCode::InvalidInput`] for an unknown name, and those of the entry point.
///
/// ```
/// let out = arrears::api::call("isBusinessDay", r#"{"date": "2024-12-25", "calendar": "GB"}"#)?;
/// assert_eq!(out, r#"{"businessDay":false}"#);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn call(name: &str, json: &str) -> Result<String> {
    let entry = ENTRY_POINTS
        .iter()
        .find(|e| e.name == name)
        .ok_or_else(|| {
            let message = format!("{} is not an entry point", crate::error::quoted(name));
            Error::new(ErrorCode::InvalidInput, message)
        })?;
    (entry.run)(json)
}

/// Decodes `json`, runs `compute` on it and encodes the result: one entry point.
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] over [`MAX_INPUT_BYTES`], and those of decoding, `compute`
/// and encoding.
///
/// ```
/// #[derive(arrears::json::Decode)]
/// struct Input { n: u32 }
/// let out = arrears::api::run(r#"{"n": 2}"#, |i: Input| Ok(i.n * 2))?;
/// assert_eq!(out, "4");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn run<'a, I: Decode<'a>, O: Encode>(
    json: &'a str,
    compute: fn(I) -> Result<O>,
) -> Result<String> {
    check_size(json.len())?;
    crate::json::to_string(&compute(crate::json::from_str(json)?)?)
}

/// Checks an input's size against [`MAX_INPUT_BYTES`].
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] over the limit, with the limit in the message.
///
/// ```
/// assert!(arrears::api::check_size(10).is_ok());
/// assert!(arrears::api::check_size(usize::MAX).is_err());
/// ```
pub fn check_size(bytes: usize) -> Result<()> {
    match bytes > MAX_INPUT_BYTES {
        false => Ok(()),
        true => Err(too_large()),
    }
}

/// The error of [`check_size`], out of line: `run`, and so `check_size`, is compiled into
/// every entry point.
#[cold]
#[inline(never)]
fn too_large() -> Error {
    let message = format!("the input is larger than {MAX_INPUT_BYTES} bytes");
    Error::new(ErrorCode::LimitExceeded, message)
}
