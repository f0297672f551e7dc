//! Field readers for the ledger's rows that parse the text where serde_json holds it, without a
//! `String` per field: dates, currencies and amounts (an aging call reads millions of them).
//! Values and errors are those of `serde_date`, `Currency`'s `Deserialize` and `serde_amount`.

use crate::dates::parse_date;
use crate::error::{coded_message, Result};
use crate::limits::{MAX_AMOUNT_CHARS, MAX_AMOUNT_SCALE};
use crate::money::{parse_amount, Currency};
use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A visitor that parses a string with `parse`, reporting its error code inside the serde error.
struct Parse<T>(fn(&str) -> Result<T>);

impl<T> Visitor<'_> for Parse<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The words of serde's own string visitor, so messages do not change.
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> std::result::Result<T, E> {
        (self.0)(text).map_err(|e| E::custom(coded_message(e.code(), e.message())))
    }
}

/// Reads a `YYYY-MM-DD` date field.
pub(super) fn date<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
    d.deserialize_str(Parse(parse_date))
}

/// Reads an optional date field (absent or null is `None`).
pub(super) fn option_date<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(date)| date))
}

/// Reads an ISO 4217 currency code.
pub(super) fn currency<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Currency, D::Error> {
    d.deserialize_str(Parse(str::parse))
}

/// An amount as written, checked by [`parse_amount`] but kept as text, so that it can go
/// straight to minor units once the row's currency is known
/// ([`crate::ledger::text_to_minor_units`]).
pub(super) struct AmountText<'a>(pub(super) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for AmountText<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(AmountVisitor(PhantomData))
    }
}

struct AmountVisitor<'a>(PhantomData<&'a str>);

impl<'a> AmountVisitor<'a> {
    fn checked<E: de::Error>(text: Cow<'a, str>) -> std::result::Result<AmountText<'a>, E> {
        if !is_plain(&text) {
            parse_amount(&text).map_err(|e| E::custom(coded_message(e.code(), e.message())))?;
        }
        Ok(AmountText(text))
    }
}

impl<'de: 'a, 'a> Visitor<'de> for AmountVisitor<'a> {
    type Value = AmountText<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as a decimal string such as \"1234.50\"")
    }

    fn visit_borrowed_str<E: de::Error>(
        self,
        text: &'de str,
    ) -> std::result::Result<Self::Value, E> {
        Self::checked(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> std::result::Result<Self::Value, E> {
        Self::checked(Cow::Owned(text.to_owned()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> std::result::Result<Self::Value, E> {
        Ok(AmountText(Cow::Owned(n.to_string())))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> std::result::Result<Self::Value, E> {
        Ok(AmountText(Cow::Owned(n.to_string())))
    }

    /// serde_json with `arbitrary_precision` hands a number over as a one-entry map holding
    /// its text; serde_json's own `Number` reads it, so the text is kept as written.
    fn visit_map<A: de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let number = serde_json::Number::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Self::checked(Cow::Owned(number.to_string()))
    }
}

/// Whether [`parse_amount`] surely accepts `text`: digits, then at most one `.` followed by at
/// most [`MAX_AMOUNT_SCALE`] digits, within [`MAX_AMOUNT_CHARS`] and 28 digits. Anything else
/// goes through [`parse_amount`] itself, for its value or its error.
fn is_plain(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    text.len() <= MAX_AMOUNT_CHARS.min(28)
        && fraction.len() <= MAX_AMOUNT_SCALE as usize
        && digits(whole)
        && digits(fraction)
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
