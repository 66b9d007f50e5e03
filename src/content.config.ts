/**
 * The content collections, validated by the same schemas the ingest script
 * writes with. A schema violation stops the build naming the entry and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { contentDir, noticesOnly } from './lib/config.ts';
import { frontMatterLoader } from './lib/content/loader.ts';
import { commitmentsDir, noticesDir } from './lib/content/paths.ts';
import { CommitmentEntry, NoticeEntry, UnitRegistry } from './lib/schema.ts';

const root = contentDir();
/** Entry ids are the paths without `.md`: `2023/jinan-shizhong`, `2023/jinan-shizhong/18`. */
const byPath = (path: string): string => path.replace(/\.md$/u, '');
/** A collection left empty: the commitments of a build that reads the notices alone (`noticesOnly`). */
const none: Loader = { name: 'none', load: ({ store }) => Promise.resolve(store.clear()) };

export const collections = {
  notices: defineCollection({
    loader: frontMatterLoader({ base: `${root}/${noticesDir}`, id: byPath }),
    schema: NoticeEntry,
  }),
  units: defineCollection({
    loader: glob({ pattern: '**/*.units.yaml', base: `${root}/${noticesDir}`, generateId: ({ entry }) => entry.replace(/\.units\.yaml$/u, '') }),
    schema: UnitRegistry,
  }),
  commitments: defineCollection({
    loader: noticesOnly() ? none : frontMatterLoader({ base: `${root}/${commitmentsDir}`, id: byPath }),
    schema: CommitmentEntry,
  }),
};
