/**
 * Every page type in a real browser: it fits a 360 px phone and a 1280 px
 * desktop without sideways scrolling, passes axe-core's WCAG 2.x A and AA
 * rules in the light and the dark color scheme, logs no console error and
 * requests nothing from any other origin. Each page is read to its end (so
 * that its charts draw) with every <details> opened, so that the data tables
 * a reader can open are checked as well.
 */
import { describe, expect, test } from 'vitest';
import { formatViolations, horizontalOverflow, pageTypes, prepare, readToTheEnd, runAxe, useSite, visit } from './harness.ts';
import type { Visit } from './harness.ts';

const site = useSite();

describe('the recorder of console errors and requests to other origins', () => {
  test('should notice a console error, an uncaught error, a dialog and a request to another origin', async () => {
    const v = await visit(site(), '/');
    try {
      await v.page.evaluate(async () => {
        console.error('deliberate console error');
        setTimeout(() => {
          throw new Error('deliberate uncaught error');
        });
        await fetch('https://example.org/tracker.js').catch(() => undefined);
        setTimeout(() => alert('deliberate dialog'));
      });
      const recorded = (): string => v.problems.join('\n');
      await expect.poll(recorded).toMatch(/console\.error[^\n]*deliberate console error/u);
      await expect.poll(recorded).toMatch(/uncaught error[^\n]*deliberate uncaught error/u);
      await expect.poll(recorded).toMatch(/a dialog \(alert\) opened on [^\n]*: deliberate dialog/u);
      // The Content-Security-Policy stops the request before it leaves; either way it is recorded.
      await expect
        .poll(recorded)
        .toMatch(/request to another origin: GET https:\/\/example\.org\/tracker\.js|CSP violation: connect-src blocked https:\/\/example\.org\/tracker\.js/u);
    } finally {
      await v.close();
    }
  });
});

for (const type of pageTypes) {
  describe(`the ${type.name} (${decodeURI(type.path)})`, () => {
    const opened = prepare(
      async (): Promise<Visit> => {
        const v = await visit(site(), type.path, { width: 360, height: 740, status: type.status });
        try {
          if (type.ready !== undefined) await v.page.waitForSelector(type.ready, { timeout: 10_000 });
          await readToTheEnd(v.page);
          // What a reader can open is checked too: the charts' data tables, the search filters.
          await v.page.evaluate(() => {
            for (const details of document.querySelectorAll('details')) details.open = true;
          });
          return v;
        } catch (error) {
          await v.close();
          throw error;
        }
      },
      (v) => v.close(),
    );

    test('should fit a 360 px wide phone screen without scrolling sideways', async () => {
      const overflow = await horizontalOverflow(opened().page);
      expect(overflow.scrollWidth, `${type.path} at 360 px is ${overflow.scrollWidth} px wide; sticking out: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(
        overflow.clientWidth,
      );
    });

    test('should pass axe-core WCAG 2.x A and AA rules in the light color scheme', async () => {
      const { page } = opened();
      await page.emulateMedia({ colorScheme: 'light' });
      const violations = await runAxe(page);
      expect(violations, formatViolations(`${type.path} (light, 360 px)`, violations)).toEqual([]);
    });

    test('should fit a 1280 px wide desktop screen without scrolling sideways', async () => {
      const { page } = opened();
      await page.setViewportSize({ width: 1280, height: 800 });
      // Let the charts follow the new width before measuring.
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${type.path} at 1280 px is ${overflow.scrollWidth} px wide; sticking out: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(
        overflow.clientWidth,
      );
    });

    test('should pass axe-core WCAG 2.x A and AA rules in the dark color scheme', async () => {
      const { page } = opened();
      await page.emulateMedia({ colorScheme: 'dark' });
      const violations = await runAxe(page);
      expect(violations, formatViolations(`${type.path} (dark, 1280 px)`, violations)).toEqual([]);
    });

    test('should log no console error and request nothing from another origin', () => {
      expect(opened().problems).toEqual([]);
    });
  });
}
