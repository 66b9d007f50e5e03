/**
 * `/archive/minsheng-<year>.tar.gz`: each yearly snapshot the build publishes (src/lib/snapshot/published.ts),
 * copied byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../lib/site/load.ts';
import { archiveFileRoute } from '../../lib/site/routes.ts';
import type { PublishedSnapshot } from '../../lib/snapshot/published.ts';

export const getStaticPaths = (() => staticPaths(archiveFileRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ snapshot: PublishedSnapshot }> = ({ props }) =>
  new Response(new Uint8Array(props.snapshot.bytes), { headers: { 'Content-Type': 'application/gzip' } });
