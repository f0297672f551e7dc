// The pure part of the reminders service: deciding a batch of accounts, picking the reminders
// due at an instant, and splitting a portfolio into batches by customer. No bindings, no clock:
// the worker (worker.js) reads and writes, and Node can run the same functions (the tests do).
import { ArrearsError, nextActions } from "arrears";

/**
 * The next action of every account of `input` ({ accounts, history?, policy? }) at `now`.
 *
 * One bad account does not hold back the others: when `nextActions` refuses an account (an
 * error whose path is `accounts[i]...`, or `history[j]...` of an account's history), that
 * account is left out, its error kept under its id with the path inside the account, and the
 * rest decided again. Returns `{ results, errors }`: `results` in the order of
 * `input.accounts`, `errors` `{ [accountId]: { code, path, message } }`. An error that names no
 * account (a bad policy, a bad `now`) is thrown: no account of the batch can be decided.
 */
export function decideBatch(input, now) {
  let accounts = input.accounts;
  let history = input.history ?? [];
  const errors = {};
  // Each round removes one account, so this ends; the bound only caps the work on a batch in
  // which everything is bad.
  for (let round = 0; round <= 100; round++) {
    try {
      const { results } = nextActions({ accounts, history, policy: input.policy, now });
      return { results, errors };
    } catch (e) {
      const culprit = e instanceof ArrearsError ? blame(e, accounts, history) : undefined;
      if (culprit === undefined) throw e;
      errors[culprit.id] = { code: e.code, path: culprit.path, message: e.message };
      accounts = accounts.filter((account, i) => i !== culprit.index);
      history = history.filter((item) => item?.accountId !== culprit.id);
    }
  }
  throw new PortfolioError(`more than 100 accounts of this batch are bad (${Object.keys(errors).length} so far)`);
}

/** The account an error of `nextActions` names, with the path inside that account. */
function blame(e, accounts, history) {
  const inAccount = /^accounts\[(\d+)\](.*)$/.exec(e.path);
  if (inAccount) {
    const index = Number(inAccount[1]);
    const id = accounts[index]?.id;
    if (typeof id !== "string") return { index, id: `accounts[${index}]`, path: e.path };
    return { index, id, path: inAccount[2].replace(/^\./, "") };
  }
  const inHistory = /^history\[(\d+)\](.*)$/.exec(e.path);
  if (inHistory) {
    const item = history[Number(inHistory[1])];
    const index = accounts.findIndex((account) => account.id === item?.accountId);
    if (index >= 0) return { index, id: item.accountId, path: `history${inHistory[2]}` };
  }
  return undefined;
}

/**
 * The reminders due at `at` (milliseconds since 1970) among `results`: active accounts whose
 * next action's earliest compliant instant is `at` or before, each with its audit record; and
 * the counts of those and of the others, by why they are not due.
 */
export function dueReminders(results, at) {
  const reminders = [];
  const counts = { due: 0, later: 0, nothingToDo: 0, held: 0, stopped: 0 };
  for (const r of results) {
    if (r.standing !== "active") {
      counts[r.standing]++;
    } else if (r.action === undefined) {
      counts.nothingToDo++;
    } else if (Date.parse(r.at) > at) {
      counts.later++;
    } else {
      counts.due++;
      const { accountId, action, channel, template, segment, audit } = r;
      reminders.push({ accountId, action, channel, template, at: r.at, segment, audit });
    }
  }
  return { reminders, counts };
}

/**
 * A portfolio ({ accounts, history?, policy? }, as `nextActions` takes it) in batches of at
 * most `batchSize` accounts, by customer: the accounts ordered by a hash of their id
 * (`fnv1a`, then the id), so each batch holds a range of hashes and mixes time zones and
 * segments, and cut into runs of `batchSize`; every history item goes with its account, so a
 * batch can be decided alone. Batch ids are `b<index>`; the same portfolio always gives the
 * same batches. History items naming no account of the portfolio are counted in
 * `orphanHistory` and left out (nextActions would refuse them).
 */
export function splitPortfolio(portfolio, batchSize) {
  if (portfolio === null || typeof portfolio !== "object" || !Array.isArray(portfolio.accounts)) {
    throw new PortfolioError("a portfolio is an object with an array `accounts`");
  }
  if (portfolio.history !== undefined && !Array.isArray(portfolio.history)) {
    throw new PortfolioError("`history` of a portfolio is an array");
  }
  const { accounts, history = [], policy } = portfolio;
  const historyOf = new Map();
  const keyed = accounts.map((account, i) => {
    if (account === null || typeof account !== "object" || typeof account.id !== "string") {
      throw new PortfolioError(`accounts[${i}] has no string \`id\``);
    }
    if (historyOf.has(account.id)) throw new PortfolioError(`accounts[${i}].id '${account.id}' is the id of an earlier account`);
    historyOf.set(account.id, []);
    return { hash: fnv1a(account.id), account };
  });
  keyed.sort((a, b) => a.hash - b.hash || (a.account.id < b.account.id ? -1 : 1));
  let orphanHistory = 0;
  for (const item of history) {
    const list = historyOf.get(item?.accountId);
    if (list) list.push(item);
    else orphanHistory++;
  }
  const count = Math.ceil(keyed.length / batchSize);
  const width = String(Math.max(0, count - 1)).length;
  const batches = [];
  for (let i = 0; i < count; i++) {
    const members = keyed.slice(i * batchSize, (i + 1) * batchSize).map((k) => k.account);
    batches.push({
      id: `b${String(i).padStart(width, "0")}`,
      accounts: members,
      history: members.flatMap((account) => historyOf.get(account.id)),
      ...(policy === undefined ? {} : { policy }),
    });
  }
  return { batches, orphanHistory };
}

/**
 * A portfolio that cannot be split (not the shape `nextActions` takes, or duplicate ids), or a
 * batch with more bad accounts than `decideBatch` sets aside: retrying cannot help.
 */
export class PortfolioError extends Error {
  constructor(message) {
    super(message);
    this.name = "PortfolioError";
  }
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`: a stable, well-spread shard key. */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** An instant as RFC 3339 in UTC, whole seconds without `.000`: `2026-03-10T02:00:00Z`. */
export function stamp(ms) {
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}
