/**
 * Ingest: the pure plan (metadata checks, placement, determinism) and the
 * script end to end on a temporary content directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planIngest, readMeta } from '../src/lib/content/ingest.ts';
import type { SourceNotice } from '../src/lib/content/ingest.ts';
import { Notice } from '../src/lib/schema.ts';
import { noticeCommitment } from './helpers/records.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const node = join(projectRoot, 'node_modules', '.bin', 'node');
const timeout = 60_000;

/** A metadata file whose lines can be replaced one by one. */
const metaLines = ['slug: jinan-shizhong', 'year: 2023', 'province: 山东省', 'city: 济南市', 'district: 市中区', 'districtFull: 济南市市中区', 'sourceUrl: null'] as const;

/** Returns the metadata text with line `no` (1-based) replaced by `line` (or dropped when `line` is undefined). */
function metaWith(no: number, line: string | undefined): string {
  const lines: string[] = [...metaLines];
  if (line === undefined) lines.splice(no - 1, 1);
  else lines[no - 1] = line;
  return `${lines.join('\n')}\n`;
}

const goodMeta = `${metaLines.join('\n')}\n`;

/** A small notice record written by hand. */
function handNotice(year = 2023): Notice {
  return Notice.parse({
    kind: 'notice',
    title: `济南市市中区${year}年民生实事`,
    year,
    groups: [],
    commitments: [
      noticeCommitment(1, {
        title: '新增托位100个',
        text: '新增托位100个（区教育局负责）',
        leadUnits: ['区教育局'],
        targets: [{ value: 100, unit: '个', text: '新增托位100个' }],
      }),
      noticeCommitment(2, {
        title: '改造老旧小区3个',
        text: '改造老旧小区3个（区住建局负责）',
        leadUnits: ['区住建局'],
        targets: [{ value: 3, unit: '个', text: '改造老旧小区3个' }],
      }),
    ],
    passages: [{ role: 'title', text: `济南市市中区${year}年民生实事`, source: { startLine: 1, endLine: 1 } }],
    warnings: [],
  });
}

/** A source notice at `path` with metadata `metaText`. */
function source(path: string, metaText: string, metaPath = path.replace(/\.txt$/u, '.yaml')): SourceNotice {
  return { path, notice: handNotice(), bytes: new TextEncoder().encode('济南市市中区2023年民生实事\n'), metaPath, metaText };
}

describe('readMeta', () => {
  test('should accept a complete metadata file', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', goodMeta);
    expect(read).toEqual({
      ok: true,
      meta: {
        slug: 'jinan-shizhong',
        year: 2023,
        province: '山东省',
        city: '济南市',
        district: '市中区',
        districtFull: '济南市市中区',
        sourceUrl: null,
      },
    });
  });

  test('should name the meta file and the line when the YAML has a syntax error', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', metaWith(4, 'city: 济南市: 市中区'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.length).toBeGreaterThan(0);
    for (const e of read.errors) expect(e.file).toBe('notices/2023/jinan-shizhong.yaml');
    expect(read.errors[0]?.line).toBe(4);
  });

  test('should name the line of a duplicated key', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', `${goodMeta}slug: jinan-lixia\n`);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors[0]).toMatchObject({ file: 'notices/2023/jinan-shizhong.yaml', line: 8 });
  });

  test('should name the slug field when the slug is not lower-case words joined by hyphens', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', metaWith(1, 'slug: Jinan Shizhong'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]?.file).toBe('notices/2023/jinan-shizhong.yaml');
    expect(read.errors[0]?.message).toMatchInlineSnapshot(`"field “slug”: a slug is lower-case ASCII words joined by hyphens"`);
  });

  test('should name the district field when it is missing', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', metaWith(5, undefined));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]?.file).toBe('notices/2023/jinan-shizhong.yaml');
    expect(read.errors[0]?.message).toMatchInlineSnapshot(`"field “district” is missing"`);
  });

  test('should name the year field when it is not a number', () => {
    const read = readMeta('notices/2023/jinan-shizhong.yaml', metaWith(2, 'year: 二〇二三'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.message)).toMatchInlineSnapshot(`
      [
        "field “year”: Invalid input: expected number, received string",
      ]
    `);
  });
});

describe('planIngest', () => {
  test('should plan the notice entry and one entry per commitment', () => {
    const plan = planIngest([source('notices/2023/jinan-shizhong.txt', goodMeta)]);
    expect(plan.errors).toEqual([]);
    expect(plan.commitmentCount).toBe(2);
    expect(plan.files.map((f) => f.path)).toEqual([
      'commitments/2023/jinan-shizhong/1.md',
      'commitments/2023/jinan-shizhong/2.md',
      'notices/2023/jinan-shizhong.md',
      'notices/2023/jinan-shizhong.units.yaml',
    ]);
  });

  test('should keep the slug of a department already recorded, and add new ones', () => {
    const recorded = [
      'year: 2023',
      'district: jinan-shizhong',
      'units:',
      '  - slug: legacy-slug',
      '    name: 区教育局',
      '    aliases: [区教育局]',
      '    function: education',
      '',
    ].join('\n');
    const plan = planIngest([{ ...source('notices/2023/jinan-shizhong.txt', goodMeta), unitsText: recorded }]);
    expect(plan.errors).toEqual([]);
    const units = plan.files.find((f) => f.path.endsWith('.units.yaml'))?.contents ?? '';
    expect(units).toContain('slug: legacy-slug');
  });

  test('should name the departments file when it is broken', () => {
    const plan = planIngest([{ ...source('notices/2023/jinan-shizhong.txt', goodMeta), unitsText: 'year: 2023\nunits: 7\n' }]);
    expect(plan.errors[0]?.file).toBe('notices/2023/jinan-shizhong.units.yaml');
  });

  test('should refuse a topic override of an unknown topic, naming the metadata file', () => {
    const plan = planIngest([source('notices/2023/jinan-shizhong.txt', `${goodMeta}topicOverrides:\n  "1": no-such-topic\n`)]);
    expect(plan.files).toEqual([]);
    expect(plan.errors[0]).toMatchObject({ file: 'notices/2023/jinan-shizhong.yaml' });
    expect(plan.errors[0]?.message).toMatchInlineSnapshot(
      `"topicOverrides: Unknown topic override "no-such-topic": known topics are employment, social-security, elderly-care, childcare-education, health, housing-renewal, transport, culture-sports, environment, public-safety, agriculture-rural, convenience, other"`,
    );
  });

  test('should report a syntax error of the metadata with the meta file and line', () => {
    const plan = planIngest([source('notices/2023/jinan-shizhong.txt', metaWith(4, 'city: 济南市: 市中区'))]);
    expect(plan.files).toEqual([]);
    expect(plan.errors[0]).toMatchObject({ file: 'notices/2023/jinan-shizhong.yaml', line: 4 });
  });

  test('should report an invalid field of the metadata by name', () => {
    const plan = planIngest([source('notices/2023/jinan-shizhong.txt', metaWith(1, 'slug: Jinan Shizhong'))]);
    expect(plan.files).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.file).toBe('notices/2023/jinan-shizhong.yaml');
    expect(plan.errors[0]?.message).toMatchInlineSnapshot(`"field “slug”: a slug is lower-case ASCII words joined by hyphens"`);
  });

  test('should be an error when the slug disagrees with the text file name', () => {
    const plan = planIngest([source('notices/2023/jinan-lixia.txt', goodMeta)]);
    expect(plan.files).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.file).toBe('notices/2023/jinan-lixia.yaml');
    expect(plan.errors[0]?.message).toMatchInlineSnapshot(
      `"slug “jinan-shizhong” and year 2023 say the notice should be notices/2023/jinan-shizhong.txt, not notices/2023/jinan-lixia.txt"`,
    );
  });

  test('should be an error when the year disagrees with the text file folder', () => {
    const plan = planIngest([source('notices/2022/jinan-shizhong.txt', goodMeta)]);
    expect(plan.files).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.file).toBe('notices/2022/jinan-shizhong.yaml');
    expect(plan.errors[0]?.message).toMatchInlineSnapshot(
      `"slug “jinan-shizhong” and year 2023 say the notice should be notices/2023/jinan-shizhong.txt, not notices/2022/jinan-shizhong.txt"`,
    );
  });

  test('should be an error when two notices have the same year and slug', () => {
    const plan = planIngest([
      source('notices/2023/jinan-shizhong.txt', goodMeta, 'notices/2023/jinan-shizhong.yaml'),
      source('notices/2023/jinan-shizhong.txt', goodMeta, 'notices/2023/copy/jinan-shizhong.yaml'),
    ]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.message).toMatchInlineSnapshot(`"year 2023 and slug “jinan-shizhong” are also used by notices/2023/jinan-shizhong.yaml"`);
  });

  test('should give byte-identical files when the same input is planned twice', () => {
    const otherMeta = goodMeta.replace('jinan-shizhong', 'jinan-lixia').replace('市中区\n', '历下区\n').replace('济南市市中区', '济南市历下区');
    const inputs = (): SourceNotice[] => [source('notices/2023/jinan-shizhong.txt', goodMeta), source('notices/2023/jinan-lixia.txt', otherMeta)];
    const first = planIngest(inputs());
    const second = planIngest(inputs());
    const reversed = planIngest(inputs().reverse());
    expect(first.errors).toEqual([]);
    expect(first.files).toHaveLength(8);
    expect(second.files).toEqual(first.files);
    expect(reversed.files).toEqual(first.files);
    for (const [i, f] of first.files.entries()) expect(Buffer.from(second.files[i]?.contents ?? '').equals(Buffer.from(f.contents))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// The script, end to end.

const slugs = ['jinan-shizhong', 'tianjin-hedong'] as const;
/** Both notices number their items 一 to 二十. */
const commitmentsPerNotice = 20;

/** Every path ingest should write for the two copied notices, sorted. */
function expectedGenerated(): string[] {
  const paths: string[] = [];
  for (const slug of slugs) {
    paths.push(`notices/2023/${slug}.md`);
    for (let n = 1; n <= commitmentsPerNotice; n++) paths.push(`commitments/2023/${slug}/${n}.md`);
  }
  return paths.sort();
}

let tmp = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the ingest script on the temporary content directory. */
function ingest(...args: string[]): Run {
  const result = spawnSync(node, ['scripts/ingest.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, MINSHENG_CONTENT_DIR: tmp },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Returns what the script printed on stderr, the temporary directory (named relative to the project, as the script names it) shown as `<content>`. */
function shown(stderr: string): string {
  return stderr.replaceAll(relative(projectRoot, tmp), '<content>').replaceAll(tmp, '<content>');
}

/** Returns every file of the temporary directory, relative with `/`, mapped to its bytes (hex). */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const d of readdirSync(tmp, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const full = join(d.parentPath, d.name);
    files[relative(tmp, full).split(sep).join('/')] = readFileSync(full).toString('hex');
  }
  return files;
}

/** Returns the generated Markdown files of the temporary directory, sorted. */
function generated(): string[] {
  return Object.keys(snapshot())
    .filter((p) => p.endsWith('.md'))
    .sort();
}

describe('the ingest script', () => {
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'minsheng-ingest-'));
    mkdirSync(join(tmp, 'notices', '2023'), { recursive: true });
    for (const slug of slugs) {
      for (const ext of ['txt', 'yaml']) {
        copyFileSync(join(projectRoot, 'content', 'notices', '2023', `${slug}.${ext}`), join(tmp, 'notices', '2023', `${slug}.${ext}`));
      }
    }
  });

  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = '';
  });

  test(
    'should write the notice entry and one entry per commitment',
    () => {
      const run = ingest();
      expect(run.stderr).not.toMatch(/\berror\b/u);
      expect(run.status).toBe(0);
      expect(generated()).toEqual(expectedGenerated());
    },
    timeout,
  );

  test(
    'should pass --check right after an ingest',
    () => {
      expect(ingest().status).toBe(0);
      const check = ingest('--check');
      expect(check.stderr).not.toMatch(/\b(?:error|differs|missing|stale)\b/u);
      expect(check.status).toBe(0);
    },
    timeout,
  );

  test(
    'should fail --check naming a generated file that was edited as differs, and write nothing',
    () => {
      expect(ingest().status).toBe(0);
      const edited = join(tmp, 'commitments', '2023', 'jinan-shizhong', '3.md');
      writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n手工改动。\n`);
      const before = snapshot();
      const check = ingest('--check');
      expect(check.status).not.toBe(0);
      expect(check.status).not.toBeNull();
      expect(check.stderr).toMatch(/^\s*differs:\s+\S*commitments\/2023\/jinan-shizhong\/3\.md$/mu);
      expect(check.stderr.split('\n').filter((l) => /^\s*(?:differs|missing|stale):/u.test(l))).toHaveLength(1);
      expect(snapshot()).toEqual(before);
    },
    timeout,
  );

  test(
    'should fail --check naming a stray entry as stale, and remove it on a plain ingest',
    () => {
      expect(ingest().status).toBe(0);
      const stray = join(tmp, 'commitments', '2023', 'jinan-shizhong', '999.md');
      writeFileSync(stray, '---\nnumber: 999\n---\n\n多余的条目。\n');
      const check = ingest('--check');
      expect(check.status).not.toBe(0);
      expect(check.status).not.toBeNull();
      expect(check.stderr).toMatch(/^\s*stale:\s+\S*commitments\/2023\/jinan-shizhong\/999\.md$/mu);
      expect(existsSync(stray)).toBe(true);

      const run = ingest();
      expect(run.status).toBe(0);
      expect(existsSync(stray)).toBe(false);
      expect(generated()).toEqual(expectedGenerated());
      const recheck = ingest('--check');
      expect(recheck.stderr).not.toMatch(/\b(?:error|differs|missing|stale)\b/u);
      expect(recheck.status).toBe(0);
    },
    timeout,
  );

  test(
    'should leave every file byte-identical when ingest runs twice',
    () => {
      expect(ingest().status).toBe(0);
      const first = snapshot();
      expect(ingest().status).toBe(0);
      expect(snapshot()).toEqual(first);
    },
    timeout,
  );

  test(
    'should exit non-zero naming an unparsable notice and change no file',
    () => {
      expect(ingest().status).toBe(0);
      // Pending work that a partial run would do: an edited entry and a stray one.
      const edited = join(tmp, 'commitments', '2023', 'tianjin-hedong', '1.md');
      writeFileSync(edited, 'edited\n');
      writeFileSync(join(tmp, 'commitments', '2023', 'tianjin-hedong', '999.md'), 'stray\n');
      writeFileSync(join(tmp, 'notices', '2023', 'broken.txt'), '今天天气很好。\n我们一起去公园散步。\n');
      writeFileSync(
        join(tmp, 'notices', '2023', 'broken.yaml'),
        'slug: broken\nyear: 2023\nprovince: 山东省\ncity: 济南市\ndistrict: 某区\ndistrictFull: 济南市某区\nsourceUrl: null\n',
      );
      const before = snapshot();
      const run = ingest();
      expect(run.status).not.toBe(0);
      expect(run.status).not.toBeNull();
      expect(shown(run.stderr)).toMatchInlineSnapshot(`
        "<content>/notices/2023/broken.txt: error: no recognisable commitments (no numbered list, table, or list after an introducing sentence was found)
        ingest: 1 error(s); nothing was written
        "
      `);
      expect(snapshot()).toEqual(before);
    },
    timeout,
  );

  test(
    'should write nothing into a fresh content directory when one notice is unparsable',
    () => {
      writeFileSync(join(tmp, 'notices', '2023', 'broken.txt'), '今天天气很好。\n');
      writeFileSync(
        join(tmp, 'notices', '2023', 'broken.yaml'),
        'slug: broken\nyear: 2023\nprovince: 山东省\ncity: 济南市\ndistrict: 某区\ndistrictFull: 济南市某区\nsourceUrl: null\n',
      );
      const before = snapshot();
      const run = ingest();
      expect(run.status).not.toBe(0);
      expect(shown(run.stderr)).toMatchInlineSnapshot(`
        "<content>/notices/2023/broken.txt: error: no recognisable commitments (no numbered list, table, or list after an introducing sentence was found)
        ingest: 1 error(s); nothing was written
        "
      `);
      expect(snapshot()).toEqual(before);
      expect(generated()).toEqual([]);
    },
    timeout,
  );

  test(
    'should name the meta file and line when a metadata file has a YAML syntax error',
    () => {
      const meta = join(tmp, 'notices', '2023', 'jinan-shizhong.yaml');
      const lines = readFileSync(meta, 'utf8').split('\n');
      const cityLine = lines.findIndex((l) => l.startsWith('city:'));
      expect(cityLine).toBeGreaterThanOrEqual(0);
      lines[cityLine] = 'city: 济南市: 市中区';
      writeFileSync(meta, lines.join('\n'));
      const run = ingest();
      expect(run.status).not.toBe(0);
      expect(shown(run.stderr)).toMatchInlineSnapshot(`
        "<content>/notices/2023/jinan-shizhong.yaml:5: error: invalid YAML: Nested mappings are not allowed in compact mappings
        ingest: 1 error(s); nothing was written
        "
      `);
      expect(generated()).toEqual([]);
    },
    timeout,
  );
});
