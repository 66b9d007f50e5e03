/**
 * Child processes side by side (`scripts/lib/children.ts`), as `npm run snapshot` runs a year's build
 * and search index: their output in log files, the first failure stopping the others, one line said.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lastErrorLine, runBeside, StepFailed, yieldingPriority } from '../scripts/lib/children.ts';
import type { LoggedStep } from '../scripts/lib/children.ts';

const tmp = mkdtempSync(join(tmpdir(), 'minsheng-children-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A step that runs `code` with `node -e`, its log in the test's folder. */
function step(name: string, code: string): LoggedStep {
  return { args: ['-e', code], log: join(tmp, `${name}.log`), failure: (last) => `${name} failed: ${last}` };
}

/** Returns whether a process of this id is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('lastErrorLine', () => {
  test.each([
    ['the last line that says error', 'building\nerror: first\nstill going\nError: second\ndone\n', 'Error: second'],
    ['the last line when none says error', 'building\n  almost  \ndone\n\n', 'done'],
    ['a heading line joined to the line it introduces', 'search-index: error:\nPagefind backend closed\n', 'search-index: error: Pagefind backend closed'],
    ['no output', '\n \n', 'no output'],
  ])('should give %s', (_, output, line) => {
    expect(lastErrorLine(output)).toBe(line);
  });
});

describe('runBeside', () => {
  const env = { ...process.env };

  test('should resolve when every step succeeded, each step’s output in its own log', async () => {
    await runBeside([step('one', 'console.log("一"); console.error("a warning")'), step('two', 'console.log("二")')], { cwd: tmp, env });
    expect(readFileSync(join(tmp, 'one.log'), 'utf8')).toBe('一\na warning\n');
    expect(readFileSync(join(tmp, 'two.log'), 'utf8')).toBe('二\n');
  });

  test('should run a step that yields at the lower priority, the others at this one’s', async () => {
    // Each says its priority once it has been set (a step's priority is lowered just after it starts).
    const says =
      'const os = require("node:os"); const t = Date.now(); const look = () => { const p = os.getPriority(); if (p !== 0 || Date.now() - t > 2000) console.log(p); else setTimeout(look, 20); }; look();';
    await runBeside([{ ...step('yielding', says), yields: true }, step('usual', says)], { cwd: tmp, env });
    expect(readFileSync(join(tmp, 'yielding.log'), 'utf8')).toBe(`${yieldingPriority}\n`);
    expect(readFileSync(join(tmp, 'usual.log'), 'utf8')).toBe(`${getPriority()}\n`);
  });

  test('should stop the other steps when one fails, and reject with its last error line only once they have exited', async () => {
    // The slow step says its process id, then waits a minute: it is the failure that must end it.
    const slow = step('slow', 'console.log(process.pid); setTimeout(() => {}, 60_000)');
    // The failing step waits for it to have started (its id in its log), so the failure always finds it running.
    const failing = step(
      'index',
      `const { readFileSync } = require('node:fs');
       const started = setInterval(() => {
         if (readFileSync(${JSON.stringify(slow.log)}, 'utf8') === '') return;
         clearInterval(started);
         console.log('indexing'); console.error('index: error: the index broke'); console.log('bye'); process.exit(3);
       }, 50);`,
    );
    const running = new Set<ChildProcess>();
    const outcome = await runBeside([slow, failing], { cwd: tmp, env, running }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(StepFailed);
    expect((outcome as Error).message).toBe('index failed: index: error: the index broke');
    const pid = Number(readFileSync(slow.log, 'utf8').trim());
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
    expect(running.size).toBe(0);
  });

  test('should say which step could not start, in one line', async () => {
    const outcome = await runBeside([step('missing', '')], { cwd: join(tmp, 'no-such-folder'), env }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(StepFailed);
    expect((outcome as Error).message).toMatch(/^missing failed: spawn \S+ ENOENT$/u);
  });
});
