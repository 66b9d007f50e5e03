/**
 * Where things live: content file paths and public URLs, defined once. URL
 * parts come from content (slug, year, number), never from a title.
 */

/** The parts of a notice that place it. */
export interface Placed {
  year: number;
  slug: string;
}

/** Returns the generated notice entry's path relative to the content directory. */
export function noticePath(n: Placed): string {
  return `notices/${n.year}/${n.slug}.md`;
}

/** Returns the generated commitment entry's path relative to the content directory. */
export function commitmentPath(n: Placed, number: number): string {
  return `commitments/${n.year}/${n.slug}/${number}.md`;
}

/** Returns a district's page path: `/<year>/<slug>/`. */
export function districtPermalink(n: Placed): string {
  return `/${n.year}/${n.slug}/`;
}

/** Returns a commitment's permanent path: `/<year>/<slug>/<number>/`. */
export function commitmentPermalink(n: Placed, number: number): string {
  return `${districtPermalink(n)}${number}/`;
}

/** Folders under the content directory that ingest writes (and may clean). */
export const generatedRoots = ['notices', 'commitments'] as const;
