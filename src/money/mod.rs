//! Money: amounts of a currency in whole minor units, rounding, exact splitting, and the
//! decimals of inputs.
//!
//! Amounts are never floats. An input amount is decimal text (`"1234.50"`) or a JSON number
//! read exactly as written (`12.5`); it becomes [`Money`] of its currency, and is written back
//! as decimal text with exactly the currency's minor units (`"980.00"`, `"1000"` for JPY).
//! Where no currency is given, money has two decimal places.

mod arithmetic;
mod currency;
mod iso4217;

pub use arithmetic::{fraction, power, Checked};
pub use currency::Currency;

use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Reader, Schemas, Value, Writer};
use crate::limits::{MAX_AMOUNT_CHARS, MAX_AMOUNT_SCALE};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// The decimal places of money with no currency given.
pub const DEFAULT_PLACES: u32 = 2;

/// How an amount is rounded to its minor units.
///
/// ```
/// use arrears::money::{Money, Rounding};
/// let eur = Some("EUR".parse()?);
/// let half = rust_decimal::Decimal::new(125, 3); // 0.125
/// assert_eq!(Money::round(half, eur, Rounding::HalfEven)?.to_string(), "0.12");
/// assert_eq!(Money::round(half, eur, Rounding::HalfUp)?.to_string(), "0.13");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Rounding {
    /// To the nearest, a half to the even neighbour (banker's rounding, IEEE 754's default).
    #[default]
    HalfEven,
    /// To the nearest, a half away from zero (commercial rounding).
    HalfUp,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        }
    }
}

/// An amount of money: whole minor units of a currency (or of two decimal places when no
/// currency is given). Arithmetic on it is exact.
///
/// ```
/// use arrears::money::{Money, Rounding};
/// let usd = Some("USD".parse()?);
/// let price = Money::exact("12.5".parse()?, usd)?;
/// assert_eq!((price.minor(), price.to_string()), (1250, "12.50".to_string()));
/// let discount = price.times("0.02".parse()?, Rounding::HalfEven)?;
/// assert_eq!(discount.to_string(), "0.25");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i128,
    currency: Option<Currency>,
}

impl Money {
    /// `minor` minor units of `currency`.
    ///
    /// ```
    /// let m = arrears::money::Money::from_minor(-5, None);
    /// assert_eq!(m.to_string(), "-0.05");
    /// ```
    pub const fn from_minor(minor: i128, currency: Option<Currency>) -> Money {
        Money { minor, currency }
    }

    /// Nothing, in `currency`.
    ///
    /// ```
    /// assert_eq!(arrears::money::Money::zero(None).to_string(), "0.00");
    /// ```
    pub const fn zero(currency: Option<Currency>) -> Money {
        Money::from_minor(0, currency)
    }

    /// `amount` as money of `currency`, which must not have more decimals than its minor
    /// units (trailing zeros are fine): rounding would change what the caller wrote.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidAmount`] for more decimals than the currency has,
    /// [`ErrorCode::LimitExceeded`] beyond 28 digits.
    ///
    /// ```
    /// use arrears::money::Money;
    /// let jpy = Some("JPY".parse()?);
    /// assert_eq!(Money::exact("1000.0".parse()?, jpy)?.to_string(), "1000");
    /// assert_eq!(Money::exact("10.5".parse()?, jpy).unwrap_err().code().as_str(), "invalid_amount");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exact(amount: Decimal, currency: Option<Currency>) -> Result<Money> {
        let places = places_of(currency);
        if amount.normalize().scale() > places {
            let message = match currency {
                Some(c) => format!("{amount} has more decimals than {c} has ({places})"),
                None => format!(
                    "{amount} has more than {places} decimals; give the currency if it has more"
                ),
            };
            return Err(Error::new(ErrorCode::InvalidAmount, message));
        }
        Money::round(amount, currency, Rounding::HalfEven)
    }

    /// `amount` rounded to the minor units of `currency` by `rounding`.
    ///
    /// # Errors
    /// [`ErrorCode::LimitExceeded`] when the amount does not fit 28 digits.
    ///
    /// ```
    /// use arrears::money::{Money, Rounding};
    /// let m = Money::round("24.975".parse()?, None, Rounding::HalfEven)?;
    /// assert_eq!(m.to_string(), "24.98");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round(amount: Decimal, currency: Option<Currency>, rounding: Rounding) -> Result<Money> {
        let places = places_of(currency);
        let mut rounded = amount.round_dp_with_strategy(places, rounding.strategy());
        rounded.rescale(places);
        if rounded.scale() != places {
            return Err(too_large());
        }
        Ok(Money::from_minor(rounded.mantissa(), currency))
    }

    /// The amount in minor units.
    ///
    /// ```
    /// assert_eq!(arrears::money::Money::from_minor(42, None).minor(), 42);
    /// ```
    pub const fn minor(self) -> i128 {
        self.minor
    }

    /// The currency, if one was given.
    ///
    /// ```
    /// assert_eq!(arrears::money::Money::zero(None).currency(), None);
    /// ```
    pub const fn currency(self) -> Option<Currency> {
        self.currency
    }

    /// The decimal places: the currency's minor units, or two.
    ///
    /// ```
    /// assert_eq!(arrears::money::Money::zero(Some("KWD".parse()?)).places(), 3);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn places(self) -> u32 {
        places_of(self.currency)
    }

    /// The amount as a decimal with exactly [`Money::places`] decimals.
    ///
    /// ```
    /// assert_eq!(arrears::money::Money::from_minor(1250, None).to_decimal().to_string(), "12.50");
    /// ```
    pub fn to_decimal(self) -> Decimal {
        // |minor| < 2^96 holds for every amount Money::round makes; a larger one saturates.
        Decimal::try_from_i128_with_scale(self.minor, self.places()).unwrap_or(Decimal::MAX)
    }

    /// The same currency, another amount in minor units.
    ///
    /// ```
    /// let m = arrears::money::Money::from_minor(1, None);
    /// assert_eq!(m.with_minor(7).minor(), 7);
    /// ```
    pub const fn with_minor(self, minor: i128) -> Money {
        Money::from_minor(minor, self.currency)
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`ErrorCode::CurrencyMismatch`] for two currencies.
    ///
    /// ```
    /// use arrears::money::Money;
    /// let a = Money::from_minor(150, None);
    /// assert_eq!(a.plus(a)?.to_string(), "3.00");
    /// let eur = Money::zero(Some("EUR".parse()?));
    /// assert_eq!(a.plus(eur).unwrap_err().code().as_str(), "currency_mismatch");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn plus(self, other: Money) -> Result<Money> {
        if self.currency != other.currency {
            let name = |c: Option<Currency>| c.map_or("no currency".to_owned(), |c| c.to_string());
            let message = format!(
                "{} and {} cannot be added",
                name(self.currency),
                name(other.currency)
            );
            return Err(Error::new(ErrorCode::CurrencyMismatch, message));
        }
        Ok(self.with_minor(self.minor.saturating_add(other.minor)))
    }

    /// `self × factor`, rounded to the minor units by `rounding`.
    ///
    /// # Errors
    /// [`ErrorCode::LimitExceeded`] when the product does not fit 28 digits.
    ///
    /// ```
    /// use arrears::money::{Money, Rounding};
    /// let m = Money::from_minor(99900, None).times("0.025".parse()?, Rounding::HalfUp)?;
    /// assert_eq!(m.to_string(), "24.98");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn times(self, factor: Decimal, rounding: Rounding) -> Result<Money> {
        let product = self
            .to_decimal()
            .mul_checked(factor)
            .ok_or_else(too_large)?;
        Money::round(product, self.currency, rounding)
    }

    /// Splits the amount into parts proportional to `weights`, exactly: each part gets the
    /// whole minor units of its share, and the units left over go one each to the parts
    /// with the largest remainders (ties to the earlier part), so the parts add up to the
    /// amount. All weights zero (or none) give all parts zero.
    ///
    /// # Errors
    /// [`ErrorCode::OutOfRange`] for a negative weight, [`ErrorCode::LimitExceeded`] when a
    /// product does not fit.
    ///
    /// ```
    /// use arrears::money::Money;
    /// let parts = Money::from_minor(100, None).split(&[1, 1, 1])?;
    /// let minor: Vec<i128> = parts.iter().map(|m| m.minor()).collect();
    /// assert_eq!(minor, [34, 33, 33]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn split(self, weights: &[i128]) -> Result<Vec<Money>> {
        let parts = split_minor(self.minor, weights)?;
        Ok(parts
            .into_iter()
            .map(|minor| self.with_minor(minor))
            .collect())
    }
}

/// Splits `amount` whole units into parts proportional to `weights` by the largest-remainder
/// method: each part gets the floor of its share, and the units left go one each to the
/// largest remainders, ties to the earlier part. The parts add up to `amount` exactly.
pub(crate) fn split_minor(amount: i128, weights: &[i128]) -> Result<Vec<i128>> {
    if weights.iter().any(|w| *w < 0) {
        return Err(Error::new(ErrorCode::OutOfRange, "a weight is negative"));
    }
    let total: i128 = weights.iter().sum();
    if total == 0 {
        return Ok(vec![0; weights.len()]);
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for weight in weights {
        let product = amount.checked_mul(*weight).ok_or_else(too_large)?;
        parts.push(product.div_euclid(total));
        remainders.push(product.rem_euclid(total));
    }
    let left = amount - parts.iter().sum::<i128>();
    let largest = crate::order::order_by(remainders.len(), &|i, j| {
        remainders.get(j).cmp(&remainders.get(i))
    });
    for i in largest.into_iter().take(usize::try_from(left).unwrap_or(0)) {
        *crate::error::slot(&mut parts, i)? += 1;
    }
    Ok(parts)
}

fn places_of(currency: Option<Currency>) -> u32 {
    currency.map_or(DEFAULT_PLACES, Currency::minor_units)
}

fn too_large() -> Error {
    Error::new(
        ErrorCode::LimitExceeded,
        "an amount has more than 28 digits",
    )
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let places = self.places() as usize;
        let magnitude = self.minor.unsigned_abs();
        // u64 when it fits (sums of up to 10^15 always do): u128 digits are slow in wasm.
        let digits =
            u64::try_from(magnitude).map_or_else(|_| magnitude.to_string(), |m| m.to_string());
        let (whole, fraction) = digits
            .split_at_checked(digits.len().saturating_sub(places))
            .unwrap_or_default();
        if self.minor < 0 {
            f.write_str("-")?;
        }
        f.write_str(if whole.is_empty() { "0" } else { whole })?;
        if places > 0 {
            write!(f, ".{fraction:0>places$}")?;
        }
        Ok(())
    }
}

impl Encode for Money {
    #[inline(never)]
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.to_string());
    }
}

impl Describe for Money {
    fn describe(schemas: &mut Schemas) -> Value {
        schemas.define("Money", |_| {
            Value::object([
                ("type", "string".into()),
                ("pattern", r"^-?\d+(\.\d+)?$".into()),
                (
                    "description",
                    "An amount as decimal text with exactly its currency's minor units \
                     (\"980.00\" in EUR, \"1000\" in JPY; two places without a currency)."
                        .into(),
                ),
            ])
        })
    }
}

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
    parse_decimal(
        text,
        ErrorCode::InvalidAmount,
        "an amount such as \"1234.50\"",
    )
}

/// Parses a rate, percent or other plain decimal number, as [`parse_amount`] does amounts.
///
/// # Errors
/// [`ErrorCode::InvalidNumber`] for text that is not a plain decimal,
/// [`ErrorCode::LimitExceeded`] past 32 characters or ten decimal places.
///
/// ```
/// assert_eq!(arrears::money::parse_number("0.085")?.to_string(), "0.085");
/// assert_eq!(arrears::money::parse_number("8.5%").unwrap_err().code().as_str(), "invalid_number");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn parse_number(text: &str) -> Result<Decimal> {
    parse_decimal(
        text,
        ErrorCode::InvalidNumber,
        "a decimal number such as \"0.085\"",
    )
}

fn parse_decimal(text: &str, code: ErrorCode, such_as: &str) -> Result<Decimal> {
    if text.len() > MAX_AMOUNT_CHARS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("a decimal has at most {MAX_AMOUNT_CHARS} characters"),
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
        let message = format!("{} is not {such_as}", quoted(text));
        return Err(Error::new(code, message));
    }
    if fraction.len() > MAX_AMOUNT_SCALE as usize {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("a decimal has at most {MAX_AMOUNT_SCALE} decimal places"),
        ));
    }
    Decimal::from_str_exact(text).map_err(|_| {
        let message = format!("{} has more than 28 digits", quoted(text));
        Error::new(ErrorCode::LimitExceeded, message)
    })
}

/// The text of a decimal in an input: a string, or a JSON number as written.
fn decimal_text<'a>(reader: &mut Reader<'a>, expected: &str) -> Result<std::borrow::Cow<'a, str>> {
    match reader.kind()? {
        crate::json::Kind::Number => reader.number(expected).map(Into::into),
        _ => reader.string(expected),
    }
}

/// Rates, percents and other decimals: `"0.085"` or `0.085` in, text out.
impl Decode<'_> for Decimal {
    fn decode(reader: &mut Reader<'_>) -> Result<Decimal> {
        parse_number(&decimal_text(reader, "a decimal number such as \"0.085\"")?)
    }
}

impl Encode for Decimal {
    #[inline(never)]
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.to_string());
    }
}

impl Describe for Decimal {
    fn describe(schemas: &mut Schemas) -> Value {
        match schemas.outputs() {
            true => schemas.define("DecimalText", |_| {
                Value::object([
                    ("type", "string".into()),
                    ("pattern", r"^-?\d+(\.\d+)?$".into()),
                    (
                        "description",
                        "A decimal number as text, such as \"0.5055\".".into(),
                    ),
                ])
            }),
            false => decimal_input(schemas, "Decimal", "A decimal number such as \"0.085\""),
        }
    }
}

/// The schema of a decimal input: text, or a JSON number read as written.
fn decimal_input(schemas: &mut Schemas, name: &str, what: &str) -> Value {
    schemas.define(name, |_| {
        let pattern = r"^-?\d+(\.\d{1,10})?$";
        Value::object([
            (
                "anyOf",
                Value::Array(vec![
                    Value::object([("type", "string".into()), ("pattern", pattern.into())]),
                    Value::object([("type", "number".into())]),
                ]),
            ),
            (
                "description",
                format!(
                    "{what}: decimal text (no exponent, at most 10 decimals), or a JSON number, \
                     read exactly as written."
                )
                .as_str()
                .into(),
            ),
        ])
    })
}

/// An amount of money as an input gives it, before its currency is known: decimal text
/// (`"1234.50"`) or a JSON number read exactly as written (`12.5`). [`Money::exact`] makes
/// it money of its currency.
///
/// ```
/// let amount: arrears::money::Amount = arrears::json::from_str_any("12.5")?;
/// assert_eq!(amount.0.to_string(), "12.5");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount(pub Decimal);

impl crate::json::Blank for Amount {
    fn blank() -> Amount {
        Amount(Decimal::ZERO)
    }
}

impl Decode<'_> for Amount {
    fn decode(reader: &mut Reader<'_>) -> Result<Amount> {
        parse_amount(&decimal_text(reader, "an amount such as \"1234.50\"")?).map(Amount)
    }
}

impl Encode for Amount {
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.0.to_string());
    }
}

impl Describe for Amount {
    fn describe(schemas: &mut Schemas) -> Value {
        decimal_input(schemas, "Amount", "An amount such as \"1234.50\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str, currency: &str) -> Result<Money> {
        Money::exact(parse_amount(text)?, Some(currency.parse()?))
    }

    #[test]
    fn parses_plain_decimals_only() {
        assert_eq!(parse_amount("0"), Ok(Decimal::ZERO));
        assert_eq!(parse_amount("-12.5"), Ok(Decimal::new(-125, 1)));
        for bad in [
            "", "-", ".5", "5.", "1,000", "1e3", "+5", " 5", "0x10", "NaN", "1.2.3",
        ] {
            let code = parse_amount(bad).err().map(|e| e.code());
            assert_eq!(code, Some(ErrorCode::InvalidAmount), "{bad}");
        }
        let code = |text: &str| parse_amount(text).err().map(|e| e.code());
        assert_eq!(code("1.12345678901"), Some(ErrorCode::LimitExceeded));
        assert_eq!(
            code("99999999999999999999999999999"),
            Some(ErrorCode::LimitExceeded)
        );
    }

    #[test]
    fn money_keeps_exactly_the_minor_units_of_its_currency() -> Result<()> {
        assert_eq!(money("1000", "EUR")?.to_string(), "1000.00");
        assert_eq!(money("1000.000", "JPY")?.to_string(), "1000");
        assert_eq!(money("0.125", "KWD")?.to_string(), "0.125");
        assert_eq!(money("-0.05", "USD")?.to_string(), "-0.05");
        assert_eq!(
            money("12.345", "EUR").err().map(|e| e.code()),
            Some(ErrorCode::InvalidAmount)
        );
        Ok(())
    }

    /// Half-even and half-up differ only on exact halves (IEEE 754-2019 §4.3.1 and §4.3.3).
    #[test]
    fn rounding_modes_differ_on_halves_only() -> Result<()> {
        let round = |text: &str, rounding| -> Result<String> {
            Ok(Money::round(parse_amount(text)?, None, rounding)?.to_string())
        };
        for (text, even, up) in [
            ("0.125", "0.12", "0.13"),
            ("0.135", "0.14", "0.14"),
            ("-0.125", "-0.12", "-0.13"),
            ("0.1251", "0.13", "0.13"),
            ("2.675", "2.68", "2.68"),
        ] {
            assert_eq!(round(text, Rounding::HalfEven)?, even, "{text}");
            assert_eq!(round(text, Rounding::HalfUp)?, up, "{text}");
        }
        Ok(())
    }

    #[test]
    fn money_is_written_as_rust_decimal_writes_its_scale() -> Result<()> {
        let values = [
            0,
            1,
            -1,
            9,
            10,
            99,
            100,
            -101,
            123_456_789,
            i128::from(u64::MAX),
            -(1 << 70),
        ];
        for code in ["JPY", "EUR", "KWD", "CLF"] {
            let currency: Currency = code.parse()?;
            for minor in values {
                let decimal = Decimal::from_i128_with_scale(minor, currency.minor_units());
                let money = Money::from_minor(minor, Some(currency));
                assert_eq!(money.to_string(), decimal.to_string(), "{minor} {code}");
                assert_eq!(money.to_decimal(), decimal);
            }
        }
        // Past u64: 10^20 + 5 hundredths.
        let large = Money::from_minor(100_000_000_000_000_000_005, None);
        assert_eq!(large.to_string(), "1000000000000000000.05");
        Ok(())
    }

    #[test]
    fn splits_add_up_and_give_leftovers_to_the_largest_remainders() -> Result<()> {
        let minor = |m: Vec<Money>| m.iter().map(|m| m.minor()).collect::<Vec<_>>();
        let hundred = Money::from_minor(100, None);
        // 100 × 2/7 = 28.57, × 5/7 = 71.43: remainders 4 and 3 (of 7), one unit left.
        assert_eq!(minor(hundred.split(&[2, 5])?), [29, 71]);
        assert_eq!(minor(hundred.split(&[0, 0])?), [0, 0]);
        assert_eq!(
            minor(Money::from_minor(-100, None).split(&[1, 1, 1])?),
            [-33, -33, -34]
        );
        assert!(hundred.split(&[1, -1]).is_err());
        Ok(())
    }
}
