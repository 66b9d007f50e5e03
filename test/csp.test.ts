/**
 * The Content-Security-Policy's pure half (src/lib/site/csp.ts) and the
 * `_headers` file `scripts/headers.ts` writes for hosts that read it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { cspDirectives, headersFile, mergePolicies, pagePolicy, searchScriptSource, withOwnStyleHashes } from '../src/lib/site/csp.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');

/** A page as Astro writes it with `security.csp`: the policy in a meta element, HTML-escaped quotes. */
const pageWith = (policy: string, body = '<script type="module" src="/_astro/a.js"></script>'): string =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"><style>p{}</style></head><body>${body}</body></html>`;

describe('the policy', () => {
  test('should forbid other origins, plugins and a foreign <base>, and keep WebAssembly for the search page alone', () => {
    expect(cspDirectives).toContain("default-src 'self'");
    expect(cspDirectives).toContain("object-src 'none'");
    expect(cspDirectives).toContain("base-uri 'self'");
    expect(cspDirectives.join(';')).not.toContain('wasm');
    expect(searchScriptSource).toBe("'wasm-unsafe-eval'");
  });

  test('should read the policy a page declares, with its quotes unescaped', () => {
    expect(pagePolicy(pageWith("default-src 'self'; script-src 'self' 'sha256-abc='"))).toBe("default-src 'self'; script-src 'self' 'sha256-abc='");
    expect(pagePolicy('<html><head><title>x</title></head></html>')).toBeUndefined();
  });

  test('should merge policies source by source, in the order first seen, and add frame-ancestors', () => {
    const merged = mergePolicies([
      "default-src 'self'; script-src 'self' 'sha256-a='; style-src 'self' 'sha256-s='",
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-b='",
    ]);
    expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-a=' 'wasm-unsafe-eval' 'sha256-b='; style-src 'self' 'sha256-s='; frame-ancestors 'none'");
  });

  test('should give a page a style-src of exactly its own inline styles, whatever the build listed', () => {
    const sha = (css: string): string => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    const page =
      `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-s='; style-src 'self' 'sha256-other=' 'sha256-more=';">` +
      '<style>a{color:red}</style><style media="print">b{}</style></head><body><p>&lt;style&gt;x&lt;/style&gt;</p><style>a{color:red}</style></body></html>';
    const own = withOwnStyleHashes(page);
    // Both styles, in order, the repeated one once; the other pages' hashes gone; script-src untouched.
    expect(pagePolicy(own)).toBe(`default-src 'self'; script-src 'self' 'sha256-s='; style-src 'self' ${sha('a{color:red}')} ${sha('b{}')};`);
    expect(own.slice(own.indexOf('">'))).toBe(page.slice(page.indexOf('">')));
    expect(withOwnStyleHashes(own)).toBe(own);
    // An HTML-escaped policy keeps its escapes; a page without inline style allows none.
    const escaped = withOwnStyleHashes(pageWith("default-src 'self'; style-src 'self' 'sha256-x='", '<p>x</p>'));
    expect(escaped).toContain(`style-src &#39;self&#39; ${sha('p{}').replaceAll("'", '&#39;')}"`);
    const bare = '<html><head><meta http-equiv="content-security-policy" content="style-src \'self\' \'sha256-x=\';"></head></html>';
    expect(withOwnStyleHashes(bare)).toBe('<html><head><meta http-equiv="content-security-policy" content="style-src \'self\';"></head></html>');
    expect(withOwnStyleHashes('<html><style>p{}</style></html>')).toBe('<html><style>p{}</style></html>');
  });

  test('should write the headers file for every path', () => {
    expect(headersFile("default-src 'self'")).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'\n  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n",
    );
  });
});

describe('node scripts/headers.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-headers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a site of `files` into a fresh folder and returns it. */
  function site(name: string, files: Record<string, string>): string {
    const at = join(dir, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(at, file)), { recursive: true });
      writeFileSync(join(at, file), text);
    }
    return at;
  }

  test('should write the union of the pages’ policies, skipping a redirect page that has nothing to allow', () => {
    const at = site('good', {
      'index.html': pageWith("default-src 'self'; script-src 'self' 'sha256-a='"),
      'search/index.html': pageWith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a='"),
      '2023/old/index.html':
        '<!doctype html><title>Redirecting to: /2023/new/</title><meta http-equiv="refresh" content="0;url=/2023/new/"><body><a href="/2023/new/">…</a></body>',
    });
    const run = spawnSync(node, ['scripts/headers.ts', at], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(at, '_headers'), 'utf8')).toBe(headersFile("default-src 'self'; script-src 'self' 'sha256-a=' 'wasm-unsafe-eval'; frame-ancestors 'none'"));
  });

  test('should read a policy declared after a head longer than the part of each page it reads first', () => {
    const long = pageWith("default-src 'self'; script-src 'self' 'sha256-late='").replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8"><meta name="description" content="${'民生'.repeat(6000)}">`,
    );
    const at = site('long', { 'index.html': long });
    const run = spawnSync(node, ['scripts/headers.ts', at], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readFileSync(join(at, '_headers'), 'utf8')).toContain("'sha256-late='");
  });

  test('should write, in two halves (the archive pages read last), the file one pass writes', () => {
    const pages = {
      'index.html': pageWith("default-src 'self'; script-src 'self' 'sha256-a='"),
      'archive/index.html': pageWith("default-src 'self'; style-src 'self' 'sha256-archive='"),
      'search/index.html': pageWith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a='"),
    };
    const whole = site('whole', pages);
    expect(spawnSync(node, ['scripts/headers.ts', whole], { cwd: project }).status).toBe(0);
    const halves = site('halves', pages);
    const saved = join(dir, 'policies.json');
    const first = spawnSync(node, ['scripts/headers.ts', halves, '--except', 'archive/', '--save', saved], { cwd: project, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(halves, '_headers'))).toBe(false);
    // The first half did not read the archive page: its style is not among the policies saved.
    expect(readFileSync(saved, 'utf8')).not.toContain('sha256-archive=');
    const second = spawnSync(node, ['scripts/headers.ts', halves, '--only', 'archive/', '--saved', saved], { cwd: project, encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(join(halves, '_headers'), 'utf8')).toBe(readFileSync(join(whole, '_headers'), 'utf8'));
    expect(readFileSync(join(halves, '_headers'), 'utf8')).toContain('sha256-archive=');
  });

  test('should read again only the pages whose stamp changed since its last run', () => {
    const at = site('memo', { 'index.html': pageWith("default-src 'self'; script-src 'self' 'sha256-a='"), 'x/index.html': pageWith("default-src 'self'") });
    const env = { ...process.env, MINSHENG_DIGEST_CACHE: join(dir, 'memos') };
    const page = join(at, 'index.html');
    const headers = (): string => {
      const run = spawnSync(node, ['scripts/headers.ts', at], { cwd: project, encoding: 'utf8', env });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(join(at, '_headers'), 'utf8');
    };
    utimesSync(page, 1000, 1000);
    expect(headers()).toContain("'sha256-a='");
    // The same size and times (as a build that kept the page leaves it): its remembered policy is believed.
    writeFileSync(page, pageWith("default-src 'self'; script-src 'self' 'sha256-b='"));
    utimesSync(page, 1000, 1000);
    expect(headers()).toContain("'sha256-a='");
    // Written at another time: read again.
    utimesSync(page, 2000, 2000);
    expect(headers()).toContain("'sha256-b='");
    expect(headers()).not.toContain("'sha256-a='");
  });

  test('should refuse half a pair of options, and saved policies it cannot read, in one line', () => {
    const at = site('pair', { 'index.html': pageWith("default-src 'self'") });
    const alone = spawnSync(node, ['scripts/headers.ts', at, '--except', 'archive/'], { cwd: project, encoding: 'utf8' });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/^usage: node scripts\/headers\.ts .*\(--except goes with --save, --only with --saved\)\n$/u);
    writeFileSync(join(dir, 'bad.json'), '{"policies": 1}');
    const bad = spawnSync(node, ['scripts/headers.ts', at, '--only', 'archive/', '--saved', join(dir, 'bad.json')], { cwd: project, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`${join(dir, 'bad.json')}: error: not the policies \`headers.ts --save\` writes\n`);
  });

  test('should fail in one line naming a page with a script and no policy', () => {
    const at = site('bad', { 'index.html': pageWith("default-src 'self'"), 'x/index.html': '<!doctype html><title>x</title><script>alert(1)</script>' });
    const run = spawnSync(node, ['scripts/headers.ts', at], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(at, 'x', 'index.html')}: error: the page declares no Content-Security-Policy\n`);
  });
});
