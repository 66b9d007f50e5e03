/**
 * HTML validation of built pages with html-validate, configured here (and
 * only here: the project keeps no `.htmlvalidate.json`, and the validator is
 * given this object, so no configuration file is searched for).
 *
 * The rules are html-validate's `recommended` preset (conformance, accessibility
 * and common mistakes) plus its `document` preset (whole-document rules: doctype,
 * heading levels, labelled inputs, references such as `aria-labelledby` that
 * must exist, SRI). Rules are adjusted only where they conflict with a
 * deliberate choice of the site, each one justified below.
 *
 * Checked and needing no exception: Astro's `<script type="module" src="/_astro/…">`
 * bundles (valid as they are; `script-type` only objects to a redundant
 * `type="text/javascript"`), and the JSON-LD written with `set:html` into
 * `<script type="application/ld+json">` (a data block, which html-validate
 * accepts and does not parse as script).
 */
import { HtmlValidate } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { contentAfterHtml, lineColumn } from './html.ts';
import type { Problem } from './problem.ts';

/** The html-validate configuration for every page of the build. */
export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // SRI guards against a tampered third-party host or CDN. The site loads only its own files, which
    // Astro emits under content-hashed names (/_astro/x.Hash.js) on the same origin; require SRI on
    // anything from another origin (absolute or protocol-relative URLs), as the rule's `crossorigin`
    // target does, instead of on every script.
    'require-sri': ['error', { target: 'crossorigin' }],
    // Styles belong in stylesheets: the Content-Security-Policy (src/lib/site/csp.ts) blocks `style`
    // attributes. (A chart reserves its height with an SVG spacer's `height` attribute instead.) The
    // rule's default allowance, `display`, is what html-validate accepts; the browser tests see the rest.
    'no-inline-style': 'error',
    // Letter case of the doctype is not a conformance matter (the HTML standard matches it
    // case-insensitively). Astro writes `<!DOCTYPE html>` on pages but `<!doctype html>` on the
    // redirect pages it generates for content/redirects.yaml, whose template the project does not
    // control; either case is accepted.
    'doctype-style': 'off',
  },
};

/** Returns a validator with the site's configuration. */
export function createValidator(): HtmlValidate {
  return new HtmlValidate(htmlValidateConfig);
}

/**
 * Returns the problems html-validate finds in one page, plus markup after `</html>` (a parse error
 * html-validate does not report: the browser moves it into `<body>`, but it means an element was
 * placed outside the layout).
 */
export async function validatePage(validator: HtmlValidate, file: string, html: string): Promise<Problem[]> {
  const report = await validator.validateString(html, file);
  const problems: Problem[] = report.results.flatMap((result) => result.messages.map((m) => ({ file, line: m.line, column: m.column, rule: m.ruleId, message: m.message })));
  const after = contentAfterHtml(html);
  if (after !== undefined) {
    const { line, column } = lineColumn(html, after);
    const what = /^<([a-zA-Z][^\s/>]*)/u.exec(html.slice(after))?.[1];
    problems.push({
      file,
      line,
      column,
      rule: 'content-after-html',
      message: `${what ? `<${what.toLowerCase()}>` : 'text'} after </html>: move it inside <body> (in Astro, inside the layout's slot)`,
    });
  }
  return problems;
}
