/**
 * A notice's original file as published (HTML, Word, PDF…), copied into the
 * build beside its source page, so a reader can check the conversion. Only
 * notices whose metadata names an original have one; the build stops when
 * the file's SHA-256 is not the one the metadata records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../../../lib/site/load.ts';
import { sourceFileRoute } from '../../../../lib/site/routes.ts';
import { contentDir } from '../../../../lib/config.ts';
import { checkOriginal } from '../../../../lib/content/original.ts';

export const getStaticPaths = (() => staticPaths(sourceFileRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string; sha256: string }> = ({ props }) => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(contentDir(), props.path));
  } catch {
    throw new Error(`${props.path}: error: the original file named in the notice's metadata cannot be read`);
  }
  const problem = checkOriginal(bytes, props.sha256);
  if (problem) throw new Error(`${props.path}: error: ${problem}`);
  return new Response(new Uint8Array(bytes));
};
