// What the wasm is made of: the release wasm (as `make build` leaves it in target/) run through
// wasm-bindgen with --keep-debug and `wasm-opt -O3 -g` (with build.sh's inlining limit), so the function names stay, then
// `twiggy top`, each function's bytes added to its module. Sizes are raw (before gzip) and
// within a few per cent of the shipped file, which is the same code without the names.
//
//   node bench/size-parts.mjs [WASM]     (default target/wasm32-unknown-unknown/release/arrears.wasm;
//                                         needs twiggy: `cargo install twiggy`)
//
// How a function is counted: by the path of its name (`arrears::ledger::...` is the ledger;
// `<arrears::policy::Policy as arrears::json::Encode>::...` is JSON code written per type by
// arrears-derive); an export's shim, where LTO inlined the entry point's body, is counted with
// its entry point's module; `core`, `alloc` and `std` by their sort, formatting and the rest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const wasm = process.argv[2] ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown', 'release', 'arrears.wasm');
const twiggy = process.env.TWIGGY ?? join(homedir(), '.cargo', 'bin', 'twiggy');

// Entry points by module (their exports' shims hold their inlined bodies).
const ENTRY_MODULES = {
  dates: 'yearFraction isBusinessDay adjustDate addBusinessDays businessDaysBetween holidays',
  terms: 'dueDate discountedAmount',
  ledger: 'aging agingBatch agingBatchCsv agingBatchColumns paymentBehaviour metrics',
  charges: 'charges quote referenceRates',
  plans: 'paymentPlan planStatus promiseStatus settlementOffers agreementText',
  strategy: 'nextAction nextActions timeline contactAllowed describePolicy defaultPolicy',
};
const moduleOfEntry = new Map(Object.entries(ENTRY_MODULES).flatMap(([m, names]) => names.split(' ').map((n) => [n, m])));
const PRIMITIVE = /^(char|str|bool|[iu](8|16|32|64|128|size)|f32|f64|T|D|dyn .*)$/;

/** The part a function (or section) of the wasm belongs to, or undefined for the name section. */
function part(name) {
  if (/function names|subsection/.test(name)) return undefined;
  if (/^data segment|^data\[/.test(name)) return 'data (tables, texts)';
  const shim = name.match(/^(\w+) multivalue shim$/);
  if (shim) return moduleOfEntry.has(shim[1]) ? `arrears::${moduleOfEntry.get(shim[1])}` : 'arrears::js (bindings, allocator)';
  if (/^(elem|table|type|import|export|global|memory)\b|section|^wasm magic|externref shim|-> Externref/.test(name)) {
    return 'wasm structure and glue shims';
  }
  let path = name;
  const impl = name.match(/^<(.+?) as (.+?)>::/);
  if (impl) {
    if (/^arrears(_hot|_cold)?(\[\w+\])?::json::/.test(impl[2])) return 'arrears::json, per type (derived readers and writers)';
    const type = impl[1].replace(/^[&*[(]+|mut /g, '');
    path = /^(core|alloc|std)\b/.test(type) || PRIMITIVE.test(type.split('<')[0]) ? impl[2] : type;
  }
  path = path.replace(/^[<&*]+/, '');
  const [first, second] = path.split('::');
  const crate = first.replace(/\[[0-9a-f]+\]$/, '').replace(/>+$/, '');
  // The core is compiled in two crates for two opt-levels (DESIGN.md, "Size").
  if (['arrears', 'arrears_hot', 'arrears_cold'].includes(crate)) {
    if (second === 'js') return 'arrears::js (bindings, allocator)';
    return second === 'json' ? 'arrears::json (reader and writer)' : `arrears::${second}`;
  }
  if (['core', 'alloc', 'std'].includes(crate) || PRIMITIVE.test(crate)) {
    if (/slice::sort/.test(path)) return 'core sort';
    if (/::fmt\b/.test(path)) return 'core fmt';
    return 'core, alloc, std (the rest)';
  }
  if (crate === 'dlmalloc') return 'dlmalloc (the allocator)';
  if (crate === 'compiler_builtins' || /^(mem(cpy|set|move|cmp)|__)/.test(crate)) return 'compiler builtins (memcpy, ...)';
  return crate;
}

const tmp = mkdtempSync(join(tmpdir(), 'arrears-size-'));
try {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  run('wasm-bindgen', [wasm, '--target', 'web', '--out-dir', tmp, '--out-name', 'arrears', '--no-typescript',
    '--experimental-reset-state-function', '--keep-debug']);
  const named = join(tmp, 'named.wasm');
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), ['-O3', '--converge', '--one-caller-inline-max-function-size', '0', '--low-memory-unused', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    join(tmp, 'arrears_bg.wasm'), '-o', named]);
  const csv = run(twiggy, ['top', '-n', '1000000', '--format', 'csv', named]);
  const sizes = new Map();
  let total = 0;
  for (const line of csv.trim().split('\n').slice(1)) {
    // Name,ShallowSize,...: the name is quoted when it holds a comma.
    const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!m) continue;
    const name = m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1];
    const p = part(name);
    if (!p) continue;
    sizes.set(p, (sizes.get(p) ?? 0) + Number(m[2]));
    total += Number(m[2]);
  }
  console.log(`${wasm}: ${total.toLocaleString('en')} bytes of code and data (names left out)\n`);
  console.log('| part | bytes | share |\n|---|---|---|');
  for (const [p, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
    console.log(`| ${p} | ${bytes.toLocaleString('en')} | ${((100 * bytes) / total).toFixed(1)}% |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
