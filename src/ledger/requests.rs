//! The entry points of the ledger: the records and options `aging`, `paymentBehaviour`,
//! `metrics` and `agingBatch` take, and how they become a checked [`Book`].
//!
//! Each report takes the same ledger: records (`invoices`, `payments`, `credits`) or the same
//! as CSV text (`invoicesCsv`, `paymentsCsv`, `creditsCsv`, see [`batch::csv`]), one form or
//! the other. Ids borrow from the input text wherever it holds no escapes.

use super::batch;
use super::records::FastMap;
use super::{
    aging, metrics, payment_behaviour, text_to_minor_units, Accounts, AgingOptions, AgingReport,
    Allocation, ApplicationRequest, Basis, BehaviourReport, Book, Buckets, Invoice, InvoiceRef,
    MetricsReport, Part, Receipt, ReceiptKind,
};
use crate::dates::Convention;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Kind, Reader, Schemas, Value, Writer};
use crate::money::{parse_amount, Amount, Currency};
use crate::terms::{Terms, TermsInput};
use chrono::NaiveDate;
use std::borrow::Cow;

/// An invoice.
#[derive(Clone, Decode, Encode, Describe)]
pub struct InvoiceRecord<'a> {
    /// Unique among the invoices (at most 256 bytes).
    pub id: Cow<'a, str>,
    /// The customer who owes it.
    pub customer_id: Cow<'a, str>,
    /// The invoice date.
    pub issue_date: NaiveDate,
    /// The due date; give it or `terms`.
    pub due_date: Option<NaiveDate>,
    /// Payment terms that give the due date (unadjusted calendar days); give them or `dueDate`.
    pub terms: Option<TermsInput>,
    /// The amount invoiced, more than zero, with at most the currency's minor units.
    pub amount: AmountText<'a>,
    /// Its currency.
    pub currency: Currency,
    /// Whether the customer disputes it (default false).
    #[json(default)]
    pub disputed: bool,
}

/// A payment received.
#[derive(Clone, Decode, Encode, Describe)]
pub struct PaymentRecord<'a> {
    /// Unique among the payments.
    pub id: Cow<'a, str>,
    /// The customer who paid.
    pub customer_id: Cow<'a, str>,
    /// The day it was received.
    pub date: NaiveDate,
    /// The amount, more than zero.
    pub amount: AmountText<'a>,
    /// Its currency.
    pub currency: Currency,
    /// Parts applied to named invoices; the rest is allocated by `allocation`.
    #[json(default)]
    pub applies_to: Vec<AppliesTo<'a>>,
}

/// Part of a payment applied to a named invoice.
#[derive(Clone, Decode, Encode, Describe)]
pub struct AppliesTo<'a> {
    /// The invoice's id.
    pub invoice_id: Cow<'a, str>,
    /// The amount applied to it.
    pub amount: AmountText<'a>,
}

/// A credit note (or write-down) issued.
#[derive(Clone, Decode, Encode, Describe)]
pub struct CreditRecord<'a> {
    /// Unique among the credits.
    pub id: Cow<'a, str>,
    /// The customer credited.
    pub customer_id: Cow<'a, str>,
    /// The day it was issued.
    pub date: NaiveDate,
    /// The amount, more than zero.
    pub amount: AmountText<'a>,
    /// Its currency.
    pub currency: Currency,
    /// The invoice it is applied to, in full; without one it is allocated by `allocation`.
    pub invoice_id: Option<Cow<'a, str>>,
}

/// Declares a ledger report's input: the ledger (as records or CSV) and its own options.
macro_rules! ledger_input {
    ($(#[doc = $doc:literal])* $name:ident { $($options:tt)* }) => {
        $(#[doc = $doc])*
        #[derive(Decode, Describe)]
        pub struct $name<'a> {
            /// The day of the report; records dated after it are left out.
            pub as_of: NaiveDate,
            /// The invoices as records (or give `invoicesCsv`).
            pub invoices: Option<Vec<InvoiceRecord<'a>>>,
            /// The payments as records.
            #[json(default)]
            pub payments: Vec<PaymentRecord<'a>>,
            /// The credits as records.
            #[json(default)]
            pub credits: Vec<CreditRecord<'a>>,
            /// The invoices as CSV text, header `id,customerId,issueDate,dueDate,amount,currency[,disputed]`.
            pub invoices_csv: Option<Cow<'a, str>>,
            /// The payments as CSV text, header `id,customerId,date,amount,currency[,invoiceId]`.
            pub payments_csv: Option<Cow<'a, str>>,
            /// The credits as CSV text, with the payments' header.
            pub credits_csv: Option<Cow<'a, str>>,
            $($options)*
        }

        impl<'a> $name<'a> {
            /// The ledger of the input, checked, from records or CSV.
            fn book(&mut self) -> Result<Book<Cow<'_, str>>> {
                let csv = [&self.invoices_csv, &self.payments_csv, &self.credits_csv];
                let records = self.invoices.is_some() || !self.payments.is_empty() || !self.credits.is_empty();
                match (csv.iter().any(|text| text.is_some()), records) {
                    (true, true) => Err(Error::new(
                        ErrorCode::InvalidInput,
                        "give the ledger as records or as CSV text, not both",
                    )
                    .at("invoicesCsv")),
                    (true, false) => {
                        let invoices = self.invoices_csv.as_deref().ok_or_else(|| {
                            Error::new(ErrorCode::MissingField, "'invoicesCsv' is required with the other CSV texts")
                                .at("invoicesCsv")
                        })?;
                        batch::csv::read(invoices, self.payments_csv.as_deref(), self.credits_csv.as_deref())
                    }
                    (false, _) => book(
                        self.invoices.take().ok_or_else(|| {
                            Error::new(
                                ErrorCode::MissingField,
                                "'invoices' (records) or 'invoicesCsv' (CSV text) is required",
                            )
                            .at("invoices")
                        })?,
                        std::mem::take(&mut self.payments),
                        std::mem::take(&mut self.credits),
                    ),
                }
            }
        }
    };
}

ledger_input! {
    /// What `aging` takes.
    AgingInput {
        /// Upper bounds of the buckets in days, rising (default 30, 60, 90, 120).
        pub buckets: Option<Vec<i64>>,
        /// What age counts from (default `dueDate`).
        #[json(default)]
        pub basis: Basis,
        /// How payments and credits without an invoice are allocated (default `oldestFirst`).
        #[json(default)]
        pub allocation: Allocation,
        /// Which parts to return (default all).
        pub include: Option<Vec<Part>>,
    }
}

/// Every part of an aging report, the default of `include`.
const ALL_PARTS: [Part; 4] = [
    Part::Buckets,
    Part::Customers,
    Part::Currencies,
    Part::Invoices,
];

/// Open amounts by age, per currency, customer and invoice.
///
/// # Errors
/// Those of the records and their checks ([`Book::new`], with paths such as
/// `invoices[5].id`), of the CSV texts, and of [`Buckets::new`].
///
/// ```
/// let out = arrears::api::call("aging", r#"{"asOf": "2024-03-01", "include": ["buckets"], "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": "100", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn aging_of(mut input: AgingInput<'_>) -> Result<AgingReport> {
    let options = AgingOptions {
        as_of: input.as_of,
        buckets: Buckets::new(input.buckets.as_deref(), input.basis)?,
        allocation: input.allocation,
        include: input.include.take().unwrap_or_else(|| ALL_PARTS.to_vec()),
    };
    aging(&input.book()?, &options)
}

ledger_input! {
    /// What `paymentBehaviour` takes.
    BehaviourInput {
        /// How payments and credits without an invoice are allocated (default `oldestFirst`).
        #[json(default)]
        pub allocation: Allocation,
    }
}

/// How each customer pays, per currency.
///
/// # Errors
/// As for [`aging_of`].
///
/// ```
/// let out = arrears::api::call("paymentBehaviour", r#"{"asOf": "2024-03-01", "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": "100", "currency": "EUR"}],
///   "payments": [{"id": "P", "customerId": "acme", "date": "2024-02-05", "amount": "100", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""averageDaysLate":"5.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn payment_behaviour_of(mut input: BehaviourInput<'_>) -> Result<BehaviourReport> {
    let (as_of, allocation) = (input.as_of, input.allocation);
    payment_behaviour(&input.book()?, as_of, allocation)
}

ledger_input! {
    /// What `metrics` takes.
    MetricsInput {
        /// The length of the period ending on `asOf`, in days (1 to 36,525).
        pub period_days: i64,
        /// How payments and credits without an invoice are allocated (default `oldestFirst`).
        #[json(default)]
        pub allocation: Allocation,
    }
}

/// Collection KPIs per currency: DSO, best possible DSO, average days delinquent, CEI.
///
/// # Errors
/// As for [`aging_of`], and `out_of_range` at `periodDays`.
///
/// ```
/// let out = arrears::api::call("metrics", r#"{"asOf": "2024-03-31", "periodDays": 31, "invoices": [
///   {"id": "A", "customerId": "acme", "issueDate": "2024-03-01", "dueDate": "2024-04-30", "amount": "300", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""dso":"31.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn metrics_of(mut input: MetricsInput<'_>) -> Result<MetricsReport> {
    let (as_of, period_days, allocation) = (input.as_of, input.period_days, input.allocation);
    metrics(&input.book()?, as_of, period_days, allocation)
}

/// What `agingBatch` takes besides its data: the CSV texts, or typed columns from JS.
#[derive(Decode, Describe)]
pub struct BatchOptions {
    /// The day of the report; records dated after it are left out.
    pub as_of: NaiveDate,
    /// Upper bounds of the buckets in days, rising (default 30, 60, 90, 120).
    pub buckets: Option<Vec<i64>>,
    /// What age counts from (default `dueDate`).
    #[json(default)]
    pub basis: Basis,
}

/// What `agingBatch` takes as JSON: its options and the CSV texts.
#[derive(Decode, Describe)]
pub struct AgingBatchInput<'a> {
    /// The day of the report; records dated after it are left out.
    pub as_of: NaiveDate,
    /// Upper bounds of the buckets in days, rising (default 30, 60, 90, 120).
    pub buckets: Option<Vec<i64>>,
    /// What age counts from (default `dueDate`).
    #[json(default)]
    pub basis: Basis,
    /// The invoices as CSV text.
    pub invoices_csv: Cow<'a, str>,
    /// The payments as CSV text (`""` for none).
    pub payments_csv: Option<Cow<'a, str>>,
    /// The credits as CSV text (`""` for none).
    pub credits_csv: Option<Cow<'a, str>>,
}

/// The parts `agingBatch` returns: the summary, the customers and the currencies.
const BATCH_PARTS: [Part; 3] = [Part::Buckets, Part::Customers, Part::Currencies];

/// The aging of a whole portfolio from CSV: `aging` with `include: ["buckets", "customers",
/// "currencies"]` and oldest-first allocation.
///
/// # Errors
/// Those of [`batch::csv::read`] and [`Buckets::new`].
///
/// ```
/// let out = arrears::api::call("agingBatch", r#"{"asOf": "2024-03-01", "invoicesCsv":
///   "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n"}"#)?;
/// assert!(out.contains(r#""total":"100.00""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn aging_batch_of(input: AgingBatchInput<'_>) -> Result<AgingReport> {
    let book = batch::csv::read(
        &input.invoices_csv,
        input.payments_csv.as_deref(),
        input.credits_csv.as_deref(),
    )?;
    let options = BatchOptions {
        as_of: input.as_of,
        buckets: input.buckets,
        basis: input.basis,
    };
    batch_report(&options, &book)
}

/// The `agingBatch` report of a book read by a batch reader.
///
/// # Errors
/// Those of [`Buckets::new`].
///
/// ```
/// use arrears::ledger::{batch::csv, requests::*};
/// let book = csv::read("id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n", None, None)?;
/// let options = BatchOptions { as_of: arrears::dates::parse_date("2024-03-01")?, buckets: None, basis: Default::default() };
/// assert_eq!(batch_report(&options, &book)?.summary.map(|s| s.total.to_string()).as_deref(), Some("100.00"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn batch_report<Id: AsRef<str>>(
    options: &BatchOptions,
    book: &Book<Id>,
) -> Result<AgingReport> {
    let options = AgingOptions {
        as_of: options.as_of,
        buckets: Buckets::new(options.buckets.as_deref(), options.basis)?,
        allocation: Allocation::OldestFirst,
        include: BATCH_PARTS.to_vec(),
    };
    aging(book, &options)
}

/// An amount as written, checked by [`parse_amount`] but kept as text, so that it goes
/// straight to minor units once the row's currency is known ([`text_to_minor_units`]).
#[derive(Clone)]
pub struct AmountText<'a>(Cow<'a, str>);

impl AmountText<'_> {
    /// The amount as written.
    #[doc(hidden)] // pub for arrears-cold (crates/cold), which compiles the modules that use it
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl crate::json::Blank for AmountText<'_> {
    fn blank() -> Self {
        AmountText(Cow::Borrowed("0"))
    }
}

impl<'a> Decode<'a> for AmountText<'a> {
    fn decode(reader: &mut Reader<'a>) -> Result<AmountText<'a>> {
        const EXPECTED: &str = "an amount such as \"1234.50\"";
        let text = match reader.kind()? {
            Kind::Number => Cow::Borrowed(reader.number(EXPECTED)?),
            _ => reader.string(EXPECTED)?,
        };
        if !is_plain(&text) {
            parse_amount(&text)?;
        }
        Ok(AmountText(text))
    }
}

impl Encode for AmountText<'_> {
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.0);
    }
}

impl Describe for AmountText<'_> {
    fn describe(schemas: &mut Schemas) -> Value {
        Amount::describe(schemas)
    }
}

/// Whether [`parse_amount`] surely accepts `text`: digits, then at most one `.` followed by
/// at most ten digits, within 28 digits. Anything else goes through [`parse_amount`] itself,
/// for its value or its error.
fn is_plain(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    text.len() <= 28 && fraction.len() <= 10 && digits(whole) && digits(fraction)
}

/// Builds a checked [`Book`] from decoded records, with paths in the caller's words; ids stay
/// borrowed from the JSON text where they had no escapes.
#[doc(hidden)] // pub for arrears-cold
pub fn book<'a>(
    invoices: Vec<InvoiceRecord<'a>>,
    payments: Vec<PaymentRecord<'a>>,
    credits: Vec<CreditRecord<'a>>,
) -> Result<Book<Cow<'a, str>>> {
    let mut accounts = Accounts::default();
    let mut records = Vec::with_capacity(invoices.len());
    let mut parsed_terms = FastMap::default();
    for (i, row) in invoices.into_iter().enumerate() {
        let at = |field| at("invoices", i, field);
        super::records::check_id(&row.id).map_err(at("id"))?;
        let due_date = match (row.due_date, &row.terms) {
            (Some(due), None) => due,
            (None, Some(terms)) => due_from_terms(terms, row.issue_date, &mut parsed_terms)
                .map_err(|e| e.in_field("terms").in_index(i).in_field("invoices"))?,
            (None, None) => {
                let e = Error::new(ErrorCode::MissingField, "'dueDate' or 'terms' is required");
                return Err(at("dueDate")(e));
            }
            (Some(_), Some(_)) => {
                let e = Error::new(
                    ErrorCode::InvalidInput,
                    "give 'dueDate' or 'terms', not both",
                );
                return Err(at("terms")(e));
            }
        };
        records.push(Invoice {
            due_date,
            account: accounts
                .intern(&row.customer_id, row.currency)
                .map_err(at("customerId"))?,
            amount: text_to_minor_units(&row.amount.0, row.currency).map_err(at("amount"))?,
            id: row.id,
            issue_date: row.issue_date,
            disputed: row.disputed,
        });
    }
    let mut named: Vec<NamedInvoice<'a>> = Vec::new();
    let mut payment_records = Vec::with_capacity(payments.len());
    for (i, row) in payments.into_iter().enumerate() {
        for (j, applied) in row.applies_to.into_iter().enumerate() {
            let amount = text_to_minor_units(&applied.amount.0, row.currency)
                .map_err(|e| e.at(crate::path!("payments", i, "appliesTo", j, "amount")))?;
            named.push((ReceiptKind::Payment, i, Some(j), applied.invoice_id, amount));
        }
        let receipt = ReceiptRow {
            id: row.id,
            customer_id: row.customer_id,
            date: row.date,
            amount: row.amount,
            currency: row.currency,
        };
        payment_records.push(receipt.read(&mut accounts, "payments", i)?);
    }
    let mut credit_records = Vec::with_capacity(credits.len());
    for (i, row) in credits.into_iter().enumerate() {
        let receipt = ReceiptRow {
            id: row.id,
            customer_id: row.customer_id,
            date: row.date,
            amount: row.amount,
            currency: row.currency,
        };
        let credit = receipt.read(&mut accounts, "credits", i)?;
        if let Some(invoice_id) = row.invoice_id {
            named.push((ReceiptKind::Credit, i, None, invoice_id, credit.amount));
        }
        credit_records.push(credit);
    }
    let requests: Vec<ApplicationRequest<'_>> = named
        .iter()
        .map(
            |(kind, receipt, position, invoice_id, amount)| ApplicationRequest {
                kind: *kind,
                receipt: *receipt,
                position: *position,
                invoice: InvoiceRef::Id(invoice_id),
                amount: *amount,
            },
        )
        .collect();
    Book::new(
        accounts,
        records,
        payment_records,
        credit_records,
        &requests,
    )
}

/// The due date from payment terms (the last installment's for installment terms), on
/// calendar days with no business-day adjustment. Text terms are parsed once per distinct text.
fn due_from_terms(
    terms: &TermsInput,
    issue: NaiveDate,
    parsed: &mut FastMap<String, Terms>,
) -> Result<NaiveDate> {
    let TermsInput::Text(text) = terms else {
        return terms
            .to_terms()?
            .due_date(issue, None, Convention::Unadjusted);
    };
    let terms = match parsed.get(text) {
        Some(terms) => terms,
        None => parsed.entry(text.clone()).or_insert(terms.to_terms()?),
    };
    terms.due_date(issue, None, Convention::Unadjusted)
}

/// An application to a named invoice, before the invoice is found: kind, receipt index,
/// position in `appliesTo`, the invoice's id and the amount.
type NamedInvoice<'a> = (ReceiptKind, usize, Option<usize>, Cow<'a, str>, i64);

/// The fields payments and credits share.
struct ReceiptRow<'a> {
    id: Cow<'a, str>,
    customer_id: Cow<'a, str>,
    date: NaiveDate,
    amount: AmountText<'a>,
    currency: Currency,
}

impl<'a> ReceiptRow<'a> {
    /// The row, `list[i]`, as a [`Receipt`].
    fn read(
        self,
        accounts: &mut Accounts,
        list: &'static str,
        i: usize,
    ) -> Result<Receipt<Cow<'a, str>>> {
        super::records::check_id(&self.id).map_err(at(list, i, "id"))?;
        Ok(Receipt {
            account: accounts
                .intern(&self.customer_id, self.currency)
                .map_err(at(list, i, "customerId"))?,
            amount: text_to_minor_units(&self.amount.0, self.currency)
                .map_err(at(list, i, "amount"))?,
            id: self.id,
            date: self.date,
        })
    }
}

/// Puts an error at `list[i].field`.
fn at(list: &'static str, i: usize, field: &'static str) -> impl FnOnce(Error) -> Error {
    move |e| e.at(crate::path!(list, i, field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_amounts_are_those_parse_amount_accepts() {
        for text in [
            "0",
            "12",
            "12.5",
            "0.0000000001",
            "1234567890123456789012345678",
        ] {
            assert!(is_plain(text), "{text}");
            assert!(parse_amount(text).is_ok(), "{text}");
        }
        // parse_amount's own domain: a sign, a bare dot, letters, over 10 decimals.
        for text in ["-1", "1.", ".5", "1e3", "1.2.3", "", "0.00000000001", " 1"] {
            assert!(!is_plain(text), "{text}");
        }
    }
}
