//! Reading the terms people print on invoices: "2/10 Net 30", "Net 30 EOM", "10th prox".
//!
//! The text is cut into tokens (numbers, ordinals such as "10th", words, `/`, `%`), then read
//! clause by clause. Case, spacing, commas, dashes and dots between words do not matter.

use super::{Discount, Due, Installment, Start, Terms, MAX_TERM_DAYS};
use crate::error::{Error, ErrorCode, Result};
use crate::limits::MAX_TERMS_BYTES;
use rust_decimal::Decimal;
use std::ops::Range;
use std::str::FromStr;

/// The net period assumed when discounts are given without one ("2/10 EOM"): it ends this
/// many days after the last discount period, as in the AMA's EOM example (see docs/terms.md).
const NET_AFTER_DISCOUNT_DAYS: u32 = 20;

/// The longest number the terms may contain, in characters ("33.333333").
const MAX_NUMBER_CHARS: usize = 12;

impl FromStr for Terms {
    type Err = Error;

    /// Reads terms as printed on an invoice; see `docs/terms.md` for every form.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidTerms`] for text that is not understood, quoting the part;
    /// [`ErrorCode::OutOfRange`] for numbers outside the limits of [`Terms::new`];
    /// [`ErrorCode::LimitExceeded`] for text over [`MAX_TERMS_BYTES`]. The path is empty
    /// (the text as a whole).
    ///
    /// ```
    /// use arrears::terms::{Due, Start, Terms};
    /// let terms: Terms = "1/15, n/60".parse()?;
    /// assert_eq!((terms.due(), terms.discounts()[0].days), (&Due::Days(60), 15));
    /// let e = "Net thirty".parse::<Terms>().unwrap_err();
    /// assert_eq!(e.code().as_str(), "invalid_terms");
    /// assert!(e.message().contains("'thirty'"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(text: &str) -> Result<Terms> {
        if text.len() > MAX_TERMS_BYTES {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!("payment terms have at most {MAX_TERMS_BYTES} bytes"),
            ));
        }
        let tokens = tokenize(text)?;
        let clauses = Reader {
            text,
            tokens: &tokens,
            next: 0,
        }
        .clauses()?;
        clauses.into_terms(text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Number,
    Ordinal,
    Word,
    Slash,
    Percent,
}

#[derive(Debug)]
struct Token {
    kind: Kind,
    /// Digits as written for numbers and ordinals; lower case without dots for words.
    value: String,
    span: Range<usize>,
}

fn not_understood(text: &str, part: &str, hint: &str) -> Error {
    let message = if part.trim() == text.trim() {
        format!("'{part}' is not understood{hint}")
    } else {
        format!("'{part}' in '{text}' is not understood{hint}")
    };
    Error::new(ErrorCode::InvalidTerms, message)
}

const FORMS: &str = "; write terms such as 'Net 30', '2/10 Net 30', 'Net 30 EOM', '10th prox', \
                     '15 MFI', '50% in 30, 50% in 60' or 'Due on receipt'";

fn tokenize(text: &str) -> Result<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let mut take_while = |keep: &dyn Fn(char) -> bool| {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if !keep(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            end
        };
        if c.is_ascii_digit() {
            let end = take_while(&|c| c.is_ascii_digit() || c == '.');
            // A dot ends a sentence unless digits follow it: "Net 30." is "Net 30".
            let number = text[start..end].trim_end_matches('.');
            let end = start + number.len();
            let suffix_end = end
                + text[end..]
                    .bytes()
                    .take_while(u8::is_ascii_alphabetic)
                    .count();
            let suffix = text[end..suffix_end].to_ascii_lowercase();
            let ordinal = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            let (kind, span) = if ordinal {
                while chars.peek().is_some_and(|&(i, _)| i < suffix_end) {
                    chars.next();
                }
                (Kind::Ordinal, start..suffix_end)
            } else {
                (Kind::Number, start..end)
            };
            tokens.push(Token {
                kind,
                value: number.to_owned(),
                span,
            });
        } else if c.is_ascii_alphabetic() {
            let end = take_while(&|c| c.is_ascii_alphabetic() || c == '.');
            let value = text[start..end].replace('.', "").to_ascii_lowercase();
            let span = start..start + text[start..end].trim_end_matches('.').len();
            tokens.push(Token {
                kind: Kind::Word,
                value,
                span,
            });
        } else {
            chars.next();
            let kind = match c {
                '/' => Kind::Slash,
                '%' => Kind::Percent,
                c if c.is_whitespace() || matches!(c, ',' | ';' | '-' | '.' | ':') => continue,
                _ => {
                    let part = &text[start..start + c.len_utf8()];
                    return Err(not_understood(text, part, FORMS));
                }
            };
            tokens.push(Token {
                kind,
                value: c.to_string(),
                span: start..start + c.len_utf8(),
            });
        }
    }
    Ok(tokens)
}

/// What the clauses of the text said, with the text of each to quote.
#[derive(Default)]
struct Clauses<'a> {
    discounts: Vec<(Discount, &'a str)>,
    installments: Vec<(Installment, &'a str)>,
    net: Option<(Net, &'a str)>,
    end_of_month: Option<&'a str>,
}

#[derive(Clone, Copy)]
enum Net {
    Days(u32),
    DayOfNextMonth(u32),
    /// "Net EOM": due at the end of the invoice's month.
    EndOfMonth,
}

struct Reader<'t> {
    text: &'t str,
    tokens: &'t [Token],
    next: usize,
}

impl<'t> Reader<'t> {
    fn peek(&self, ahead: usize) -> Option<&'t Token> {
        self.tokens.get(self.next + ahead)
    }

    fn word_at(&self, ahead: usize, words: &[&str]) -> bool {
        self.peek(ahead)
            .is_some_and(|t| t.kind == Kind::Word && words.contains(&t.value.as_str()))
    }

    fn kind_at(&self, ahead: usize, kind: Kind) -> bool {
        self.peek(ahead).is_some_and(|t| t.kind == kind)
    }

    /// The text from token `first` up to the token before `self.next`.
    fn since(&self, first: usize) -> &'t str {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self
            .next
            .checked_sub(1)
            .and_then(|last| self.tokens.get(last))
            .map_or(start, |t| t.span.end);
        self.text.get(start..end.max(start)).unwrap_or_default()
    }

    fn unexpected(&self) -> Error {
        match self.peek(0) {
            Some(token) => {
                let part = self.text.get(token.span.clone()).unwrap_or_default();
                not_understood(self.text, part, FORMS)
            }
            None => {
                let shown = self.text.trim();
                Error::new(
                    ErrorCode::InvalidTerms,
                    format!("'{shown}' ends before the terms are complete{FORMS}"),
                )
            }
        }
    }

    fn advance(&mut self, count: usize) {
        self.next += count;
    }

    fn clauses(mut self) -> Result<Clauses<'t>> {
        let mut clauses = Clauses::default();
        if self.tokens.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                format!("the terms are empty{FORMS}"),
            ));
        }
        while self.next < self.tokens.len() {
            let first = self.next;
            if self.word_at(0, &["and"]) {
                self.advance(1);
            } else if self.word_at(0, &["cod"]) || self.cash_on_delivery_words() {
                return Err(Error::new(
                    ErrorCode::InvalidTerms,
                    "'COD' (cash on delivery) is due on delivery, a date arrears does not \
                     know; write 'Due on receipt' with the delivery date as issueDate",
                ));
            } else if self.word_at(0, &["eom"]) || self.end_of_month_words() {
                self.advance(if self.word_at(0, &["eom"]) { 1 } else { 3 });
                let part = self.since(first);
                if let Some(earlier) = clauses.end_of_month.replace(part) {
                    return Err(self.repeated(part, earlier));
                }
            } else if let Some(count) = self.receipt_words() {
                self.advance(count);
                self.set_net(&mut clauses, Net::Days(0), first)?;
            } else if self.word_at(0, &["net", "n"]) {
                self.advance(1);
                if self.kind_at(0, Kind::Slash) {
                    self.advance(1);
                }
                let net = self.net_after_word()?;
                self.set_net(&mut clauses, net, first)?;
            } else if self.kind_at(0, Kind::Number)
                && self.kind_at(1, Kind::Percent)
                && self.word_at(2, &["in"])
            {
                let percent = self.percent()?;
                self.advance(2);
                let days = self.days()?;
                let part = self.since(first);
                clauses
                    .installments
                    .push((Installment { percent, days }, part));
            } else if self.kind_at(0, Kind::Number)
                && (self.kind_at(1, Kind::Slash) || self.kind_at(1, Kind::Percent))
            {
                let percent = self.percent()?;
                self.advance(1);
                if self.kind_at(0, Kind::Slash) {
                    self.advance(1);
                }
                let days = self.days()?;
                let part = self.since(first);
                clauses.discounts.push((Discount { percent, days }, part));
            } else if self.kind_at(0, Kind::Number) || self.kind_at(0, Kind::Ordinal) {
                let net = self.day_of_next_month_or_days()?;
                self.set_net(&mut clauses, net, first)?;
            } else {
                return Err(self.unexpected());
            }
        }
        Ok(clauses)
    }

    fn cash_on_delivery_words(&self) -> bool {
        self.word_at(0, &["cash"]) && self.word_at(1, &["on"]) && self.word_at(2, &["delivery"])
    }

    fn end_of_month_words(&self) -> bool {
        self.word_at(0, &["end"]) && self.word_at(1, &["of"]) && self.word_at(2, &["month"])
    }

    /// "due on receipt", "due upon receipt", "payable on receipt", "on receipt", "receipt".
    fn receipt_words(&self) -> Option<usize> {
        let mut count = 0;
        if self.word_at(count, &["due", "payable"]) {
            count += 1;
        }
        if self.word_at(count, &["on", "upon"]) {
            count += 1;
        }
        self.word_at(count, &["receipt"]).then_some(count + 1)
    }

    /// After "net" or "n/": days ("30", "30 days"), "EOM", or a day of the next month.
    fn net_after_word(&mut self) -> Result<Net> {
        if self.word_at(0, &["eom"]) {
            self.advance(1);
            return Ok(Net::EndOfMonth);
        }
        if self.kind_at(0, Kind::Number) || self.kind_at(0, Kind::Ordinal) {
            return self.day_of_next_month_or_days();
        }
        Err(self.unexpected())
    }

    /// "10th prox", "10 prox", "15 MFI", "30 days", "30".
    fn day_of_next_month_or_days(&mut self) -> Result<Net> {
        let is_ordinal = self.kind_at(0, Kind::Ordinal);
        if self.word_at(1, &["prox", "proximo", "mfi"]) {
            let day = self.whole_number(0)?;
            self.advance(2);
            return Ok(Net::DayOfNextMonth(day));
        }
        if is_ordinal {
            self.advance(1);
            return Err(self.unexpected_after("a day of the month such as '10th prox'"));
        }
        self.days().map(Net::Days)
    }

    fn unexpected_after(&self, expected: &str) -> Error {
        let part = self.since(self.next.saturating_sub(1));
        let following = self
            .peek(0)
            .and_then(|t| self.text.get(t.span.clone()))
            .map_or(String::new(), |t| format!(" before '{t}'"));
        Error::new(
            ErrorCode::InvalidTerms,
            format!(
                "'{part}'{following} in '{}' is not understood; expected {expected}",
                self.text.trim()
            ),
        )
    }

    fn set_net(&self, clauses: &mut Clauses<'t>, net: Net, first: usize) -> Result<()> {
        let part = self.since(first);
        match clauses.net.replace((net, part)) {
            Some((_, earlier)) => Err(self.repeated(part, earlier)),
            None => Ok(()),
        }
    }

    fn repeated(&self, part: &str, earlier: &str) -> Error {
        Error::new(
            ErrorCode::InvalidTerms,
            format!("'{part}' repeats '{earlier}' in '{}'", self.text.trim()),
        )
    }

    /// A number of days, optionally followed by "days" or "day".
    fn days(&mut self) -> Result<u32> {
        if !self.kind_at(0, Kind::Number) {
            return Err(self.unexpected());
        }
        let days = self.whole_number(0)?;
        self.advance(1);
        if self.word_at(0, &["days", "day"]) {
            self.advance(1);
        }
        Ok(days)
    }

    /// The whole number at `ahead` (a number or an ordinal's digits).
    fn whole_number(&self, ahead: usize) -> Result<u32> {
        let Some(token) = self.peek(ahead) else {
            return Err(self.unexpected());
        };
        let part = self.text.get(token.span.clone()).unwrap_or_default();
        if !token.value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                format!(
                    "'{part}' in '{}' is not a whole number of days",
                    self.text.trim()
                ),
            ));
        }
        token.value.parse().map_err(|_| {
            Error::new(
                ErrorCode::OutOfRange,
                format!(
                    "'{part}' is out of range: terms count at most {MAX_TERM_DAYS} days, \
                     and days of the month go from 1 to 31"
                ),
            )
        })
    }

    /// The percentage at the current token, as written ("2", "1.5").
    fn percent(&mut self) -> Result<Decimal> {
        let Some(token) = self.peek(0) else {
            return Err(self.unexpected());
        };
        let part = self.text.get(token.span.clone()).unwrap_or_default();
        if token.value.len() > MAX_NUMBER_CHARS {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                format!("'{part}' has more than {MAX_NUMBER_CHARS} characters"),
            ));
        }
        let percent = Decimal::from_str_exact(&token.value).map_err(|_| {
            Error::new(
                ErrorCode::InvalidTerms,
                format!("'{part}' in '{}' is not a percentage", self.text.trim()),
            )
        })?;
        self.advance(1);
        Ok(percent)
    }
}

impl Clauses<'_> {
    fn into_terms(self, text: &str) -> Result<Terms> {
        let shown = text.trim();
        let invalid = |message: String| Error::new(ErrorCode::InvalidTerms, message);
        let start = match self.end_of_month {
            Some(_) => Start::EndOfMonth,
            None => Start::InvoiceDate,
        };
        let last_discount_days = self.discounts.iter().map(|(d, _)| d.days).max();
        let due = match (self.net, self.installments.is_empty()) {
            (Some((_, net)), false) => {
                return Err(invalid(format!(
                    "'{net}' cannot be combined with installments in '{shown}'"
                )))
            }
            (None, false) => Due::Installments(self.installments.iter().map(|(i, _)| *i).collect()),
            (Some((Net::Days(days), _)), true) => Due::Days(days),
            (Some((Net::DayOfNextMonth(day), _)), true) => Due::DayOfNextMonth(day),
            (Some((Net::EndOfMonth, part)), true) => {
                match (self.end_of_month, last_discount_days) {
                    (Some(eom), _) => {
                        return Err(invalid(format!("'{part}' repeats '{eom}' in '{shown}'")))
                    }
                    (None, Some(_)) => {
                        return Err(invalid(format!(
                        "'{part}' with a discount is ambiguous in '{shown}'; write for example \
                         '2/10 Net 30 EOM'"
                    )))
                    }
                    (None, None) => Due::Days(0),
                }
            }
            (None, true) => match last_discount_days {
                Some(days) => Due::Days(days.saturating_add(NET_AFTER_DISCOUNT_DAYS)),
                None if start == Start::EndOfMonth => Due::Days(0),
                None => {
                    return Err(invalid(format!(
                        "'{shown}' does not say when payment is due{FORMS}"
                    )))
                }
            },
        };
        let start = match self.net {
            Some((Net::EndOfMonth, _)) => Start::EndOfMonth,
            _ => start,
        };
        let discounts = self.discounts.iter().map(|(d, _)| *d).collect();
        Terms::new(start, due, discounts)
            .map_err(|e| Error::new(e.code(), format!("in '{shown}': {}", e.message())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> std::result::Result<String, (String, String)> {
        text.parse::<Terms>()
            .map(|t| t.to_string())
            .map_err(|e| (e.code().as_str().to_owned(), e.message().to_owned()))
    }

    #[test]
    fn reads_the_forms_of_the_issue() {
        let cases = [
            ("Due on receipt", "Due on receipt"),
            ("Net 7", "Net 7"),
            ("Net 30", "Net 30"),
            ("Net 45", "Net 45"),
            ("2/10 Net 30", "2/10, Net 30"),
            ("1/15 Net 60", "1/15, Net 60"),
            ("2/10 EOM", "2/10, Net 30 EOM"),
            ("Net 30 EOM", "Net 30 EOM"),
            ("EOM", "EOM"),
            ("10th prox", "10th prox"),
            ("15 MFI", "15th prox"),
            ("50% in 30, 50% in 60", "50% in 30, 50% in 60"),
        ];
        for (text, canonical) in cases {
            assert_eq!(parse(text), Ok(canonical.to_owned()), "{text}");
        }
    }

    #[test]
    fn reads_common_variants() {
        let cases = [
            ("net30", "Net 30"),
            ("NET-30", "Net 30"),
            ("  net   30 days. ", "Net 30"),
            ("n/30", "Net 30"),
            ("30 days", "Net 30"),
            ("2/10, n/30", "2/10, Net 30"),
            ("2% 10 Net 30", "2/10, Net 30"),
            ("2%/10 days, net 30 days", "2/10, Net 30"),
            ("1% 10 Net 30", "1/10, Net 30"),
            ("2/10, 1/20, n/30", "2/10, 1/20, Net 30"),
            ("2.5/10 n/30", "2.5/10, Net 30"),
            ("2/10", "2/10, Net 30"),
            ("2/10 n/30 E.O.M.", "2/10, Net 30 EOM"),
            ("EOM 2/10 net 30", "2/10, Net 30 EOM"),
            ("n/10 EOM", "Net 10 EOM"),
            ("Net EOM", "EOM"),
            ("end of month", "EOM"),
            ("due upon receipt", "Due on receipt"),
            ("Upon Receipt", "Due on receipt"),
            ("payable on receipt", "Due on receipt"),
            ("Net 0", "Due on receipt"),
            ("Net 10th prox", "10th prox"),
            ("10 prox", "10th prox"),
            ("1st proximo", "1st prox"),
            ("21 MFI", "21st prox"),
            ("22nd mfi", "22nd prox"),
            ("31st prox", "31st prox"),
            ("50% in 30 days and 50% in 60 days", "50% in 30, 50% in 60"),
            ("30% in 0, 70% in 30 EOM", "30% in 0, 70% in 30 EOM"),
            ("2/10, 50% in 30, 50% in 60", "2/10, 50% in 30, 50% in 60"),
        ];
        for (text, canonical) in cases {
            assert_eq!(parse(text), Ok(canonical.to_owned()), "{text}");
        }
    }

    /// Each bad text with its code and a part of the message that quotes what went wrong.
    #[test]
    fn bad_texts_say_what_was_not_understood() {
        let long = "Net 30 ".repeat(40);
        let cases: &[(&str, &str, &str)] = &[
            ("", "invalid_terms", "the terms are empty"),
            ("   ", "invalid_terms", "the terms are empty"),
            (
                "Net thirty",
                "invalid_terms",
                "'thirty' in 'Net thirty' is not understood",
            ),
            (
                "Net",
                "invalid_terms",
                "'Net' ends before the terms are complete",
            ),
            ("2/", "invalid_terms", "'2/' ends before"),
            (
                "Net 30 #",
                "invalid_terms",
                "'#' in 'Net 30 #' is not understood",
            ),
            (
                "Net 30 foo",
                "invalid_terms",
                "'foo' in 'Net 30 foo' is not understood",
            ),
            (
                "Net ３０",
                "invalid_terms",
                "'３' in 'Net ３０' is not understood",
            ),
            (
                "Net 30 Net 60",
                "invalid_terms",
                "'Net 60' repeats 'Net 30'",
            ),
            ("EOM EOM", "invalid_terms", "'EOM' repeats 'EOM'"),
            (
                "Net 30.5",
                "invalid_terms",
                "'30.5' in 'Net 30.5' is not a whole number",
            ),
            ("10th", "invalid_terms", "expected a day of the month"),
            ("10th Net 30", "invalid_terms", "'10th' before 'Net'"),
            ("COD", "invalid_terms", "cash on delivery"),
            (
                "2/10 n/EOM",
                "invalid_terms",
                "'n/EOM' with a discount is ambiguous",
            ),
            ("Net EOM EOM", "invalid_terms", "'Net EOM' repeats 'EOM'"),
            (
                "Net 30, 50% in 60",
                "invalid_terms",
                "'Net 30' cannot be combined",
            ),
            (
                "50% in 30, 40% in 60",
                "invalid_terms",
                "add up to 90%, not 100%",
            ),
            (
                "2/40 Net 30",
                "invalid_terms",
                "discount period of 40 days ends after",
            ),
            (
                "2/5 10th prox",
                "invalid_terms",
                "cannot be combined with a day of the next month",
            ),
            (
                "10th prox EOM",
                "invalid_terms",
                "cannot be combined with EOM",
            ),
            (
                "100/10 Net 30",
                "out_of_range",
                "a discount of 100% is not more than 0%",
            ),
            ("0/10 Net 30", "out_of_range", "a discount of 0%"),
            (
                "Net 3651",
                "out_of_range",
                "3651 days is more than the 3650 days",
            ),
            (
                "Net 99999999999",
                "out_of_range",
                "'99999999999' is out of range",
            ),
            (
                "99999999999th prox",
                "out_of_range",
                "'99999999999th' is out of range",
            ),
            ("cash on delivery", "invalid_terms", "cash on delivery"),
            (
                "cash in advance",
                "invalid_terms",
                "'cash' in 'cash in advance' is not understood",
            ),
            ("32nd prox", "out_of_range", "day 32 of the month"),
            ("0 MFI", "out_of_range", "day 0 of the month"),
            (
                "1.0000000000001/10 net 30",
                "out_of_range",
                "more than 12 characters",
            ),
            (
                "1..5/10 net 30",
                "invalid_terms",
                "'1..5' in '1..5/10 net 30' is not a percentage",
            ),
            (&long, "limit_exceeded", "at most 200 bytes"),
        ];
        for (text, code, message) in cases {
            let (got_code, got_message) = parse(text).unwrap_err();
            assert_eq!(got_code, *code, "{text}: {got_message}");
            assert!(got_message.contains(message), "{text}: {got_message}");
        }
    }
}
