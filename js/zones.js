// The host's time zones for the wasm (src/js/zones.rs imports this module): a zone's offset
// from UTC at an instant, read with Intl.DateTimeFormat's formatToParts. One formatter per zone.

const formats = new Map();

/**
 * The offset east of UTC, in whole seconds, of time zone `zone` at `seconds` (a BigInt) since
 * 1970-01-01 UTC: -18000 for New York at 06:00 UTC on 8 March 2026, -14400 an hour later;
 * undefined when the host does not know the zone (Intl throws a RangeError).
 */
export function offsetOf(zone, bigSeconds) {
  const seconds = Number(bigSeconds);
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      const numeric = "numeric";
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: numeric,
        month: numeric,
        day: numeric,
        hour: numeric,
        minute: numeric,
        second: numeric,
      });
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
    formats.set(zone, format);
  }
  const clock = {};
  for (const { type, value } of format.formatToParts(new Date(seconds * 1000))) clock[type] = Number(value);
  // The local clock read as if it were UTC, less the instant. Years here are 1899 to 2200, so
  // Date.UTC's reading of years 0 to 99 as 1900 to 1999 never applies. Older engines write
  // midnight as 24 even on a 24-hour clock.
  const local = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour % 24, clock.minute, clock.second);
  const offset = local / 1000 - seconds;
  // A clock Intl wrote in a way not read here would be NaN, which the wasm would take as 0.
  if (!Number.isInteger(offset)) throw new Error(`arrears: Intl gave a clock that cannot be read in ${zone}`);
  return offset;
}
