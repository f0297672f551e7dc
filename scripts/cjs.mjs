// Writes an ES module without imports (pkg/shared.js) as CommonJS, so require() and import
// share one handwritten source. Usage: node scripts/cjs.mjs IN OUT
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
const source = readFileSync(input, "utf8");
const names = [...source.matchAll(/^export (?:class|function|const) (\w+)/gm)].map((m) => m[1]);
const body = source.replace(/^export (class|function|const) /gm, "$1 ");
const header = `"use strict";\n// Generated from ${input} by scripts/cjs.mjs: edit that file.\n`;
writeFileSync(output, `${header}${body}\nmodule.exports = { ${names.join(", ")} };\n`);
