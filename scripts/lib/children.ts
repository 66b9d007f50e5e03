/**
 * Node scripts of the project run as child processes side by side, each with its output written to a
 * log file (a national year's build writes megabytes of it, more than a pipe's buffer holds): the
 * first to fail stops the others and is reported in one line, its last error line. What
 * `npm run snapshot` runs its year's build and search index with. I/O edge.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { digestCacheDir, digestCacheVariable } from '../../src/lib/config.ts';

/**
 * Makes this process and every process it starts remember file digests (`src/lib/digests.ts`) in the
 * project's cache, wherever they run: a build in a project copy (the archive pages, a shard) has no cache
 * of its own, and would read a national year's content again to hash it. Kept when already set.
 */
export function shareDigestCache(project: string): void {
  process.env[digestCacheVariable] ||= digestCacheDir(process.env, project);
}

/**
 * What every `astro build` the scripts start gets in its environment: Node's module compile cache off.
 * Astro's command turns that cache on, in `os.tmpdir()/node-compile-cache`, and a build's server chunks
 * hold the whole content: each national build whose content changed left about 160 MB there, never
 * removed (4.4 GB after a day of builds on this machine), and writing it cost time (a 1,500-notice
 * `astro build`: 177 s with it, 159 s without; BENCHMARKS.md, “Issue 15, fifth round”).
 */
export const astroBuildEnv = { NODE_DISABLE_COMPILE_CACHE: '1' } as const;

/** A Node script to run as a child process. */
export interface LoggedStep {
  /** Node's arguments: the script's path, then its own arguments. */
  args: string[];
  /** The file its standard output and standard error are written to. */
  log: string;
  /** Says in words what failed, given the last error line of its output (or why it did not start). */
  failure: (last: string) => string;
  /** Whether it yields the processors to the steps beside it (`yieldingPriority`): it is not the longest. */
  yields?: boolean;
}

/**
 * The priority (niceness) of a step that runs beside a longer one and should not slow it: when both
 * want the two cores, the scheduler gives the longer one most of them, and this one the rest. What the
 * step starts (Pagefind's processes) inherits it.
 */
export const yieldingPriority = 10;

/** Lowers the priority of a child process that yields to the others (`yieldingPriority`); a system that refuses only leaves it as it was. */
export function yieldTo(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, yieldingPriority);
  } catch {
    // Not allowed here: the child runs at the usual priority.
  }
}

/** Where the children run and what they are given. */
export interface StepOptions {
  /** Their working folder. */
  cwd: string;
  /** Their environment. */
  env: NodeJS.ProcessEnv;
  /** The children running now, for a caller that stops them when it is interrupted; each is removed when it exits. */
  running?: Set<ChildProcess>;
}

/** A step that failed: its message is one line, the step's `failure` of its last error line. */
export class StepFailed extends Error {}

/**
 * Returns the last line of a child's output that says `error`, else its last non-empty line. A line
 * that ends with a colon introduces what follows (`search-index: error:` then the problem), so the
 * line after it is joined to it.
 */
export function lastErrorLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const at = lines.findLastIndex((l) => /error/iu.test(l));
  const line = lines[at] ?? lines.at(-1) ?? 'no output';
  const next = at >= 0 && line.endsWith(':') ? lines[at + 1] : undefined;
  return next === undefined ? line : `${line} ${next}`;
}

/** Runs one step; resolves when it exits with 0, rejects with a `StepFailed` when it does not (or does not start). */
export function runLogged(step: LoggedStep, options: StepOptions): Promise<void> {
  return new Promise((done, failed) => {
    const fd = openSync(step.log, 'w');
    let child: ChildProcess;
    try {
      // The child holds its own copy of the descriptor once spawned.
      child = spawn(process.execPath, step.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    options.running?.add(child);
    if (step.yields === true) yieldTo(child);
    child.once('error', (error) => {
      options.running?.delete(child);
      failed(new StepFailed(step.failure(error.message)));
    });
    child.once('exit', (code, signal) => {
      options.running?.delete(child);
      if (code === 0) done();
      else failed(new StepFailed(step.failure(signal !== null && code === null ? `stopped by ${signal}` : lastErrorLine(readFileSync(step.log, 'utf8')))));
    });
  });
}

/**
 * Runs the steps at the same time; resolves when every one succeeded. The first to fail stops the
 * others (SIGTERM), which are awaited, so nothing still writes when the caller removes their folder;
 * then rejects with the first failure.
 */
export async function runBeside(steps: readonly LoggedStep[], options: StepOptions): Promise<void> {
  const running = options.running ?? new Set<ChildProcess>();
  const runs = steps.map((step) => runLogged(step, { ...options, running }));
  try {
    await Promise.all(runs);
  } catch (error) {
    for (const child of running) child.kill('SIGTERM');
    await Promise.allSettled(runs);
    throw error;
  }
}

/**
 * Removes a folder by a process of its own that outlives this one, not waited for: unlinking a national
 * site's 158,000 pages takes minutes, and what replaces them is already in place. Should that process
 * not start, the folder is removed here.
 */
export function removeInBackground(dir: string): void {
  const remover = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' });
  remover.on('error', () => rmSync(dir, { recursive: true, force: true }));
  remover.unref();
}
