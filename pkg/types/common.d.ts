/** Types shared by every entry point of arrears. */

/** A calendar date as ISO 8601 `YYYY-MM-DD`, for example `"2024-01-31"`. Always what arrears returns. */
export type IsoDate = string;

/**
 * A `Temporal.PlainDate`, described structurally so no Temporal typings are needed.
 * arrears reads it through `toJSON()`, which gives `YYYY-MM-DD`.
 */
export interface PlainDateLike {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  toJSON(): string;
}

/** A date as input: `YYYY-MM-DD` text or a `Temporal.PlainDate`. Range 1900-01-01 to 2199-12-31. */
export type DateInput = IsoDate | PlainDateLike;

/** An amount as arrears returns it: decimal text with the currency's minor units, for example `"980.00"`. */
export type Amount = string;

/**
 * An amount as input: plain decimal text (`"1234.50"`, `"-3"`), or a JS number that is a plain
 * decimal such as `12.5`, read exactly as written. No exponents, separators or currency signs.
 */
export type AmountInput = string | number;

/** An ISO 4217 alphabetic currency code, upper case, for example `"EUR"`. */
export type CurrencyCode = string;

/** A decimal number as text, for example a percentage `"2"` or a year fraction `"0.5"`. */
export type DecimalText = string;
