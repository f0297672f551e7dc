// The installed package (scripts/scratch.sh) bundled as users bundle it, unchanged: a tiny app
// built by esbuild (Node ESM, Node CommonJS, browser) and Vite (Node/SSR with the package
// bundled in, browser). The Node bundles run from another working directory; the browser
// bundles load in Debian's Chromium (playwright-core). Each must compute a real value and throw
// an ArrearsError with its code and path; the browser ones also `not_initialised` before init().
//
//   node --test tests/bundlers/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { build as esbuild } from "esbuild";
import { chromium } from "playwright-core";
import { build as vite } from "vite";
import { app } from "../js/helpers.mjs";

const dir = join(app, "bundlers");
const dist = join(dir, "dist");

/** Worked by hand: 31 January 2024 + 30 days = 1 March (29 days in February 2024). */
const EXPECTED = {
  value: "2024-03-01",
  error: { arrears: true, isError: true, code: "invalid_date", path: "issueDate" },
};
const CHECK = `function check(arrears) {
  const value = arrears.dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate;
  let error = null;
  try {
    arrears.dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
  } catch (e) {
    error = { arrears: e instanceof arrears.ArrearsError, isError: e instanceof Error, code: e.code, path: e.path };
  }
  return { value, error };
}
`;
/** The browser app: a call before init() must throw not_initialised; `init` is how it inits. */
const browserApp = (imports, init) => `${imports}
${CHECK}
let before = null;
try {
  arrears.dueDate({ issueDate: "2024-01-31", terms: "Net 30" });
} catch (e) {
  before = { arrears: e instanceof arrears.ArrearsError, code: e.code, path: e.path };
}
${init}.then(
  () => (window.result = { before, ...check(arrears) }),
  (e) => (window.result = { failed: String(e) }),
);
`;
const PAGE = (script) =>
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>arrears</title>' +
  `<script type="module" src="${script}"></script>`;

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = {
    "node-app.mjs": `import * as arrears from "arrears";\n${CHECK}console.log(JSON.stringify(check(arrears)));\n`,
    "node-app.cjs": `const arrears = require("arrears");\n${CHECK}console.log(JSON.stringify(check(arrears)));\n`,
    // esbuild's file loader copies the wasm and gives its URL.
    "esbuild-app.js": browserApp(
      'import * as arrears from "arrears";\nimport wasmUrl from "arrears/arrears_bg.wasm";',
      "arrears.init({ module_or_path: wasmUrl })",
    ),
    // Vite follows the glue's new URL("arrears_bg.wasm", import.meta.url) by itself.
    "vite-app.js": browserApp('import * as arrears from "arrears";', "arrears.init()"),
    "index.html": PAGE("./vite-app.js"),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});

/** Runs a Node bundle from an unrelated working directory and returns what it printed. */
function runNode(file) {
  const cwd = mkdtempSync(join(tmpdir(), "arrears-bundle-"));
  try {
    return JSON.parse(execFileSync(process.execPath, [file], { cwd, encoding: "utf8", timeout: 30_000 }));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const esbuildOptions = { absWorkingDir: dir, bundle: true, logLevel: "error" };

test("esbuild, Node ESM: the bundle runs", async () => {
  const outfile = join(dist, "esbuild-node.mjs");
  await esbuild({ ...esbuildOptions, entryPoints: ["node-app.mjs"], platform: "node", format: "esm", outfile });
  assert.deepEqual(runNode(outfile), EXPECTED);
});

test("esbuild, Node CommonJS: the bundle runs", async () => {
  const outfile = join(dist, "esbuild-node.cjs");
  await esbuild({ ...esbuildOptions, entryPoints: ["node-app.cjs"], platform: "node", format: "cjs", outfile });
  assert.deepEqual(runNode(outfile), EXPECTED);
});

test("Vite, Node (SSR build with the package bundled in): the bundle runs", async () => {
  const outDir = join(dist, "vite-node");
  await vite({
    root: dir,
    configFile: false,
    logLevel: "error",
    ssr: { noExternal: true },
    build: { ssr: "node-app.mjs", outDir, emptyOutDir: true },
  });
  assert.deepEqual(runNode(join(outDir, "node-app.js")), EXPECTED);
});

// ---- browsers ----

let server = null;
let browser = null; // a persistent context over a fresh profile directory
const profile = mkdtempSync(join(tmpdir(), "arrears-chromium-"));

/** A static server over dist/ on a free loopback port. */
async function serve() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const http = createServer((req, res) => {
    const file = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => http.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${http.address().port}/`, close: () => new Promise((r) => http.close(r)) };
}

/** Opens `path` in a fresh page and returns `window.result`, with every page problem. */
async function load(path) {
  server ??= await serve();
  browser ??= await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  try {
    await page.goto(server.url + path);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 15_000 });
    return { result: await page.evaluate(() => window.result), problems };
  } finally {
    await page.close();
  }
}

const BROWSER_EXPECTED = { before: { arrears: true, code: "not_initialised", path: "" }, ...EXPECTED };

test("esbuild, browser (the wasm by the file loader): the page computes", async () => {
  const outdir = join(dist, "esbuild-browser");
  await esbuild({
    ...esbuildOptions,
    entryPoints: ["esbuild-app.js"],
    platform: "browser",
    format: "esm",
    outdir,
    loader: { ".wasm": "file" },
  });
  writeFileSync(join(outdir, "index.html"), PAGE("./esbuild-app.js"));
  const { result, problems } = await load("esbuild-browser/index.html");
  assert.deepEqual(result, BROWSER_EXPECTED);
  assert.deepEqual(problems, []);
});

test("Vite, browser (the wasm by the glue's own URL): the page computes", async () => {
  const outDir = join(dist, "vite-browser");
  await vite({ root: dir, configFile: false, logLevel: "error", base: "./", build: { outDir, emptyOutDir: true } });
  const { result, problems } = await load("vite-browser/index.html");
  assert.deepEqual(result, BROWSER_EXPECTED);
  assert.deepEqual(problems, []);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});
