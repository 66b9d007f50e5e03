/**
 * A synthetic corpus for the tests that edit one (the incremental build, the search-part cache): written
 * by `scripts/corpus.ts` into a pool, all its notices but one copied into the notices folder under test,
 * the one held back to be added later.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the corpus goes and what it is. */
export interface HeldBackCorpus {
  /** The project (its `scripts/corpus.ts` writes the corpus) and the Node binary to run it with. */
  project: string;
  node: string;
  /** The folder the whole corpus is written into. */
  pool: string;
  /** The notices folder under test (`<content>/notices/2023`). */
  notices: string;
  /** How many notices, and the generator's seed. */
  count: number;
  seed: string;
}

/** Copies a notice of the pool (its text and metadata) into the notices folder under test. */
export function addNotice(corpus: Pick<HeldBackCorpus, 'pool' | 'notices'>, slug: string): void {
  for (const ext of ['txt', 'yaml']) cpSync(join(corpus.pool, 'notices', '2023', `${slug}.${ext}`), join(corpus.notices, `${slug}.${ext}`));
}

/** Writes the corpus (five commitments per notice) and copies all its notices but the first by slug; returns that one (`added`) and the others in slug order. */
export function heldBackCorpus(corpus: HeldBackCorpus): { added: string; first: string[] } {
  const { project, node, pool, count, seed } = corpus;
  execFileSync(node, [join(project, 'scripts', 'corpus.ts'), '--notices', String(count), '--seed', seed, '--per-notice', '5', '--out', pool], { cwd: project, stdio: 'pipe' });
  const [added, ...first] = readdirSync(join(pool, 'notices', '2023'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
  if (added === undefined) throw new Error(`${pool}: the corpus has no notice`);
  mkdirSync(corpus.notices, { recursive: true });
  for (const slug of first) addNotice(corpus, slug);
  return { added, first };
}
