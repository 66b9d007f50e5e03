/**
 * The content collections, validated by the same schemas the ingest script
 * writes with. A schema violation stops the build naming the entry and field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/config.ts';
import { commitmentsDir, noticesDir } from './lib/content/paths.ts';
import { CommitmentEntry, NoticeEntry, UnitRegistry } from './lib/schema.ts';

const root = contentDir();
/** Entry ids are the paths without `.md`: `2023/jinan-shizhong`, `2023/jinan-shizhong/18`. */
const byPath = ({ entry }: { entry: string }): string => entry.replace(/\.md$/u, '');

export const collections = {
  notices: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${root}/${noticesDir}`, generateId: byPath }),
    schema: NoticeEntry,
  }),
  units: defineCollection({
    loader: glob({ pattern: '**/*.units.yaml', base: `${root}/${noticesDir}`, generateId: ({ entry }) => entry.replace(/\.units\.yaml$/u, '') }),
    schema: UnitRegistry,
  }),
  commitments: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${root}/${commitmentsDir}`, generateId: byPath }),
    schema: CommitmentEntry,
  }),
};
