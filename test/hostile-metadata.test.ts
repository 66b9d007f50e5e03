/**
 * Hostile and broken metadata: content URLs are `http:`/`https:` only (refused
 * at ingest, never emitted as a link at render), redirects stay on the site,
 * and every bad metadata file — an alias bomb included — is one line naming
 * the file, never a stack trace. A fast-check fuzz over metadata texts holds
 * the same promise for anything.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readMeta } from '../src/lib/content/ingest.ts';
import { NoticeMeta, SitePath, WebUrl } from '../src/lib/schema.ts';
import { commitmentJsonLd } from '../src/lib/site/jsonld.ts';
import { readRedirects } from '../src/lib/site/permanence.ts';
import { externalHref } from '../src/lib/site/urls.ts';
import { commitment, notice, places } from './helpers/records.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const node = join(projectRoot, 'node_modules', '.bin', 'node');
const metaPath = 'notices/2023/jinan-shizhong.yaml';

/** Returns a metadata file of the built-in notice with `sourceUrl` set to `url` (a YAML scalar as written). */
function metaWithUrl(url: string): string {
  return ['slug: jinan-shizhong', 'year: 2023', 'province: 山东省', 'city: 济南市', 'district: 市中区', 'districtFull: 济南市市中区', `sourceUrl: ${url}`, ''].join('\n');
}

/** A YAML alias bomb ("billion laughs"): nine levels of nine aliases, 387 million strings once expanded. */
const aliasBomb = [
  'slug: jinan-shizhong',
  'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => {
    const prev = 'abcdefghi'[i] ?? 'a';
    return `${k}: &${k} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`;
  }),
  'districtFull: *i',
  '',
].join('\n');

/** Hostile addresses: none may become a link. */
const hostileUrls = [
  'javascript:alert(document.domain)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/',
  'ftp://files.example.gov.cn/notice.doc',
  'file:///etc/passwd',
  'https:evil.example',
];

describe('URL fields of content', () => {
  test.each(hostileUrls)('should refuse %j as a notice’s source URL, naming the file and the field', (url) => {
    const read = readMeta(metaPath, metaWithUrl(JSON.stringify(url)));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toEqual([{ file: metaPath, line: 0, message: 'field “sourceUrl”: only an http:// or https:// address is accepted' }]);
  });

  test('should accept an http and an https source URL, and null', () => {
    for (const url of ['https://www.example.gov.cn/art/2023/1/10/notice.html', 'http://www.example.gov.cn/a?b=1&c="2"', 'null']) {
      expect(readMeta(metaPath, metaWithUrl(url.startsWith('http') ? JSON.stringify(url) : url)).ok).toBe(true);
    }
  });

  test.each(['//evil.example', '//evil.example/2023/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '2023/x/', '/a b/'])(
    'should refuse %j as a redirect’s target or origin, in one line naming the field',
    (path) => {
      expect(SitePath.safeParse(path).success).toBe(false);
      const to = `redirects:\n  - from: /2023/old/\n    to: ${JSON.stringify(path)}\n    reason: 测试\n`;
      expect(() => readRedirects(to)).toThrow(/^field “redirects\.0\.to”: a site path starts with one “\/”/u);
      const from = `redirects:\n  - from: ${JSON.stringify(path)}\n    to: /2023/new/\n    reason: 测试\n`;
      expect(() => readRedirects(from)).toThrow(/^field “redirects\.0\.from”: /u);
    },
  );

  test('should accept a redirect between two site paths', () => {
    expect(readRedirects('redirects:\n  - from: /2023/old/\n    to: /2023/new/\n    reason: 测试\n')).toEqual([{ from: '/2023/old/', to: '/2023/new/', reason: '测试' }]);
  });

  test('should say on which line a redirects file is not valid YAML', () => {
    expect(() => readRedirects('redirects:\n  - from: /a/\n   to: [\n')).toThrow(/^line \d: invalid YAML: /u);
  });
});

describe('links at render (the second line of defence)', () => {
  test.each(hostileUrls)('should never make %j an href', (url) => {
    expect(externalHref(url)).toBeUndefined();
  });

  test('should keep an http(s) address exactly as written', () => {
    expect(externalHref('https://www.example.gov.cn/a?b=1&c=%E4%B8%AD')).toBe('https://www.example.gov.cn/a?b=1&c=%E4%B8%AD');
    expect(externalHref('http://example.gov.cn/')).toBe('http://example.gov.cn/');
    expect(externalHref(null)).toBeUndefined();
    expect(externalHref('not a url')).toBeUndefined();
  });

  test('should leave a javascript: source URL out of the JSON-LD, even when it reached the page', () => {
    const hostile = { ...notice(places.xiangshan), sourceUrl: 'javascript:alert(1)' };
    const ld = commitmentJsonLd({ notice: hostile, commitment: commitment(places.xiangshan, 1), url: 'https://example.org/2023/huaibei-xiangshan/1/' });
    expect(JSON.stringify(ld)).not.toContain('javascript:');
    const safe = commitmentJsonLd({
      notice: { ...hostile, sourceUrl: 'https://www.example.gov.cn/n.html' },
      commitment: commitment(places.xiangshan, 1),
      url: 'https://example.org/',
    });
    expect(ld['isPartOf']).not.toHaveProperty('url');
    expect(safe['isPartOf']).toHaveProperty('url', 'https://www.example.gov.cn/n.html');
  });
});

describe('a YAML alias bomb in metadata', () => {
  test('should be one error naming the file, not an exhausted process or a thrown exception', () => {
    const read = readMeta(metaPath, aliasBomb);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]?.file).toBe(metaPath);
    expect(read.errors[0]?.message).toMatchInlineSnapshot(`"invalid YAML: Excessive alias count indicates a resource exhaustion attack"`);
  });

  test('should be refused in a redirects file too', () => {
    expect(() => readRedirects(aliasBomb)).toThrowErrorMatchingInlineSnapshot(`[Error: invalid YAML: Excessive alias count indicates a resource exhaustion attack]`);
  });
});

describe('the ingest script on hostile metadata', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'minsheng-hostile-'));
    mkdirSync(join(tmp, 'notices', '2023'), { recursive: true });
    for (const ext of ['txt', 'yaml'])
      copyFileSync(join(projectRoot, 'content', 'notices', '2023', `jinan-shizhong.${ext}`), join(tmp, 'notices', '2023', `jinan-shizhong.${ext}`));
  });
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Runs ingest on the temporary content directory; returns its exit status and stderr's error lines. */
  function ingest(): { status: number | null; stderr: string; errors: string[] } {
    const run = spawnSync(node, ['scripts/ingest.ts'], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MINSHENG_CONTENT_DIR: tmp } });
    return { status: run.status, stderr: run.stderr, errors: run.stderr.split('\n').filter((l) => /: error: /u.test(l)) };
  }

  /** Asserts a refusal: exit 1, one error line, no stack trace; returns the line, the temporary directory shown as `<content>`. */
  function refusal(run: ReturnType<typeof ingest>): string {
    expect(run.status).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at |\bError\b/mu);
    return (run.errors[0] ?? '').replaceAll(relative(projectRoot, tmp), '<content>').replaceAll(tmp, '<content>');
  }

  test('should refuse a javascript: source URL in one line naming the metadata file', () => {
    writeFileSync(join(tmp, 'notices', '2023', 'jinan-shizhong.yaml'), metaWithUrl('"javascript:alert(document.domain)"'));
    expect(refusal(ingest())).toMatchInlineSnapshot(`"<content>/notices/2023/jinan-shizhong.yaml: error: field “sourceUrl”: only an http:// or https:// address is accepted"`);
  });

  test('should refuse a redirect to //evil.example in one line naming redirects.yaml', () => {
    writeFileSync(join(tmp, 'redirects.yaml'), 'redirects:\n  - from: /2023/old/\n    to: //evil.example\n    reason: 测试\n');
    expect(refusal(ingest())).toMatchInlineSnapshot(
      `"<content>/redirects.yaml: error: field “redirects.0.to”: a site path starts with one “/” and names no other host (no “//”, no “\\”, no spaces)"`,
    );
  });

  test('should refuse an alias bomb in one line naming the metadata file', () => {
    writeFileSync(join(tmp, 'notices', '2023', 'jinan-shizhong.yaml'), aliasBomb);
    expect(refusal(ingest())).toMatchInlineSnapshot(
      `"<content>/notices/2023/jinan-shizhong.yaml: error: invalid YAML: Excessive alias count indicates a resource exhaustion attack"`,
    );
  });
});

// ---------------------------------------------------------------------------
// Fuzz: any metadata text is either valid metadata or one-line errors naming the file.

/** YAML scalars, hostile and ordinary. */
const scalar = fc.oneof(
  fc.constantFrom('null', '~', 'true', '2023', '-1', '1e400', '.nan', '""', "''", '[]', '{}', '|\n  多行\n  文本', '!!binary aGk=', '!!js/function "f(){}"', '!!set {a}', '<<: *x'),
  fc.constantFrom(...hostileUrls.map((u) => JSON.stringify(u)), '"https://www.example.gov.cn/n.html"', '"http://a.example/?q=\\"><script>alert(1)</script>"'),
  fc.constantFrom('"<script>alert(1)</script>"', '"\' onmouseover=alert(1) x=\'"', '"济南市市中区"', '"市中区"', 'jinan-shizhong', '"../../etc"', '"\\u0000"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }),
);

/** The metadata's keys, and some it does not know. */
const key = fc.constantFrom(
  'slug',
  'year',
  'province',
  'city',
  'district',
  'districtFull',
  'sourceUrl',
  'sourceNote',
  'topicOverrides',
  '__proto__',
  'constructor',
  '"1"',
  '? [a, b]',
);

/** A metadata-like YAML text: lines of key and value, some with anchors and aliases, some indented, some raw garbage. */
const metaText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`) },
      { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('a', 'b'), scalar).map(([k, a, v]) => `${k}: &${a} ${v}`) },
      { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('a', 'b', 'zz')).map(([k, a]) => `${k}: *${a}`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('  ', '\t', '- ', '? '), key, scalar).map(([i, k, v]) => `${i}${k}: ${v}`) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0] ?? '\n'));

/** A valid metadata file with one line replaced by anything. */
const mutatedValid = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.string({ maxLength: 30 }),
    ),
  )
  .map(([i, line]) => {
    const lines = metaWithUrl('null').split('\n');
    lines[i] = line;
    return lines.join('\n');
  });

describe('any metadata file (fuzz)', () => {
  test('should be valid metadata with an http(s) source URL, or one-line errors naming the file — never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(metaText, mutatedValid, fc.string({ maxLength: 200 })), (text) => {
        const read = readMeta(metaPath, text);
        if (read.ok) {
          expect(NoticeMeta.safeParse(read.meta).success).toBe(true);
          if (read.meta.sourceUrl !== null) {
            expect(WebUrl.safeParse(read.meta.sourceUrl).success).toBe(true);
            expect(['http:', 'https:']).toContain(new URL(read.meta.sourceUrl).protocol);
          }
          return;
        }
        expect(read.errors.length).toBeGreaterThan(0);
        for (const e of read.errors) {
          expect(e.file).toBe(metaPath);
          expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
          expect(e.message.trim()).not.toBe('');
          expect(e.message).not.toMatch(/[\r\n]/u);
          expect(e.message).not.toMatch(/^\s+at /mu);
        }
      }),
      { numRuns: 2000, seed: 20231110 },
    );
  });
});
