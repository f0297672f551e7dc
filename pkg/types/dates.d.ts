/** Types for day counts and business-day calendars. */

import type { DateInput, DecimalText, IsoDate } from './common.js';

/**
 * A day-count convention (ISDA 2006 Definitions, section 4.16), each as QuantLib defines it:
 * - `ACT/360`: actual days / 360.
 * - `ACT/365F`: actual days / 365.
 * - `ACT/ACT-ISDA`: the days in each calendar year over that year's length (365 or 366).
 * - `30/360`: bond basis; a 31st start becomes the 30th, a 31st end too when the start is the 30th or 31st.
 * - `30/360-US`: bond basis plus the February end-of-month rules (QuantLib `Thirty360(USA)`).
 * - `30E/360`: Eurobond basis; every 31st becomes the 30th.
 * - `30E/360-ISDA`: every 31st and last day of February becomes the 30th, except an end on
 *   the last of February that is the `maturity`.
 */
export type DayCountName =
  | 'ACT/360'
  | 'ACT/365F'
  | 'ACT/ACT-ISDA'
  | '30/360'
  | '30/360-US'
  | '30E/360'
  | '30E/360-ISDA';

/**
 * Input of `yearFraction`.
 * @example { start: '2024-01-01', end: '2024-04-01', dayCount: 'ACT/360' }
 */
export interface YearFractionInput {
  start: DateInput;
  /** Before `start` gives a negative fraction. */
  end: DateInput;
  dayCount: DayCountName;
  /** The maturity date; used by `30E/360-ISDA` only. */
  maturity?: DateInput;
}

/**
 * Output of `yearFraction`.
 * @example { fraction: '0.2527777777777777777777777778' }
 */
export interface YearFractionOutput {
  /** The year fraction as decimal text, up to 28 significant digits. */
  fraction: DecimalText;
}

/**
 * A built-in calendar (any letter case is accepted):
 * - `US`: Federal Reserve bank holidays (QuantLib `UnitedStates(FederalReserve)`).
 * - `GB`: bank holidays of England and Wales (QuantLib `UnitedKingdom(Settlement)`).
 * - `TARGET`: closing days of the euro area's TARGET payment system.
 * - `DE`: German bank holidays (QuantLib `Germany(Settlement)`).
 * - `none`: weekends only.
 */
export type CalendarName = 'US' | 'GB' | 'TARGET' | 'DE' | 'none';

/** A day of the week as a custom calendar's weekend names it. */
export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A custom calendar: a built-in base with another weekend, extra holidays and working days.
 * `holidays` and `workdays` hold at most 10,000 dates each.
 * @example { base: 'GB', holidays: ['2024-12-24'], workdays: ['2024-06-01'] }
 * @example { weekend: ['fri', 'sat'] }
 */
export interface CustomCalendar {
  /** The calendar whose holidays it starts from; none (weekends only) when absent. */
  base?: CalendarName;
  /** The weekend days; `['sat', 'sun']` when absent, `[]` for none. */
  weekend?: WeekdayName[];
  /** Extra holidays, added to the base's. */
  holidays?: DateInput[];
  /** Days that are business days whatever else they are (a working Saturday, say). */
  workdays?: DateInput[];
}

/** A calendar: a built-in name or a custom calendar. */
export type CalendarInput = CalendarName | CustomCalendar;

/**
 * A business-day convention (ISDA 2006 Definitions, section 4.12):
 * `modifiedFollowing` moves forward unless that changes the month, then backward;
 * `modifiedPreceding` the other way round.
 */
export type ConventionName =
  | 'unadjusted'
  | 'following'
  | 'modifiedFollowing'
  | 'preceding'
  | 'modifiedPreceding';

/**
 * Input of `isBusinessDay`.
 * @example { date: '2024-12-26', calendar: 'GB' }
 */
export interface IsBusinessDayInput {
  date: DateInput;
  calendar: CalendarInput;
}

/**
 * Output of `isBusinessDay`.
 * @example { businessDay: false }
 */
export interface IsBusinessDayOutput {
  businessDay: boolean;
}

/**
 * Input of `adjustDate`.
 * @example { date: '2024-03-29', convention: 'following', calendar: 'TARGET' }
 */
export interface AdjustDateInput {
  date: DateInput;
  convention: ConventionName;
  calendar: CalendarInput;
}

/**
 * Output of `adjustDate`.
 * @example { date: '2024-04-02' }
 */
export interface AdjustDateOutput {
  date: IsoDate;
}

/**
 * Input of `addBusinessDays`: QuantLib's `advance` in days. Zero days moves a holiday to the
 * following business day.
 * @example { date: '2024-07-03', days: 1, calendar: 'US' }
 */
export interface AddBusinessDaysInput {
  date: DateInput;
  /** Business days to move, negative to go back; at most 100,000 either way. */
  days: number;
  calendar: CalendarInput;
}

/**
 * Output of `addBusinessDays`.
 * @example { date: '2024-07-05' }
 */
export interface AddBusinessDaysOutput {
  date: IsoDate;
}

/**
 * Input of `businessDaysBetween`.
 * @example { start: '2024-12-23', end: '2024-12-30', calendar: 'DE' }
 */
export interface BusinessDaysBetweenInput {
  start: DateInput;
  end: DateInput;
  calendar: CalendarInput;
}

/**
 * Output of `businessDaysBetween`: the business days counting `start` and not `end`;
 * when `end` is before `start`, minus those after `end` up to and including `start`.
 * @example { days: 2 }
 */
export interface BusinessDaysBetweenOutput {
  days: number;
}

/**
 * Input of `holidays`. Any span within 1900-01-01..2199-12-31; `to` not before `from`.
 * @example { calendar: 'US', from: '2024-07-01', to: '2024-07-31' }
 */
export interface HolidaysInput {
  calendar: CalendarInput;
  from: DateInput;
  to: DateInput;
}

/**
 * A holiday on a weekday. Custom holidays are named `"Holiday"` unless the base names the day.
 * @example { date: '2024-07-04', name: 'Independence Day' }
 */
export interface Holiday {
  date: IsoDate;
  /** The holiday's name in English. */
  name: string;
}

/**
 * Output of `holidays`: the holidays that fall on weekdays, in date order.
 * @example { holidays: [{ date: '2024-07-04', name: 'Independence Day' }] }
 */
export interface HolidaysOutput {
  holidays: Holiday[];
}
