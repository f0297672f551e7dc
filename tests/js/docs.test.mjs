// Docs as tests: every ```js and ```ts block of README.md and docs/*.md runs against the
// installed package (tests/js/scratch/app), and every output it shows is checked.
//
// The convention (docs/README.md says the same for doc writers):
// - A statement followed by a comment `// → VALUE` (on its own line after the statement, or at
//   the end of the statement's last line) must give a value that deep-equals VALUE (strictly:
//   a field left out is not a field set to undefined). VALUE is a JS expression, read from the
//   `// →` line and, while it is not yet complete, the comment lines after it; it is evaluated
//   where the statement is, so it may name what the doc defined before (`// → dueDate(...)`).
//   The statement is the shortest run of lines ending at the comment that is a complete
//   expression.
// - `// throws ArrearsError CODE at PATH` after a statement: it must throw an ArrearsError with
//   that code and path (PATH as written, no quotes, to the end of the line).
// - Other comments are prose: put the hand check ("182 days / 360") on its own comment line
//   after the value, never on the `// →` line.
// - No abbreviated outputs (`...`): show the whole value, or select the part shown
//   (`aging(...).buckets[2]`).
// - Each file's blocks run in order as one ES module, so a block may use what an earlier block
//   of the same file defined; `import ... from "arrears"` lines are gathered at its top (a name
//   may be imported in several blocks). Every check must run (a check inside a `catch` that is
//   never reached fails). Top-level `await` and `export` work. A ```ts block is stripped of its
//   types by esbuild first.
// - A block marked ```js no-run is not run; the text around it says why. Keep them rare.
// - ```sh, ```jsonc and other blocks are not run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { app, installedPackage, root } from "./helpers.mjs";

/** The documents whose examples run: README.md and docs/*.md. */
const DOCS = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => `docs/${file}`),
];

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

/** Whether `text` is one complete JS expression (await allowed). */
function isExpression(text) {
  try {
    new AsyncFunction(`return (\n${text}\n);`);
    return true;
  } catch {
    return false;
  }
}

/** The ```js and ```ts blocks of a markdown text: language, whether no-run, first line, lines. */
function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(\s*)(`{3,})(\S*)\s*(.*)$/);
    if (!open) continue;
    const [, indent, fence, lang, info] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith(indent + fence)) end++;
    if (lang === "js" || lang === "ts") {
      blocks.push({
        lang,
        noRun: /\bno-run\b/.test(info),
        line: i + 2, // 1-based number of the block's first code line
        lines: lines.slice(i + 1, end).map((line) => line.slice(indent.length)),
      });
    }
    i = end;
  }
  return blocks;
}

const ARROW = /^(.*?)\/\/ → ?(.*)$/;
const THROWS = /^(.*?)\/\/ throws ArrearsError (\S+) at (.+?)\s*$/;
const THROWS_LOOSE = /\/\/ throws\b/;

/**
 * One block as module code: each checked statement becomes a call of `__check` or `__throws`
 * (which gives the statement's value back, so `const x = f(); // → 1` still defines x).
 * `checks` receives { id, at } for each; `imports` the block's import statements.
 */
function blockCode(block, file, checks, imports) {
  const out = [];
  const lines = [...block.lines];
  // Import statements (one or several lines) move to the top of the module.
  const text = lines.join("\n").replace(/^import\s[^;]*?\sfrom\s*["'][^"']+["'];?/gm, (statement) => {
    imports.push(statement);
    return "\n".repeat(statement.split("\n").length - 1);
  });
  const code = text.split("\n");
  let chunk = 0; // first line of the statement being looked for
  for (let i = 0; i < code.length; i++) {
    const arrow = code[i].match(ARROW);
    const throws = code[i].match(THROWS);
    const at = `${file}:${block.line + i}`;
    if (!arrow && !throws) {
      if (THROWS_LOOSE.test(code[i])) {
        checks.push({ id: checks.length, at, error: "write the check as `// throws ArrearsError CODE at PATH`" });
      }
      continue;
    }
    const [, before] = arrow ?? throws;
    // The statement: its lines end here (inline) or on the line before (a comment line).
    const last = before.trim() === "" ? i - 1 : i;
    const statementLines = code.slice(chunk, last + 1);
    if (last === i) statementLines[statementLines.length - 1] = before;
    let statement;
    for (let k = 1; k <= statementLines.length; k++) {
      const tail = statementLines.slice(-k).join("\n").replace(/;(\s*(?:\/\/.*)?)$/, "$1");
      if (tail.trim() !== "" && !/^\s*\/\//.test(tail) && isExpression(tail)) {
        statement = { tail, from: last - k + 1 };
        break;
      }
    }
    // The value: the `// →` line and, while it is not a complete expression, the comment
    // lines after it.
    let valueEnd = i;
    let value = arrow?.[2];
    while (arrow && !isExpression(value) && /^\s*\/\//.test(code[valueEnd + 1] ?? "")) {
      valueEnd++;
      value += `\n${code[valueEnd].replace(/^\s*\/\//, "")}`;
    }
    const id = checks.length;
    // A malformed check fails on its own; its lines are left to run as they are.
    if (!statement) {
      checks.push({ id, at, error: "no statement that is a complete expression ends just before this check" });
      continue;
    }
    if (arrow && !isExpression(value)) {
      checks.push({ id, at, error: `the value after // → is not a complete JS expression: ${arrow[2]}` });
      continue;
    }
    let call;
    if (arrow) {
      checks.push({ id, at, kind: "value" });
      call = `__check(${id}, () => (\n${statement.tail}\n), () => (\n${value}\n));`;
    } else {
      checks.push({ id, at, kind: "throws", code: throws[2], path: throws[3] });
      call = `__throws(${id}, () => (\n${statement.tail}\n));`;
    }
    out.push(...code.slice(chunk, statement.from), call);
    chunk = valueEnd + 1;
    i = valueEnd;
  }
  out.push(...code.slice(chunk));
  const body = out.join("\n");
  return block.lang === "ts" ? transformSync(body, { loader: "ts", format: "esm" }).code : body;
}

/**
 * A doc file's blocks as one ES module's text, and its checks. Every export of the package
 * (`exported`, its names) is imported, so a block need not import what it calls.
 */
function docModule(file, markdown, exported) {
  const checks = [];
  const imports = [];
  const parts = [];
  for (const block of codeBlocks(markdown)) {
    if (block.noRun) continue;
    parts.push(`__block(${JSON.stringify(`${file}:${block.line}`)});`, blockCode(block, file, checks, imports));
  }
  // One import per module and name, whichever blocks import it.
  const named = new Map([["arrears", new Set(exported)]]);
  const other = new Set();
  for (const statement of imports) {
    const m = statement.match(/^import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/);
    if (!m) {
      other.add(statement.replace(/\s+/g, " "));
      continue;
    }
    const names = named.get(m[2]) ?? new Set();
    for (const name of m[1].split(",").map((s) => s.trim().replace(/\s+/g, " "))) if (name) names.add(name);
    named.set(m[2], names);
  }
  const header = [
    ...[...named].map(([from, names]) => `import { ${[...names].join(", ")} } from ${JSON.stringify(from)};`),
    ...other,
    "const { __check, __throws, __block } = globalThis.__docs;",
  ];
  return { code: `${header.join("\n")}\n${parts.join("\n")}\n`, checks };
}

for (const file of DOCS) {
  test(`${file}: every example gives the output it shows`, async (t) => {
    const { esm } = await installedPackage();
    const { ArrearsError } = esm;
    const { code, checks } = docModule(file, readFileSync(join(root, file), "utf8"), Object.keys(esm));
    const results = new Map();
    let block = "(the module's imports)";
    globalThis.__docs = {
      __block: (at) => {
        block = at;
      },
      __check(id, actual, expected) {
        let value;
        try {
          value = actual();
          assert.deepStrictEqual(value, expected());
          results.set(id, null);
        } catch (error) {
          results.set(id, error);
        }
        return value;
      },
      __throws(id, call) {
        const { code: wanted, path } = checks[id];
        try {
          call();
          results.set(id, new Error(`expected ArrearsError ${wanted} at ${path}, nothing was thrown`));
        } catch (e) {
          try {
            assert.ok(e instanceof ArrearsError, `expected an ArrearsError, got ${e}`);
            assert.deepEqual({ code: e.code, path: e.path }, { code: wanted, path }, e.message);
            results.set(id, null);
          } catch (error) {
            results.set(id, error);
          }
        }
      },
    };
    // In the scratch app, so that "arrears" is the installed package; one file per process.
    const module = join(app, `docs-${file.replace(/\W/g, "_")}-${process.pid}.mjs`);
    writeFileSync(module, code);
    try {
      await import(pathToFileURL(module).href);
    } catch (error) {
      assert.fail(`${file}: the block at ${block} threw: ${error.stack ?? error}`);
    } finally {
      rmSync(module, { force: true });
    }
    for (const check of checks) {
      await t.test(check.at, () => {
        if (check.error) assert.fail(`${check.at}: ${check.error}`);
        assert.ok(results.has(check.id), `${check.at}: the check never ran`);
        const error = results.get(check.id);
        if (error) throw error;
      });
    }
  });
}
