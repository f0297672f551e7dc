// Writes the figures of README.md that come from a measurement, each between its markers
// (`<!-- figures:NAME ... -->` and `<!-- /figures -->`), so none is typed by hand:
//   size   the wasm and the package (the wasm and its JS files), raw and gzipped, as
//          `scripts/size.sh PKG` prints them for the built package (what `make build` prints)
//   speed  the headline ratios of the latest run in bench/README.md's "Results" (its first
//          table of median milliseconds). If its table cannot be read, the text is left as it
//          is and a warning printed; tests/js/figures.test.mjs then fails.
// `make build` runs it (the `figures` target) and copies the README into PKG, as build.sh
// does. tests/js/figures.test.mjs fails when the README's sizes are more than 2% off the
// installed package, or its speed text is not what bench/README.md gives.
// Usage: node scripts/figures.mjs [PKG_DIR]   (default pkg/)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(fileURLToPath(import.meta.url), "..", "..");

/** The text between `<!-- figures:NAME ... -->` and the next `<!-- /figures -->`. */
function regionPattern(name) {
  return new RegExp(`(<!-- figures:${name}\\b[^>]*-->\\n)([\\s\\S]*?)(<!-- /figures -->)`);
}

/** The text of README's region NAME (throws when the markers are missing). */
export function region(readme, name) {
  const m = readme.match(regionPattern(name));
  if (!m) throw new Error(`README.md has no <!-- figures:${name} --> ... <!-- /figures --> region`);
  return m[2];
}

/** README with region NAME's text replaced. */
export function withRegion(readme, name, text) {
  region(readme, name);
  return readme.replace(regionPattern(name), (_, open, __, close) => `${open}${text}${close}`);
}

const SIZE_LINE = /^size: (.+?) (\d+) bytes \([\d.]+ KiB\), gzipped (\d+) bytes \([\d.]+ KiB\)$/;

/**
 * The size lines `scripts/size.sh` prints (the wasm, then the wasm with the JS files), read
 * back: `{ lines, wasm: { raw, gzipped }, total: { raw, gzipped, jsFiles } }`.
 */
export function readSizeLines(text) {
  const lines = text.split("\n").filter((line) => line.startsWith("size: "));
  const parsed = lines.map((line) => line.match(SIZE_LINE));
  if (lines.length !== 2 || parsed.some((m) => !m)) {
    throw new Error(`expected the two size lines of scripts/size.sh, got:\n${text}`);
  }
  const [wasm, total] = parsed;
  const jsFiles = Number(total[1].match(/the wasm and (\d+) JS files/)?.[1]);
  if (!Number.isInteger(jsFiles)) throw new Error(`cannot read the number of JS files in: ${lines[1]}`);
  return {
    lines,
    wasm: { raw: Number(wasm[2]), gzipped: Number(wasm[3]) },
    total: { raw: Number(total[2]), gzipped: Number(total[3]), jsFiles },
  };
}

/** What `scripts/size.sh PKG` prints for the built package, read. */
export function measureSize(pkg = "pkg") {
  return readSizeLines(execFileSync(join(root, "scripts", "size.sh"), [pkg], { cwd: root, encoding: "utf8" }));
}

const bytes = (n) => `${n.toLocaleString("en-US")} bytes (${(n / 1024).toFixed(1)} KiB)`;

/** `text` as lines of at most 96 characters, broken at spaces (not at the tie `~`). */
function wrap(text) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > 96) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return `${[...lines, line].join("\n").replaceAll("~", " ")}\n`;
}

/** The size region's text. */
export function sizeText({ lines, wasm, total }) {
  return `${wrap(`The wasm is ${bytes(wasm.raw)}, ${bytes(wasm.gzipped)} gzipped. With the
${total.jsFiles} JS files a runtime may load, the package is ${bytes(total.raw)}, ${bytes(total.gzipped)}
gzipped. \`make build\` prints them on every build, and \`scripts/size.sh pkg\` again for a built
package:`)}
\`\`\`text
${lines.join("\n")}
\`\`\`
`;
}

/** The columns of bench/README.md's results table that the speed text reads. */
const COLUMNS = {
  aging: "(a) aging",
  csv: "(b) csv",
  columns: "(b) columns",
  tuned: "(c2) tuned",
  papaparse: "(c3) papaparse + c2",
};

const number = (cell) => Number(cell.replace(/,/g, ""));

/**
 * The latest run in bench/README.md: the first table of its "## Results" section with the
 * columns above, `{ date, cpus, paymentsPerInvoice, rows: Map(invoices -> { column: ms }) }`.
 */
export function benchResults(markdown) {
  const results = markdown.split(/^## Results\s*$/m)[1]?.split(/^## /m)[0];
  if (!results) throw new Error("bench/README.md has no '## Results' section");
  // The tables: runs of lines that start with "|".
  const tables = results
    .split("\n")
    .reduce((runs, line, i, all) => {
      if (line.startsWith("|")) {
        if (!all[i - 1]?.startsWith("|")) runs.push([]);
        runs.at(-1).push(line);
      }
      return runs;
    }, []);
  for (const table of tables) {
    const [header, , ...body] = table;
    const names = header.split("|").slice(1, -1).map((cell) => cell.trim());
    const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, names.indexOf(name)]));
    if (names[0] !== "invoices" || Object.values(at).some((i) => i < 0)) continue;
    const rows = new Map();
    for (const line of body) {
      const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
      rows.set(number(cells[0]), Object.fromEntries(Object.entries(at).map(([key, i]) => [key, number(cells[i])])));
    }
    const date = results.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1];
    const cpus = results.match(/\b(\d+) vCPUs\b/)?.[1];
    const paymentsPerInvoice = Number(markdown.match(/N invoices and ([\d.]+)·N\s+payments/)?.[1]);
    if (!date || !cpus || !paymentsPerInvoice) throw new Error("bench/README.md: no date, vCPUs or payments per invoice");
    return { date, cpus: Number(cpus), paymentsPerInvoice, rows };
  }
  throw new Error(`bench/README.md's Results have no table with the columns ${Object.values(COLUMNS).join(", ")}`);
}

/** The speed region's text. */
export function speedText({ date, cpus, paymentsPerInvoice, rows }) {
  const sizes = [...rows.keys()].sort((a, b) => a - b);
  const [small, large] = [sizes[0], sizes.at(-1)];
  const big = rows.get(large);
  const ratio = (a, b) => (a / b).toFixed(1);
  const n = (x) => x.toLocaleString("en-US");
  return wrap(`Speed against the JavaScript a team would write instead, at up to a million invoices,
is measured in [bench/README.md](bench/README.md). In its run of ${date}, at ${n(large)} invoices
and ${n(Math.round(large * paymentsPerInvoice))} payments on ${cpus} vCPUs, \`aging\` on plain objects is
${ratio(big.tuned, big.aging)} times faster than tuned decimal.js code, and \`agingBatch\`
${ratio(big.papaparse, big.csv)} times faster than papaparse in front of it (CSV) and
${ratio(big.tuned, big.columns)} times from typed columns, all to the cent (at ${n(small)} invoices,
\`agingBatch\` from CSV takes ${rows.get(small).csv}~ms).`);
}

/** README.md with both regions written from the package in `pkg` and bench/README.md. */
export function figures(readme, pkg = "pkg") {
  let out = withRegion(readme, "size", sizeText(measureSize(pkg)));
  try {
    out = withRegion(out, "speed", speedText(benchResults(readFileSync(join(root, "bench", "README.md"), "utf8"))));
  } catch (error) {
    console.warn(`figures: the speed figures are left as they are: ${error.message}`);
  }
  if (existsSync(join(root, "bench", "results.json"))) {
    console.warn("figures: bench/results.json exists; the speed figures are still read from bench/README.md");
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = process.argv[2] ?? "pkg";
  const file = join(root, "README.md");
  const before = readFileSync(file, "utf8");
  const after = figures(before, pkg);
  if (after !== before) writeFileSync(file, after);
  // The package ships the README (scripts/build.sh copies it before the wasm is measured).
  const packaged = resolve(root, pkg, "README.md");
  if (existsSync(packaged)) writeFileSync(packaged, after);
  console.log(`figures: README.md ${after === before ? "is current" : "updated"}`);
}
