//! Checked decimal arithmetic, compiled once.
//!
//! rust_decimal's `checked_add`, `checked_sub` and `checked_mul` are `#[inline(always)]`, and
//! so are the algorithms they call, so every call site held its own copy (a multiplication is
//! about 700 bytes of wasm). The methods here are one function each, and clippy (clippy.toml)
//! refuses the inlined ones elsewhere. The operators (`+`, `-`, `*`, `/`, `+=` of decimals)
//! are not used outside tests either, nor `.sum()`: each is one more copy of the same
//! algorithm, and they panic where these say `None`; clippy's `arithmetic_side_effects`
//! refuses the operators in the wasm crates (DESIGN.md, "Size").

use rust_decimal::Decimal;

/// `+`, `−`, `×` and `÷` of decimals that say `None` past what a decimal holds (or for a
/// division by zero) instead of panicking.
///
/// ```
/// use arrears::money::Checked;
/// use rust_decimal::Decimal;
/// assert_eq!(Decimal::TWO.mul_checked(Decimal::TEN), Some(Decimal::from(20)));
/// assert_eq!(Decimal::MAX.add_checked(Decimal::ONE), None);
/// assert_eq!(Decimal::ONE.div_checked(Decimal::ZERO), None);
/// ```
pub trait Checked: Sized {
    /// `self + other`.
    fn add_checked(self, other: Self) -> Option<Self>;
    /// `self − other`.
    fn sub_checked(self, other: Self) -> Option<Self>;
    /// `self × other`.
    fn mul_checked(self, other: Self) -> Option<Self>;
    /// `self ÷ other`.
    fn div_checked(self, other: Self) -> Option<Self>;
}

#[allow(clippy::disallowed_methods)] // the one place that calls them
impl Checked for Decimal {
    #[inline(never)]
    fn add_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }

    #[inline(never)]
    fn sub_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }

    #[inline(never)]
    fn mul_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }

    #[inline(never)]
    fn div_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

/// A percent as a fraction: `12.5` becomes `0.125`.
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(arrears::money::fraction(Decimal::new(125, 1)), Decimal::new(125, 3));
/// ```
pub fn fraction(percent: Decimal) -> Decimal {
    // A hundredth of a decimal is always a decimal: the division cannot fail.
    percent
        .div_checked(Decimal::ONE_HUNDRED)
        .unwrap_or_default()
}

/// `base` to the power `n`, by squaring; `None` past what a decimal holds.
///
/// ```
/// use arrears::money::power;
/// use rust_decimal::Decimal;
/// assert_eq!(power(Decimal::new(11, 1), 3), Some(Decimal::new(1331, 3)));
/// assert_eq!(power(Decimal::TEN, 29), None);
/// ```
pub fn power(base: Decimal, n: u64) -> Option<Decimal> {
    let (mut result, mut square, mut n) = (Decimal::ONE, base, n);
    while n > 0 {
        if n % 2 == 1 {
            result = result.mul_checked(square)?;
        }
        n /= 2;
        // Squared only while a higher bit is left, so the last square cannot overflow alone.
        if n > 0 {
            square = square.mul_checked(square)?;
        }
    }
    Some(result)
}
