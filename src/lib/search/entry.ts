/**
 * What the search index holds of a built page: a Pagefind custom record made
 * from the page's marks, never the whole page.
 *
 * A page is found by its summary (`data-pagefind-meta="summary"`: a
 * commitment's source wording), its heading, and the names of its district
 * and departments (its `district` and `unit` filters). A district's page
 * lists its commitments, whose text is in the index with each commitment
 * already: it is found by its names and filters, and the index does not hold
 * the same text twice. A department's page is not indexed at all (its
 * commitments hold its name; the search page links it from its district's units file,
 * `units.ts`). Boilerplate every page shares (the progress note, citation
 * help) is not searched.
 *
 * Pure: no I/O.
 */
import { firstHeading, pageFilters, pageMeta } from './html.ts';
import { indexWords } from './terms.ts';

/** A page as the index holds it (Pagefind's `addCustomRecord`, language `und`). */
export interface SearchEntry {
  /** The page's searchable text as index words (`terms.ts`). */
  content: string;
  /** `title`: the result's title, the page's heading. */
  meta: Record<string, string>;
  /** The page's filter values. */
  filters: Record<string, string[]>;
}

/** Whether the page is indexed: an element of it marks `data-pagefind-body`. */
export function isIndexed(html: string): boolean {
  return /<[a-zA-Z][^>]*\sdata-pagefind-body(?=[\s=/>])/u.test(html);
}

/** What a page shows the index: its summary (a commitment's source wording), its heading and its filter values. */
export interface PageMarks {
  summary: string;
  heading: string;
  filters: Record<string, string[]>;
}

/** Returns what a built page marks for the index (undefined when it marks no `data-pagefind-body`). */
export function pageMarks(html: string): PageMarks | undefined {
  if (!isIndexed(html)) return undefined;
  return { summary: pageMeta(html).summary ?? '', heading: firstHeading(html), filters: pageFilters(html) };
}

/** Returns the searchable text of marks: summary, heading, district and department names, each once. */
export function marksText({ summary, heading, filters }: PageMarks): string {
  const fields: string[] = [];
  for (const field of [summary, heading, ...(filters.district ?? []), ...(filters.unit ?? [])]) {
    if (field !== '' && !fields.some((f) => f.includes(field))) fields.push(field);
  }
  return fields.join(' ');
}

/** Returns the searchable text of a page: summary, heading, district and department names, each once ('' when the page is not indexed). */
export function entryText(html: string): string {
  const marks = pageMarks(html);
  return marks ? marksText(marks) : '';
}

/** Returns the index's record of a page's marks. */
export function marksEntry(marks: PageMarks): SearchEntry {
  return { content: indexWords(marksText(marks)), meta: { title: marks.heading }, filters: marks.filters };
}

/** Returns the index's record of a built page, or undefined when the page is not indexed (it marks no `data-pagefind-body`). */
export function searchEntry(html: string): SearchEntry | undefined {
  const marks = pageMarks(html);
  return marks ? marksEntry(marks) : undefined;
}
