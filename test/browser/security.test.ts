/**
 * Security in a real browser: every page type declares a Content-Security-Policy
 * (`default-src 'self'`, WebAssembly on the search page only) and a referrer
 * policy and violates neither; no page has an inline event handler or style
 * attribute. A corpus of hostile metadata and notice text (script tags, event
 * handlers, quotes in the source URL) is built and every page of it opened:
 * no dialog opens, no policy is violated, and every link is the site's own or
 * http(s).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageTypes, prepare, readToTheEnd, useSite, visit } from './harness.ts';
import type { Site } from './harness.ts';
import { buildSite, launchChromium, serve } from './site.ts';

/** What a page says about its own security, read in the browser. */
interface PageSecurity {
  csp: string[];
  referrer: string | null;
  /** Elements with an `on…` attribute or a `style` attribute. */
  inline: string[];
  /** Hrefs that are neither the site's own nor http(s). */
  foreignSchemes: string[];
}

/**
 * Reads the page's policies, inline handlers and link schemes. Inline attributes are looked for in
 * the HTML as served (parsed again in the page): a script may set `element.style` through the CSSOM,
 * which the policy allows and which shows as a `style` attribute in the live document.
 */
async function security(v: Awaited<ReturnType<typeof visit>>): Promise<PageSecurity> {
  const served = await (await v.page.request.get(v.page.url())).text();
  return v.page.evaluate((html) => {
    const inline: string[] = [];
    for (const el of new DOMParser().parseFromString(html, 'text/html').querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/u.test(attr) || attr === 'style') inline.push(`<${el.tagName.toLowerCase()} ${attr}>`);
    }
    return {
      csp: [...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')].map((m) => m.getAttribute('content') ?? ''),
      referrer: document.querySelector('meta[name="referrer"]')?.getAttribute('content') ?? null,
      inline,
      foreignSchemes: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((h) => !/^https?:/u.test(h)),
    };
  }, served);
}

const site = useSite();

describe('the Content-Security-Policy of each page type', () => {
  for (const type of pageTypes) {
    test(`should declare default-src 'self' and a referrer policy, and violate neither, on the ${type.name}`, async () => {
      const v = await visit(site(), type.path, { status: type.status });
      try {
        if (type.ready !== undefined) await v.page.waitForSelector(type.ready, { timeout: 10_000 });
        await readToTheEnd(v.page);
        const s = await security(v);
        expect(s.csp).toHaveLength(1);
        const policy = s.csp[0] ?? '';
        expect(policy).toMatch(/(?:^|;)\s*default-src 'self'\s*;/u);
        expect(policy).toMatch(/script-src 'self'[^;]*/u);
        expect(policy).not.toContain("'unsafe-inline'");
        expect(policy).not.toContain("'unsafe-eval'");
        // Pagefind's WebAssembly is allowed where it runs, and nowhere else.
        expect(policy.includes("'wasm-unsafe-eval'")).toBe(type.name === 'search page');
        expect(s.referrer).toBe('strict-origin-when-cross-origin');
        expect(s.inline).toEqual([]);
        expect(v.problems).toEqual([]);
      } finally {
        await v.close();
      }
    });
  }
});

// ---------------------------------------------------------------------------
// A corpus of hostile metadata and text.

const hostileText = [
  "某区2023年民生实事<svg onload=alert('title')>",
  "一、新增托位100个<script>alert('text')</script>（区教育局负责）",
  "二、改造老旧小区3个<img src=x onerror=alert('img')>（</script><script>alert(2)</script>区住建局负责）",
  "三、建设javascript:alert(3)口袋公园2个（\"><svg onload=alert('unit')>局负责）",
  '',
].join('\n');

const hostileMeta = [
  'slug: hostile-town',
  'year: 2023',
  `province: "{{alert('province')}}省"`,
  `city: "\\" onmouseover=\\"alert('city')"`,
  `district: "</title><script>alert('district')</script>"`,
  `districtFull: "<img src=x onerror=alert('districtFull')>市"`,
  `sourceUrl: "https://www.example.gov.cn/?q=\\"><script>alert('sourceUrl')</script>&x='onmouseover=alert(1)"`,
  `sourceNote: "<script>alert('sourceNote')</script>"`,
  '',
].join('\n');

/** Every page of the hostile corpus a reader can open. */
const hostilePages = [
  '/',
  '/2023/',
  '/2023/hostile-town/',
  '/2023/hostile-town/1/',
  '/2023/hostile-town/2/',
  '/2023/hostile-town/3/',
  '/2023/hostile-town/source/',
  '/2023/hostile-town/units/jiao-yu-ju/',
  '/2023/units/',
  '/2023/categories/',
  '/data/',
  '/search/?q=%E6%89%98%E4%BD%8D',
];

describe('a corpus of hostile metadata and notice text', () => {
  const hostile = prepare(
    async (): Promise<{ site: Site; close: () => Promise<void> }> => {
      const content = mkdtempSync(join(tmpdir(), 'minsheng-hostile-content-'));
      mkdirSync(join(content, 'notices', '2023'), { recursive: true });
      writeFileSync(join(content, 'notices', '2023', 'hostile-town.txt'), hostileText);
      writeFileSync(join(content, 'notices', '2023', 'hostile-town.yaml'), hostileMeta);
      const built = buildSite(content);
      const served = await serve(built.dir);
      const browser = await launchChromium();
      return {
        site: { origin: served.origin, browser, dir: built.dir },
        close: async () => {
          await browser.close();
          await served.close();
          built.remove();
          rmSync(content, { recursive: true, force: true });
        },
      };
    },
    (h) => h.close(),
    300_000,
  );

  test.each(hostilePages)('should open no dialog, violate no policy and link only http(s) on %s', async (path) => {
    const v = await visit(hostile().site, path);
    try {
      if (path.startsWith('/search/')) await v.page.waitForSelector('[data-search-results] li a', { timeout: 10_000 });
      await readToTheEnd(v.page);
      // Every link a reader could click or hover: hovering runs any injected onmouseover.
      for (const link of await v.page.locator('main a[href]').all()) await link.hover({ timeout: 2_000 }).catch(() => undefined);
      const s = await security(v);
      expect(s.inline).toEqual([]);
      expect(s.foreignSchemes).toEqual([]);
      expect(v.problems).toEqual([]);
    } finally {
      await v.close();
    }
  });

  test('should show the hostile wording as text, and link the source URL as given', async () => {
    const v = await visit(hostile().site, '/2023/hostile-town/');
    try {
      const text = await v.page.locator('main').innerText();
      expect(text).toContain("<img src=x onerror=alert('districtFull')>市");
      expect(text).toContain("<script>alert('text')</script>");
      const href = await v.page.getByRole('link', { name: '原发布网址' }).getAttribute('href');
      expect(href).toBe("https://www.example.gov.cn/?q=\"><script>alert('sourceUrl')</script>&x='onmouseover=alert(1)");
    } finally {
      await v.close();
    }
  });
});
