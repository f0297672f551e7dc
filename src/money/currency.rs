//! Currencies: ISO 4217 codes with their minor units.

use super::iso4217::{CURRENCIES, NO_MINOR_UNIT, WITHDRAWN};
use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Reader, Schemas, Value, Writer};
use std::cell::Cell;
use std::fmt;
use std::str::FromStr;

/// A currency in use, with its ISO 4217 minor units (2 for EUR, 0 for JPY, 3 for BHD).
///
/// Only codes of ISO 4217's list of current currencies whose minor unit is a number are
/// currencies here: withdrawn codes (`HRK`) and units without a minor unit (`XAU`) are
/// refused with a message that says so.
///
/// ```
/// use arrears::money::Currency;
/// let jpy: Currency = "JPY".parse()?;
/// assert_eq!((jpy.code(), jpy.minor_units()), ("JPY", 0));
/// let e = "HRK".parse::<Currency>().unwrap_err();
/// assert_eq!(e.message(), "'HRK' was withdrawn from ISO 4217 in 2023-01; use EUR");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

impl Currency {
    /// The three-letter code.
    ///
    /// ```
    /// let eur: arrears::money::Currency = "EUR".parse()?;
    /// assert_eq!(eur.code(), "EUR");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn code(&self) -> &str {
        // Every code in the tables is three ASCII capitals (a test of iso4217 holds it).
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// The digits after the decimal point (ISO 4217 "minor unit").
    ///
    /// ```
    /// let bhd: arrears::money::Currency = "BHD".parse()?;
    /// assert_eq!(bhd.minor_units(), 3);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn minor_units(self) -> u32 {
        u32::from(self.minor_units)
    }
}

impl FromStr for Currency {
    type Err = Error;

    /// Reads an upper-case ISO 4217 alphabetic code.
    fn from_str(code: &str) -> Result<Currency> {
        let bytes: [u8; 3] = match code.as_bytes().try_into() {
            Ok(bytes) => bytes,
            Err(_) => return Err(unknown(code)),
        };
        // Records name a few currencies over and over: the last one found answers first.
        thread_local! {
            static LAST: Cell<Option<Currency>> = const { Cell::new(None) };
        }
        if let Some(last) = LAST.get().filter(|last| last.code == bytes) {
            return Ok(last);
        }
        let key = |code: &[u8; 3]| u32::from_be_bytes([0, code[0], code[1], code[2]]);
        if let Ok(i) = CURRENCIES.binary_search_by_key(&key(&bytes), |(c, _)| key(c)) {
            let (code, minor_units) = CURRENCIES.get(i).copied().unwrap_or((bytes, 0));
            let currency = Currency { code, minor_units };
            LAST.set(Some(currency));
            return Ok(currency);
        }
        let message = if let Ok(i) = WITHDRAWN.binary_search_by(|(c, _, _)| c.cmp(&bytes)) {
            let (_, date, replacement) = WITHDRAWN.get(i).copied().unwrap_or_default();
            format!("'{code}' was withdrawn from ISO 4217 in {date}; use {replacement}")
        } else if NO_MINOR_UNIT.binary_search(&bytes).is_ok() {
            format!("'{code}' has no minor unit in ISO 4217, so amounts in it cannot be rounded")
        } else {
            return Err(unknown(code));
        };
        Err(Error::new(ErrorCode::UnknownCurrency, message))
    }
}

fn unknown(code: &str) -> Error {
    let message = format!(
        "{} is not an ISO 4217 currency code such as \"EUR\" (codes are upper case)",
        quoted(code)
    );
    Error::new(ErrorCode::UnknownCurrency, message)
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `XXX`, ISO 4217's code for no currency.
impl crate::json::Blank for Currency {
    fn blank() -> Currency {
        Currency {
            code: *b"XXX",
            minor_units: 0,
        }
    }
}

impl Decode<'_> for Currency {
    fn decode(reader: &mut Reader<'_>) -> Result<Currency> {
        reader.string("a currency code such as \"EUR\"")?.parse()
    }
}

impl Encode for Currency {
    fn encode(&self, writer: &mut Writer) {
        writer.string(self.code());
    }
}

impl Describe for Currency {
    fn describe(schemas: &mut Schemas) -> Value {
        schemas.define("Currency", |_| {
            Value::object([
                ("type", "string".into()),
                ("pattern", "^[A-Z]{3}$".into()),
                (
                    "description",
                    "An ISO 4217 currency code in use, upper case, such as \"EUR\".".into(),
                ),
            ])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_code_memo_never_answers_for_another_code() -> Result<()> {
        for code in ["EUR", "EUR", "USD", "EUR", "JPY", "EUR"] {
            assert_eq!(code.parse::<Currency>()?.code(), code);
        }
        assert!("eur".parse::<Currency>().is_err());
        Ok(())
    }

    #[test]
    fn codes_are_found_exactly() {
        for (code, units) in [("USD", 2), ("JPY", 0), ("KWD", 3), ("CLF", 4), ("XCG", 2)] {
            let currency: Result<Currency> = code.parse();
            assert_eq!(
                currency.map(|c| (c.to_string(), c.minor_units())),
                Ok((code.into(), units))
            );
        }
        for code in ["usd", "EU", "EURO", "", "ZZZ", "XAU", "ANG", "BGN"] {
            let code_of = code.parse::<Currency>().err().map(|e| e.code());
            assert_eq!(code_of, Some(ErrorCode::UnknownCurrency), "{code}");
        }
        let xau = "XAU"
            .parse::<Currency>()
            .err()
            .map(|e| e.message().to_owned());
        assert!(xau.is_some_and(|m| m.contains("no minor unit")));
    }
}
