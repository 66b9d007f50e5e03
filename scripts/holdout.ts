/**
 * `npm run --silent holdout`: runs the parser on every blind hold-out notice
 * (test/holdout/<case>/input.txt) and prints, per case, the hand-read count
 * (facts.json), the count read, the kind, ok/✗, then the rates
 * (`exact count: K of N (P %)`, reports recognized, crashes).
 *
 * The parser is imported dynamically so this runs on the old API
 * (`parseNotice(text)`) and on a new one (a year option, a `documentKind`
 * classifier in src/lib/parse/kind.ts). Exit codes: 0 measured (whatever the
 * rate), 1 a hold-out case is unreadable or its facts are invalid, 2 usage.
 * An optional directory argument measures another set laid out the same way
 * (default test/holdout).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNotice } from '../src/lib/decode.ts';
import { formatReport, HoldoutFacts, outcomeOf, scoreCase, type CaseScore, type Outcome } from '../tools/bench/holdout.ts';
import { fail } from './cli.ts';
import { commandLine } from './lib/args.ts';

/** The year passed to a parser that asks for one (the hold-out notices' own years are in their facts). */
const FALLBACK_YEAR = 2024;

const root = fileURLToPath(new URL('..', import.meta.url));
const { positionals } = commandLine({ usage: 'usage: npm run --silent holdout [-- <dir of <case>/input.txt + facts.json>]', options: {}, positionals: { min: 0, max: 1 } });
const dir = positionals[0] ?? join(root, 'test', 'holdout');

type Parse = (text: string, options?: { year: number }) => unknown;
type Classify = (text: string) => unknown;

/** Returns the module at `relative` (from the project root), or undefined when it does not exist. */
async function load(relative: string): Promise<Record<string, unknown> | undefined> {
  const file = join(root, relative);
  if (!existsSync(file)) return undefined;
  const url = new URL(`file://${file}`).href;
  return (await import(url)) as Record<string, unknown>;
}

const noticeModule = await load('src/lib/parse/notice.ts');
const parseNotice = noticeModule?.['parseNotice'];
if (typeof parseNotice !== 'function') fail('holdout: error: src/lib/parse/notice.ts exports no parseNotice');
const kindModule = await load('src/lib/parse/kind.ts');
const documentKind = typeof kindModule?.['documentKind'] === 'function' ? (kindModule['documentKind'] as Classify) : undefined;

/** Whether a message asks for a year (the parse is then retried with the fallback year). */
function mentionsYear(message: unknown): boolean {
  return typeof message === 'string' && /\byear\b|年份|年度/i.test(message);
}

/** Whether a parse result is an error that asks for a year. */
function asksForYear(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || (result as { ok?: unknown }).ok !== false) return false;
  return mentionsYear((result as { error?: { message?: unknown } }).error?.message);
}

/** Returns the message of a thrown value. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns the parser's result for `text`, asked again with the fallback year when it refuses (or throws) for want of one. */
function parseWithYear(text: string): unknown {
  const parse = parseNotice as Parse;
  let result: unknown;
  try {
    result = parse(text);
  } catch (error) {
    if (!mentionsYear(messageOf(error))) throw error;
    return parse(text, { year: FALLBACK_YEAR });
  }
  return asksForYear(result) ? parse(text, { year: FALLBACK_YEAR }) : result;
}

/** Returns what the parser did with `text`, catching a throw as a crash. */
function run(text: string): Outcome {
  try {
    return outcomeOf(parseWithYear(text), documentKind?.(text));
  } catch (error) {
    return { status: 'crashed', message: messageOf(error) };
  }
}

if (!existsSync(dir)) fail(`${dir}: error: no hold-out directory`);
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const scores: CaseScore[] = [];
for (const name of cases) {
  const input = join(dir, name, 'input.txt');
  const factsFile = join(dir, name, 'facts.json');
  if (!existsSync(input)) fail(`${input}: error: no such file`);
  if (!existsSync(factsFile)) fail(`${factsFile}: error: no such file`);
  const decoded = decodeNotice(readFileSync(input));
  if (!decoded.ok) fail(`${input}: error: ${decoded.error.message}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(factsFile, 'utf8'));
  } catch (error) {
    fail(`${factsFile}: error: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const facts = HoldoutFacts.safeParse(raw);
  if (!facts.success) {
    const issue = facts.error.issues[0];
    fail(`${factsFile}: error: ${issue ? `${issue.path.join('.') || 'facts'}: ${issue.message}` : 'invalid facts'}`);
  }
  scores.push(scoreCase(name, facts.data, run(decoded.text)));
}
process.stdout.write(`hold-out: ${cases.length} notices, parser ${documentKind ? 'with' : 'without'} documentKind\n\n`);
process.stdout.write(formatReport(scores));
