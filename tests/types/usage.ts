// Compiled with tsc --noEmit against the installed package: the types must accept what the
// docs show and reject what the package rejects.
import {
  ArrearsError,
  type ArrearsErrorCode,
  type DueDateInput,
  type DueDateOutput,
  type YearFractionOutput,
  dueDate,
  holidays,
  init,
  isBusinessDay,
  yearFraction,
} from "arrears";

await init();

const input: DueDateInput = { issueDate: "2024-01-31", terms: "Net 30" };
const due: DueDateOutput = dueDate(input);
const dueOn: string = due.dueDate;
const fraction: YearFractionOutput = yearFraction({
  start: "2024-01-01",
  end: "2024-07-01",
  dayCount: "ACT/360",
});
const text: string = fraction.fraction;
const open: boolean = isBusinessDay({ date: "2024-07-04", calendar: "US" }).businessDay;
const names: string[] = holidays({ calendar: "GB", from: "2024-01-01", to: "2024-12-31" }).holidays.map(
  (h) => `${h.date} ${h.name}`,
);

try {
  dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
} catch (e) {
  if (e instanceof ArrearsError) {
    const code: ArrearsErrorCode = e.code;
    const path: string = e.path;
    const error: Error = e;
    console.log(code, path, error.message);
  }
}

// @ts-expect-error: the input is one object, not a string
dueDate("Net 30");
// @ts-expect-error: issueDate is required
dueDate({ terms: "Net 30" });
// @ts-expect-error: not an error code
const wrong: ArrearsErrorCode = "not_a_code";

console.log(dueOn, text, open, names, wrong);
