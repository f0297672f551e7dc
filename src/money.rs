//! Money: amounts as [`Decimal`], currencies with their ISO 4217 minor units, and rounding.
//!
//! Amounts are never floats. They are read from decimal text (`"1234.50"`), or from a JSON
//! number exactly as written (`12.5`), and written back as decimal text with exactly the
//! currency's minor units (`"980.00"`, `"1000"` for JPY).

use crate::error::{coded_message, Error, ErrorCode, Result};
use crate::limits::{MAX_AMOUNT_CHARS, MAX_AMOUNT_SCALE};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::cell::Cell;
use std::fmt;
use std::str::FromStr;

/// Parses an amount written as plain decimal text: optional `-`, digits, optional `.` and
/// up to ten digits. No exponent, no thousands separators, no currency sign.
///
/// # Errors
/// [`ErrorCode::InvalidAmount`] for other text, [`ErrorCode::LimitExceeded`] past 32
/// characters or ten decimal places.
///
/// ```
/// use arrears::money::parse_amount;
/// assert_eq!(parse_amount("1234.50")?.to_string(), "1234.50");
/// assert_eq!(parse_amount("1e3").unwrap_err().code().as_str(), "invalid_amount");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal> {
    if text.len() > MAX_AMOUNT_CHARS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("an amount has at most {MAX_AMOUNT_CHARS} characters"),
        ));
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && (fraction.is_empty() != unsigned.contains('.'));
    if !plain {
        return Err(Error::new(
            ErrorCode::InvalidAmount,
            format!("'{text}' is not a plain decimal amount such as \"1234.50\""),
        ));
    }
    if fraction.len() > MAX_AMOUNT_SCALE as usize {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("an amount has at most {MAX_AMOUNT_SCALE} decimal places"),
        ));
    }
    Decimal::from_str_exact(text).map_err(|_| {
        Error::new(
            ErrorCode::LimitExceeded,
            format!("'{text}' has more digits than an amount may have (28)"),
        )
    })
}

/// A currency with its ISO 4217 minor units (2 for EUR, 0 for JPY, 3 for BHD).
///
/// ```
/// use arrears::money::Currency;
/// let jpy: Currency = "JPY".parse()?;
/// assert_eq!(jpy.minor_units(), 0);
/// assert_eq!(jpy.code(), "JPY");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// The three-letter ISO 4217 code.
    ///
    /// ```
    /// let eur: arrears::money::Currency = "EUR".parse()?;
    /// assert_eq!(eur.code(), "EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The number of digits after the decimal point (ISO 4217 "minor unit"); 0 for codes
    /// such as XAU that have none defined.
    ///
    /// ```
    /// let bhd: arrears::money::Currency = "BHD".parse()?;
    /// assert_eq!(bhd.minor_units(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minor_units(self) -> u32 {
        self.0.exponent().map_or(0, u32::from)
    }

    /// Rounds `amount` to this currency's minor units, half away from zero (commercial
    /// rounding), and fixes the scale so it prints with exactly that many decimals.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let usd: arrears::money::Currency = "USD".parse()?;
    /// assert_eq!(usd.round(Decimal::new(12345, 3)).to_string(), "12.35");
    /// assert_eq!(usd.round(Decimal::new(1000, 0)).to_string(), "1000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round(self, amount: Decimal) -> Decimal {
        round_to(amount, self.minor_units())
    }
}

/// Rounds half away from zero to `places` decimals and fixes the scale to `places`.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(arrears::money::round_to(Decimal::new(-25, 1), 0).to_string(), "-3");
/// assert_eq!(arrears::money::round_to(Decimal::new(5, 0), 2).to_string(), "5.00");
/// ```
pub fn round_to(amount: Decimal, places: u32) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(places);
    rounded
}

impl FromStr for Currency {
    type Err = Error;

    /// Reads an upper-case ISO 4217 alphabetic code.
    fn from_str(code: &str) -> Result<Self> {
        by_code(code).map(Currency).ok_or_else(|| {
            let shown: String = code.chars().take(20).collect();
            Error::new(
                ErrorCode::UnknownCurrency,
                format!("'{shown}' is not an ISO 4217 currency code such as \"EUR\""),
            )
        })
    }
}

/// The currency of `code` when it is the code last read: records name a few currencies over
/// and over, and `iso_currency`'s `from_code` compares the text with each of its 180 codes in
/// turn, a hot spot when every record names its currency. `None` sends the caller there.
fn by_code(code: &str) -> Option<iso_currency::Currency> {
    thread_local! {
        static LAST: Cell<Option<(u32, iso_currency::Currency)>> = const { Cell::new(None) };
    }
    let number = code_number(code)?;
    match LAST.get() {
        Some((last, currency)) if last == number => Some(currency),
        _ => {
            let currency = iso_currency::Currency::from_code(code)?;
            LAST.set(Some((number, currency)));
            Some(currency)
        }
    }
}

/// A three-byte code as one number (`"EUR"` is 0x45_55_52); `None` for any other length.
fn code_number(code: &str) -> Option<u32> {
    match *code.as_bytes() {
        [a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        code.parse()
            .map_err(|e: Error| de::Error::custom(coded_message(e.code(), e.message())))
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Serde helpers for amount fields: read from decimal text or a JSON number as written.
pub(crate) mod serde_amount {
    use super::*;

    struct AmountVisitor;

    impl<'de> de::Visitor<'de> for AmountVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an amount as a decimal string such as \"1234.50\"")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> std::result::Result<Decimal, E> {
            parse_amount(text).map_err(|e| E::custom(coded_message(e.code(), e.message())))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> std::result::Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> std::result::Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        /// serde_json with `arbitrary_precision` hands a number over as a one-entry map
        /// holding its text; serde_json's own `Number` reads it, so the text is kept as written.
        fn visit_map<A: de::MapAccess<'de>>(
            self,
            map: A,
        ) -> std::result::Result<Decimal, A::Error> {
            let number =
                serde_json::Number::deserialize(de::value::MapAccessDeserializer::new(map))?;
            self.visit_str(&number.to_string())
        }
    }

    /// Reads an amount field.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        d.deserialize_any(AmountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_code_memo_answers_as_iso_currency_does_for_every_three_letter_code() {
        let letters = b'A'..=b'Z';
        let mut found = 0;
        for a in letters.clone() {
            for b in letters.clone() {
                for c in letters.clone() {
                    let code = String::from_utf8(vec![a, b, c]).unwrap_or_default();
                    let expected = iso_currency::Currency::from_code(&code);
                    assert_eq!(
                        code.parse::<Currency>().ok().map(|c| c.0),
                        expected,
                        "{code}"
                    );
                    found += usize::from(expected.is_some());
                }
            }
        }
        // ISO 4217 as iso_currency 0.7 has it: well over a hundred codes, all found.
        assert!(found > 150, "{found}");
        // Twice the same, then another and back: the memo never answers for the wrong code.
        for code in ["EUR", "EUR", "USD", "EUR", "XXA", "EUR"] {
            assert_eq!(
                by_code(code),
                iso_currency::Currency::from_code(code),
                "{code}"
            );
        }
        assert_eq!(by_code("eur"), None);
        assert_eq!(by_code("EURO"), None);
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_amount("0"), Ok(Decimal::ZERO));
        assert_eq!(parse_amount("-12.5"), Ok(Decimal::new(-125, 1)));
        for bad in [
            "", "-", ".5", "5.", "1,000", "1e3", "+5", " 5", "0x10", "NaN", "1.2.3",
        ] {
            assert_eq!(
                parse_amount(bad).unwrap_err().code(),
                ErrorCode::InvalidAmount,
                "{bad}"
            );
        }
        assert_eq!(
            parse_amount("1.12345678901").unwrap_err().code(),
            ErrorCode::LimitExceeded
        );
        assert_eq!(
            parse_amount("99999999999999999999999999999")
                .unwrap_err()
                .code(),
            ErrorCode::LimitExceeded
        );
    }

    /// Minor units from the ISO 4217 list one (SIX, the maintenance agency).
    #[test]
    fn minor_units_follow_iso_4217() {
        for (code, units) in [
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("BHD", 3),
            ("KWD", 3),
            ("CLF", 4),
        ] {
            assert_eq!(
                code.parse::<Currency>().map(Currency::minor_units),
                Ok(units),
                "{code}"
            );
        }
        assert_eq!(
            "usd".parse::<Currency>().unwrap_err().code(),
            ErrorCode::UnknownCurrency
        );
    }

    #[test]
    fn rounds_half_away_from_zero() -> Result<()> {
        let eur: Currency = "EUR".parse()?;
        assert_eq!(eur.round(Decimal::new(5, 3)).to_string(), "0.01");
        assert_eq!(eur.round(Decimal::new(-5, 3)).to_string(), "-0.01");
        assert_eq!(eur.round(Decimal::new(4999, 3)).to_string(), "5.00");
        Ok(())
    }

    #[test]
    fn reads_json_numbers_as_written() -> std::result::Result<(), serde_json::Error> {
        #[derive(Deserialize)]
        struct Row {
            #[serde(deserialize_with = "serde_amount::deserialize")]
            amount: Decimal,
        }
        let row: Row = serde_json::from_str(r#"{"amount": 0.1}"#)?;
        assert_eq!(row.amount.to_string(), "0.1");
        let row: Row = serde_json::from_str(r#"{"amount": "12.50"}"#)?;
        assert_eq!(row.amount.to_string(), "12.50");
        let row: Row = serde_json::from_str(r#"{"amount": 1000}"#)?;
        assert_eq!(row.amount.to_string(), "1000");
        assert!(serde_json::from_str::<Row>(r#"{"amount": {"a": "1"}}"#).is_err());
        assert!(serde_json::from_str::<Row>(r#"{"amount": 1e3}"#).is_err());
        Ok(())
    }
}
