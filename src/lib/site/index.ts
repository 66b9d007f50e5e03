/**
 * The site stage: the content collections shaped into what pages show, pure (model in, data or text
 * out). The data model of years, districts, commitments and departments (`model.ts`); listings,
 * facets, charts' data, status bars and histories, labels and area words; citations, JSON-LD, the Atom
 * feed, the sitemap and robots.txt; permanence (the URL manifest, redirects, corrections) and meaning
 * (commitment fingerprints); the Content-Security-Policy; URLs under the base path.
 *
 * Not re-exported here: `load.ts`, which reads Astro's content layer (`astro:content`) and so runs only
 * inside a build (pages import it directly), and `load-reports.ts`, its file-reading half.
 */
export * from './model.ts';
export * from './listing.ts';
export * from './facets.ts';
export * from './charts.ts';
export * from './status.ts';
export * from './history.ts';
export * from './labels.ts';
export * from './areas.ts';
export * from './text.ts';
export * from './cite.ts';
export * from './licence.ts';
export * from './jsonld.ts';
export * from './feed.ts';
export * from './pages.ts';
export * from './permanence.ts';
export * from './meaning.ts';
export * from './integrity.ts';
export * from './csp.ts';
export * from './urls.ts';
export * from './xml.ts';
