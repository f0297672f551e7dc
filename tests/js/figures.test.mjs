// README.md's figures against what they measure (scripts/figures.mjs writes them, `make build`
// runs it): the sizes within 2% of the installed package, measured here on its own (zlib's
// gzip at level 9, not scripts/size.sh), so a README left stale by a change fails; the speed
// text as bench/README.md's latest results give it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { benchResults, readSizeLines, region, sizeText, speedText } from "../../scripts/figures.mjs";
import { app, root } from "./helpers.mjs";

const readme = readFileSync(join(root, "README.md"), "utf8");
const installed = join(app, "node_modules", "arrears");

/** The files scripts/size.sh counts: the wasm, then every JS file a runtime may load. */
function packageFiles(dir) {
  const js = (sub) =>
    readdirSync(join(dir, sub))
      .filter((file) => /\.(js|mjs|cjs)$/.test(file))
      .sort()
      .map((file) => join(dir, sub, file));
  return [join(dir, "arrears_bg.wasm"), ...js(".")];
}

function measured(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

const within = (shown, actual, what) => {
  const off = Math.abs(shown - actual) / actual;
  assert.ok(off <= 0.02, `${what}: README.md says ${shown}, the package has ${actual} (${(off * 100).toFixed(1)}% off): run make build`);
};

test("README.md's sizes are within 2% of the installed package", () => {
  const shown = readSizeLines(region(readme, "size"));
  const [wasmFile, ...jsFiles] = packageFiles(installed);
  const wasm = measured(wasmFile);
  const total = [wasmFile, ...jsFiles].map(measured).reduce((a, b) => ({ raw: a.raw + b.raw, gzipped: a.gzipped + b.gzipped }));
  within(shown.wasm.raw, wasm.raw, "the wasm");
  within(shown.wasm.gzipped, wasm.gzipped, "the wasm gzipped");
  within(shown.total.raw, total.raw, "the package");
  within(shown.total.gzipped, total.gzipped, "the package gzipped");
  assert.equal(shown.total.jsFiles, jsFiles.length, "the number of JS files");
});

test("README.md's size text is what scripts/figures.mjs writes from its size lines", () => {
  const text = region(readme, "size");
  assert.equal(text, sizeText(readSizeLines(text)), "the size text was edited by hand: run make figures");
});

test("README.md's speed text is what bench/README.md's latest results give", () => {
  const bench = benchResults(readFileSync(join(root, "bench", "README.md"), "utf8"));
  assert.equal(region(readme, "speed"), speedText(bench), "stale speed figures: run make figures");
});
