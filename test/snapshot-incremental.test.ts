/**
 * `npm run snapshot -- <year> --incremental`: the year's site built by the
 * sharded, incremental build gives the same archive, byte for byte, as one
 * `astro build` — from a cold cache, and after a notice was edited, when only
 * that notice's district is built again and the archive's members whose files
 * did not change are copied from the year's last archive.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../src/lib/hash.ts';
import { filesBelow } from '../src/lib/files.ts';
import { readMemberIndex } from '../tools/snapshot/member-cache.ts';
import type { MemberIndex } from '../tools/snapshot/member-cache.ts';

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
  /** The index of the members each incremental capture wrote, by its name. */
  const indexes: Record<string, MemberIndex | undefined> = {};
  /** What each capture said of the members it kept (`<kept> of <all> members kept`), by its name. */
  const keptSaid: Record<string, [number, number] | undefined> = {};
  /** Makes the year's archive into `out`, with the incremental build or one astro build; returns its SHA-256. */
  const snapshot = (out: string, incremental: boolean, name = out): string => {
    // Members of about eight files (not 128): a small site's archive holds a few dozen, as a national one holds thousands.
    const r = run(['scripts/snapshot.ts', '2023', '--out', join(tmp, out), '--piece-every', '8', ...(incremental ? ['--incremental', '--cache', cache] : [])], env);
    expect(r.status, r.out).toBe(0);
    const said = / (\d+) of (\d+) members kept/u.exec(r.out);
    keptSaid[name] = said ? [Number(said[1]), Number(said[2])] : undefined;
    if (incremental) indexes[name] = readMemberIndex(join(cache, '2023', 'archive-members.json'));
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
    // Into the same folder: the year's last archive is there, its members' index in the cache.
    sums.incrementalEdited = snapshot('incremental', true, 'incremental-edited');
    after = cachedAt();
    // The archive touched since it was written: none of its members is taken on trust.
    utimesSync(join(tmp, 'incremental', 'minsheng-2023.tar.gz'), new Date(), new Date());
    sums.incrementalTouched = snapshot('incremental', true, 'incremental-touched');
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

  test('should copy from the last archive the members whose files did not change, and only those', () => {
    // The first capture had no archive to keep members from; the one after the edit kept most of them, not
    // the ones holding the edited district's pages, the year's pages and data, snapshot.json.
    expect(keptSaid.incremental?.[0]).toBe(0);
    const [kept = 0, all = 0] = keptSaid['incremental-edited'] ?? [];
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(all);
    const before = new Set(indexes.incremental?.members.map((m) => m.key));
    const after = indexes['incremental-edited']?.members ?? [];
    expect(after).toHaveLength(all);
    expect(after.filter((m) => before.has(m.key))).toHaveLength(kept);
    // A member that holds only pages of districts not edited (hard links to the cache, unchanged) is kept;
    // one that holds a page of the edited district is made again.
    const districtPage = /^site\/2023\/([a-z0-9-]+)\/(?:[^/]+\/)*index\.html$/u;
    const districtsOf = (m: MemberIndex['members'][number]): (string | undefined)[] => m.digests.map(([name]) => districtPage.exec(name)?.[1]);
    const others = after.filter((m) => districtsOf(m).every((d) => d !== undefined && d !== 'categories' && d !== 'units' && d !== edited));
    const ofEdited = after.filter((m) => districtsOf(m).includes(edited));
    expect(others.length).toBeGreaterThan(0);
    expect(ofEdited.length).toBeGreaterThan(0);
    for (const m of others) expect(before.has(m.key), m.digests[0]?.[0]).toBe(true);
    for (const m of ofEdited) expect(before.has(m.key), m.digests[0]?.[0]).toBe(false);
    // An archive touched since: nothing kept, the same bytes made again.
    expect(keptSaid['incremental-touched']?.[0]).toBe(0);
    expect(sums.incrementalTouched).toBe(sums.fullEdited);
  });
});
