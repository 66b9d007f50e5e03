/**
 * What the search index is made of, by kind of file: each page's text
 * (`fragment/`), the word index (`index/` chunks), the page list
 * (`*.pf_meta`), the filters, Pagefind's own script and WebAssembly, the
 * directory of which parts hold which text (`directory.ts`), and the rest
 * (parts manifest, departments, entry files). Read from the index's
 * completion record (`complete.ts`), which lists every file with its size.
 *
 * Pure: no I/O.
 */
import { directoryFolder } from './directory.ts';

/** The kinds of index files, in the order they are reported. */
export const indexKinds = ['fragments', 'chunks', 'page lists', 'filters', 'runtime', 'directory', 'other'] as const;

/** A kind of index file. */
export type IndexKind = (typeof indexKinds)[number];

/** Returns the kind of an index file from its path relative to `pagefind/` (a part's files under `part-N/`). */
export function indexKind(path: string): IndexKind {
  const name = path.replace(/^part-\d+\//u, '');
  if (name.startsWith('fragment/')) return 'fragments';
  if (name.startsWith('index/')) return 'chunks';
  if (name.startsWith('filter/')) return 'filters';
  if (name.endsWith('.pf_meta')) return 'page lists';
  if (/^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/u.test(name)) return 'runtime';
  if (path.startsWith(`${directoryFolder}/`)) return 'directory';
  return 'other';
}

/** Files and bytes of one kind. */
export interface KindSize {
  files: number;
  bytes: number;
}

/** Returns the files and bytes of each kind, and the total, for the index's files (path → size). */
export function indexBreakdown(files: Readonly<Record<string, number>>): Record<IndexKind | 'total', KindSize> {
  const sizes = Object.fromEntries([...indexKinds, 'total'].map((k) => [k, { files: 0, bytes: 0 }])) as Record<IndexKind | 'total', KindSize>;
  for (const [path, bytes] of Object.entries(files)) {
    for (const kind of [indexKind(path), 'total'] as const) {
      sizes[kind].files++;
      sizes[kind].bytes += bytes;
    }
  }
  return sizes;
}

/** Returns the breakdown on one line: `index 2.8 MB in 5,058 files: fragments 2.3 MB (5,016), chunks …`. */
export function breakdownLine(sizes: Record<IndexKind | 'total', KindSize>, format: (bytes: number) => string): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  return (
    `index ${format(sizes.total.bytes)} in ${count(sizes.total.files)} files: ` + indexKinds.map((k) => `${k} ${format(sizes[k].bytes)} (${count(sizes[k].files)})`).join(', ')
  );
}
