/**
 * Reading what a built page marks for the search index: its heading, its
 * filters (`data-pagefind-filter`) and metadata (`data-pagefind-meta`).
 * Enough HTML for what Astro writes (well-formed, quoted attributes); not a
 * general parser.
 *
 * Pure: no I/O.
 */
import type { UnitListing } from './record.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };

/** Decodes the character references Astro writes (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#') && entities[lower] === undefined) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return entities[lower] ?? whole;
  });
}

/** Returns the text of the page's first `<h1>` (what Pagefind takes as the result's title), or ''. */
export function firstHeading(html: string): string {
  const inner = /<h1\b[^>]*>([^]*?)<\/h1>/u.exec(html)?.[1] ?? '';
  return decodeEntities(inner.replace(/<[^>]*>/gu, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Returns the page's Pagefind filters as the layout writes them
 * (`<span data-pagefind-filter="district[data-value]" data-value="淮北市相山区">`): name → values.
 */
export function pageFilters(html: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const m of html.matchAll(/<[a-z]+\s[^>]*data-pagefind-filter="([^"[]+)\[data-value\]"[^>]*>/gu)) {
    const key = m[1] ?? '';
    const value = /\sdata-value="([^"]*)"/u.exec(m[0])?.[1];
    if (value === undefined) continue;
    (filters[key] ??= []).push(decodeEntities(value));
  }
  return filters;
}

/**
 * Returns the page's Pagefind metadata as the page marks it (`<p data-pagefind-meta="summary">…</p>`):
 * name → the element's text, white space squashed. Enough for what the pages write: the element
 * holds no element of its own name.
 */
export function pageMeta(html: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\s[^>]*data-pagefind-meta="([^":[\]]+)"[^>]*>/gu)) {
    const [whole, name = '', key = ''] = m;
    const start = (m.index ?? 0) + whole.length;
    const end = html.indexOf(`</${name}>`, start);
    if (end < 0 || key in meta) continue;
    meta[key] = decodeEntities(html.slice(start, end).replace(/<[^>]*>/gu, ''))
      .replace(/\s+/gu, ' ')
      .trim();
  }
  return meta;
}

/**
 * Returns what a department's page marks on `<main>` for the indexer (`data-search-year`,
 * `data-search-district`, `data-search-unit`, written by the layout from a `UnitListing`), or
 * undefined when the page marks none of them whole.
 */
export function pageListing(html: string): UnitListing | undefined {
  const main = /<main\s[^>]*>/u.exec(html)?.[0];
  if (main === undefined) return undefined;
  const attr = (name: string): string | undefined => {
    const value = new RegExp(`\\sdata-search-${name}="([^"]*)"`, 'u').exec(main)?.[1];
    return value === undefined ? undefined : decodeEntities(value);
  };
  const [year, district, unit] = [attr('year'), attr('district'), attr('unit')];
  return year && district && unit ? { year, district, unit } : undefined;
}
