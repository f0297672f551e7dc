//! A ledger from CSV text: one text of invoices, and optionally one of payments and one of
//! credits, each with a header row naming its columns in any order.
//!
//! The text is read as RFC 4180 (<https://www.rfc-editor.org/rfc/rfc4180>, October 2005):
//! fields separated by commas, records by LF or CRLF, a field in double quotes may hold
//! commas, line breaks and doubled quotes (`""` for `"`). A UTF-8 byte-order mark before the
//! header is skipped, and so are line breaks at the very end. Everything else is an error
//! whose path is `<name>:<line>:<column>` (`invoicesCsv:1042:dueDate`), lines counted from 1
//! with the header as line 1: a blank line, a quote inside an unquoted field, a row with more
//! or fewer fields than the header, a column the header lacks or does not know.
//!
//! Columns. Invoices: `id, customerId, issueDate, dueDate, amount, currency`, and optionally
//! `disputed` (`true`, `false`, `1`, `0` or empty for false). Payments and credits:
//! `id, customerId, date, amount, currency`, and optionally `invoiceId` (empty for none). A
//! payment with an `invoiceId` is applied to that invoice for its whole amount, before
//! anything is allocated; so is a credit. Dates are `YYYY-MM-DD`, amounts plain decimal text
//! with at most the currency's minor units.
//!
//! Fields are read in place, ids included (the [`Book`] borrows them from the text): a row
//! costs no allocation unless a quoted field holds a doubled quote.

use super::{split_path, AccountCache, Named, Rows};
use crate::dates::parse_date;
use crate::error::{Error, ErrorCode, Path, Result, Segment};
use crate::ledger::records::check_id;
use crate::ledger::{text_to_minor_units, Book, Invoice, Receipt, ReceiptKind};
use crate::limits::{MAX_INPUT_BYTES, MAX_RECORDS};
use crate::money::Currency;
use std::borrow::Cow;

/// The invoice columns; the first six are required.
const INVOICE_COLUMNS: [&str; 7] = [
    "id",
    "customerId",
    "issueDate",
    "dueDate",
    "amount",
    "currency",
    "disputed",
];
/// The payment and credit columns; the first five are required.
const RECEIPT_COLUMNS: [&str; 6] = [
    "id",
    "customerId",
    "date",
    "amount",
    "currency",
    "invoiceId",
];
// Positions in the lists above.
const ID: usize = 0;
const CUSTOMER: usize = 1;
const ISSUE_DATE: usize = 2;
const DUE_DATE: usize = 3;
const AMOUNT: usize = 4;
const CURRENCY: usize = 5;
const DISPUTED: usize = 6;
const DATE: usize = 2;
const RECEIPT_AMOUNT: usize = 3;
const RECEIPT_CURRENCY: usize = 4;
const INVOICE_ID: usize = 5;

/// Reads invoices, payments and credits from CSV text into a checked [`Book`].
///
/// # Errors
/// Every error has the path `invoicesCsv:<line>:<column>` (or `paymentsCsv`, `creditsCsv`;
/// `<name>:<line>` when the row as a whole is wrong): [`ErrorCode::InvalidInput`] for text
/// that is not CSV as described in the module, [`ErrorCode::MissingField`] and
/// [`ErrorCode::UnknownField`] for the header, the field's own code for a bad value
/// (`invalid_date`, `invalid_amount`, `unknown_currency`, ...), [`ErrorCode::LimitExceeded`]
/// over [`MAX_INPUT_BYTES`] or [`MAX_RECORDS`], and the checks of [`Book::new`] (duplicate ids,
/// unknown invoices, over-application) at the row they concern.
///
/// ```
/// use arrears::ledger::batch::csv::read;
/// let invoices = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n";
/// let payments = "currency,amount,id,customerId,date,invoiceId\nEUR,40.50,P1,acme,2024-02-01,A\n";
/// let book = read(invoices, Some(payments), None)?;
/// assert_eq!(book.applications[0].amount, 40_50);
/// let bad = "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-02-30,100,EUR\n";
/// assert_eq!(read(bad, None, None).unwrap_err().path(), "invoicesCsv:2:dueDate");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read<'a>(
    invoices_csv: &'a str,
    payments_csv: Option<&'a str>,
    credits_csv: Option<&'a str>,
) -> Result<Book<Cow<'a, str>>> {
    let mut rows = Rows::default();
    let invoices = read_invoices(invoices_csv, &mut rows)?;
    // An empty text is no records, as an absent one is.
    let mut receipts = |text: Option<&'a str>, kind| match text {
        Some(text) if !text.is_empty() => read_receipts(text, kind, &mut rows),
        _ => Ok(Vec::new()),
    };
    let lines = Lines {
        invoices,
        payments: receipts(payments_csv, ReceiptKind::Payment)?,
        credits: receipts(credits_csv, ReceiptKind::Credit)?,
    };
    rows.into_book(|e| lines.relocate(e))
}

/// The line each record starts on, to move [`Book::new`]'s paths to CSV lines.
struct Lines {
    invoices: Vec<usize>,
    payments: Vec<usize>,
    credits: Vec<usize>,
}

impl Lines {
    /// `payments[3].appliesTo[0].invoiceId` becomes `paymentsCsv:5:invoiceId`.
    fn relocate(&self, e: Error) -> Error {
        let Some((list, index, field)) = split_path(e.segments()) else {
            return e;
        };
        let (source, lines) = match list {
            "invoices" => ("invoicesCsv", &self.invoices),
            "payments" => ("paymentsCsv", &self.payments),
            "credits" => ("creditsCsv", &self.credits),
            _ => return e,
        };
        match lines.get(index) {
            Some(&line) => {
                let path =
                    Path::from_segments(vec![source.into(), Segment::Line(line), field.into()]);
                e.at(path)
            }
            None => e,
        }
    }
}

fn read_invoices<'a>(text: &'a str, rows: &mut Rows<'a>) -> Result<Vec<usize>> {
    let source = "invoicesCsv";
    let mut reader = Reader::new(text, source)?;
    let columns = reader.header(&INVOICE_COLUMNS, 6)?;
    let mut fields = Vec::with_capacity(columns.width);
    let mut lines = Vec::new();
    let mut accounts = AccountCache::default();
    while let Some(line) = reader.record(&mut fields, columns.width)? {
        let at = |k: usize| columns.locate(source, line, &INVOICE_COLUMNS, k);
        let field = |k: usize| columns.field(&fields, k);
        check_id(field(ID)).map_err(at(ID))?;
        let currency: Currency = field(CURRENCY).parse().map_err(at(CURRENCY))?;
        let invoice = Invoice {
            id: columns.cell(&fields, ID).clone(),
            account: rows
                .account(&mut accounts, columns.cell(&fields, CUSTOMER), currency)
                .map_err(at(CUSTOMER))?,
            issue_date: parse_date(field(ISSUE_DATE)).map_err(at(ISSUE_DATE))?,
            due_date: parse_date(field(DUE_DATE)).map_err(at(DUE_DATE))?,
            amount: text_to_minor_units(field(AMOUNT), currency).map_err(at(AMOUNT))?,
            disputed: parse_flag(field(DISPUTED)).map_err(at(DISPUTED))?,
        };
        rows.invoices.push(invoice);
        lines.push(line);
        check_count(rows)?;
    }
    Ok(lines)
}

fn read_receipts<'a>(text: &'a str, kind: ReceiptKind, rows: &mut Rows<'a>) -> Result<Vec<usize>> {
    let source = match kind {
        ReceiptKind::Payment => "paymentsCsv",
        ReceiptKind::Credit => "creditsCsv",
    };
    let mut reader = Reader::new(text, source)?;
    let columns = reader.header(&RECEIPT_COLUMNS, 5)?;
    let mut fields = Vec::with_capacity(columns.width);
    let mut lines = Vec::new();
    let mut accounts = AccountCache::default();
    while let Some(line) = reader.record(&mut fields, columns.width)? {
        let at = |k: usize| columns.locate(source, line, &RECEIPT_COLUMNS, k);
        let field = |k: usize| columns.field(&fields, k);
        check_id(field(ID)).map_err(at(ID))?;
        let currency: Currency = field(RECEIPT_CURRENCY)
            .parse()
            .map_err(at(RECEIPT_CURRENCY))?;
        let receipt = Receipt {
            id: columns.cell(&fields, ID).clone(),
            account: rows
                .account(&mut accounts, columns.cell(&fields, CUSTOMER), currency)
                .map_err(at(CUSTOMER))?,
            date: parse_date(field(DATE)).map_err(at(DATE))?,
            amount: text_to_minor_units(field(RECEIPT_AMOUNT), currency)
                .map_err(at(RECEIPT_AMOUNT))?,
        };
        let list = match kind {
            ReceiptKind::Payment => &mut rows.payments,
            ReceiptKind::Credit => &mut rows.credits,
        };
        let index = list.len();
        list.push(receipt);
        if let Some(named) = columns.take(&mut fields, INVOICE_ID) {
            rows.named.push((kind, index, Named::Id(named)));
        }
        lines.push(line);
        check_count(rows)?;
    }
    Ok(lines)
}

fn check_count(rows: &Rows<'_>) -> Result<()> {
    if rows.invoices.len() + rows.payments.len() + rows.credits.len() > MAX_RECORDS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("at most {MAX_RECORDS} records in one call"),
        ));
    }
    Ok(())
}

/// `disputed`: `true`, `1`, or `false`, `0`, empty.
fn parse_flag(text: &str) -> Result<bool> {
    match text {
        "true" | "1" => Ok(true),
        "false" | "0" | "" => Ok(false),
        _ => {
            let shown: String = text.chars().take(20).collect();
            Err(Error::new(
                ErrorCode::InvalidType,
                format!("'{shown}' is not true, false, 1, 0 or empty"),
            ))
        }
    }
}

/// Where each known column is in a row.
struct Columns {
    /// For each of the module's column names, its position in the row, if present.
    positions: Vec<Option<usize>>,
    /// The number of fields in every row.
    width: usize,
}

impl Columns {
    /// The text of known column `k` in `fields`, empty when the column is absent.
    fn field<'f>(&self, fields: &'f [Cow<'_, str>], k: usize) -> &'f str {
        self.cell(fields, k).as_ref()
    }

    /// Known column `k` of `fields` as read, empty when the column is absent.
    fn cell<'f, 'a>(&self, fields: &'f [Cow<'a, str>], k: usize) -> &'f Cow<'a, str> {
        const EMPTY: &Cow<'_, str> = &Cow::Borrowed("");
        self.positions
            .get(k)
            .copied()
            .flatten()
            .and_then(|p| fields.get(p))
            .unwrap_or(EMPTY)
    }

    /// Puts an error at `<source>:<line>:<name of known column k>`.
    fn locate(
        &self,
        source: &'static str,
        line: usize,
        names: &'static [&'static str],
        k: usize,
    ) -> impl FnOnce(Error) -> Error {
        let name = names.get(k).copied().unwrap_or_default();
        move |e| e.at(format!("{source}:{line}:{name}"))
    }

    /// Takes known column `k` out of `fields` when it is not empty.
    fn take<'a>(&self, fields: &mut [Cow<'a, str>], k: usize) -> Option<Cow<'a, str>> {
        let p = self.positions.get(k).copied().flatten()?;
        let field = fields.get_mut(p)?;
        if field.is_empty() {
            None
        } else {
            Some(std::mem::take(field))
        }
    }
}

/// An RFC 4180 reader over one text, record by record, counting lines.
struct Reader<'a> {
    text: &'a str,
    source: &'static str,
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, source: &'static str) -> Result<Self> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!("a CSV text has at most {MAX_INPUT_BYTES} bytes"),
            )
            .at(source));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Ok(Reader {
            text,
            source,
            pos: 0,
            line: 1,
        })
    }

    fn error(&self, line: usize, code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Error {
        Error::new(code, message).at(format!("{}:{line}", self.source))
    }

    /// Reads the header and finds the known `names` in it; the first `required` must be there.
    fn header(&mut self, names: &[&str], required: usize) -> Result<Columns> {
        let mut fields = Vec::new();
        let missing = |name: &str| {
            Error::new(
                ErrorCode::MissingField,
                format!("the header has no column '{name}'"),
            )
        };
        let Some(line) = self.record(&mut fields, 0)? else {
            let first = names.first().copied().unwrap_or("id");
            return Err(missing(first).at(format!("{}:1:{first}", self.source)));
        };
        let mut positions = vec![None; names.len()];
        for (p, field) in fields.iter().enumerate() {
            let name = field.as_ref();
            let known = names.iter().position(|n| *n == name);
            let column: String = name.chars().take(40).collect();
            let at = format!("{}:{line}:{column}", self.source);
            match known.and_then(|k| positions.get_mut(k)) {
                Some(Some(_)) => {
                    let message = format!("the column '{column}' appears twice in the header");
                    return Err(Error::new(ErrorCode::InvalidInput, message).at(at));
                }
                Some(slot) => *slot = Some(p),
                None => {
                    let message = format!(
                        "'{column}' is not a column here (expected {})",
                        names.join(", ")
                    );
                    return Err(Error::new(ErrorCode::UnknownField, message).at(at));
                }
            }
        }
        for (name, position) in names.iter().zip(&positions).take(required) {
            if position.is_none() {
                return Err(missing(name).at(format!("{}:{line}:{name}", self.source)));
            }
        }
        Ok(Columns {
            positions,
            width: fields.len(),
        })
    }

    /// Reads the next record into `fields` and returns the line it starts on, or `None` at
    /// the end. With `width` more than zero, a record of another width is an error.
    fn record(&mut self, fields: &mut Vec<Cow<'a, str>>, width: usize) -> Result<Option<usize>> {
        fields.clear();
        let bytes = self.text.as_bytes();
        let rest = bytes.get(self.pos..).unwrap_or_default();
        if rest.iter().all(|&b| b == b'\n' || b == b'\r') {
            return Ok(None);
        }
        let start = self.line;
        if matches!(rest.first(), Some(b'\n' | b'\r')) {
            return Err(self.error(start, ErrorCode::InvalidInput, "a blank line"));
        }
        loop {
            let field = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted(start)?
            } else {
                self.unquoted(start)?
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 2;
                    self.line += 1;
                    break;
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    break;
                }
                None => break,
                Some(_) => {
                    let message = "a quoted field must end at a comma or a line break";
                    return Err(self.error(self.line, ErrorCode::InvalidInput, message));
                }
            }
        }
        if width > 0 && fields.len() != width {
            let message = format!("the row has {} fields, the header {width}", fields.len());
            return Err(self.error(start, ErrorCode::InvalidInput, message));
        }
        Ok(Some(start))
    }

    /// A field up to the next comma or line break; it may not hold a quote.
    fn unquoted(&mut self, start: usize) -> Result<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let begin = self.pos;
        // A tight search for the bytes that matter, then what they mean.
        let rest = bytes.get(begin..).unwrap_or_default();
        let found = rest
            .iter()
            .position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'));
        let end = found.map_or(bytes.len(), |p| begin + p);
        match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) != Some(&b'\n') => {
                let message = "a line ends in a carriage return alone (old Mac line endings): \
                               end lines with LF or CRLF";
                return Err(self.error(self.line, ErrorCode::InvalidInput, message));
            }
            Some(b'"') => {
                let message =
                    "a quote inside an unquoted field (quote the whole field and double the quote)";
                return Err(self.error(start, ErrorCode::InvalidInput, message));
            }
            _ => {}
        }
        self.pos = end;
        Ok(Cow::Borrowed(self.text.get(begin..end).unwrap_or_default()))
    }

    /// A field in double quotes, `""` standing for one quote; it may span lines.
    fn quoted(&mut self, start: usize) -> Result<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let mut piece = self.pos + 1;
        let mut owned: Option<String> = None;
        let mut at = piece;
        loop {
            match bytes.get(at) {
                None => {
                    let message = "a quoted field is not closed";
                    return Err(self.error(start, ErrorCode::InvalidInput, message));
                }
                Some(b'\n') => {
                    self.line += 1;
                    at += 1;
                }
                Some(b'"') if bytes.get(at + 1) == Some(&b'"') => {
                    let text = self.text.get(piece..=at).unwrap_or_default();
                    owned.get_or_insert_with(String::new).push_str(text);
                    at += 2;
                    piece = at;
                }
                Some(b'"') => {
                    let text = self.text.get(piece..at).unwrap_or_default();
                    self.pos = at + 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(text),
                        Some(mut s) => {
                            s.push_str(text);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(_) => at += 1,
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // amounts in cents: 100_00 is 100.00
mod tests {
    use super::*;

    const HEAD: &str = "id,customerId,issueDate,dueDate,amount,currency\n";

    fn error(invoices: &str, payments: Option<&str>) -> (String, String) {
        match read(invoices, payments, None) {
            Ok(_) => ("ok".into(), String::new()),
            Err(e) => (e.code().as_str().into(), e.path()),
        }
    }

    fn records(text: &str) -> Result<Vec<Vec<String>>> {
        let mut reader = Reader::new(text, "t")?;
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while reader.record(&mut fields, 0)?.is_some() {
            out.push(fields.iter().map(|f| f.to_string()).collect());
        }
        Ok(out)
    }

    #[test]
    fn reads_rfc_4180_quoting() -> Result<()> {
        // RFC 4180 section 2, rules 5-7: quoted fields with a comma, a CRLF and a doubled quote.
        let text = "a,\"b,c\",\"d\r\ne\",\"f\"\"g\"\r\nh,,\"\"\r\n";
        assert_eq!(
            records(text)?,
            vec![vec!["a", "b,c", "d\r\ne", "f\"g"], vec!["h", "", ""],]
        );
        Ok(())
    }

    #[test]
    fn carriage_returns_alone_and_blank_lines_say_so() {
        let cr = format!(
            "{}A,acme,2024-01-01,2024-01-31,100,EUR\rB,acme,2024-01-01,2024-01-31,100,EUR\r",
            HEAD.trim_end()
        );
        let e = read(&cr, None, None).err();
        assert!(e.is_some_and(
            |e| e.message().contains("carriage return") && e.path() == "invoicesCsv:1"
        ));
        let blank = format!(
            "{HEAD}A,acme,2024-01-01,2024-01-31,100,EUR\n\nB,acme,2024-01-01,2024-01-31,100,EUR\n"
        );
        let e = read(&blank, None, None).err();
        assert!(e.is_some_and(|e| e.message() == "a blank line" && e.path() == "invoicesCsv:3"));
    }

    #[test]
    fn an_empty_payments_or_credits_text_is_none() -> Result<()> {
        let text = format!("{HEAD}A,acme,2024-01-01,2024-01-31,100,EUR\n");
        let book = read(&text, Some(""), Some(""))?;
        assert!(book.payments.is_empty() && book.credits.is_empty());
        Ok(())
    }

    #[test]
    fn columns_are_found_by_name() -> Result<()> {
        let text = "currency,amount,dueDate,issueDate,customerId,id,disputed\nEUR,\"1,5\",2024-01-31,2024-01-01,acme,A,true\n";
        // "1,5" is quoted, so the comma is part of the field; it is then no plain amount.
        assert_eq!(
            error(text, None),
            ("invalid_amount".into(), "invoicesCsv:2:amount".into())
        );
        let text = "currency,amount,dueDate,issueDate,customerId,id,disputed\r\nEUR,12.50,2024-01-31,2024-01-01,acme,A,true\r\n";
        let book = read(text, None, None)?;
        assert_eq!(book.invoices[0].amount, 12_50);
        assert!(book.invoices[0].disputed);
        assert_eq!(book.accounts[0].customer_id, "acme");
        Ok(())
    }

    #[test]
    fn bad_rows_are_errors_with_line_and_column() {
        let row = "A,acme,2024-01-01,2024-01-31,100,EUR\n";
        let case = |bad: &str| format!("{HEAD}{row}{bad}");
        assert_eq!(
            error(&case("B,acme,2024-01-01,2024-01-31,100,EURO\n"), None),
            ("unknown_currency".into(), "invoicesCsv:3:currency".into())
        );
        assert_eq!(
            error(&case("B,acme,2024-01-01,2024-01-31,-1,EUR\n"), None),
            ("out_of_range".into(), "invoicesCsv:3:amount".into())
        );
        assert_eq!(
            error(&case("B,acme,2024-01-01,2024-01-31,100\n"), None),
            ("invalid_input".into(), "invoicesCsv:3".into())
        );
        assert_eq!(
            error(&case("A,acme,2024-01-01,2024-01-31,100,EUR\n"), None),
            ("duplicate_id".into(), "invoicesCsv:3:id".into())
        );
        assert_eq!(
            error(&case("B,acme,2024-03-01,2024-01-31,100,EUR\n"), None),
            ("out_of_range".into(), "invoicesCsv:3:dueDate".into())
        );
        // A quoted field over two lines: the next row starts on line 5.
        assert_eq!(
            error(
                &case("\"B\nb\",acme,2024-01-01,2024-01-31,100,EUR\nC,acme,x,2024-01-31,1,EUR\n"),
                None
            ),
            ("invalid_date".into(), "invoicesCsv:5:issueDate".into())
        );
        assert_eq!(
            error(&case("\nB,acme,2024-01-01,2024-01-31,100,EUR\n"), None),
            ("invalid_input".into(), "invoicesCsv:3".into())
        );
        assert_eq!(
            error(&case("B,a\"cme,2024-01-01,2024-01-31,100,EUR\n"), None),
            ("invalid_input".into(), "invoicesCsv:3".into())
        );
        assert_eq!(
            error(&case("\"B,acme,2024-01-01,2024-01-31,100,EUR\n"), None),
            ("invalid_input".into(), "invoicesCsv:3".into())
        );
        assert_eq!(error(&case("\n\r\n"), None), ("ok".into(), String::new()));
    }

    #[test]
    fn header_errors_name_the_column() {
        assert_eq!(
            error("id,customerId,issueDate,amount,currency\n", None),
            ("missing_field".into(), "invoicesCsv:1:dueDate".into())
        );
        assert_eq!(
            error(
                "id,customerId,issueDate,dueDate,amount,currency,note\n",
                None
            ),
            ("unknown_field".into(), "invoicesCsv:1:note".into())
        );
        assert_eq!(
            error("id,id,customerId,issueDate,dueDate,amount,currency\n", None),
            ("invalid_input".into(), "invoicesCsv:1:id".into())
        );
        assert_eq!(
            error("", None),
            ("missing_field".into(), "invoicesCsv:1:id".into())
        );
    }

    #[test]
    fn payments_name_their_invoice_or_not() -> Result<()> {
        let invoices = format!("{HEAD}A,acme,2024-01-01,2024-01-31,100,EUR\n");
        let pay = "id,customerId,date,amount,currency,invoiceId\n";
        let payments = format!("{pay}P1,acme,2024-02-01,30,EUR,A\nP2,acme,2024-02-02,5,EUR,\n");
        let book = read(
            &invoices,
            Some(&payments),
            Some("id,customerId,date,amount,currency\nC1,acme,2024-02-03,1,EUR\n"),
        )?;
        assert_eq!((book.payments.len(), book.credits.len()), (2, 1));
        assert_eq!(book.applications.len(), 1);
        assert_eq!(book.applications[0].amount, 30_00);
        assert_eq!(
            error(
                &invoices,
                Some(&format!("{pay}P1,acme,2024-02-01,30,EUR,Z\n"))
            ),
            ("unknown_invoice".into(), "paymentsCsv:2:invoiceId".into())
        );
        assert_eq!(
            error(
                &invoices,
                Some(&format!("{pay}P1,acme,2024-02-01,130,EUR,A\n"))
            ),
            ("over_applied".into(), "paymentsCsv:2:amount".into())
        );
        assert_eq!(
            error(
                &invoices,
                Some(&format!("{pay}P1,acme,2024-02-01,30,USD,A\n"))
            ),
            ("currency_mismatch".into(), "paymentsCsv:2:invoiceId".into())
        );
        Ok(())
    }
}
