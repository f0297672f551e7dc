//! Terms as JSON input: the printed text, or an object with the parts.

use super::{Discount, Due, Installment, Start, Terms};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Kind, Reader, Schemas, Value, Writer};
use crate::limits::MAX_TERMS_BYTES;
use rust_decimal::Decimal;

/// Payment terms as they arrive in JSON: text such as `"2/10 Net 30"`, or a [`TermsObject`].
///
/// Decoding only sorts the two apart; [`TermsInput::to_terms`] reads and checks them, so
/// that its errors can name the part (`discounts[0].percent`).
///
/// ```
/// use arrears::terms::TermsInput;
/// let text: TermsInput = arrears::json::from_str_any(r#""2/10 Net 30""#)?;
/// let object: TermsInput =
///     arrears::json::from_str_any(r#"{"netDays": 30, "discounts": [{"percent": "2", "days": 10}]}"#)?;
/// assert_eq!(text.to_terms()?, object.to_terms()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermsInput {
    /// The text printed on the invoice.
    Text(String),
    /// The parts of the terms.
    Object(TermsObject),
}

/// Payment terms as an object: exactly one of `netDays`, `dayOfNextMonth` and
/// `installments`, with optional `endOfMonth` and `discounts`.
///
/// ```
/// use arrears::terms::{TermsInput, TermsObject};
/// let object = TermsObject { net_days: Some(30), end_of_month: true, ..Default::default() };
/// assert_eq!(TermsInput::Object(object).to_terms()?.to_string(), "Net 30 EOM");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub struct TermsObject {
    /// The full amount is due this many calendar days after the start (0 to 3650).
    pub net_days: Option<u32>,
    /// Count from the last day of the invoice's month (default false).
    #[json(default)]
    pub end_of_month: bool,
    /// Due on this day (1 to 31) of the month after the invoice's, clamped to its last day.
    pub day_of_next_month: Option<u32>,
    /// Cash discounts: `percent` off if paid within `days` (at most 10).
    #[json(default)]
    pub discounts: Vec<PercentDays>,
    /// `percent` of the amount due `days` after the start, adding up to 100 (at most 60).
    pub installments: Option<Vec<PercentDays>>,
}

/// `{ percent, days }`: one discount or installment of a [`TermsObject`].
///
/// ```
/// let part: arrears::terms::PercentDays = arrears::json::from_str(r#"{"percent": 1.5, "days": 10}"#)?;
/// assert_eq!((part.percent.to_string(), part.days), ("1.5".into(), 10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct PercentDays {
    /// Percent (`"2"` is 2%), as decimal text or a JSON number read as written.
    pub percent: Decimal,
    /// Calendar days after the start.
    pub days: u32,
}

impl TermsInput {
    /// Reads and checks the terms.
    ///
    /// # Errors
    /// Those of [`str::parse`] for [`Terms`] (with an empty path) and of [`Terms::new`]
    /// (with the path of the part), and [`ErrorCode::InvalidTerms`] for an object that does
    /// not give exactly one of `netDays`, `dayOfNextMonth` and `installments`.
    ///
    /// ```
    /// use arrears::terms::TermsInput;
    /// let input: TermsInput = arrears::json::from_str_any(r#"{"netDays": 30, "dayOfNextMonth": 10}"#)?;
    /// let e = input.to_terms().unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path().as_str()), ("invalid_terms", "dayOfNextMonth"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_terms(&self) -> Result<Terms> {
        match self {
            TermsInput::Text(text) => text.parse(),
            TermsInput::Object(object) => object.to_terms(),
        }
    }
}

impl TermsObject {
    fn to_terms(&self) -> Result<Terms> {
        let start = match self.end_of_month {
            true => Start::EndOfMonth,
            false => Start::InvoiceDate,
        };
        let given = [
            self.net_days.map(|days| ("netDays", Due::Days(days))),
            self.day_of_next_month
                .map(|day| ("dayOfNextMonth", Due::DayOfNextMonth(day))),
            self.installments.as_ref().map(|parts| {
                let parts = parts.iter().map(|p| Installment {
                    percent: p.percent,
                    days: p.days,
                });
                ("installments", Due::Installments(parts.collect()))
            }),
        ];
        let mut given = given.into_iter().flatten();
        let Some((first, due)) = given.next() else {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                "terms need one of 'netDays', 'dayOfNextMonth' or 'installments'",
            ));
        };
        if let Some((second, _)) = given.next() {
            return Err(Error::new(
                ErrorCode::InvalidTerms,
                format!("'{first}' and '{second}' cannot both be given"),
            )
            .at(second));
        }
        let discounts = self.discounts.iter().map(|d| Discount {
            percent: d.percent,
            days: d.days,
        });
        Terms::new(start, due, discounts.collect())
    }
}

impl crate::json::Blank for TermsInput {
    fn blank() -> TermsInput {
        TermsInput::Text(String::new())
    }
}

impl Decode<'_> for TermsInput {
    fn decode(reader: &mut Reader<'_>) -> Result<TermsInput> {
        match reader.kind()? {
            Kind::String => Ok(TermsInput::Text(String::decode(reader)?)),
            Kind::Object => Ok(TermsInput::Object(TermsObject::decode(reader)?)),
            _ => Err(reader.mismatch(
                "payment terms as text such as \"2/10 Net 30\" or an object such as {\"netDays\": 30}",
            )),
        }
    }
}

impl Encode for TermsInput {
    fn encode(&self, writer: &mut Writer) {
        match self {
            TermsInput::Text(text) => writer.string(text),
            TermsInput::Object(object) => object.encode(writer),
        }
    }
}

impl Describe for TermsInput {
    fn describe(schemas: &mut Schemas) -> Value {
        let object = TermsObject::describe(schemas);
        schemas.define("Terms", |_| {
            let text = Value::object([
                ("type", "string".into()),
                ("maxLength", Value::number(MAX_TERMS_BYTES)),
                (
                    "description",
                    "Terms as printed: \"Net 30\", \"2/10 Net 30\", \"Net 30 EOM\", \"10th prox\", \
                     \"50% in 30, 50% in 60\", \"Due on receipt\" (docs/terms.md)."
                        .into(),
                ),
            ]);
            Value::object([
                ("anyOf", Value::Array(vec![text, object])),
                (
                    "description",
                    "Payment terms: the printed text, or an object of parts.".into(),
                ),
            ])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(json: &str) -> (String, String) {
        let input = crate::json::from_str::<Wrapper>(json)
            .and_then(|w| w.terms.to_terms().map_err(|e| e.in_field("terms")));
        match input {
            Ok(_) => ("no error".into(), String::new()),
            Err(e) => (e.code().as_str().to_owned(), e.path()),
        }
    }

    #[derive(Decode)]
    struct Wrapper {
        terms: TermsInput,
    }

    #[test]
    fn objects_and_texts_agree() -> Result<()> {
        let pairs = [
            (r#"{"netDays": 30}"#, "Net 30"),
            (r#"{"netDays": 0}"#, "Due on receipt"),
            (r#"{"netDays": 0, "endOfMonth": true}"#, "EOM"),
            (
                r#"{"netDays": 30, "endOfMonth": true, "discounts": [{"percent": 2, "days": 10}]}"#,
                "2/10 Net 30 EOM",
            ),
            (r#"{"dayOfNextMonth": 10}"#, "10th prox"),
            (
                r#"{"netDays": 30, "discounts": [{"percent": "2", "days": 10}, {"percent": 1.5, "days": 20}]}"#,
                "2/10 1.5/20 n/30",
            ),
            (
                r#"{"installments": [{"percent": 50, "days": 30}, {"percent": "50", "days": 60}]}"#,
                "50% in 30, 50% in 60",
            ),
        ];
        for (json, text) in pairs {
            let object: TermsInput = crate::json::from_str_any(json)?;
            assert_eq!(object.to_terms()?, text.parse::<Terms>()?, "{json}");
        }
        Ok(())
    }

    #[test]
    fn errors_name_the_part() {
        let cases = [
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": "100", "days": 10}]}}"#,
                ("out_of_range", "terms.discounts[0].percent"),
            ),
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": "2", "days": 40}]}}"#,
                ("invalid_terms", "terms.discounts[0].days"),
            ),
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": "x", "days": 4}]}}"#,
                ("invalid_number", "terms.discounts[0].percent"),
            ),
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": 2, "days": -4}]}}"#,
                ("out_of_range", "terms.discounts[0].days"),
            ),
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": 2, "dias": 4}]}}"#,
                ("unknown_field", "terms.discounts[0].dias"),
            ),
            (
                r#"{"terms": {"netDays": 30, "discounts": [{"percent": 2}]}}"#,
                ("missing_field", "terms.discounts[0].days"),
            ),
            (
                r#"{"terms": {"netDays": 4000}}"#,
                ("out_of_range", "terms.netDays"),
            ),
            (
                r#"{"terms": {"netDays": "30"}}"#,
                ("invalid_type", "terms.netDays"),
            ),
            (
                r#"{"terms": {"netDays": 30, "net": 30}}"#,
                ("unknown_field", "terms.net"),
            ),
            (
                r#"{"terms": {"netDays": 30, "netDays": 30}}"#,
                ("invalid_input", "terms.netDays"),
            ),
            (r#"{"terms": {}}"#, ("invalid_terms", "terms")),
            (
                r#"{"terms": {"endOfMonth": true}}"#,
                ("invalid_terms", "terms"),
            ),
            (
                r#"{"terms": {"netDays": 30, "installments": [{"percent": 100, "days": 30}]}}"#,
                ("invalid_terms", "terms.installments"),
            ),
            (
                r#"{"terms": {"installments": [{"percent": 60, "days": 30}, {"percent": 30, "days": 60}]}}"#,
                ("invalid_terms", "terms.installments"),
            ),
            (
                r#"{"terms": {"dayOfNextMonth": 32}}"#,
                ("out_of_range", "terms.dayOfNextMonth"),
            ),
            (
                r#"{"terms": {"dayOfNextMonth": 10, "endOfMonth": true}}"#,
                ("invalid_terms", "terms.endOfMonth"),
            ),
            (r#"{"terms": "Net thirty"}"#, ("invalid_terms", "terms")),
            (r#"{"terms": 30}"#, ("invalid_type", "terms")),
            (r#"{"terms": 30.5}"#, ("invalid_type", "terms")),
            (r#"{"terms": null}"#, ("missing_field", "terms")),
            (r#"{"terms": ["Net 30"]}"#, ("invalid_type", "terms")),
        ];
        for (json, (code, path)) in cases {
            assert_eq!(error(json), (code.to_owned(), path.to_owned()), "{json}");
        }
    }
}
