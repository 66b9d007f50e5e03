/**
 * Permalinks keep their meaning: each commitment URL is bound to a
 * fingerprint of its source wording; harmless re-readings keep it, another
 * commitment at the URL fails the check until a correction or a redirect
 * declares it. Pure functions on hand-made and built-in entries, then the
 * `npm run urls` command on a copy of the content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Correction } from '../src/lib/schema.ts';
import { fingerprint, normalizeMeaning, pairShare, pairThreshold, sameMeaning } from '../src/lib/site/meaning.ts';
import type { ManifestEntry, ServedCommitment } from '../src/lib/site/permanence.ts';
import { checkMeanings, readCorrections, readManifest, readRedirects, updateManifest, writeManifest } from '../src/lib/site/permanence.ts';
import { readPermanenceFiles, readServedCommitments } from '../scripts/permanence-files.ts';
import { completeFile, indexDir, indexRecord } from '../src/lib/search/complete.ts';
import { partsFile } from '../src/lib/search/parts.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const content = join(project, 'content');

/** Returns a commitment served at `/2023/x/<number>/`. */
function served(number: number, title: string, text: string, district = 'x'): ServedCommitment {
  return { permalink: `/2023/${district}/${number}/`, number, title, text };
}

/** Returns the manifest entries that bind each commitment to its own fingerprint. */
function boundTo(commitments: readonly ServedCommitment[]): ManifestEntry[] {
  return commitments.map((c) => ({ url: c.permalink, fingerprint: fingerprint(c.text) }));
}

const notice = [
  served(1, '托育服务', '扩大普惠托育服务（区卫健局负责） 新增托位675个，建成社区托育点3处。'),
  served(2, '老旧小区改造', '实施老旧小区改造（区住建局负责） 改造老旧小区27个，惠及居民7707户。'),
  served(3, '残疾人救助', '残疾人救助服务（区残联负责） 对符合条件的0-17岁残疾人实现康复救助全覆盖。'),
  served(4, '文化工程', '文化工程建设（区文化和旅游局负责） 提升更新农家书屋10家，开展农村公益电影放映1000场次。'),
];
const manifest = boundTo(notice);

describe('the fingerprint', () => {
  test('should be the first twenty letters and digits of the wording, folded, without bracketed asides', () => {
    expect(fingerprint('残疾人救助服务（区残联负责） 对符合条件的0-17岁残疾人实现康复救助全覆盖')).toBe('残疾人救助服务对符合条件的017岁残疾人');
    expect(normalizeMeaning('ＡＢＣ １２３，（注：略）① (a(b)c) 新增')).toBe('abc1231新增');
  });

  test('should keep an aside when it is all the text says', () => {
    expect(fingerprint('（区民政局负责）')).toBe('区民政局负责');
  });

  test.each([
    ['white space', (t: string) => [...t].join(' ')],
    ['full-width letters and digits', (t: string) => t.replace(/[0-9A-Za-z]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))],
    ['ASCII punctuation', (t: string) => t.replace(/，/gu, ',').replace(/；/gu, ';').replace(/：/gu, ':').replace(/（/gu, '(').replace(/）/gu, ')')],
    ['a continuation line kept in the item', (t: string) => `${t} 其中，新增电梯20部，惠及居民1000户。`],
    ['a marker now read as part of the text', (t: string) => `（一）一是 ${t}`],
    ['a heading now included before the text', (t: string) => `民生保障类工程 ${t}`],
  ])('should survive %s, for every built-in commitment', (_, change) => {
    const changed = readServedCommitments(content).filter((c) => !sameMeaning(fingerprint(c.text), change(c.text)));
    expect(changed.map((c) => c.permalink)).toEqual([]);
  });

  test('should survive a marker dropped from the start of the text, for every built-in commitment', () => {
    const changed = readServedCommitments(content).filter((c) => !sameMeaning(fingerprint(`1${c.text}`), c.text));
    expect(changed.map((c) => c.permalink)).toEqual([]);
  });

  test('should tell apart every two commitments of each built-in notice, with a margin below the threshold', () => {
    const all = readServedCommitments(content);
    const notices = Map.groupBy(all, (c) => c.permalink.split('/').slice(0, 3).join('/'));
    expect(notices.size).toBe(5);
    const confused: string[] = [];
    let most = 0;
    for (const items of notices.values()) {
      for (const a of items) {
        for (const b of items) {
          if (a === b) continue;
          if (sameMeaning(fingerprint(a.text), b.text)) confused.push(`${a.permalink} ~ ${b.permalink}`);
          most = Math.max(most, pairShare(fingerprint(a.text), b.text));
        }
      }
    }
    expect(confused).toEqual([]);
    expect(most).toBeLessThan(pairThreshold - 0.2);
    expect(all).toHaveLength(124);
  });
});

describe('checkMeanings', () => {
  const none = { changed: [], unbound: [], strayCorrections: [], redirectsOverCommitments: [] };

  test('should pass the commitments the manifest was written from', () => {
    expect(checkMeanings(manifest, notice, [], [])).toEqual(none);
  });

  test('should pass a better title, a changed line range and reformatted wording', () => {
    const reread = notice.map((c) => ({ ...c, title: `${c.title}（新标题）`, text: c.text.replace(/，/gu, ', ').replace(/ /gu, '') }));
    expect(checkMeanings(manifest, reread, [], [])).toEqual(none);
  });

  test('should name both URLs of two swapped items, with what each named and would name', () => {
    const [a, b, c, d] = notice as [ServedCommitment, ServedCommitment, ServedCommitment, ServedCommitment];
    const swapped = [a, { ...c, number: 2, permalink: b.permalink }, { ...b, number: 3, permalink: c.permalink }, d];
    const report = checkMeanings(manifest, swapped, [], []);
    expect(report.changed).toEqual([
      {
        url: '/2023/x/2/',
        was: '实施老旧小区改造改造老旧小区27个惠及居',
        now: '第2项 残疾人救助 — fingerprint 残疾人救助服务对符合条件的017岁残疾人',
        fingerprint: '残疾人救助服务对符合条件的017岁残疾人',
      },
      {
        url: '/2023/x/3/',
        was: '残疾人救助服务对符合条件的017岁残疾人',
        now: '第3项 老旧小区改造 — fingerprint 实施老旧小区改造改造老旧小区27个惠及居',
        fingerprint: '实施老旧小区改造改造老旧小区27个惠及居',
      },
    ]);
  });

  test('should flag the items whose numbers shift when one item is split, and keep the URL of the part that stays', () => {
    const [a, b, c, d] = notice as [ServedCommitment, ServedCommitment, ServedCommitment, ServedCommitment];
    const split = [
      served(1, a.title, '扩大普惠托育服务（区卫健局负责） 新增托位675个。'),
      served(2, a.title, '建成社区托育点3处。'),
      { ...b, number: 3, permalink: '/2023/x/3/' },
      { ...c, number: 4, permalink: '/2023/x/4/' },
      { ...d, number: 5, permalink: '/2023/x/5/' },
    ];
    expect(checkMeanings(manifest, split, [], []).changed.map((x) => x.url)).toEqual(['/2023/x/2/', '/2023/x/3/', '/2023/x/4/']);
  });

  test('should flag the items whose numbers shift when two items are merged, and keep the URL of the merged item', () => {
    const [a, b, c, d] = notice as [ServedCommitment, ServedCommitment, ServedCommitment, ServedCommitment];
    const merged = [
      { ...a, text: `${a.text}${b.text}` },
      { ...c, number: 2, permalink: '/2023/x/2/' },
      { ...d, number: 3, permalink: '/2023/x/3/' },
    ];
    expect(checkMeanings(manifest, merged, [], []).changed.map((x) => x.url)).toEqual(['/2023/x/2/', '/2023/x/3/']);
  });

  test('should accept a change of meaning declared by a correction with the new fingerprint, and measure later changes against it', () => {
    const [a, b, c, d] = notice as [ServedCommitment, ServedCommitment, ServedCommitment, ServedCommitment];
    const moved = [a, { ...c, number: 2, permalink: b.permalink }, { ...b, number: 3, permalink: c.permalink }, d];
    const corrections: Correction[] = [
      { url: '/2023/x/2/', date: '2026-11-29', change: '原第2项与第3项按原文顺序对调。', fingerprint: fingerprint(c.text) },
      { url: '/2023/x/3/', date: '2026-11-29', change: '原第2项与第3项按原文顺序对调。', fingerprint: fingerprint(b.text) },
    ];
    expect(checkMeanings(manifest, moved, [], corrections)).toEqual(none);
    // Back to the published order: the corrections now say otherwise.
    expect(checkMeanings(manifest, notice, [], corrections).changed.map((x) => [x.url, x.was])).toEqual([
      ['/2023/x/2/', `${fingerprint(c.text)} (corrected 2026-11-29)`],
      ['/2023/x/3/', `${fingerprint(b.text)} (corrected 2026-11-29)`],
    ]);
  });

  test('should not accept a correction whose fingerprint names yet another commitment', () => {
    const [a, b, c, d] = notice as [ServedCommitment, ServedCommitment, ServedCommitment, ServedCommitment];
    const moved = [a, { ...c, number: 2, permalink: b.permalink }, { ...b, number: 3, permalink: c.permalink }, d];
    const wrong: Correction[] = [{ url: '/2023/x/2/', date: '2026-11-29', change: '误登记。', fingerprint: fingerprint(d.text) }];
    expect(checkMeanings(manifest, moved, [], wrong).changed.map((x) => x.url)).toEqual(['/2023/x/2/', '/2023/x/3/']);
  });

  test('should follow a redirect to where the commitment now lives, and check that it is the same one', () => {
    const renamed = notice.map((c) => served(c.number, c.title, c.text, 'y'));
    const redirects = notice.map((c) => ({ from: c.permalink, to: c.permalink.replace('/x/', '/y/'), reason: '区县 slug 更正' }));
    expect(checkMeanings(manifest, renamed, redirects, [])).toEqual(none);
    const crossed = redirects.map((r, i) => (i === 0 ? { ...r, to: '/2023/y/4/' } : r));
    expect(checkMeanings(manifest, renamed, crossed, []).changed).toEqual([
      {
        url: '/2023/x/1/',
        was: fingerprint(notice[0]?.text ?? ''),
        now: `第4项 文化工程 — fingerprint ${fingerprint(notice[3]?.text ?? '')} (redirected to /2023/y/4/)`,
        fingerprint: fingerprint(notice[3]?.text ?? ''),
      },
    ]);
    const toPage = redirects.map((r, i) => (i === 0 ? { ...r, to: '/2023/y/' } : r));
    expect(checkMeanings(manifest, renamed, toPage, []).changed.map((x) => x.now)).toEqual(['redirected to /2023/y/, which is not a commitment']);
  });

  test('should report a redirect from a URL that is still a commitment, a correction of an unpublished URL, and a commitment URL without fingerprint', () => {
    const report = checkMeanings(
      [{ url: '/2023/x/1/' }, ...manifest.slice(1)],
      notice,
      [{ from: '/2023/x/2/', to: '/2023/x/3/', reason: '试' }],
      [{ url: '/2023/x/9/', date: '2026-11-29', change: '试', fingerprint: '无' }],
    );
    expect(report).toMatchObject({ unbound: ['/2023/x/1/'], strayCorrections: ['/2023/x/9/'], redirectsOverCommitments: ['/2023/x/2/'] });
  });
});

describe('the manifest', () => {
  test('should read back what it writes: URLs sorted, commitments with their fingerprint', () => {
    const text = writeManifest([{ url: '/2023/x/2/', fingerprint: '实施老旧小区改造' }, { url: '/' }, { url: '/2023/x/2/' }]);
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['/', '/2023/x/2/  实施老旧小区改造', '']);
    expect(readManifest(text)).toEqual({ ok: true, entries: [{ url: '/' }, { url: '/2023/x/2/', fingerprint: '实施老旧小区改造' }] });
  });

  test('should name the line of a malformed entry', () => {
    expect(readManifest('# 注\n/\n/2023/x/1/  实施  多余\n')).toMatchObject({ ok: false, line: 3 });
    expect(readManifest('/2023/x/1/  实施，改造\n')).toMatchObject({ ok: false, line: 1, message: 'not a fingerprint (letters and digits only): 实施，改造' });
  });

  test('should bind new URLs and unbound commitment URLs on update, and never rewrite a fingerprint', () => {
    const [a, b] = notice as [ServedCommitment, ServedCommitment];
    const updated = updateManifest([{ url: '/' }, { url: a.permalink }, { url: b.permalink, fingerprint: '旧指纹' }], ['/2023/x/3/', '/2023/x/'], notice);
    expect(updated).toEqual([
      { url: '/' },
      { url: '/2023/x/1/', fingerprint: '扩大普惠托育服务新增托位675个建成社区' },
      { url: '/2023/x/2/', fingerprint: '旧指纹' },
      { url: '/2023/x/3/', fingerprint: '残疾人救助服务对符合条件的017岁残疾人' },
      { url: '/2023/x/' },
    ]);
  });
});

describe('corrections and redirects files', () => {
  test('should read a correction', () => {
    expect(readCorrections('corrections:\n  - url: /2023/x/2/\n    date: 2026-11-29\n    change: 顺序更正。\n    fingerprint: 残疾人救助服务\n')).toEqual([
      { url: '/2023/x/2/', date: '2026-11-29', change: '顺序更正。', fingerprint: '残疾人救助服务' },
    ]);
    expect(readCorrections(undefined)).toEqual([]);
  });

  test.each([
    ['corrections:\n  - url: /2023/x/2/\n    date: 29.11.2026\n    change: 改\n    fingerprint: 残疾人\n', 'field “corrections.0.date”: a date is YYYY-MM-DD'],
    [
      'corrections:\n  - url: /2023/x/\n    date: 2026-11-29\n    change: 改\n    fingerprint: 残疾人\n',
      'field “corrections.0.url”: a commitment URL is /<year>/<district>/<number>/',
    ],
    [
      'corrections:\n  - url: /2023/x/2/\n    date: 2026-11-29\n    change: 改\n    fingerprint: 残疾人，救助\n',
      'field “corrections.0.fingerprint”: a fingerprint is letters and digits only, as `npm run urls -- --check` prints it',
    ],
  ])('should refuse an invalid correction in one line: %#', (text, message) => {
    expect(() => readCorrections(text)).toThrow(new Error(message));
  });

  test('should refuse an invalid redirect or broken YAML in one line', () => {
    expect(() => readRedirects('redirects:\n  - from: 2023/x/\n    to: /2023/y/\n    reason: 改\n')).toThrow(/^field “redirects\.0\.from”: /u);
    expect(() => readRedirects('redirects: [\n')).toThrow(/^(line \d+: )?invalid YAML: [^\n]*$/u);
  });
});

describe('the built-in content', () => {
  test('should bind every commitment URL of the manifest to the commitment it names', () => {
    const files = readPermanenceFiles(content);
    const bound = new Set(files.manifest.filter((e) => e.fingerprint !== undefined).map((e) => e.url));
    expect(files.commitments.filter((c) => !bound.has(c.permalink))).toEqual([]);
    expect(checkMeanings(files.manifest, files.commitments, files.redirects, files.corrections)).toEqual({
      changed: [],
      unbound: [],
      strayCorrections: [],
      redirectsOverCommitments: [],
    });
  });
});

describe('npm run urls on a copy of the content', () => {
  let corpus: string;
  let dist: string;

  /** Runs the urls command on the copy. */
  const urls = (...args: string[]) =>
    spawnSync(node, ['scripts/urls.ts', ...args, '--dist', dist], { cwd: project, env: { ...process.env, MINSHENG_CONTENT_DIR: corpus }, encoding: 'utf8' });

  /** Swaps the commitments at two numbers of jinan-shizhong, as a parser that misread their order would. */
  const swap = (m: number, n: number): void => {
    const file = (k: number) => join(corpus, 'commitments', '2023', 'jinan-shizhong', `${k}.md`);
    const renumber = (text: string, k: number) => text.replace(/^number: \d+$/mu, `number: ${k}`).replace(/^permalink: .*$/mu, `permalink: /2023/jinan-shizhong/${k}/`);
    const [a, b] = [readFileSync(file(m), 'utf8'), readFileSync(file(n), 'utf8')];
    writeFileSync(file(m), renumber(b, m));
    writeFileSync(file(n), renumber(a, n));
  };

  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'minsheng-permanence-'));
    cpSync(content, corpus, { recursive: true });
    // A stand-in build: one file per manifest URL, as the build writes them.
    dist = join(corpus, 'dist');
    const read = readManifest(readFileSync(join(content, 'urls.txt'), 'utf8'));
    if (!read.ok) throw new Error('the committed manifest does not read');
    for (const { url } of read.entries) {
      const file = join(dist, url.endsWith('/') ? `${url}index.html` : url);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
    // …and a whole (empty) search index, so that only meanings are checked here.
    mkdirSync(join(dist, indexDir), { recursive: true });
    writeFileSync(join(dist, indexDir, partsFile), '{}');
    writeFileSync(join(dist, indexDir, completeFile), indexRecord([], new Map([[partsFile, 2]])));
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  test('should pass the built-in notices', () => {
    const run = urls('--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^urls --check: all \d+ published URLs are served, and the 124 commitments' URLs keep their meaning\n$/u);
  });

  test('should fail on two swapped items, naming each URL with the old and the new commitment, until corrections declare them', () => {
    swap(11, 12);
    const run = urls('--check');
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
    const lines = run.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('changed:  /2023/jinan-shizhong/11/'));
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '      was:  残疾人救助服务对符合条件的017岁残疾人',
      '      now:  第11项 文化工程建设 — fingerprint 文化工程建设提升更新农家书屋10家建设历',
    ]);
    const at12 = lines.findIndex((l) => l.includes('changed:  /2023/jinan-shizhong/12/'));
    expect(lines.slice(at12 + 1, at12 + 3)).toEqual([
      '      was:  文化工程建设提升更新农家书屋10家建设历',
      '      now:  第12项 残疾人救助服务 — fingerprint 残疾人救助服务对符合条件的017岁残疾人',
    ]);
    // --update does not bless it either.
    expect(urls('--update').status).toBe(1);

    writeFileSync(
      join(corpus, 'corrections.yaml'),
      [
        'corrections:',
        '  - url: /2023/jinan-shizhong/11/',
        '    date: 2026-11-29',
        '    change: 原第11项与第12项按原文顺序对调。',
        '    fingerprint: 文化工程建设提升更新农家书屋10家建设历',
        '  - url: /2023/jinan-shizhong/12/',
        '    date: 2026-11-29',
        '    change: 原第11项与第12项按原文顺序对调。',
        '    fingerprint: 残疾人救助服务对符合条件的017岁残疾人',
        '',
      ].join('\n'),
    );
    const corrected = urls('--check');
    expect(corrected.stderr).toBe('');
    expect(corrected.status).toBe(0);
  });

  test('should refuse a broken corrections file in one line naming it', () => {
    writeFileSync(join(corpus, 'corrections.yaml'), 'corrections:\n  - url: /2023/jinan-shizhong/11/\n    date: 明天\n');
    const run = urls('--check');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(corpus, 'corrections.yaml')}: error: field “corrections.0.date”: a date is YYYY-MM-DD\n`);
  });
});
