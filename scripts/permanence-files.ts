/**
 * The thin I/O edge of permanence: reads the manifest, the redirects, the
 * corrections and what each commitment entry names from a content directory,
 * each failure one line naming the file (and line). Shared by `npm run urls`
 * and the build test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesBelow } from '../src/lib/files.ts';
import { frontMatterEntry } from '../src/lib/content/loader.ts';
import type { Correction, Redirect } from '../src/lib/schema.ts';
import { CommitmentEntry } from '../src/lib/schema.ts';
import { commitmentsDir, correctionsPath, manifestPath, redirectsPath } from '../src/lib/content/paths.ts';
import type { ManifestEntry, ServedCommitment } from '../src/lib/site/permanence.ts';
import { readCorrections, readManifest, readRedirects } from '../src/lib/site/permanence.ts';

/** What permanence reads from a content directory. */
export interface PermanenceFiles {
  /** `<content>/urls.txt`. */
  manifestFile: string;
  /** `<content>/redirects.yaml`. */
  redirectsFile: string;
  /** `<content>/corrections.yaml`. */
  correctionsFile: string;
  manifest: ManifestEntry[];
  redirects: Redirect[];
  corrections: Correction[];
  /** Every commitment entry (`<content>/commitments/**\/*.md`), as it names its URL. */
  commitments: ServedCommitment[];
}

/** The fields of a commitment entry that say what its URL names. */
const Served = CommitmentEntry.pick({ permalink: true, number: true, title: true, text: true });

/** Returns what a commitment entry file names, or throws one line naming the file. */
function readServed(file: string, shown: string): ServedCommitment {
  return frontMatterEntry(shown, readFileSync(file, 'utf8'), Served);
}

/** Returns the commitments the content directory serves, sorted by permalink. */
export function readServedCommitments(root: string): ServedCommitment[] {
  const dir = join(root, commitmentsDir);
  return filesBelow(dir, '.md')
    .map((f) => join(dir, f))
    .map((file) => readServed(file, relative(process.cwd(), file).split(sep).join('/')))
    .sort((a, b) => (a.permalink < b.permalink ? -1 : a.permalink > b.permalink ? 1 : 0));
}

/** Returns a file's text, or undefined when it does not exist. */
function textOf(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Returns everything permanence reads from `root`, or throws one line naming the file (and line) that is wrong. */
export function readPermanenceFiles(root: string): PermanenceFiles {
  const manifestFile = join(root, manifestPath);
  const redirectsFile = join(root, redirectsPath);
  const correctionsFile = join(root, correctionsPath);
  const read = readManifest(textOf(manifestFile) ?? '');
  if (!read.ok) throw new Error(`${manifestFile}:${read.line}: error: ${read.message}`);
  /** Returns `parse(text)`, or throws its message prefixed with the file. */
  const named = <T>(file: string, parse: (text: string | undefined) => T): T => {
    try {
      return parse(textOf(file));
    } catch (error) {
      throw new Error(`${file}: error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    manifestFile,
    redirectsFile,
    correctionsFile,
    manifest: read.entries,
    redirects: named(redirectsFile, readRedirects),
    corrections: named(correctionsFile, readCorrections),
    commitments: readServedCommitments(root),
  };
}
