/**
 * What every browser test file shares: the built site served on 127.0.0.1,
 * one Chromium per file, pages opened the way a visitor opens them (with
 * every console error, page error and request to another origin recorded),
 * and the checks run in those pages (sideways scrolling, charts, axe-core).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildSite, launchChromium, project, serve } from './site.ts';
import type { BuiltSite, Served } from './site.ts';

/** The site under test, once the file's `beforeAll` has run. */
export interface Site {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  browser: Browser;
  /** The built site's directory. */
  dir: string;
}

/**
 * Registers a `beforeAll` that runs `setup` and an `afterAll` that runs `teardown` on its result;
 * returns a getter for the result. A failing setup does not fail the hook (vitest would then skip
 * the tests): the getter throws its error instead, so every test that needs the result fails
 * with it.
 */
export function prepare<T>(setup: () => Promise<T>, teardown: (value: T) => Promise<void> | void, timeout = 60_000): () => T {
  let state: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  beforeAll(async () => {
    try {
      state = { ok: true, value: await setup() };
    } catch (error) {
      state = { ok: false, error };
    }
  }, timeout);
  afterAll(async () => {
    if (state?.ok === true) await teardown(state.value);
  });
  return () => {
    if (state === undefined) throw new Error('not ready: the beforeAll hook has not run');
    if (!state.ok) throw state.error;
    return state.value;
  };
}

/**
 * Launches Chromium, serves the site built by the global setup (or, when a run has no global
 * setup, builds it for this file) and closes everything afterwards; returns the site for the
 * tests. Without Chromium every test that uses the site fails with `chromiumMissing`.
 */
export function useSite(): () => Site {
  let built: BuiltSite | undefined;
  let served: Served | undefined;
  return prepare(
    async () => {
      const browser = await launchChromium();
      try {
        const provided: string | undefined = inject('siteDir');
        const dir = provided ?? (built = buildSite()).dir;
        served = await serve(dir);
        return { origin: served.origin, browser, dir };
      } catch (error) {
        await browser.close();
        await served?.close();
        built?.remove();
        throw error;
      }
    },
    async (site) => {
      await site.browser.close();
      await served?.close();
      built?.remove();
    },
    120_000,
  );
}

/** One page type of the site and a URL of it. */
export interface PageType {
  name: string;
  path: string;
  /** The HTTP status the URL answers with. */
  status: number;
  /** A selector that shows the page has finished its own work (the search page's results). */
  ready?: string;
}

/** Every page type of the site, at one URL each. */
export const pageTypes: PageType[] = [
  { name: 'home page', path: '/', status: 200 },
  { name: 'year overview', path: '/2023/', status: 200 },
  { name: 'district page', path: '/2023/huaibei-xiangshan/', status: 200 },
  { name: 'commitment page', path: '/2023/huaibei-xiangshan/18/', status: 200 },
  { name: 'source page', path: '/2023/huaibei-xiangshan/source/', status: 200 },
  { name: 'department page', path: '/2023/huaibei-xiangshan/units/jiao-yu-ju/', status: 200 },
  { name: 'departments index', path: '/2023/units/', status: 200 },
  { name: 'topics index', path: '/2023/categories/', status: 200 },
  { name: 'topic page', path: '/2023/categories/childcare-education/', status: 200 },
  { name: 'data page', path: '/data/', status: 200 },
  { name: 'search page', path: '/search/?q=%E6%89%98%E4%BD%8D', status: 200, ready: '[data-search-results] li a' },
  { name: '404 page', path: '/2023/no-such-district/', status: 404 },
];

/** A page opened in its own browser context. */
export interface Visit {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors, dialogs, CSP violations and requests to other origins, as they happen. */
  problems: string[];
  close: () => Promise<void>;
}

export interface VisitOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** The status the URL must answer with (default 200). */
  status?: number;
}

/** Returns whether a request URL goes to another origin than the site's (data: and blob: URLs stay in the page). */
function foreign(url: string, origin: string): boolean {
  const { protocol } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
  return new URL(url).origin !== origin;
}

/** Opens a new context (a fresh visitor) at `width`×`height` and records what goes wrong in it. */
export async function newVisit(site: Site, options: VisitOptions = {}): Promise<Visit> {
  const { width = 1280, height = 800, colorScheme = 'light' } = options;
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, locale: 'zh-CN', deviceScaleFactor: 1 });
  const problems: string[] = [];
  // Content-Security-Policy violations, also those Chromium would not log (set up before the page opens).
  await context.exposeFunction('__cspViolation', (text: string) => problems.push(`CSP violation: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.href}`,
      );
    });
  });
  const page = await context.newPage();
  context.on('request', (request) => {
    if (foreign(request.url(), site.origin)) problems.push(`request to another origin: ${request.method()} ${request.url()} (from ${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.stack ?? error.message}`));
  // A dialog (alert, confirm, prompt) is what injected script does first: none may ever open.
  page.on('dialog', (dialog) => {
    problems.push(`a dialog (${dialog.type()}) opened on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const at = message.location().url;
    // A 404 page is served with status 404 on purpose; Chromium reports that status for the document itself.
    if (options.status === 404 && at === page.url() && /status of 404/u.test(message.text())) return;
    problems.push(`console.error on ${page.url()}: ${message.text()}${at ? ` (${at})` : ''}`);
  });
  return { page, context, problems, close: () => context.close() };
}

/** Opens `path` of the site in a new context and waits until it has loaded; fails when the URL does not answer with the expected status. */
export async function visit(site: Site, path: string, options: VisitOptions = {}): Promise<Visit> {
  const v = await newVisit(site, options);
  try {
    const response = await v.page.goto(site.origin + path, { waitUntil: 'load' });
    const status = response?.status();
    if (status !== (options.status ?? 200)) throw new Error(`${path} answered with status ${String(status)}, expected ${options.status ?? 200}`);
    return v;
  } catch (error) {
    await v.close();
    throw error;
  }
}

/**
 * Scrolls the page as a reader would, past every chart down to its end, so that every lazily drawn
 * chart draws; waits until each chart has drawn (or failed), then scrolls back to the top.
 */
export async function readToTheEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()));
    for (const figure of document.querySelectorAll('figure.chart')) {
      figure.scrollIntoView({ block: 'center' });
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>('figure.chart')].every((f) => f.dataset.chart === 'drawn' || f.dataset.chart === 'failed'),
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** How far a page scrolls sideways, and the elements that stick out past the viewport's right edge. */
export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  offenders: string[];
}

/** Measures sideways scrolling: `scrollWidth` against `clientWidth` of the document, and who causes it. */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clientWidth = root.clientWidth;
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/u).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const offenders: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= clientWidth + 0.5) continue;
      // Only the outermost culprit: skip an element whose parent already sticks out.
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > clientWidth + 0.5) continue;
      // Content of a sideways-scrolling box does not widen the page.
      let scroller = el.parentElement;
      let contained = false;
      while (scroller && scroller !== document.body) {
        const overflowX = getComputedStyle(scroller).overflowX;
        if (overflowX !== 'visible' && overflowX !== 'clip') {
          contained = true;
          break;
        }
        scroller = scroller.parentElement;
      }
      if (!contained) offenders.push(`${describe(el)} (right edge at ${Math.round(box.right)} px)`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth, offenders: offenders.slice(0, 10) };
  });
}

/** Every axe-core rule tag of WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** One axe-core violation, reduced to what a report needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  summary: string;
}

/** Runs axe-core (the installed `node_modules/axe-core`) on the whole document with the WCAG 2.x A and AA rules; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's
  // Content-Security-Policy rightly refuses an inline script it has no hash for.
  if (!loaded) await page.evaluate(readFileSync(join(project, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async (tags) => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' >>> ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  }, wcagTags);
}

/** Writes violations one per rule: id, impact, what the rule asks, the first selectors and why the first fails. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = violations.map((v) => {
    const shown = v.targets.slice(0, 8).join(', ');
    const more = v.targets.length > 8 ? ` … and ${v.targets.length - 8} more` : '';
    return `- ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    on ${v.targets.length} element(s): ${shown}${more}\n    ${v.summary.replace(/\n/gu, '\n    ')}`;
  });
  return `${where}: ${violations.length} axe violation(s)\n${lines.join('\n')}`;
}
