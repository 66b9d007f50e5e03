/**
 * Keyboard only: the first Tab reaches the skip link and Enter on it moves
 * focus to `#main`; Tab then reaches every link, button and other control of
 * the page, in turn, each with a visible focus indicator.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { useSite, visit } from './harness.ts';
import type { Visit } from './harness.ts';

const site = useSite();

const pages = [
  { name: 'commitment page', path: '/2023/huaibei-xiangshan/18/' },
  { name: 'district page', path: '/2023/huaibei-xiangshan/' },
  { name: 'source page', path: '/2023/huaibei-xiangshan/source/' },
  { name: 'home page', path: '/' },
];

/** One element focused by Tab, and how it looked then. */
interface Focused {
  /** Its index among the page's focusable elements, or -1 when it is not one of them. */
  index: number;
  what: string;
  outline: string;
  boxShadow: string;
}

/**
 * Numbers every element a keyboard user should be able to reach (links, buttons, form controls,
 * summaries, tabindex ≥ 0; shown and enabled) and starts recording each element that receives focus.
 * Returns the descriptions of the reachable elements, in numbering order.
 */
async function watchFocus(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
    const describe = (el: Element): string => {
      const text = (el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 40);
      const href = el.getAttribute('href');
      return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${href !== null ? ` href="${href}"` : ''}>${text}`;
    };
    const reachable = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }),
    );
    reachable.forEach((el, i) => (el.dataset.kb = String(i)));
    const w = window as unknown as { focusLog: { index: number; what: string; outline: string; boxShadow: string }[]; focusCameBack: boolean };
    w.focusLog = [];
    w.focusCameBack = false;
    const seen = new WeakSet<Element>();
    document.addEventListener('focusin', (event) => {
      const el = event.target as HTMLElement;
      if (seen.has(el)) {
        w.focusCameBack = true;
        return;
      }
      seen.add(el);
      const style = getComputedStyle(el);
      w.focusLog.push({
        index: el.dataset.kb === undefined ? -1 : Number(el.dataset.kb),
        what: describe(el),
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
      });
    });
    return reachable.map(describe);
  });
}

/** Returns the focus log recorded since `watchFocus`. */
async function focusLog(page: Page): Promise<Focused[]> {
  return page.evaluate(() => (window as unknown as { focusLog: Focused[] }).focusLog);
}

/** Returns whether a focused element's style shows where the focus is: an outline, or a box shadow. */
function visibleIndicator(f: Focused): boolean {
  const [style = 'none', width = '0px'] = f.outline.split(' ');
  const outline = style !== 'none' && style !== 'hidden' && Number.parseFloat(width) > 0 && !/rgba\(\d+, \d+, \d+, 0\)\s*$/u.test(f.outline);
  return outline || (f.boxShadow !== '' && f.boxShadow !== 'none');
}

let open: Visit | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

for (const { name, path } of pages) {
  describe(`the ${name} (${path}) with the keyboard only`, () => {
    test('should reach the skip link with the first Tab, and move focus to #main with Enter', async () => {
      open = await visit(site(), path);
      const { page } = open;
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el?.getBoundingClientRect();
        return {
          href: el?.getAttribute('href') ?? null,
          text: el?.textContent?.trim() ?? '',
          onScreen: box !== undefined && box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth,
        };
      });
      expect(first.href, 'the first Tab should focus the skip link to #main').toBe('#main');
      expect(first.onScreen, `the focused skip link “${first.text}” should be shown on screen`).toBe(true);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main');
      const where = (): Promise<{ inMain: boolean; active: string }> =>
        page.evaluate(() => {
          const main = document.getElementById('main');
          const el = document.activeElement;
          const name = el === null ? '(nothing)' : `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>${(el.textContent ?? '').trim().slice(0, 20)}`;
          return { inMain: main !== null && el !== null && main.contains(el), active: name };
        });
      const focus = await where();
      let next = '';
      if (!focus.inMain) {
        // Say where a further Tab goes, to tell a skip link that does nothing from one whose target cannot take focus.
        await page.keyboard.press('Tab');
        const after = await where();
        next = `; the next Tab focuses ${after.active} (${after.inMain ? 'inside' : 'outside'} #main)`;
      }
      expect(focus.inMain, `Enter on the skip link should move focus to #main, but focus is on ${focus.active}${next}`).toBe(true);
      expect(open.problems).toEqual([]);
    });

    test('should reach every link and control with Tab, each with a visible focus indicator', async () => {
      open = await visit(site(), path);
      const { page } = open;
      const reachable = await watchFocus(page);
      expect(reachable.length).toBeGreaterThan(0);
      // Tab until focus comes back to an element it has already been on (or give up after every element and some).
      // Presses go out 25 at a time: the browser handles them in order, and the walk takes a second, not ten.
      const batch = 25;
      for (let presses = 0; presses < reachable.length + batch; presses += batch) {
        await Promise.all(Array.from({ length: batch }, () => page.keyboard.press('Tab')));
        if (await page.evaluate(() => (window as unknown as { focusCameBack: boolean }).focusCameBack)) break;
      }
      const log = await focusLog(page);
      const reached = new Set(log.map((f) => f.index));
      const missed = reachable.filter((_, i) => !reached.has(i));
      expect(missed, `${missed.length} of ${reachable.length} elements were never reached by Tab`).toEqual([]);
      const hidden = log.filter((f) => !visibleIndicator(f)).map((f) => `${f.what} (outline: ${f.outline}; box-shadow: ${f.boxShadow})`);
      expect(hidden, 'elements focused without a visible focus indicator').toEqual([]);
      expect(open.problems).toEqual([]);
    });
  });
}
