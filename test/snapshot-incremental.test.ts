/**
 * `npm run snapshot -- <year> --incremental`: the year's site built by the
 * sharded, incremental build gives the same archive, byte for byte, as one
 * `astro build` — from a cold cache, and after a notice was edited, when only
 * that notice's district is built again.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../src/lib/hash.ts';
import { filesBelow } from '../src/lib/files.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');

/** Runs a project script; returns its status and output. */
function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(node, args, { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run snapshot -- --incremental', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-snapshot-incremental-test-'));
  const corpus = join(tmp, 'corpus');
  const cache = join(tmp, 'cache');
  const env = { MINSHENG_CONTENT_DIR: corpus };
  /** Makes the year's archive into `out`, with the incremental build or one astro build; returns its SHA-256. */
  const snapshot = (out: string, incremental: boolean): string => {
    const r = run(['scripts/snapshot.ts', '2023', '--out', join(tmp, out), ...(incremental ? ['--incremental', '--cache', cache] : [])], env);
    expect(r.status, r.out).toBe(0);
    return sha256(readFileSync(join(tmp, out, 'minsheng-2023.tar.gz')));
  };
  /** When each district's pages were last put in the cache (its key file's modification time), by district. */
  const cachedAt = (): Map<string, number> =>
    new Map(
      filesBelow(join(cache, '2023', 'districts'))
        .filter((f) => f.endsWith('.key'))
        .map((f) => [f, statSync(join(cache, '2023', 'districts', f)).mtimeMs] as const),
    );

  const edited = 'jinan-shizhong';
  const sums: Record<string, string> = {};
  let before = new Map<string, number>();
  let after = new Map<string, number>();

  beforeAll(() => {
    cpSync(join(project, 'content'), corpus, { recursive: true });
    sums.full = snapshot('full', false);
    sums.incremental = snapshot('incremental', true);
    before = cachedAt();
    // One notice edited (a figure of one of its commitments), and the content made again from it.
    const notice = join(corpus, 'notices', '2023', `${edited}.txt`);
    const text = readFileSync(notice, 'utf8');
    const changed = text.replace(/(\d+)(个|所|家|处|名)/u, (_m, n: string, unit: string) => `${Number(n) + 1}${unit}`);
    expect(changed).not.toBe(text);
    writeFileSync(notice, changed);
    const ingest = run(['scripts/ingest.ts'], env);
    expect(ingest.status, ingest.out).toBe(0);
    sums.fullEdited = snapshot('full-edited', false);
    sums.incrementalEdited = snapshot('incremental-edited', true);
    after = cachedAt();
  }, 900_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('should give, from a cold cache, the archive one astro build gives, byte for byte', () => {
    expect(sums.incremental).toBe(sums.full);
    expect(before.size).toBeGreaterThan(1);
  });

  test('should give, after a notice was edited, the archive one astro build gives, building only that notice’s district again', () => {
    expect(sums.fullEdited).not.toBe(sums.full);
    expect(sums.incrementalEdited).toBe(sums.fullEdited);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const rebuilt = [...after].filter(([district, at]) => at !== before.get(district)).map(([district]) => district);
    expect(rebuilt).toEqual([`2023/${edited}.key`]);
  });
});
