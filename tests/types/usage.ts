// Compiled with tsc --noEmit against the installed package: the types must accept what the
// docs show and reject what the package rejects.
import {
  ArrearsError,
  type AgingBatchColumnsInput,
  type AgingBatchInput,
  type AgingBatchOutput,
  type AgingInput,
  type AgingOutput,
  type ArrearsErrorCode,
  type CurrencySummary,
  type DueDateInput,
  type DueDateOutput,
  type MetricsOutput,
  type Money,
  type PaymentBehaviourOutput,
  type Schedule,
  type Settlement,
  type YearFractionOutput,
  type NextActionInput,
  type NextActionOutput,
  type Policy,
  type TimelineOutput,
  aging,
  agingBatch,
  discountedAmount,
  dueDate,
  holidays,
  init,
  isBusinessDay,
  contactAllowed,
  defaultPolicy,
  metrics,
  nextAction,
  paymentBehaviour,
  timeline,
  yearFraction,
} from "arrears";
import wasmUrl from "arrears/arrears_bg.wasm";

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

// The ledger: aging, paymentBehaviour and metrics on the same records.
const records: AgingInput = {
  asOf: "2024-03-31",
  invoices: [
    { id: "A", customerId: "c1", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "1000.00", currency: "EUR" },
    { id: "B", customerId: "c1", issueDate: "2024-02-15", terms: "Net 30", amount: 500, currency: "EUR", disputed: true },
  ],
  payments: [{ id: "P1", customerId: "c1", date: "2024-02-10", amount: "600.00", currency: "EUR", appliesTo: [{ invoiceId: "A", amount: 600 }] }],
  credits: [{ id: "K1", customerId: "c1", date: "2024-03-20", amount: "100.00", currency: "EUR", invoiceId: "B" }],
  buckets: [30, 60],
  basis: "issueDate",
  allocation: "proRata",
  include: ["buckets", "invoices"],
};
const report: AgingOutput = aging(records);
const labels: string[] = report.bucketLabels;
const total: string | undefined = report.total;
const perCurrency: CurrencySummary[] | undefined = report.currencies;
const firstBucket: number | undefined = report.buckets?.[0]?.from;
const daysPastDue: number | undefined = report.invoices?.[0]?.daysPastDue;
const behaviour: PaymentBehaviourOutput = paymentBehaviour(records);
const late: string | undefined = behaviour.customers[0]?.averageDaysLate;
const kpis: MetricsOutput = metrics({ ...records, periodDays: 91 });
const dso: string | undefined = kpis.currencies[0]?.dso;
// The ledger functions take the CSV texts too.
const fromText: MetricsOutput = metrics({ asOf: "2024-03-31", periodDays: 91, invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\n" });

// agingBatch: the CSV form and the columns form.
const fromCsv: AgingBatchOutput = agingBatch({
  asOf: "2024-03-01",
  invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100,EUR\n",
  paymentsCsv: "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30,EUR,\n",
  buckets: [30, 60, 90],
});
const day = (iso: string) => Date.parse(iso) / 86_400_000;
const columns: AgingBatchColumnsInput = {
  asOf: "2024-03-01",
  customers: ["acme"],
  currencies: "EUR",
  invoices: {
    id: ["A"],
    customer: Uint32Array.of(0),
    issueDate: Int32Array.of(day("2024-01-01")),
    dueDate: Int32Array.of(day("2024-01-31")),
    amountMinor: BigInt64Array.of(10000n),
    currency: Uint8Array.of(0),
  },
  payments: {
    id: "P",
    customer: Uint32Array.of(0),
    date: Int32Array.of(day("2024-02-01")),
    amountMinor: BigInt64Array.of(3000n),
    currency: Uint8Array.of(0),
    invoice: Int32Array.of(-1),
  },
};
const fromColumns: AgingBatchOutput = agingBatch(columns);
const customerTotals: string[] | undefined = fromColumns.customers?.map((c) => c.total);
const csvInput: AgingBatchInput = { asOf: "2024-03-01", invoicesCsv: "" };
const schedule: Schedule = dueDate({ issueDate: "2024-01-31", terms: { netDays: 30 }, calendar: "us" });
const settled: Settlement = discountedAmount({ amount: 12.5, terms: "2/10 Net 30", issueDate: "2024-01-01", paidOn: "2024-01-05" });
const money: Money = settled.discount;
const notReady: ArrearsErrorCode = "not_initialised";

// @ts-expect-error: the CSV text is a string
agingBatch({ asOf: "2024-03-01", invoicesCsv: 42 });
// @ts-expect-error: one form or the other, not both
agingBatch({ ...columns, invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\n" });
// @ts-expect-error: amounts are a BigInt64Array of minor units, never floats
agingBatch({ ...columns, invoices: { ...columns.invoices, amountMinor: Float64Array.of(10000) } });
// @ts-expect-error: dates are an Int32Array of days, not a Float64Array
agingBatch({ ...columns, invoices: { ...columns.invoices, dueDate: Float64Array.of(19753) } });
// @ts-expect-error: payments need their invoice column
agingBatch({ ...columns, payments: { id: "P", customer: Uint32Array.of(0), date: Int32Array.of(19754), amountMinor: BigInt64Array.of(1n), currency: Uint8Array.of(0) } });
// @ts-expect-error: asOf is required
agingBatch({ invoicesCsv: "" });
// @ts-expect-error: not a basis
aging({ ...records, basis: "paidDate" });
// @ts-expect-error: not a part of the report
aging({ ...records, include: ["totals"] });
// @ts-expect-error: metrics needs periodDays
metrics(records);
// @ts-expect-error: an invoice needs a currency
aging({ asOf: "2024-03-31", invoices: [{ id: "A", customerId: "c1", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: 1 }] });

console.log(dueOn, text, open, names, wrong, labels, total, perCurrency, firstBucket, daysPastDue, late, dso);
console.log(customerTotals, csvInput, fromCsv, fromText, schedule, money, notReady);

// The strategy: a decision with its instant, reasons and audit; the policy document.
const decisionInput: NextActionInput = {
  now: "2026-03-03T06:30:00-05:00",
  account: {
    id: "acme",
    timeZone: "America/New_York",
    invoices: [{ id: "A", customerId: "acme", issueDate: "2025-03-01", dueDate: "2026-03-02", amount: "800.00", currency: "USD" }],
    facts: { riskScore: "0.8" },
  },
  history: [{ at: "2026-03-02T10:00:00-05:00", kind: "message", channel: "email", action: "preDueReminder" }],
};
const decision: NextActionOutput = nextAction(decisionInput);
const at: string | undefined = decision.at;
const fired: string[] = decision.reasons.filter((r) => r.fired).map((r) => r.rule);
const inputHash: string = decision.audit.inputHash;
const policy: Policy = defaultPolicy({});
const steps: number = policy.ladders?.[0]?.steps.length ?? 0;
const plan: TimelineOutput = timeline({ ...decisionInput, until: "2026-06-01T00:00:00Z" });
const allowed: boolean = contactAllowed({ channel: "sms", at: "2026-03-03T12:00:00Z", timeZone: "Europe/London" }).allowed;
console.log(at, fired, inputHash, steps, plan.actions.length, allowed);
// @ts-expect-error: not a channel
contactAllowed({ channel: "fax", at: "2026-03-03T12:00:00Z", timeZone: "Europe/London" });
// @ts-expect-error: not a kind of history item
nextAction({ ...decisionInput, history: [{ at: "2026-03-02T10:00:00Z", kind: "visit" }] });
// @ts-expect-error: not an action of the vocabulary
nextAction({ ...decisionInput, policy: { ladders: [{ segment: "s", steps: [{ action: "dance", offset: 1, channel: "email", template: "t" }] }] } });

// The wasm file as a bundler's file loader gives it: a URL for init().
await init({ module_or_path: wasmUrl });
const url: string = wasmUrl;
console.log(url);
