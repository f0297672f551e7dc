// The ledger functions of the installed package (issue 4): aging, paymentBehaviour, metrics
// and agingBatch from CSV and from typed columns, on small examples worked by hand in the
// comments, and their errors with code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { assertError, installedPackage, thrown, trapModules, trapPkg } from "./helpers.mjs";

const { esm, cjs } = await installedPackage();
const assertArrearsError = (e, code, path) => assertError(e, code, path, esm.ArrearsError);

const DAY_MS = 86_400_000;
const day = (iso) => Date.parse(iso) / DAY_MS;

// One customer, EUR, as of Sunday 2024-03-31 (2024 is a leap year: February has 29 days).
//   A  issued 2024-01-01, due 2024-01-31, 1000.00
//   B  issued 2024-02-15, due 2024-03-15,  500.00
//   C  issued 2024-03-20, due 2024-04-19,  300.00
//   D  issued 2024-04-02, after asOf: ignored
//   P1 2024-02-10, 600.00, no invoice named: oldest first (earliest due date) goes to A
//   P2 2024-04-05, after asOf: ignored
//   K1 credit 2024-03-20, 100.00 on B
// Open: A 1000 - 600 = 400, B 500 - 100 = 400, C 300; total 1100.00
//       = invoices 1800 - payments applied 600 - credits applied 100.
// Days past due at 2024-03-31: A 29 (rest of Feb, from 31 Jan) + 31 (March) = 60 -> 31-60;
//       B 31 - 15 = 16 -> 1-30; C due after asOf -> Current.
const asOf = "2024-03-31";
const invoices = [
  { id: "A", customerId: "c1", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "1000.00", currency: "EUR" },
  { id: "B", customerId: "c1", issueDate: "2024-02-15", dueDate: "2024-03-15", amount: "500.00", currency: "EUR" },
  { id: "C", customerId: "c1", issueDate: "2024-03-20", dueDate: "2024-04-19", amount: "300.00", currency: "EUR" },
  { id: "D", customerId: "c1", issueDate: "2024-04-02", dueDate: "2024-05-02", amount: "50.00", currency: "EUR" },
];
const payments = [
  { id: "P1", customerId: "c1", date: "2024-02-10", amount: "600.00", currency: "EUR" },
  { id: "P2", customerId: "c1", date: "2024-04-05", amount: "50.00", currency: "EUR" },
];
const credits = [{ id: "K1", customerId: "c1", date: "2024-03-20", amount: "100.00", currency: "EUR", invoiceId: "B" }];
const records = { asOf, invoices, payments, credits };

// Bounds that do not exist are left out: Current has no `from`, the last bucket no `to`.
const EXPECTED_BUCKETS = [
  { label: "Current", to: 0, amount: "300.00", count: 1, disputed: "0.00" },
  { label: "1-30", from: 1, to: 30, amount: "400.00", count: 1, disputed: "0.00" },
  { label: "31-60", from: 31, to: 60, amount: "400.00", count: 1, disputed: "0.00" },
  { label: "61-90", from: 61, to: 90, amount: "0.00", count: 0, disputed: "0.00" },
  { label: "91-120", from: 91, to: 120, amount: "0.00", count: 0, disputed: "0.00" },
  { label: "over 120", from: 121, amount: "0.00", count: 0, disputed: "0.00" },
];

// The same records as CSV (payments name their invoice in `invoiceId`, empty for none).
const invoicesCsv = [
  "id,customerId,issueDate,dueDate,amount,currency",
  ...invoices.map((i) => [i.id, i.customerId, i.issueDate, i.dueDate, i.amount, i.currency].join(",")),
  "",
].join("\n");
const receiptsCsv = (list) =>
  [
    "id,customerId,date,amount,currency,invoiceId",
    ...list.map((r) => [r.id, r.customerId, r.date, r.amount, r.currency, r.invoiceId ?? ""].join(",")),
    "",
  ].join("\n");

// The same records as typed columns: days since 1970-01-01, amounts in cents ("600.00" is
// 60000n: every amount here has two decimals).
const cents = (amount) => BigInt(amount.replace(".", ""));
const receiptColumns = (list) => ({
  id: list.map((r) => r.id).join("\n"),
  customer: Uint32Array.from(list, () => 0),
  date: Int32Array.from(list, (r) => day(r.date)),
  amountMinor: BigInt64Array.from(list, (r) => cents(r.amount)),
  currency: Uint8Array.from(list, () => 0),
  invoice: Int32Array.from(list, (r) => (r.invoiceId ? invoices.findIndex((i) => i.id === r.invoiceId) : -1)),
});
const columns = () => ({
  asOf,
  customers: ["c1"],
  currencies: "EUR",
  invoices: {
    id: invoices.map((i) => i.id),
    customer: new Uint32Array(invoices.length),
    issueDate: Int32Array.from(invoices, (i) => day(i.issueDate)),
    dueDate: Int32Array.from(invoices, (i) => day(i.dueDate)),
    amountMinor: BigInt64Array.from(invoices, (i) => cents(i.amount)),
    currency: new Uint8Array(invoices.length),
  },
  payments: receiptColumns(payments),
  credits: receiptColumns(credits),
});

/** The part of an aging report agingBatch returns too. */
const batchPart = ({ invoices: _, ...report }) => report;

for (const [style, api] of [
  ["import", esm],
  ["require", cjs],
]) {
  test(`${style}: aging of the worked example`, () => {
    const report = api.aging(records);
    assert.deepEqual(report.bucketLabels, ["Current", "1-30", "31-60", "61-90", "91-120", "over 120"]);
    assert.deepEqual(report.buckets, EXPECTED_BUCKETS);
    assert.equal(report.currency, "EUR");
    assert.equal(report.total, "1100.00");
    assert.equal(report.unappliedCash, "0.00");
    assert.deepEqual(report.ignored, { invoices: 1, payments: 1, credits: 0 });
    assert.deepEqual(report.customers, [
      {
        customerId: "c1",
        currency: "EUR",
        total: "1100.00",
        disputed: "0.00",
        buckets: ["300.00", "400.00", "400.00", "0.00", "0.00", "0.00"],
        unappliedCash: "0.00",
        unappliedCredits: "0.00",
      },
    ]);
    const byId = Object.fromEntries(report.invoices.map((i) => [i.id, i]));
    assert.deepEqual(Object.keys(byId), ["A", "B", "C"], "D is issued after asOf");
    assert.deepEqual([byId.A.open, byId.A.paid, byId.A.daysPastDue, byId.A.bucket], ["400.00", "600.00", 60, "31-60"]);
    assert.deepEqual([byId.B.open, byId.B.credited, byId.B.daysPastDue, byId.B.bucket], ["400.00", "100.00", 16, "1-30"]);
    // C: due 2024-04-19, 19 days after asOf.
    assert.deepEqual([byId.C.open, byId.C.daysPastDue, byId.C.bucket], ["300.00", -19, "Current"]);
    assert.deepEqual(byId.A.applied, [{ kind: "payment", id: "P1", date: "2024-02-10", amount: "600.00" }]);
  });

  test(`${style}: agingBatch from CSV and from columns equals aging on the same records`, () => {
    const expected = batchPart(api.aging({ ...records, include: ["buckets", "customers", "currencies"] }));
    assert.deepEqual(expected.buckets, EXPECTED_BUCKETS);
    const fromCsv = api.agingBatch({
      asOf,
      invoicesCsv,
      paymentsCsv: receiptsCsv(payments),
      creditsCsv: receiptsCsv(credits),
    });
    assert.deepEqual(fromCsv, expected);
    assert.deepEqual(api.agingBatch(columns()), expected);
    // Joined text or arrays of strings: the same.
    const joined = columns();
    joined.customers = "c1";
    joined.currencies = ["EUR"];
    joined.invoices.id = joined.invoices.id.join("\n");
    assert.deepEqual(api.agingBatch(joined), expected);
  });

  test(`${style}: texts that are not ASCII cross intact in every form`, () => {
    // Two-byte (ü, ø), three-byte (€) and four-byte (🧾, a surrogate pair in JS) UTF-8: the
    // texts cannot be written one byte per character, so the package encodes them apart.
    const name = "Müller & Søn €🧾";
    const rename = (list) => list.map((r) => ({ ...r, customerId: name }));
    const named = { ...records, invoices: rename(invoices), payments: rename(payments), credits: rename(credits) };
    const expected = batchPart(api.aging({ ...named, include: ["buckets", "customers", "currencies"] }));
    assert.equal(expected.customers[0].customerId, name);
    assert.equal(expected.total, "1100.00");
    const fromCsv = api.agingBatch({
      asOf,
      invoicesCsv: invoicesCsv.replaceAll(",c1,", `,${name},`),
      paymentsCsv: receiptsCsv(rename(payments)),
      creditsCsv: receiptsCsv(rename(credits)),
    });
    assert.deepEqual(fromCsv, expected);
    assert.deepEqual(api.agingBatch({ ...columns(), customers: [name] }), expected);
    // A shorter ASCII call after the longer one reads only its own input.
    assert.equal(api.aging(records).customers[0].customerId, "c1");
  });

  test(`${style}: agingBatch takes buckets and basis like aging`, () => {
    // On issue dates with bounds [45, 90]: A is 90 days old (31 + 29 + 30), B 45 (14 + 31),
    // C 11; open A 400 -> 46-90, B 400 and C 300 -> 0-45.
    const options = { buckets: [45, 90], basis: "issueDate" };
    const out = api.agingBatch({ asOf, invoicesCsv, paymentsCsv: receiptsCsv(payments), creditsCsv: receiptsCsv(credits), ...options });
    assert.deepEqual(
      out.buckets.map((b) => [b.label, b.amount, b.count]),
      [
        ["0-45", "700.00", 2],
        ["46-90", "400.00", 1],
        ["over 90", "0.00", 0],
      ],
    );
    assert.deepEqual(out, batchPart(api.aging({ ...records, ...options, include: ["buckets", "customers", "currencies"] })));
  });

  test(`${style}: aging, paymentBehaviour and metrics take the CSV texts too`, () => {
    const csv = { asOf, invoicesCsv, paymentsCsv: receiptsCsv(payments), creditsCsv: receiptsCsv(credits) };
    assert.deepEqual(api.aging(csv), api.aging(records));
    assert.deepEqual(api.paymentBehaviour(csv), api.paymentBehaviour(records));
    assert.deepEqual(api.metrics({ ...csv, periodDays: 91 }), api.metrics({ ...records, periodDays: 91 }));
    // A bad row is named by its line, the header being line 1: B is line 3.
    const bad = { ...csv, periodDays: 91, invoicesCsv: invoicesCsv.replace("2024-03-15", "2024-02-30") };
    assertArrearsError(thrown(() => api.metrics(bad)), "invalid_date", "invoicesCsv:3:dueDate");
  });

  test(`${style}: paymentBehaviour from a hand calculation`, () => {
    // c1, EUR, as of 2024-03-31:
    //   A 100.00 due 2024-01-31, closed by P1 on 2024-02-05: 5 days late
    //   B 300.00 due 2024-02-14, closed by P2 on 2024-02-10: early, 0 days late
    //   C  50.00 due 2024-03-15, open: 16 days past due
    // average (5 + 0) / 2 = 2.50; weighted (5 x 100 + 0 x 300) / 400 = 1.25; paid late 1 of 2
    // = 50 %; longest delay max(5, 16) = 16; account age 2024-01-01 to 2024-03-31 = 31 + 29 + 30.
    const out = api.paymentBehaviour({
      asOf,
      invoices: [
        { id: "A", customerId: "c1", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "100.00", currency: "EUR" },
        { id: "B", customerId: "c1", issueDate: "2024-01-15", dueDate: "2024-02-14", amount: "300.00", currency: "EUR" },
        { id: "C", customerId: "c1", issueDate: "2024-03-01", dueDate: "2024-03-15", amount: "50.00", currency: "EUR" },
      ],
      payments: [
        { id: "P1", customerId: "c1", date: "2024-02-05", amount: "100.00", currency: "EUR" },
        { id: "P2", customerId: "c1", date: "2024-02-10", amount: "300.00", currency: "EUR" },
      ],
    });
    assert.deepEqual(out.customers, [
      {
        customerId: "c1",
        currency: "EUR",
        invoices: 3,
        paidInvoices: 2,
        paidLate: 1,
        averageDaysLate: "2.50",
        weightedAverageDaysLate: "1.25",
        percentPaidLate: "50.00",
        longestDelayDays: 16,
        overdueInvoices: 1,
        lastPaymentDate: "2024-02-10",
        accountAgeDays: 90,
      },
    ]);
  });

  test(`${style}: metrics from a hand calculation`, () => {
    // 91 days to 2024-03-31: the period starts 2023-12-31 (31 + 29 + 31 days back).
    //   X 600.00 issued 2023-12-01, due 2023-12-31: open at the start (beginning 600.00)
    //   Y 1000.00 issued 2024-01-10, due 2024-02-09; Z 500.00 issued 2024-03-10, due 2024-04-09
    //   credit sales Y + Z = 1500.00
    //   payments 600.00 on 2024-01-20 (closes X, oldest first), 400.00 on 2024-02-20 (to Y)
    //   ending 600 (Y) + 500 (Z) = 1100.00; current: Z 500.00 (not yet due)
    // DSO 1100 / 1500 x 91 = 66.73; best possible 500 / 1500 x 91 = 30.33;
    // ADD 66.7333 - 30.3333 = 36.40; CEI (600 + 1500 - 1100) / (600 + 1500 - 500) = 62.50 %;
    // percent current 500 / 1100 = 45.45 %; countback (calendar months, asOf is a month end):
    // March sales 500 <= 1100, 31 days, 600 left; February sales 0, 29 days; January sales
    // 1000 > 600: 600 / 1000 x 31 = 18.6; 31 + 29 + 18.6 = 78.60.
    const out = api.metrics({
      asOf,
      periodDays: 91,
      invoices: [
        { id: "X", customerId: "c1", issueDate: "2023-12-01", dueDate: "2023-12-31", amount: "600.00", currency: "EUR" },
        { id: "Y", customerId: "c1", issueDate: "2024-01-10", dueDate: "2024-02-09", amount: "1000.00", currency: "EUR" },
        { id: "Z", customerId: "c1", issueDate: "2024-03-10", dueDate: "2024-04-09", amount: "500.00", currency: "EUR" },
      ],
      payments: [
        { id: "P1", customerId: "c1", date: "2024-01-20", amount: "600.00", currency: "EUR" },
        { id: "P2", customerId: "c1", date: "2024-02-20", amount: "400.00", currency: "EUR" },
      ],
    });
    assert.equal(out.periodStart, "2023-12-31");
    assert.deepEqual(out.currencies, [
      {
        currency: "EUR",
        beginningReceivables: "600.00",
        creditSales: "1500.00",
        endingReceivables: "1100.00",
        endingCurrentReceivables: "500.00",
        dso: "66.73",
        countbackDso: "78.60",
        bestPossibleDso: "30.33",
        averageDaysDelinquent: "36.40",
        collectionEffectivenessIndex: "62.50",
        percentCurrent: "45.45",
      },
    ]);
  });

  test(`${style}: ledger errors carry code and path`, () => {
    const error = (input) => thrown(() => api.aging({ asOf, ...input }));
    const usd = { id: "U", customerId: "c1", issueDate: "2024-01-01", dueDate: "2024-01-31", amount: "10.00", currency: "USD" };
    // One EUR payment applied to a EUR and a USD invoice.
    const mixed = { id: "P", customerId: "c1", date: "2024-02-01", amount: "20.00", currency: "EUR" };
    mixed.appliesTo = [
      { invoiceId: "A", amount: "10.00" },
      { invoiceId: "U", amount: "10.00" },
    ];
    assertArrearsError(error({ invoices: [invoices[0], usd], payments: [mixed] }), "currency_mismatch", "payments[0].appliesTo[1].invoiceId");
    assertArrearsError(error({ invoices: [{ ...invoices[0], amount: "0" }] }), "out_of_range", "invoices[0].amount");
    assertArrearsError(error({ invoices, payments: [{ ...payments[0], amount: "-5.00" }] }), "out_of_range", "payments[0].amount");
    assertArrearsError(error({ invoices: [invoices[0], { ...invoices[1], id: "A" }] }), "duplicate_id", "invoices[1].id");
    const applied = (invoiceId, amount) => ({ ...payments[0], amount, appliesTo: [{ invoiceId, amount }] });
    assertArrearsError(error({ invoices, payments: [applied("Z", "10.00")] }), "unknown_invoice", "payments[0].appliesTo[0].invoiceId");
    // A is 1000.00: 1000.01 is more than is open on it.
    assertArrearsError(error({ invoices, payments: [applied("A", "1000.01")] }), "over_applied", "payments[0].appliesTo[0].amount");
    assertArrearsError(error({ invoices: [{ ...invoices[0], amount: "1.005" }] }), "invalid_amount", "invoices[0].amount");
  });

  test(`${style}: agingBatch errors carry code and path`, () => {
    const batch = (input) => thrown(() => api.agingBatch({ asOf, ...input }));
    // Line 1 is the header: line 3 is invoice B.
    const badDate = invoicesCsv.replace("2024-03-15", "2024-02-30");
    assertArrearsError(batch({ invoicesCsv: badDate }), "invalid_date", "invoicesCsv:3:dueDate");
    assertArrearsError(batch({ invoicesCsv: invoicesCsv.replace("\nB,", "\nA,") }), "duplicate_id", "invoicesCsv:3:id");
    assertArrearsError(batch({ invoicesCsv, paymentsCsv: receiptsCsv([{ ...payments[0], invoiceId: "Z" }]) }), "unknown_invoice", "paymentsCsv:2:invoiceId");
    assertArrearsError(batch({ invoicesCsv: 42 }), "invalid_type", "invoicesCsv");
    assertArrearsError(batch({ invoicesCsv, paymentsCsv: [] }), "invalid_type", "paymentsCsv");
    assertArrearsError(batch({}), "missing_field", "invoicesCsv");
    assertArrearsError(batch({ invoicesCsv, invoices: {} }), "unknown_field", "invoices");
    assertArrearsError(thrown(() => api.agingBatch({ invoicesCsv })), "missing_field", "asOf");
    assertArrearsError(batch({ invoicesCsv, buckets: [60, 30] }), "out_of_range", "buckets[1]");

    const withColumn = (list, name, value) => {
      const input = columns();
      input[list] = { ...input[list], [name]: value };
      return thrown(() => api.agingBatch(input));
    };
    assertArrearsError(withColumn("invoices", "dueDate", new Float64Array(4)), "invalid_type", "invoices.dueDate");
    assertArrearsError(withColumn("invoices", "dueDate", [1, 2, 3, 4]), "invalid_type", "invoices.dueDate");
    assertArrearsError(withColumn("payments", "amountMinor", undefined), "missing_field", "payments.amountMinor");
    assertArrearsError(withColumn("payments", "amountMinor", Float64Array.of(60000, 5000)), "invalid_type", "payments.amountMinor");
    assertArrearsError(withColumn("invoices", "due", new Int32Array(4)), "unknown_field", "invoices.due");
    assertArrearsError(withColumn("invoices", "id", ["A", 7, "C", "D"]), "invalid_type", "invoices[1].id");
    assertArrearsError(withColumn("invoices", "dueDate", new Int32Array(3)), "invalid_input", "invoices.dueDate");
    assertArrearsError(withColumn("invoices", "id", ["A", "A", "C", "D"]), "duplicate_id", "invoices[1].id");
    assertArrearsError(withColumn("payments", "invoice", Int32Array.of(7, -1)), "unknown_invoice", "payments[0].invoice");
    assertArrearsError(withColumn("payments", "amountMinor", BigInt64Array.of(0n, 5000n)), "out_of_range", "payments[0].amountMinor");
    const noInvoices = columns();
    delete noInvoices.invoices;
    assertArrearsError(thrown(() => api.agingBatch(noInvoices)), "missing_field", "invoicesCsv");
    // The module keeps working after errors.
    assert.equal(api.agingBatch(columns()).total, "1100.00");
  });
}

test("agingBatch recovers from a trap like every other function", async () => {
  // The test build's modules before bundling, through its browser entry; the batch wrapper
  // over a glue whose CSV export traps (the test build's testTrap).
  const url = (file) => pathToFileURL(join(trapModules, file)).href;
  const api = await import(url("browser.js"));
  const glue = await import(url("glue/web.js"));
  const { markInitialised, wrapBatch } = await import(url("shared.js"));
  api.initSync({ module: readFileSync(join(trapPkg, "arrears_bg.wasm")) });
  const trappingGlue = { ...glue, agingBatchCsv: () => glue.testTrap(0) };
  markInitialised(trappingGlue);
  const trapping = wrapBatch(trappingGlue);
  for (let round = 0; round < 3; round++) {
    const e = thrown(() => trapping({ asOf, invoicesCsv }));
    assert.ok(e instanceof api.ArrearsError && e instanceof Error);
    assert.equal(e.code, "internal");
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    assert.equal(api.agingBatch({ asOf, invoicesCsv }).total, "1800.00"); // A + B + C
  }
});
