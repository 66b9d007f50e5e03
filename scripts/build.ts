/**
 * `npm run build [-- --out DIR]`: the whole build, atomically. Five steps,
 * each a child process:
 *
 * 1. `node scripts/ingest.ts` (the content collections from the notices);
 * 2. `node scripts/snapshot.ts --all` (the yearly archives the build publishes
 *    on `/archive/`, in `snapshots/`; a current one is kept, not rebuilt);
 * 3. `astro build --outDir <partial>`, into a new folder beside the output
 *    (`.<out>.partial-<pid>`, same file system); with `--incremental`,
 *    `node scripts/build-shards.ts --incremental` instead: only the districts
 *    whose content changed since the last incremental build are built again
 *    (their pages kept in `node_modules/.cache/minsheng-build/`), the pages of a
 *    year or the whole site always, and the result is the same bytes;
 * 4. `node scripts/headers.ts <partial>` (`_headers`: the security headers for
 *    hosts that read that file);
 * 5. `node scripts/search-index.ts --site <partial>` (it writes
 *    `pagefind/complete.json` last).
 *
 * Only when all five succeeded does the new build replace the output (default
 * `dist/`): the old folder is renamed aside, the new one renamed into place,
 * the old one removed. A failed, interrupted (Ctrl-C, SIGTERM) or killed build
 * leaves the previous output as it was; its partial folder is removed then, or
 * by the next build when the process was killed outright.
 *
 * Exit codes: 0 built; the failing step's code; 130/143 when interrupted; 2 usage.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, onInterrupt } from './cli.ts';

const usage = 'usage: npm run build [-- --out DIR] [--incremental]';
const args = process.argv.slice(2).filter((a) => a !== '--');
let out = 'dist';
let incremental = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out' && args[i + 1] !== undefined) out = args[++i] ?? out;
  else if (a === '--incremental') incremental = true;
  else fail(`${usage}  (unknown argument: ${a})`, 2);
}

const project = resolve(import.meta.dirname, '..');
const target = resolve(out);
const parent = dirname(target);
const name = basename(target);
const partial = join(parent, `.${name}.partial-${process.pid}`);
const aside = join(parent, `.${name}.old-${process.pid}`);
const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\.(?:partial|old)-(\\d+)$`, 'u');

/** Returns whether a process of this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// What a build killed outright (SIGKILL, power loss) left behind; another build still running keeps its own.
if (existsSync(parent)) {
  for (const entry of readdirSync(parent)) {
    const pid = Number(leftover.exec(entry)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

let child: ChildProcess | undefined;

/** Removes the partial build; the previous output stays as it was. */
function cleanUp(): void {
  rmSync(partial, { recursive: true, force: true });
}

onInterrupt((signal) => {
  child?.kill(signal);
  cleanUp();
  process.stderr.write(`build: interrupted (${signal}); ${out}/ was left as it was\n`);
});

/** Runs one step, its output passed through; resolves with its exit code. */
function run(label: string, command: string, commandArgs: string[]): Promise<number> {
  process.stdout.write(`build: ${label}\n`);
  return new Promise((done) => {
    child = spawn(command, commandArgs, { cwd: project, stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`build: ${label}: error: ${error.message}\n`);
      done(1);
    });
    child.on('exit', (code, signal) => {
      child = undefined;
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const steps: [string, string, string[]][] = [
  ['1/5 ingest', process.execPath, [join(project, 'scripts', 'ingest.ts')]],
  ['2/5 snapshots', process.execPath, [join(project, 'scripts', 'snapshot.ts'), '--all']],
  incremental
    ? [
        '3/5 astro build (incremental)',
        process.execPath,
        [join(project, 'scripts', 'build-shards.ts'), '--out', partial, '--incremental', '--jobs', String(Math.min(2, cpus().length))],
      ]
    : ['3/5 astro build', process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', partial]],
  ['4/5 headers', process.execPath, [join(project, 'scripts', 'headers.ts'), partial]],
  ['5/5 search index', process.execPath, [join(project, 'scripts', 'search-index.ts'), '--site', partial]],
];
for (const [label, command, commandArgs] of steps) {
  const code = await run(label, command, commandArgs);
  if (code !== 0) {
    cleanUp();
    fail(`build: error: step ${label} failed (exit code ${code}); ${out}/ was left as it was`, code);
  }
}

// Every step succeeded: swap the new build in.
try {
  if (existsSync(target)) renameSync(target, aside);
  renameSync(partial, target);
} catch (error) {
  if (!existsSync(target) && existsSync(aside)) renameSync(aside, target);
  cleanUp();
  fail(`build: error: could not put the new build in place of ${out}/ (${(error as NodeJS.ErrnoException).code ?? String(error)}); ${out}/ was left as it was`);
}
rmSync(aside, { recursive: true, force: true });
process.stdout.write(`build: ${out}/ replaced by the new build\n`);
