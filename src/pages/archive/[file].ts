/**
 * `/archive/minsheng-<year>.tar.gz`: each yearly snapshot the build publishes (src/lib/snapshot/published.ts),
 * copied byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadModel } from '../../lib/site/load.ts';
import type { PublishedSnapshot } from '../../lib/snapshot/published.ts';
import { publishedSnapshots } from '../../lib/snapshot/published.ts';

export const getStaticPaths = (async () => {
  const years = (await loadModel()).map((y) => y.year);
  return publishedSnapshots(years).map((snapshot) => ({ params: { file: snapshot.file }, props: { snapshot } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ snapshot: PublishedSnapshot }> = ({ props }) =>
  new Response(new Uint8Array(props.snapshot.bytes), { headers: { 'Content-Type': 'application/gzip' } });
