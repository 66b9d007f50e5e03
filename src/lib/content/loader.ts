/**
 * The loader of the Markdown collections (notices, commitments): each file's front matter, validated by
 * the collection's schema, and nothing else.
 *
 * Astro's `glob()` loader also keeps each file's Markdown body and renders it to HTML while it syncs. The
 * site shows neither: every page is made from the front matter, which holds the source wording. At national
 * scale the bodies, their HTML and the HTML's copy of the front matter were more than half of the data
 * store, which Astro serializes, bundles into the build as one JavaScript module and compiles again when
 * it renders the pages (BENCHMARKS.md, “What `astro build` spent its time on”). The Markdown files stay as they are, for
 * readers of the content and for the archives.
 *
 * `markdownFrontMatter` is the pure part (unit-tested); `frontMatterLoader` is the thin Astro edge. Files
 * are read in path order, so the collection's order does not depend on the file system. An entry whose
 * file did not change since the last sync is kept as it was, as `glob()` does; unlike `glob()`, a file
 * whose size, modification time and inode are those it was read with is not read again (a national
 * year is 100,000 files, read by every build).
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import { filesBelow, fileStamp } from '../files.ts';
import { readYaml } from '../yaml.ts';

/** The front matter of a Markdown file read into a plain object, or why it cannot be (with its 1-based line). */
export type FrontMatterResult = { ok: true; data: Record<string, unknown> } | { ok: false; line: number; message: string };

const fence = /^---\r?\n/u;
const closing = /^---[ \t]*$/mu;

/** Returns the front matter of a Markdown text (the YAML between the first two `---` lines) as an object. */
export function markdownFrontMatter(text: string): FrontMatterResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const open = fence.exec(source);
  if (!open) return { ok: false, line: 1, message: 'no front matter: the file must begin with a line “---”' };
  const rest = source.slice(open[0].length);
  const end = closing.exec(rest);
  if (!end) return { ok: false, line: 1, message: 'front matter not closed: no second line “---”' };
  const value = yamlValue(rest.slice(0, end.index));
  // Lines of the YAML are counted from the line after the opening fence.
  if (!value.ok) return { ok: false, line: value.line > 0 ? value.line + 1 : 1, message: value.message };
  return fields(value.value);
}

/**
 * Returns the front matter of an entry file read outside Astro (scripts, the model's readers), validated
 * by `schema`; throws one line naming the file, and the line when the YAML is at fault:
 * `<file>:3: error: invalid YAML: …`, `<file>: error: field “date”: …`.
 */
export function frontMatterEntry<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const front = markdownFrontMatter(text);
  if (!front.ok) throw new Error(`${file}:${front.line}: error: ${front.message}`);
  const parsed = schema.safeParse(front.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: error: field “${issue?.path.join('.') || '(root)'}”: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** An alias (`*name`) in YAML: the one construct that can make a small text expand without bound. */
const alias = /(?:^|[\s[{,])\*[^\s,[\]{}]/mu;

/**
 * Reads front matter YAML with js-yaml, the reader Astro's own Markdown loader uses (eight times faster
 * than `yaml` on these files, the same values on all 16,452 of a 500-notice corpus). A text with an
 * alias, or one js-yaml refuses, goes to `readYaml`, which bounds aliases and names the line.
 */
function yamlValue(text: string): ReturnType<typeof readYaml> {
  if (!alias.test(text)) {
    try {
      return { ok: true, value: loadYaml(text) };
    } catch {
      // Read again below, for the line and message.
    }
  }
  return readYaml(text);
}

/** Returns the fields of a front matter's value: a mapping, or nothing. */
function fields(value: unknown): FrontMatterResult {
  if (value === null || value === undefined) return { ok: true, data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, line: 2, message: 'front matter must be a mapping of fields' };
  return { ok: true, data: value as Record<string, unknown> };
}

/** What ends the stamp in an entry's digest (`<stamp>|<digest of the text>`). */
const stampEnd = '|';
/** Returns the stamp an entry's digest was made with, or none. */
const stampOf = (digest: string): string | undefined => (digest.includes(stampEnd) ? digest.slice(0, digest.indexOf(stampEnd)) : undefined);
/** Returns the digest of the text in an entry's digest. */
const textDigestOf = (digest: string): string => digest.slice(digest.indexOf(stampEnd) + 1);

/** Options of `frontMatterLoader`: the folder (absolute, or relative to the working directory) and an id for each file. */
export interface FrontMatterLoaderOptions {
  base: string;
  /** Returns the entry id of a `.md` file from its path below `base` (`/`-separated). */
  id: (path: string) => string;
}

/** An Astro loader of every `.md` file below `base`: its front matter as the entry's data, no body, nothing rendered. */
export function frontMatterLoader({ base, id: idOf }: FrontMatterLoaderOptions): Loader {
  const dir = resolve(base);
  return {
    name: 'minsheng-front-matter',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const sync = async (): Promise<void> => {
        const seen = new Set<string>();
        for (const path of filesBelow(dir, '.md')) {
          const file = join(dir, path);
          const id = idOf(path);
          seen.add(id);
          const stored = store.get(id);
          const stamp = fileStamp(file);
          if (typeof stored?.digest === 'string' && stampOf(stored.digest) === stamp) continue;
          const text = readFileSync(file, 'utf8');
          const digest = `${stamp}${stampEnd}${generateDigest(text)}`;
          if (typeof stored?.digest === 'string' && textDigestOf(stored.digest) === textDigestOf(digest)) {
            // The same text in a file touched, copied or moved: its entry as it was, the new stamp kept.
            store.set({ ...stored, digest });
            continue;
          }
          const filePath = relative(root, file).split(sep).join('/');
          const front = markdownFrontMatter(text);
          if (!front.ok) throw new Error(`${filePath}:${front.line}: ${front.message}`);
          const data = await parseData({ id, data: front.data, filePath: file });
          store.set({ id, data, digest, filePath });
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      };
      await sync();
      if (watcher) {
        watcher.add(dir);
        const changed = (file: string): void => {
          // In `astro dev`, a bad edit is said once and the server goes on with the entries it had.
          if (file.startsWith(dir + sep) && file.endsWith('.md')) sync().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
        };
        for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, changed);
      }
    },
  };
}
