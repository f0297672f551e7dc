//! Payment terms: parsing the text printed on invoices, due dates, discounts, installments.
//!
//! [`Terms`] is the typed form of terms such as "2/10 Net 30", "Net 30 EOM", "10th prox" or
//! "50% in 30, 50% in 60". It is read from that text ([`str::parse`]) or built from parts
//! ([`Terms::new`]), always validated, and prints back in a canonical text ([`fmt::Display`]).
//! [`Terms::schedule`] turns it into dates for one invoice, and [`Terms::discount_on`] with
//! [`apply_discount`] give the amount due on a payment date. `docs/terms.md` defines every
//! form with its sources.

mod due;
mod input;
mod parse;
pub mod requests;

pub use due::{apply_discount, DiscountDeadline, InstallmentDate, Schedule, Settlement};
pub use input::{PercentDays, TermsInput, TermsObject};

use crate::error::{Error, ErrorCode, Result};
use crate::limits::MAX_INSTALLMENTS;
use crate::money::Checked;
use rust_decimal::Decimal;
use std::fmt;

/// The longest period terms may count, in days (ten years).
///
/// ```
/// let e = "Net 3651".parse::<arrears::terms::Terms>().unwrap_err();
/// assert_eq!(e.code().as_str(), "out_of_range");
/// assert_eq!(arrears::terms::MAX_TERM_DAYS, 3650);
/// ```
pub const MAX_TERM_DAYS: u32 = 3650;

/// The most discount tiers one set of terms may have.
///
/// ```
/// let text = vec!["1/1"; 11].join(", ") + ", Net 30";
/// let e = text.parse::<arrears::terms::Terms>().unwrap_err();
/// assert_eq!(e.code().as_str(), "limit_exceeded");
/// ```
pub const MAX_DISCOUNTS: usize = 10;

/// Where the day counts of the terms start.
///
/// ```
/// let terms: arrears::terms::Terms = "2/10 EOM".parse()?;
/// assert_eq!(terms.start(), arrears::terms::Start::EndOfMonth);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Start {
    /// The invoice date (ordinary dating): "Net 30" is due 30 days after it.
    #[default]
    InvoiceDate,
    /// The last day of the invoice's month (EOM dating): "Net 30 EOM" is due 30 days after it.
    EndOfMonth,
}

/// When the full amount is due.
///
/// ```
/// use arrears::terms::{Due, Terms};
/// assert_eq!("Due on receipt".parse::<Terms>()?.due(), &Due::Days(0));
/// assert_eq!("21 MFI".parse::<Terms>()?.due(), &Due::DayOfNextMonth(21));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Due {
    /// A number of calendar days after the start ("Net 30"); 0 is "Due on receipt".
    Days(u32),
    /// A day of the month after the invoice's month ("10th prox", "15 MFI"), 1 to 31; a day
    /// past the month's end means its last day.
    DayOfNextMonth(u32),
    /// Parts of the amount due on different days after the start ("50% in 30, 50% in 60").
    Installments(Vec<Installment>),
}

/// A cash discount: `percent` off if paid within `days` calendar days after the start.
///
/// ```
/// let terms: arrears::terms::Terms = "1.5/15 Net 60".parse()?;
/// let discount = terms.discounts()[0];
/// assert_eq!((discount.percent.to_string(), discount.days), ("1.5".into(), 15));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Discount {
    /// The discount, more than 0 and less than 100 percent.
    pub percent: Decimal,
    /// The last day it applies, counted in calendar days from the start.
    pub days: u32,
}

/// One part of an amount paid in installments.
///
/// ```
/// use arrears::terms::{Due, Terms};
/// let terms: Terms = "40% in 30, 60% in 60".parse()?;
/// let Due::Installments(parts) = terms.due() else { return Err("not installments".into()) };
/// assert_eq!((parts[1].percent.to_string(), parts[1].days), ("60".into(), 60));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Installment {
    /// The share of the amount, more than 0 and at most 100 percent.
    pub percent: Decimal,
    /// When it is due, in calendar days from the start.
    pub days: u32,
}

/// Validated payment terms.
///
/// ```
/// use arrears::terms::{Due, Start, Terms};
/// let terms: Terms = "2/10 net 30".parse()?;
/// assert_eq!(terms.start(), Start::InvoiceDate);
/// assert_eq!(terms.due(), &Due::Days(30));
/// assert_eq!(terms.discounts()[0].days, 10);
/// assert_eq!(terms.to_string(), "2/10, Net 30");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Terms {
    start: Start,
    due: Due,
    discounts: Vec<Discount>,
}

impl Terms {
    /// Builds terms from their parts, checking every rule below.
    ///
    /// Percentages are kept without trailing zeros (`2.50` becomes `2.5`).
    ///
    /// # Errors
    /// The error's path names the part, in the words of the JSON object form
    /// (`discounts[0].percent`, `netDays`, `installments`):
    /// - [`ErrorCode::OutOfRange`]: a discount not above 0 and below 100 percent, an
    ///   installment not above 0 and at most 100 percent, more than [`MAX_TERM_DAYS`] days,
    ///   a day of the month outside 1 to 31;
    /// - [`ErrorCode::LimitExceeded`]: more than [`MAX_DISCOUNTS`] discounts or
    ///   [`MAX_INSTALLMENTS`] installments;
    /// - [`ErrorCode::InvalidTerms`]: installments that do not add up to 100 percent, are
    ///   empty or out of order, a discount period that ends after the due date, and discounts
    ///   or EOM together with a day of the next month.
    ///
    /// ```
    /// use arrears::terms::{Discount, Due, Start, Terms};
    /// use rust_decimal::Decimal;
    /// let two_ten = Discount { percent: Decimal::new(2, 0), days: 10 };
    /// let terms = Terms::new(Start::InvoiceDate, Due::Days(30), vec![two_ten])?;
    /// assert_eq!(terms.to_string(), "2/10, Net 30");
    /// let late = Discount { percent: Decimal::new(2, 0), days: 40 };
    /// let e = Terms::new(Start::InvoiceDate, Due::Days(30), vec![late]).unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path().as_str()), ("invalid_terms", "discounts[0].days"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: Start, due: Due, discounts: Vec<Discount>) -> Result<Terms> {
        let due = check_due(start, due)?;
        let discounts = check_discounts(discounts, &due)?;
        Ok(Terms {
            start,
            due,
            discounts,
        })
    }

    /// Where the day counts start: the invoice date or the end of its month.
    ///
    /// ```
    /// let terms: arrears::terms::Terms = "Net 30 EOM".parse()?;
    /// assert_eq!(terms.start(), arrears::terms::Start::EndOfMonth);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> Start {
        self.start
    }

    /// When the full amount is due.
    ///
    /// ```
    /// let terms: arrears::terms::Terms = "15 MFI".parse()?;
    /// assert_eq!(terms.due(), &arrears::terms::Due::DayOfNextMonth(15));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due(&self) -> &Due {
        &self.due
    }

    /// The cash discounts, in the order given.
    ///
    /// ```
    /// let terms: arrears::terms::Terms = "2/10, 1/20, Net 30".parse()?;
    /// assert_eq!(terms.discounts().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discounts(&self) -> &[Discount] {
        &self.discounts
    }
}

fn out_of_range(path: &str, message: String) -> Error {
    Error::new(ErrorCode::OutOfRange, message).at(path)
}

fn check_days(days: u32, path: &str) -> Result<()> {
    if days > MAX_TERM_DAYS {
        return Err(out_of_range(
            path,
            format!("{days} days is more than the {MAX_TERM_DAYS} days terms may count"),
        ));
    }
    Ok(())
}

fn check_due(start: Start, due: Due) -> Result<Due> {
    match due {
        Due::Days(days) => check_days(days, "netDays").map(|()| Due::Days(days)),
        Due::DayOfNextMonth(day) => {
            if !(1..=31).contains(&day) {
                return Err(out_of_range(
                    "dayOfNextMonth",
                    format!("day {day} of the month is not between 1 and 31"),
                ));
            }
            if start == Start::EndOfMonth {
                return Err(Error::new(
                    ErrorCode::InvalidTerms,
                    "a day of the next month (prox, MFI) cannot be combined with EOM",
                )
                .at("endOfMonth"));
            }
            Ok(Due::DayOfNextMonth(day))
        }
        Due::Installments(parts) => check_installments(parts).map(Due::Installments),
    }
}

fn check_installments(parts: Vec<Installment>) -> Result<Vec<Installment>> {
    let invalid = |message: String| Error::new(ErrorCode::InvalidTerms, message);
    if parts.is_empty() {
        return Err(invalid("installments need at least one part".into()).at("installments"));
    }
    if parts.len() > MAX_INSTALLMENTS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("terms have at most {MAX_INSTALLMENTS} installments"),
        )
        .at("installments"));
    }
    let mut total = Decimal::ZERO;
    let mut previous_days = 0;
    let mut checked = Vec::with_capacity(parts.len());
    for (i, part) in parts.into_iter().enumerate() {
        let at = |field: &str| format!("installments[{i}].{field}");
        let percent = part.percent.normalize();
        if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return Err(out_of_range(
                &at("percent"),
                format!("an installment of {percent}% is not more than 0% and at most 100%"),
            ));
        }
        check_days(part.days, &at("days"))?;
        if part.days < previous_days {
            return Err(invalid(format!(
                "installments are listed by due day: {} days comes after {previous_days} days",
                part.days
            ))
            .at(at("days")));
        }
        previous_days = part.days;
        // Cannot overflow: at most 60 parts of at most 100 each.
        total = total
            .add_checked(percent)
            .ok_or_else(|| crate::error::internal("installments' percents overflowed"))?;
        checked.push(Installment {
            percent,
            days: part.days,
        });
    }
    if total != Decimal::ONE_HUNDRED {
        return Err(invalid(format!(
            "the installments add up to {}%, not 100%",
            total.normalize()
        ))
        .at("installments"));
    }
    Ok(checked)
}

fn check_discounts(discounts: Vec<Discount>, due: &Due) -> Result<Vec<Discount>> {
    if discounts.len() > MAX_DISCOUNTS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("terms have at most {MAX_DISCOUNTS} discounts"),
        )
        .at("discounts"));
    }
    let due_days = match due {
        Due::Days(days) => *days,
        Due::Installments(parts) => parts.last().map_or(0, |p| p.days),
        Due::DayOfNextMonth(_) if discounts.is_empty() => 0,
        Due::DayOfNextMonth(_) => {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                "discounts cannot be combined with a day of the next month (prox, MFI)",
            )
            .at("discounts"))
        }
    };
    let mut checked = Vec::with_capacity(discounts.len());
    for (i, discount) in discounts.into_iter().enumerate() {
        let at = |field: &str| format!("discounts[{i}].{field}");
        let percent = discount.percent.normalize();
        if percent <= Decimal::ZERO || percent >= Decimal::ONE_HUNDRED {
            return Err(out_of_range(
                &at("percent"),
                format!("a discount of {percent}% is not more than 0% and less than 100%"),
            ));
        }
        check_days(discount.days, &at("days"))?;
        if discount.days > due_days {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                format!(
                    "the discount period of {} days ends after the due date ({due_days} days)",
                    discount.days
                ),
            )
            .at(at("days")));
        }
        checked.push(Discount {
            percent,
            days: discount.days,
        });
    }
    Ok(checked)
}

/// The canonical text: "Due on receipt", "2/10, Net 30", "Net 30 EOM", "EOM", "10th prox",
/// "2/10, 50% in 30, 50% in 60". It parses back to the same terms.
impl fmt::Display for Terms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let eom = self.start == Start::EndOfMonth;
        match (&self.due, self.discounts.is_empty(), eom) {
            (Due::Days(0), true, false) => return f.write_str("Due on receipt"),
            (Due::Days(0), true, true) => return f.write_str("EOM"),
            _ => {}
        }
        for discount in &self.discounts {
            write!(f, "{}/{}, ", discount.percent, discount.days)?;
        }
        match &self.due {
            Due::Days(days) => write!(f, "Net {days}")?,
            Due::DayOfNextMonth(day) => write!(f, "{day}{} prox", ordinal_suffix(*day))?,
            Due::Installments(parts) => {
                for (i, part) in parts.iter().enumerate() {
                    let separator = if i == 0 { "" } else { ", " };
                    write!(f, "{separator}{}% in {}", part.percent, part.days)?;
                }
            }
        }
        if eom {
            f.write_str(" EOM")?;
        }
        Ok(())
    }
}

/// "st", "nd", "rd" or "th", as in 1st, 22nd, 13th.
fn ordinal_suffix(day: u32) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn ordinals_follow_english() {
        let cases = [
            (1, "st"),
            (2, "nd"),
            (3, "rd"),
            (4, "th"),
            (11, "th"),
            (12, "th"),
            (13, "th"),
            (21, "st"),
            (22, "nd"),
            (23, "rd"),
            (30, "th"),
            (31, "st"),
        ];
        for (day, suffix) in cases {
            assert_eq!(ordinal_suffix(day), suffix, "{day}");
        }
    }

    #[test]
    fn rules_name_the_part_that_breaks_them() {
        let error = |start, due, discounts| {
            let e = Terms::new(start, due, discounts).unwrap_err();
            (e.code().as_str(), e.path().to_owned())
        };
        let d = |percent: &str, days| Discount {
            percent: pct(percent),
            days,
        };
        let i = |percent: &str, days| Installment {
            percent: pct(percent),
            days,
        };
        let net30 = || Due::Days(30);
        let ordinary = Start::InvoiceDate;
        let cases = [
            (
                error(ordinary, net30(), vec![d("2", 10), d("100", 10)]),
                ("out_of_range", "discounts[1].percent"),
            ),
            (
                error(ordinary, net30(), vec![d("0", 10)]),
                ("out_of_range", "discounts[0].percent"),
            ),
            (
                error(ordinary, net30(), vec![d("2", 31)]),
                ("invalid_terms", "discounts[0].days"),
            ),
            (
                error(ordinary, Due::Days(3651), vec![]),
                ("out_of_range", "netDays"),
            ),
            (
                error(ordinary, Due::DayOfNextMonth(0), vec![]),
                ("out_of_range", "dayOfNextMonth"),
            ),
            (
                error(ordinary, Due::DayOfNextMonth(32), vec![]),
                ("out_of_range", "dayOfNextMonth"),
            ),
            (
                error(Start::EndOfMonth, Due::DayOfNextMonth(10), vec![]),
                ("invalid_terms", "endOfMonth"),
            ),
            (
                error(ordinary, Due::DayOfNextMonth(10), vec![d("2", 5)]),
                ("invalid_terms", "discounts"),
            ),
            (
                error(ordinary, Due::Installments(vec![]), vec![]),
                ("invalid_terms", "installments"),
            ),
            (
                error(
                    ordinary,
                    Due::Installments(vec![i("50", 30), i("40", 60)]),
                    vec![],
                ),
                ("invalid_terms", "installments"),
            ),
            (
                error(
                    ordinary,
                    Due::Installments(vec![i("50", 60), i("50", 30)]),
                    vec![],
                ),
                ("invalid_terms", "installments[1].days"),
            ),
            (
                error(
                    ordinary,
                    Due::Installments(vec![i("150", 30), i("-50", 60)]),
                    vec![],
                ),
                ("out_of_range", "installments[0].percent"),
            ),
            (
                error(
                    ordinary,
                    Due::Installments(vec![i("100", 30)]),
                    vec![d("2", 31)],
                ),
                ("invalid_terms", "discounts[0].days"),
            ),
            (
                error(
                    ordinary,
                    Due::Installments(vec![i("1", 1); MAX_INSTALLMENTS + 1]),
                    vec![],
                ),
                ("limit_exceeded", "installments"),
            ),
            (
                error(ordinary, net30(), vec![d("1", 1); MAX_DISCOUNTS + 1]),
                ("limit_exceeded", "discounts"),
            ),
        ];
        for (got, (code, path)) in cases {
            assert_eq!(got, (code, path.to_owned()));
        }
    }

    #[test]
    fn percentages_lose_trailing_zeros() -> Result<()> {
        let discount = Discount {
            percent: pct("2.50"),
            days: 10,
        };
        let terms = Terms::new(Start::InvoiceDate, Due::Days(30), vec![discount])?;
        assert_eq!(terms.discounts()[0].percent.to_string(), "2.5");
        assert_eq!(terms.to_string(), "2.5/10, Net 30");
        Ok(())
    }
}
