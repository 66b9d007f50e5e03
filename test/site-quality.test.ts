/**
 * Static quality gates over the whole build (tools/quality/, and the
 * `scripts/check-site.ts` command): every internal link and asset of every
 * page resolves, every fragment exists, nothing but a link in a page's own
 * content goes to another origin, and every HTML file passes html-validate.
 * Then the pure helpers, on small hand-written HTML.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from './helpers/built-site.ts';
import { checkLinks } from '../tools/quality/check.ts';
import type { LinkReport, SiteFiles } from '../tools/quality/check.ts';
import { contentAfterHtml, decodeEntities, lineColumn, scanTags } from '../tools/quality/html.ts';
import { createValidator, validatePage } from '../tools/quality/htmlvalidate.ts';
import {
  anchorsOf,
  candidateFiles,
  cssUrls,
  htmlReferences,
  loadedCode,
  moduleSpecifiers,
  pageUrl,
  refreshUrl,
  resolveReference,
  siteRootOf,
  srcsetUrls,
} from '../tools/quality/links.ts';
import { formatProblem } from '../tools/quality/problem.ts';
import type { Problem } from '../tools/quality/problem.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');

/** Returns every file under `dir`, as sorted posix paths from it. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** Returns the problems of the given rules, one line each, for a readable failure. */
function lines(problems: readonly Problem[], rules: readonly string[]): string[] {
  return problems.filter((p) => rules.includes(p.rule)).map(formatProblem);
}

/** A site held in memory: file → text. */
function memorySite(files: Record<string, string>): SiteFiles {
  return {
    files: Object.keys(files),
    read: (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`no file ${file}`);
      return text;
    },
  };
}

/** Returns a small valid page with `body` inside `<main>` and `extra` after it (in `<body>`). */
function page(body: string, options: { head?: string; extra?: string; title?: string } = {}): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${options.title ?? '测试页面'}</title>${options.head ?? ''}</head><body><main id="main"><h1>标题</h1>${body}</main>${options.extra ?? ''}</body></html>`;
}

// ---------------------------------------------------------------------------
// The real build.

describe('the built site', () => {
  let out = '';
  let files: string[] = [];
  let site: SiteFiles;
  let root: URL | undefined;
  let links: LinkReport;

  beforeAll(() => {
    out = builtSite();
    files = filesUnder(out);
    site = { files, read: (file) => readFileSync(join(out, file), 'utf8') };
    root = siteRootOf(site.read('index.html'));
    links = checkLinks(site, root ?? new URL('https://minsheng.example.org/'));
  }, 180_000);

  test('should declare its address and base path in the home page canonical link', () => {
    expect(root?.href).toBe('https://minsheng.example.org/');
  });

  test('should resolve every internal link and asset of every page to a file of the build', () => {
    expect(lines(links.problems, ['missing-target', 'outside-base', 'invalid-url', 'javascript-url'])).toEqual([]);
    // Five notices: home, year, 5 districts, 5 sources, 124 commitments, departments, topics… more than 200 pages.
    expect(links.pages).toBeGreaterThan(200);
    // Every page has at least its navigation, breadcrumb and icon.
    expect(links.internal).toBeGreaterThan(2000);
  });

  test('should point every fragment at an id of the page it names', () => {
    expect(lines(links.problems, ['missing-fragment'])).toEqual([]);
    // Each of the 124 commitment pages links its lines on the source page (#c18), and each source page links every line (#L31).
    expect(links.fragments).toBeGreaterThan(124);
    const commitment = htmlReferences(site.read('2023/huaibei-xiangshan/18/index.html')).map((r) => r.url);
    expect(commitment).toContain('/2023/huaibei-xiangshan/source/#c18');
    const source = anchorsOf(site.read('2023/huaibei-xiangshan/source/index.html'));
    expect(source.has('L31')).toBe(true);
    expect(source.has('c18')).toBe(true);
  });

  test('should check the files loaded by the scripts the pages load, such as the chart.js chunk', () => {
    expect(links.loaded.some((f) => /^_astro\/render\.[\w-]+\.js$/u.test(f))).toBe(true);
    expect(links.loaded.every((f) => f.startsWith('_astro/') || f.startsWith('js/'))).toBe(true);
  });

  test('should link to other origins only from the text of a page, never load anything from them', () => {
    expect(lines(links.problems, ['third-party'])).toEqual([]);
    const outside = links.external.filter((e) => !(e.inContent && e.kind === 'link')).map((e) => `${e.file}: ${e.where} ${e.url}`);
    expect(outside).toEqual([]);
  });

  test('should name in each page’s policy exactly the inline styles it has, each once', () => {
    const wrong: string[] = [];
    let styled = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = site.read(file);
      const policy = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/iu.exec(html)?.[1];
      if (policy === undefined) continue;
      const named = (/style-src([^;]*)/u.exec(policy)?.[1] ?? '').split(/\s+/u).filter((s) => s.startsWith("'sha256-"));
      const own = [
        ...new Set(
          [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gu)].map(
            (m) =>
              `'sha256-${createHash('sha256')
                .update(m[1] ?? '')
                .digest('base64')}'`,
          ),
        ),
      ];
      if (own.length > 0) styled++;
      if (named.join(' ') !== own.join(' ')) wrong.push(`${file}: names ${named.length}, has ${own.length}`);
    }
    expect(wrong).toEqual([]);
    expect(styled).toBeGreaterThan(200);
  });

  test('should validate every HTML file with html-validate', async () => {
    const validator = createValidator();
    const problems: Problem[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) problems.push(...(await validatePage(validator, file, site.read(file))));
    expect(problems.map(formatProblem)).toEqual([]);
  }, 120_000);
});

// ---------------------------------------------------------------------------
// The command.

describe('node scripts/check-site.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-check-site-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a site of `files` into a fresh folder under `dir` and returns the folder. */
  function writeSite(name: string, siteFiles: Record<string, string>): string {
    const at = join(dir, name);
    for (const [file, text] of Object.entries(siteFiles)) {
      mkdirSync(dirname(join(at, file)), { recursive: true });
      writeFileSync(join(at, file), text);
    }
    return at;
  }
  const canonical = (path: string): string => `<link rel="canonical" href="https://example.org/minsheng${path}">`;

  test('should print a summary and exit 0 for a site without problems', () => {
    const at = writeSite('good', {
      'index.html': page('<p><a href="/minsheng/2023/#list">2023年</a></p>', { head: canonical('/') }),
      '2023/index.html': page('<ol id="list"><li><a href="../">首页</a></li></ol>', { head: canonical('/2023/') }),
    });
    const run = spawnSync(node, ['scripts/check-site.ts', at], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('served at https://example.org/minsheng/');
    expect(run.stdout).toContain('2 pages, 4 references (4 internal), 1 fragments against 3 anchors');
    expect(run.stdout).toContain('no problems');
  }, 60_000);

  test('should exit 1 naming each problem by file, line and column', () => {
    const at = writeSite('bad', {
      'index.html': page('<p><a href="/minsheng/2024/">2024年</a></p>\n<p><a href="/minsheng/2023/#c99">第99项</a></p>', { head: canonical('/') }),
      '2023/index.html': page('<p id="x">一</p><p id="x">二</p>', { head: canonical('/2023/') }),
    });
    const run = spawnSync(node, ['scripts/check-site.ts', at], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('3 problem(s)');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      '2023/index.html:1:208: Duplicate ID "x" (no-dup-id)',
      'index.html:1:187: a[href] "/minsheng/2024/": no file 2024/index.html in the build (missing-target)',
      'index.html:2:7: a[href] "/minsheng/2023/#c99": no id "c99" on 2023/index.html (missing-fragment)',
    ]);
  }, 60_000);

  test('should refuse a folder without a built site', () => {
    const run = spawnSync(node, ['scripts/check-site.ts', join(dir, 'nothing-here')], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing-here: error: no such directory');
  }, 60_000);
});

// ---------------------------------------------------------------------------
// The pure helpers.

describe('scanning HTML tags', () => {
  test('should read quoted, unquoted and bare attributes, with character references decoded', () => {
    const [tag] = scanTags('<A HREF="/a/?x=1&amp;y=2" data-n=3 hidden title=\'它&#x27;s\'>');
    expect(tag?.name).toBe('a');
    expect(tag?.attributes.map((a) => [a.name, a.value])).toEqual([
      ['href', '/a/?x=1&y=2'],
      ['data-n', '3'],
      ['hidden', ''],
      ['title', "它's"],
    ]);
  });

  test('should skip comments, the doctype and the text of scripts and styles', () => {
    const html = '<!DOCTYPE html><!-- <a href="/no/"> --><script>if (a<b) document.write("<img src=x>")</script><style>p{}</style><p id="yes">';
    expect(scanTags(html).map((t) => t.name)).toEqual(['script', 'style', 'p']);
    expect(scanTags(html)[0]?.text).toBe('if (a<b) document.write("<img src=x>")');
  });

  test('should tell which tags stand inside <main>', () => {
    const html = '<header><a href="/h/">h</a></header><main><a href="/m/">m</a></main><footer><a href="/f/">f</a></footer>';
    expect(
      scanTags(html)
        .filter((t) => t.name === 'a')
        .map((t) => t.inMain),
    ).toEqual([false, true, false]);
  });

  test('should decode numeric and common named references and keep unknown ones', () => {
    expect(decodeEntities('&lt;&#21307;&#x7597;&gt; &amp; &copy;')).toBe('<医疗> & &copy;');
  });

  test('should count lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  test('should find markup after </html> but not white space or comments', () => {
    expect(contentAfterHtml('<html><body></body></html>\n')).toBeUndefined();
    expect(contentAfterHtml('<html><body></body></html>\n<!-- built -->\n')).toBeUndefined();
    expect(contentAfterHtml('<html><body></body></html><script src="/a.js"></script>')).toBe(26);
  });
});

describe('extracting references', () => {
  test('should read every URL of a page with what it is for and whether it is in the content', () => {
    const html = [
      '<head><link rel="canonical" href="https://example.org/2023/"><link rel="stylesheet" href="/s.css">',
      '<meta property="og:url" content="https://example.org/2023/"><meta http-equiv="refresh" content="0;url=/new/">',
      '<style>body{background:url("/bg.png")}</style><script type="module" src="/_astro/a.js"></script></head>',
      '<body><a href="/">首页</a><main><a href="https://www.gov.cn/x.html" rel="external">原发布网址</a>',
      '<img src="/a.png" srcset="/a-2x.png 2x, /a-3x.png 3x" alt=""><form action="/search/"></form><form action=""></form>',
      '<blockquote cite="https://example.org/2023/x/1/"><p>原文</p></blockquote><div style="background-image:url(/d.png)"></div></main></body>',
    ].join('\n');
    expect(htmlReferences(html).map((r) => [r.where, r.kind, r.inContent, r.url])).toEqual([
      ['link[href]', 'metadata', false, 'https://example.org/2023/'],
      ['link[href]', 'resource', false, '/s.css'],
      ['meta[og:url]', 'metadata', false, 'https://example.org/2023/'],
      ['meta[http-equiv=refresh]', 'link', false, '/new/'],
      ['style[url()]', 'resource', false, '/bg.png'],
      ['script[src]', 'resource', false, '/_astro/a.js'],
      ['a[href]', 'link', false, '/'],
      ['a[href]', 'link', true, 'https://www.gov.cn/x.html'],
      ['img[src]', 'resource', false, '/a.png'],
      ['img[srcset]', 'resource', false, '/a-2x.png'],
      ['img[srcset]', 'resource', false, '/a-3x.png'],
      ['form[action]', 'link', false, '/search/'],
      ['blockquote[cite]', 'metadata', false, 'https://example.org/2023/x/1/'],
      ['[style][url()]', 'resource', false, '/d.png'],
    ]);
  });

  test('should list the scripts and stylesheets a page loads', () => {
    const html =
      '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{}</script><link rel="stylesheet" href="/s.css"><link rel="icon" href="/favicon.svg">';
    expect(loadedCode(html)).toEqual(['/_astro/a.js', '/s.css']);
  });

  test('should collect ids and the names of <a> elements as anchors', () => {
    const html = '<section id="c18"><div class="ln" id="L31"></div></section><a name="old"></a><input name="q">';
    expect([...anchorsOf(html)].sort()).toEqual(['L31', 'c18', 'old']);
  });

  test('should read the URLs of a srcset, commas inside a URL included', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('x.png?a=1,2 1x,y.png')).toEqual(['x.png?a=1,2', 'y.png']);
    expect(srcsetUrls('  ')).toEqual([]);
  });

  test('should read url() and @import in CSS, not in comments', () => {
    const css = `a{background:url(a.png)} b{background:url( "b.png" )} /* url(no.png) */ c{background:url('c.png')} @import "e.css";`;
    expect(cssUrls(css).map((u) => u.url)).toEqual(['a.png', 'b.png', 'c.png', 'e.css']);
  });

  test('should read the paths a module imports, statically or with a literal dynamic import', () => {
    const js = 'import{a as b}from"./x.js";import"./y.js";const z=()=>import(`./z.js`),p=u=>import(`${u}/p.js`);export{c}from\'../w.js\';import d from"chart.js";';
    expect(moduleSpecifiers(js).map((u) => u.url)).toEqual(['./x.js', './y.js', './z.js', '../w.js']);
  });

  test('should read the URL of a meta refresh', () => {
    expect(refreshUrl('0;url=/2023/huaibei-xiangshan/')).toBe('/2023/huaibei-xiangshan/');
    expect(refreshUrl("0; URL='/x/'")).toBe('/x/');
    expect(refreshUrl('5')).toBeUndefined();
  });
});

describe('resolving references under the base path', () => {
  const root = new URL('https://example.org/minsheng/');

  test('should give each page the URL it is served at', () => {
    expect(pageUrl(root, 'index.html').href).toBe('https://example.org/minsheng/');
    expect(pageUrl(root, '2023/huaibei-xiangshan/18/index.html').href).toBe('https://example.org/minsheng/2023/huaibei-xiangshan/18/');
    expect(pageUrl(root, '404.html').href).toBe('https://example.org/minsheng/404.html');
    expect(pageUrl(root, '_astro/a.js').href).toBe('https://example.org/minsheng/_astro/a.js');
  });

  test('should resolve relative, root-relative and absolute links to a path and a fragment', () => {
    const from = pageUrl(root, '2023/huaibei-xiangshan/18/index.html');
    expect(resolveReference('../source/#c18', from, root)).toEqual({ kind: 'internal', path: '2023/huaibei-xiangshan/source/', fragment: 'c18' });
    expect(resolveReference('/minsheng/2023/', from, root)).toEqual({ kind: 'internal', path: '2023/', fragment: undefined });
    expect(resolveReference('https://example.org/minsheng/', from, root)).toEqual({ kind: 'internal', path: '', fragment: undefined });
    expect(resolveReference('#', from, root)).toEqual({ kind: 'internal', path: '2023/huaibei-xiangshan/18/', fragment: '' });
    expect(resolveReference('/minsheng/%E6%90%9C%E7%B4%A2/#%E7%BB%93%E6%9E%9C', from, root)).toEqual({ kind: 'internal', path: '搜索/', fragment: '结果' });
  });

  test('should tell other origins, paths outside the base, other schemes and malformed paths apart', () => {
    const from = pageUrl(root, 'index.html');
    expect(resolveReference('https://www.gov.cn/zhengce/', from, root)).toEqual({ kind: 'external', url: 'https://www.gov.cn/zhengce/', origin: 'https://www.gov.cn' });
    expect(resolveReference('//cdn.example.com/x.js', from, root)).toEqual({ kind: 'external', url: 'https://cdn.example.com/x.js', origin: 'https://cdn.example.com' });
    expect(resolveReference('/2023/', from, root)).toEqual({ kind: 'outside-base', url: '/2023/' });
    expect(resolveReference('mailto:a@example.org', from, root)).toEqual({ kind: 'other', scheme: 'mailto' });
    expect(resolveReference('/minsheng/%E0%A4%A/', from, root)).toEqual({ kind: 'invalid', reason: 'has a malformed percent-encoding' });
  });

  test('should serve a folder by its index.html', () => {
    expect(candidateFiles('')).toEqual(['index.html']);
    expect(candidateFiles('2023/')).toEqual(['2023/index.html']);
    expect(candidateFiles('favicon.svg')).toEqual(['favicon.svg', 'favicon.svg/index.html']);
  });

  test('should read the site root from the home page canonical link', () => {
    expect(siteRootOf('<link rel="canonical" href="https://example.org/minsheng/">')?.href).toBe('https://example.org/minsheng/');
    expect(siteRootOf('<link rel="canonical" href="https://example.org/minsheng">')?.href).toBe('https://example.org/minsheng/');
    expect(siteRootOf('<title>无</title>')).toBeUndefined();
  });
});

describe('checking the links of a site', () => {
  const root = new URL('https://example.org/');

  test('should report missing files, missing fragments and third-party resources, and allow links in the content', () => {
    const site = memorySite({
      'index.html': [
        '<head><script type="module" src="/_astro/a.js"></script><script src="https://cdn.example.com/x.js"></script></head>',
        '<body><a href="https://twitter.com/share">分享</a><main>',
        '<a href="/2023/">2023年</a><a href="/2023/#c1">第1项</a><a href="/2023/#c2">第2项</a><a href="/2024/">2024年</a>',
        '<a href="https://www.gov.cn/x.html">原发布网址</a><img src="/missing.png" alt=""></main></body>',
      ].join('\n'),
      '2023/index.html': '<main><section id="c1"></section><a href="#c1">本页</a><a href="../">首页</a></main>',
      '_astro/a.js': 'const r=()=>import(`./render.js`);import"./gone.js";',
      '_astro/render.js': 'export const draw=1;',
    });
    const report = checkLinks(site, root);
    expect(report.problems.map(formatProblem)).toEqual([
      "index.html:1:65: script[src] loads https://cdn.example.com/x.js on another origin (https://cdn.example.com) outside the page's content (third-party)",
      "index.html:2:10: a[href] links to https://twitter.com/share on another origin (https://twitter.com) outside the page's content (third-party)",
      'index.html:3:57: a[href] "/2023/#c2": no id "c2" on 2023/index.html (missing-fragment)',
      'index.html:3:84: a[href] "/2024/": no file 2024/index.html in the build (missing-target)',
      'index.html:4:51: img[src] "/missing.png": no file missing.png or missing.png/index.html in the build (missing-target)',
      '_astro/a.js:1:35: import "./gone.js": no file _astro/gone.js or _astro/gone.js/index.html in the build (missing-target)',
    ]);
    expect(report.pages).toBe(2);
    expect(report.references).toBe(13);
    expect(report.internal).toBe(10);
    expect(report.fragments).toBe(3);
    expect(report.anchors).toBe(1);
    expect(report.loaded).toEqual(['_astro/a.js', '_astro/render.js']);
    expect(report.external.map((e) => [e.url, e.inContent])).toEqual([
      ['https://cdn.example.com/x.js', false],
      ['https://twitter.com/share', false],
      ['https://www.gov.cn/x.html', true],
    ]);
  });
});

describe('the html-validate configuration', () => {
  const validator = createValidator();
  const check = async (html: string): Promise<string[]> => (await validatePage(validator, 'page.html', html)).map((p) => `${p.rule}: ${p.message}`);

  test('should accept a small valid page', async () => {
    expect(await check(page('<p>正文</p>'))).toEqual([]);
  });

  test('should report duplicate ids', async () => {
    expect(await check(page('<p id="c18">一</p><p id="c18">二</p>'))).toEqual(['no-dup-id: Duplicate ID "c18"']);
  });

  test('should accept an Astro module script from the site itself and JSON-LD, and require SRI from another origin', async () => {
    const head = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CreativeWork"}</script>';
    expect(await check(page('<p>正文</p>', { head, extra: '<script type="module" src="/_astro/a.Hash.js"></script>' }))).toEqual([]);
    expect(await check(page('<p>正文</p>', { extra: '<script src="https://cdn.example.com/x.js"></script>' }))).toEqual([
      'require-sri: SRI "integrity" attribute is required on <script> element',
    ]);
  });

  test('should refuse an inline style, a chart’s height included (the Content-Security-Policy blocks it)', async () => {
    expect(await check(page('<div style="height:228px"></div>'))).toEqual(['no-inline-style: Inline style is not allowed']);
    expect(await check(page('<p style="margin:0 0 0.25rem 3.2rem">→</p>'))).toEqual(['no-inline-style: Inline style is not allowed']);
  });

  test('should accept the redirect page Astro generates for a declared redirect', async () => {
    const redirect = [
      '<!doctype html>',
      '<title>Redirecting to: /2023/huaibei-xiangshan/</title>',
      '<meta http-equiv="refresh" content="0;url=/2023/huaibei-xiangshan/">',
      '<meta name="robots" content="noindex">',
      '<link rel="canonical" href="https://minsheng.example.org/2023/huaibei-xiangshan/">',
      '<body>',
      '\t<a href="/2023/huaibei-xiangshan/">Redirecting from <code>/2023/xiangshan/</code> to <code>/2023/huaibei-xiangshan/</code></a>',
      '</body>',
    ].join('\n');
    expect(await check(redirect)).toEqual([]);
  });

  test('should report a script placed after </html>', async () => {
    const html = `${page('<p>正文</p>')}<script type="module" src="/_astro/search.js"></script>`;
    expect(await check(html)).toEqual(["content-after-html: <script> after </html>: move it inside <body> (in Astro, inside the layout's slot)"]);
  });
});
