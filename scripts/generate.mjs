// Generates the package's surface from what arrears-describe writes (the JSON Schemas and
// registry.json), so no list of entry points is kept by hand in JS, in the declarations or in
// the docs:
//   PKG/index.d.ts, PKG/index.d.cts  every schema type (json-schema-to-typescript), the
//                                    columns form of agingBatch (pkg/columns.d.ts, by hand),
//                                    ArrearsErrorCode, ArrearsError, init, initSync and one
//                                    signature per entry point with its doc and example
//   MODULES/glue/api.js              one wrapper per entry point, bundled into PKG/browser.js
//   docs/api.md                      the function list (with --docs; committed, tested)
// Usage: node scripts/generate.mjs DESCRIBE_DIR PKG_DIR MODULES_DIR
//        node scripts/generate.mjs --docs DESCRIBE_DIR [OUT]   (default docs/api.md)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile } from "json-schema-to-typescript";

const root = join(fileURLToPath(import.meta.url), "..", "..");

/**
 * Entry points whose JS form is not the plain JSON wrapper: agingBatch takes typed columns too
 * (its wrapper calls the exports agingBatchCsv and agingBatchColumns; pkg/columns.d.ts).
 */
const CUSTOM = {
  agingBatch: { wrapper: "wrapBatch(glue)", input: "AgingBatchCsvInput | AgingBatchColumnsInput" },
};

/**
 * registry.json and every `*.schema.json` of the directory arrears-describe wrote, but
 * policy.schema.json: its types are arrears.schema.json's too.
 */
export function readDescription(dir) {
  const registry = JSON.parse(readFileSync(join(dir, "registry.json"), "utf8"));
  const schemas = readdirSync(dir)
    .filter((file) => file.endsWith(".schema.json") && file !== "policy.schema.json")
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")));
  for (const name of Object.keys(CUSTOM)) {
    if (!registry.entryPoints.some((entry) => entry.name === name)) {
      throw new Error(`generate.mjs: CUSTOM names ${name}, which the registry does not have`);
    }
  }
  return { registry, schemas };
}

const refName = (schema) => schema.$ref.replace("#/$defs/", "");
const capitalised = (name) => name[0].toUpperCase() + name.slice(1);

/**
 * A doc comment as JS readers see it: without Rust examples (code blocks not marked `js`) and
 * with rustdoc links (`[`Receipt`]`) as plain code.
 */
function forJs(text) {
  return text
    .replace(/```([^\n]*)\n[\s\S]*?```\n?/g, (block, info) => (/^(js|ts)\b/.test(info) ? block : ""))
    .replace(/\[`([^`]+)`\](?!\()/g, "`$1`")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A copy of `schema` that json-schema-to-typescript turns into named, documented types. */
function prepare(schema) {
  if (Array.isArray(schema)) return schema.map(prepare);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, prepare(value)]));
  if (typeof copy.description === "string") copy.description = forJs(copy.description);
  // `{ $ref, description }` would be inlined with the target's doc; `allOf: [{ $ref }]` keeps
  // the type's name and the property's own doc.
  if (copy.$ref && Object.keys(copy).length > 1) {
    const { $ref, ...rest } = copy;
    return { allOf: [{ $ref }], ...rest };
  }
  return copy;
}

/** The TypeScript of one schema: every `$defs` type, each declared once, with its doc. */
async function schemaTypes(schema) {
  const name = "ArrearsSchemaRoot";
  let ts = await compile(prepare({ ...schema, title: name }), name, {
    additionalProperties: false,
    bannerComment: "",
    declareExternallyReferenced: true,
    format: true,
    style: { printWidth: 100 },
    unknownAny: true,
    unreachableDefinitions: true,
  });
  // The root holds nothing but $defs; json-schema-to-typescript notes where each came from.
  const rootType = `\nexport interface ${name} {\n  [k: string]: unknown;\n}\n`;
  if (!ts.includes(rootType)) throw new Error("generate.mjs: the root type was not where expected");
  ts = ts.replace(rootType, "\n");
  const note = ` \\*\\n \\* This interface was referenced by \`${name}\`'s JSON-Schema\\n \\* via the \`definition\` "\\w+"\\.\\n`;
  ts = ts.replaceAll(new RegExp(note, "g"), "");
  for (const type of Object.keys(schema.$defs)) {
    const declared = ts.match(new RegExp(`^export (?:type|interface) ${type}\\b`, "gm")) ?? [];
    if (declared.length !== 1) throw new Error(`generate.mjs: ${type} is declared ${declared.length} times`);
  }
  return ts.trim();
}

/** A JSDoc comment of `text` (markdown), `indent` before each line. */
function jsdoc(text, indent = "") {
  const lines = text.replaceAll("*/", "*\\/").split("\n");
  return [`${indent}/**`, ...lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`), `${indent} */`].join("\n");
}

/** An entry point's doc as JSDoc text: the description, then its ```js example under @example. */
function entryDoc(doc) {
  const at = doc.indexOf("```js");
  const description = (at < 0 ? doc : doc.slice(0, at)).trim();
  const example = at < 0 ? "" : `\n\n@example\n${doc.slice(at).trim()}`;
  return `${description}${example}\n@throws {ArrearsError} on bad input, with a \`code\` and a \`path\` into the input.`;
}

/** The declarations: index.d.ts (the same text serves as index.d.cts for require). */
export async function declarations({ registry, schemas }) {
  const defined = new Set(schemas.flatMap((schema) => Object.keys(schema.$defs)));
  const types = [];
  for (const schema of schemas) types.push(await schemaTypes(schema));
  const columns = readFileSync(join(root, "pkg", "columns.d.ts"), "utf8")
    .replace(/^import type .*\n/m, "")
    .replace(/^(\/\/.*\n)+\n?/, "")
    .trim();

  const aliases = [];
  const functions = [];
  for (const entry of registry.entryPoints) {
    const input = refName(entry.input);
    const output = refName(entry.output);
    // `DueDateInput`, `DueDateOutput` for every entry point, whatever its types are called.
    for (const [alias, type] of [
      [`${capitalised(entry.name)}Input`, input],
      [`${capitalised(entry.name)}Output`, output],
    ]) {
      if (alias === type) continue;
      if (defined.has(alias)) throw new Error(`generate.mjs: ${alias} is a schema type other than ${type}`);
      const verb = alias.endsWith("Input") ? "takes" : "returns";
      aliases.push(`/** What \`${entry.name}\` ${verb}: {@link ${type}}. */\nexport type ${alias} = ${type};`);
    }
    const signature = `export declare function ${entry.name}(input: ${CUSTOM[entry.name]?.input ?? input}): ${output};`;
    functions.push(`${jsdoc(entryDoc(entry.doc))}\n${signature}`);
  }

  const codes = registry.errorCodes.map(({ code, meaning }) => `  /** ${oneLine(meaning)} */\n  | ${JSON.stringify(code)}`);
  return `// Generated by scripts/generate.mjs from arrears-describe's schemas and registry.json
// (arrears ${registry.version}): do not edit. The types come from the Rust types of every input and
// output; the columns form of agingBatch is written by hand (pkg/columns.d.ts).

/**
 * arrears: a collections engine in WebAssembly. Every function takes one plain object and
 * returns one plain object; bad input throws {@link ArrearsError}.
 *
 * @example
 * \`\`\`ts
 * import { init, dueDate } from "arrears";
 * await init(); // needed in browsers only; a no-op elsewhere
 * dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate; // "2024-03-01"
 * \`\`\`
 * @packageDocumentation
 */

${types.join("\n\n")}

${columns}

${aliases.join("\n")}

/**
 * Every code an {@link ArrearsError} can carry. Codes are stable: never renamed or reused.
 * Generated from the Rust \`ErrorCode\` list.
 */
export type ArrearsErrorCode =
${codes.join("\n")};

/**
 * What every arrears function throws for bad input: a real \`Error\` with a stable \`code\` and a
 * \`path\` into the input in the caller's words (\`"terms.days"\`, \`"invoices[3].dueDate"\`; empty
 * for the input as a whole). Code \`internal\` means a bug in arrears; the module has already
 * been reset, so the next call works.
 *
 * @example
 * \`\`\`ts
 * try {
 *   dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
 * } catch (e) {
 *   if (e instanceof ArrearsError) console.log(e.code, e.path); // "invalid_date" "issueDate"
 * }
 * \`\`\`
 */
export declare class ArrearsError extends Error {
  constructor(message: string, code: ArrearsErrorCode, path?: string, options?: { cause?: unknown });
  /** Always \`"ArrearsError"\`. */
  readonly name: "ArrearsError";
  /** What went wrong, as a stable code. */
  readonly code: ArrearsErrorCode;
  /** Where in the input, for example \`"terms.days"\`; empty for the input as a whole. */
  readonly path: string;
}

/**
 * Where {@link init} finds the wasm: a URL (string or \`URL\`), a \`Request\` or \`Response\` or a
 * promise of one, the bytes, or a compiled \`WebAssembly.Module\`. The file is the package
 * subpath \`arrears/arrears_bg.wasm\`.
 */
export type InitInput = string | object;

/**
 * Loads the wasm. Browsers: \`await init()\` once before any other call (it fetches the wasm
 * next to the package's browser.js, or from \`module_or_path\`); a call before it throws
 * \`not_initialised\`. Node, Deno and workerd load it on import, and \`init()\` resolves at once.
 *
 * @example
 * \`\`\`ts
 * import wasmUrl from "arrears/arrears_bg.wasm"; // with esbuild's file loader
 * await init({ module_or_path: wasmUrl });
 * \`\`\`
 */
export declare function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<void>;

/** Loads the wasm synchronously from a compiled \`WebAssembly.Module\` or the wasm bytes. */
export declare function initSync(options: { module: object }): void;

${functions.join("\n\n")}
`;
}

const oneLine = (text) => text.replace(/\s+/g, " ").trim();

/** glue/api.js: one wrapper per entry point over the web glue, in the registry's order. */
export function wrappers({ registry }) {
  const lines = registry.entryPoints.map(
    ({ name }) => `export const ${name} = ${CUSTOM[name]?.wrapper ?? `wrap(glue, ${JSON.stringify(name)})`};`,
  );
  return `// Generated by scripts/generate.mjs from arrears-describe's registry.json (arrears ${registry.version}):
// do not edit. One wrapper per entry point; every runtime's entry file re-exports them.
import * as glue from "./web.js";
import { wrap, wrapBatch } from "../shared.js";

${lines.join("\n")}
`;
}

/** docs/api.md: every entry point with its doc and example, and the error codes. */
export function apiDocs({ registry }) {
  const entries = registry.entryPoints.map((entry) => {
    const input = CUSTOM[entry.name]?.input ?? refName(entry.input);
    return `### \`${entry.name}(input: ${input}): ${refName(entry.output)}\`\n\n${entry.doc.trim()}\n`;
  });
  const codes = registry.errorCodes.map(({ code, meaning }) => `| \`${code}\` | ${oneLine(meaning).replaceAll("|", "\\|")} |`);
  return `# API

<!-- Generated by \`make docs\` (scripts/generate.mjs) from the registry of entry points in
src/api/mod.rs: do not edit. A test in tests/js checks it is up to date. -->

Every function takes one plain object and returns one plain object; bad input throws an
\`ArrearsError\` with a \`code\` and a \`path\`. The types named here are in the package's
\`index.d.ts\`, generated from the JSON Schema it ships as \`arrears/schemas/arrears.schema.json\`.
Browsers call \`await init()\` once first (Node, Deno and workerd need not).

## Functions

${entries.join("\n")}
## Error codes

| code | meaning |
|---|---|
${codes.join("\n")}
`;
}

async function main(args) {
  if (args[0] === "--docs") {
    const [, dir, out = join(root, "docs", "api.md")] = args;
    writeFileSync(out, apiDocs(readDescription(dir)));
    return;
  }
  const [dir, pkg, modules] = args;
  if (!dir || !pkg || !modules) {
    throw new Error("usage: node scripts/generate.mjs DESCRIBE_DIR PKG_DIR MODULES_DIR | --docs DESCRIBE_DIR [OUT]");
  }
  const description = readDescription(dir);
  const types = await declarations(description);
  writeFileSync(join(pkg, "index.d.ts"), types);
  // A .d.ts in a "type": "module" package is ESM: require() gets the same text as CommonJS.
  writeFileSync(join(pkg, "index.d.cts"), types);
  writeFileSync(join(modules, "glue", "api.js"), wrappers(description));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
