/**
 * `node scripts/bench-incremental.ts [--notices 100] [--seed bench] [--per-notice 33] [--jobs 2]
 *   [--no-whole] [--search] [--search-max-pages 20000] [--keep]`
 *
 * Prints figures (it is no test) for the sharded and incremental builds on a
 * synthetic corpus (`npm run corpus`): one `astro build` of the whole site
 * (as `npm run build` runs it; `--no-whole` skips it), the same site built
 * cold by `build-shards --incremental --jobs N` (empty cache), and then one
 * notice added (ingest, then `build-shards --incremental` again). Each step's
 * wall time, CPU time and the peak RSS of its whole process tree (polled from
 * /proc every 250 ms), with the load average around it: the machine may be
 * shared. `--search` also times the search index made from the content (as `npm run build` makes
 * it, in parts of at most `--search-max-pages` pages): before the notice is added, which fills the
 * part cache of this run (`scripts/lib/search-cache.ts`), after it with that cache (only the parts
 * the notice changed are indexed again), and after it without the cache (every part), for
 * comparison. Each search step's line says how many parts it reused.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fail } from './cli.ts';
import { ingestCacheVariable } from './lib/ingest-cache.ts';
import { searchCacheVariable } from './lib/search-cache.ts';
import { astroBuildEnv } from './lib/children.ts';

const usage = 'usage: node scripts/bench-incremental.ts [--notices 100] [--seed bench] [--per-notice 33] [--jobs 2] [--no-whole] [--search] [--search-max-pages 20000] [--keep]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = { notices: 100, seed: 'bench', perNotice: 33, jobs: Math.min(2, cpus().length), whole: true, search: false, searchMaxPages: 20_000, keep: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = (): string => args[++i] ?? fail(`${usage}  (${a} needs a value)`, 2);
  if (a === '--notices') opt.notices = Number(next());
  else if (a === '--seed') opt.seed = next();
  else if (a === '--per-notice') opt.perNotice = Number(next());
  else if (a === '--jobs') opt.jobs = Number(next());
  else if (a === '--no-whole') opt.whole = false;
  else if (a === '--search') opt.search = true;
  else if (a === '--search-max-pages') opt.searchMaxPages = Number(next());
  else if (a === '--keep') opt.keep = true;
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}
if (!Number.isInteger(opt.notices) || opt.notices < 2) fail('bench-incremental: error: --notices must be a whole number from 2', 2);
if (!Number.isInteger(opt.searchMaxPages) || opt.searchMaxPages < 1) fail('bench-incremental: error: --search-max-pages must be a positive whole number', 2);

const project = resolve(import.meta.dirname, '..');
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'minsheng-bench-incremental-'));
const content = join(work, 'content');
const pool = join(work, 'pool');
// The ingest cache of this run only: the first ingest parses every notice, the second only the one added.
const env = {
  ...process.env,
  // As `npm run build` runs its astro builds.
  ...astroBuildEnv,
  MINSHENG_CONTENT_DIR: content,
  [ingestCacheVariable]: join(work, 'ingest-cache'),
  [searchCacheVariable]: join(work, 'search-cache'),
  PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
};

/** Summed VmRSS (KiB) of `root` and its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/u.test(x))) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // Ended meanwhile.
    }
  }
  let total = 0;
  for (const stack = [root]; stack.length > 0;) {
    const pid = stack.pop() ?? 0;
    try {
      total += Number(/VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** One measured step. */
interface Step {
  name: string;
  wall: number;
  cpu: number;
  peakMiB: number;
  load: [number, number];
  last: string;
}
const steps: Step[] = [];

/** Runs a command, measuring wall time, the tree's CPU time (children's rusage) and peak RSS. */
function measure(name: string, command: string, commandArgs: string[], cwd = project): Promise<Step> {
  const load0 = loadavg()[0] ?? 0;
  const t0 = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
  }, 250);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) fail(`bench-incremental: error: ${name} failed (exit ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`);
      // The CPU time of the step's whole tree: waited-for descendants count in their parent's, then in ours.
      const cpuNow = childCpu();
      const cpu = cpuNow - cpuBefore;
      cpuBefore = cpuNow;
      const step: Step = {
        name,
        wall: (performance.now() - t0) / 1000,
        cpu,
        peakMiB: peak / 1024,
        load: [load0, loadavg()[0] ?? 0],
        last: output
          .trim()
          .split('\n')
          .filter((l) => /build-shards|aggregate|shard-|pages|indexed|reused|ingest:/u.test(l))
          .slice(-4)
          .join(' | '),
      };
      steps.push(step);
      process.stdout.write(
        `  ${name}: ${step.wall.toFixed(1)} s wall, ${step.cpu.toFixed(1)} s cpu, peak ${step.peakMiB.toFixed(0)} MiB, load ${step.load.map((l) => l.toFixed(1)).join(' → ')}\n    ${step.last}\n`,
      );
      done(step);
    });
  });
}
/** CPU seconds of this process's waited-for children so far (from /proc/self/stat: cutime + cstime). */
function childCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
/** The children's CPU seconds counted when the last step ended. */
let cpuBefore = 0;

const astroProject = (): string => {
  const dir = join(work, 'project');
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(project, entry))) cpSync(join(project, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite' && entry !== '.cache') symlinkSync(join(project, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
};

process.stdout.write(
  `bench-incremental: ${opt.notices} notices (seed ${opt.seed}, ${opt.perNotice} per notice), jobs ${opt.jobs}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${new Date().toISOString()}; work ${work}\n`,
);
execFileSync(node, [join(project, 'scripts', 'corpus.ts'), '--notices', String(opt.notices + 1), '--seed', opt.seed, '--per-notice', String(opt.perNotice), '--out', pool], {
  cwd: project,
  stdio: 'pipe',
});
cpuBefore = childCpu();
const yearDirs = readdirSync(join(pool, 'notices')).sort();
const held = { year: '', slug: '' };
for (const year of yearDirs) {
  mkdirSync(join(content, 'notices', year), { recursive: true });
  for (const f of readdirSync(join(pool, 'notices', year)).sort()) {
    const slug = f.replace(/\..*$/u, '');
    if (held.slug === '') Object.assign(held, { year, slug });
    if (year === held.year && slug === held.slug) continue;
    cpSync(join(pool, 'notices', year, f), join(content, 'notices', year, f));
  }
}
await measure('ingest', node, [join(project, 'scripts', 'ingest.ts')]);
/** Runs the search index from the content as `npm run build` does, into `<work>/<name>`. */
const searchIndex = (name: string, ...more: string[]): string[] => [
  join(project, 'scripts', 'search-index.ts'),
  '--content',
  '--max-pages',
  String(opt.searchMaxPages),
  '--out',
  join(work, name),
  ...more,
];
if (opt.search) await measure('search index from the content (cold: the cache filled)', node, searchIndex('cold-search'));
if (opt.whole) {
  await measure('astro build (whole site)', node, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(work, 'whole')], astroProject());
  await measure('headers (whole site)', node, [join(project, 'scripts', 'headers.ts'), join(work, 'whole')]);
}
const sharded = ['--incremental', '--cache', join(work, 'cache'), '--jobs', String(opt.jobs)];
await measure(`build-shards --incremental, cold, jobs ${opt.jobs}`, node, [join(project, 'scripts', 'build-shards.ts'), '--out', join(work, 'cold'), ...sharded]);
await measure('headers (cold)', node, [join(project, 'scripts', 'headers.ts'), join(work, 'cold')]);
for (const f of readdirSync(join(pool, 'notices', held.year)).filter((x) => x.startsWith(`${held.slug}.`)))
  cpSync(join(pool, 'notices', held.year, f), join(content, 'notices', held.year, f));
await measure(`ingest (one notice added: ${held.year}/${held.slug})`, node, [join(project, 'scripts', 'ingest.ts')]);
await measure(`build-shards --incremental, one notice added`, node, [join(project, 'scripts', 'build-shards.ts'), '--out', join(work, 'added'), ...sharded]);
await measure('headers (one notice added)', node, [join(project, 'scripts', 'headers.ts'), join(work, 'added')]);
if (opt.search) {
  await measure('search index from the content (one notice added, with the cache)', node, searchIndex('added-search'));
  await measure('search index from the content (one notice added, --no-cache: every part)', node, searchIndex('added-search-whole', '--no-cache'));
}

process.stdout.write(`\n| step | wall | cpu | peak RSS (tree) | load avg 1 min (start → end) |\n| --- | --- | --- | --- | --- |\n`);
for (const s of steps)
  process.stdout.write(`| ${s.name} | ${s.wall.toFixed(1)} s | ${s.cpu.toFixed(1)} s | ${s.peakMiB.toFixed(0)} MiB | ${s.load.map((l) => l.toFixed(1)).join(' → ')} |\n`);
if (!opt.keep) rmSync(work, { recursive: true, force: true });
