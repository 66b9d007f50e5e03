/**
 * `npm run --silent corpus -- --notices N --seed S --out DIR [--year Y] [--per-notice M] [--force]`
 *
 * Writes a synthetic benchmark corpus: `DIR/notices/<year>/<slug>.txt` and
 * `<slug>.yaml` for N notices of about M commitments each (default 33), in
 * the layouts of the built-in notices and recombined from their lines
 * (`tools/bench/`), plus `DIR/corpus.json` (what each notice holds). The
 * same seed and options give byte-identical files. Then:
 *
 *   MINSHENG_CONTENT_DIR=DIR npm run ingest
 *   MINSHENG_CONTENT_DIR=DIR npx astro build --outDir DIR-site
 *
 * The sample pool is read from the project's own `content/notices/` (not from
 * `$MINSHENG_CONTENT_DIR`). DIR must hold no notices yet; `--force` empties
 * `DIR/notices` and `DIR/commitments` first.
 */
import { commitmentsDir, noticesDir } from '../src/lib/content/paths.ts';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { generateCorpus } from '../tools/bench/corpus.ts';
import { buildPool } from '../tools/bench/pool.ts';
import { filesBelow } from '../src/lib/files.ts';
import { fail } from './cli.ts';
import { commandLine } from './lib/args.ts';

const usage = 'usage: npm run --silent corpus -- --notices N --seed S --out DIR [--year Y] [--per-notice M] [--force]';
const { values } = commandLine({
  usage,
  options: {
    notices: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    year: { type: 'string' },
    'per-notice': { type: 'string' },
    force: { type: 'boolean' },
  },
});
const force = values.force === true;

/** Returns a whole-number option, or fails naming it. */
function integer(name: 'notices' | 'year' | 'per-notice', fallback?: number): number {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback === undefined) fail(`${usage}  (--${name} is required)`, 2);
    return fallback;
  }
  if (!/^\d+$/u.test(raw)) fail(`corpus: error: --${name} must be a whole number, not “${raw}”`, 2);
  return Number(raw);
}

const notices = integer('notices');
const year = integer('year', 2023);
const perNotice = integer('per-notice', 33);
const seed = values.seed;
const outArg = values.out;
if (seed === undefined || seed === '') fail(`${usage}  (--seed is required)`, 2);
if (outArg === undefined || outArg === '') fail(`${usage}  (--out is required)`, 2);
if (notices < 1) fail('corpus: error: --notices must be at least 1', 2);
if (perNotice < 1 || perNotice > 999) fail('corpus: error: --per-notice must be from 1 to 999', 2);
if (year < 1949 || year > 2200) fail('corpus: error: --year must be from 1949 to 2200', 2);

const project = resolve(import.meta.dirname, '..');
const out = resolve(outArg);
const builtIn = join(project, 'content');
if (out === builtIn || out === project || builtIn.startsWith(out + sep)) fail(`corpus: error: ${outArg} is (or holds) the project's own content; choose another directory`, 2);

/** Every `.txt` below a directory, sorted (the sample pool's order is part of the corpus). */
function texts(dir: string): string[] {
  return filesBelow(dir, '.txt').map((f) => join(dir, f));
}

const poolFiles = texts(join(builtIn, noticesDir));
if (poolFiles.length === 0) fail(`corpus: error: no built-in notice under ${relative(process.cwd(), builtIn)}/notices to sample from`);
const pool = buildPool(poolFiles.map((f) => readFileSync(f, 'utf8')));

const existing = texts(join(out, noticesDir));
if (existing.length > 0) {
  if (!force) fail(`corpus: error: ${outArg}/notices already holds ${existing.length} notice(s); choose an empty directory or pass --force`, 2);
  rmSync(join(out, noticesDir), { recursive: true, force: true });
  rmSync(join(out, commitmentsDir), { recursive: true, force: true });
}

const started = performance.now();
const corpus = generateCorpus(pool, { seed, notices, year, perNotice });
for (const file of corpus.files) {
  const path = join(out, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.contents);
}
const m = corpus.manifest;
process.stdout.write(
  `corpus: ${m.notices} notices, ${m.commitments} commitments (seed ${JSON.stringify(seed)}, year ${year}, ~${perNotice} per notice) ` +
    `in ${Math.round(performance.now() - started)} ms → ${relative(process.cwd(), out) || '.'}/ ` +
    `[layouts ${Object.entries(m.layouts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; pool ${pool.items.length} items, sha256 ${pool.sha256.slice(0, 12)}]\n`,
);
