// The host's time zones for the wasm (src/js/zones.rs imports this module): a zone's local
// clock at an instant, read with Intl.DateTimeFormat's formatToParts. One formatter per zone.

const formats = new Map();

/**
 * The local clock of time zone `zone` at `instant` (RFC 3339 in UTC), written as an RFC 3339
 * instant in UTC, `"2026-03-08T03:00:00Z"` for New York at 07:00 UTC that day; undefined when
 * the host does not know the zone (Intl throws a RangeError).
 */
export function localClock(zone, instant) {
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
  for (const { type, value } of format.formatToParts(new Date(instant))) clock[type] = value;
  const two = (field) => clock[field].padStart(2, "0");
  // Older engines write midnight as 24 even on a 24-hour clock.
  const hour = String(Number(clock.hour) % 24).padStart(2, "0");
  return `${clock.year.padStart(4, "0")}-${two("month")}-${two("day")}T${hour}:${two("minute")}:${two("second")}Z`;
}
