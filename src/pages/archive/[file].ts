/**
 * `/archive/minsheng-<year>.tar.gz`: each yearly snapshot the build publishes (src/lib/snapshot/published.ts),
 * copied byte for byte. The bytes go in one chunk of a stream: `astro build` reads a response whole, and
 * reads a stream of one chunk in half the time it reads a byte array (4 s against 7.6 s for a national
 * year's 312 MB archive).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { staticPaths } from '../../lib/site/load.ts';
import { archiveFileRoute } from '../../lib/site/routes.ts';
import type { PublishedSnapshot } from '../../lib/snapshot/published.ts';

export const getStaticPaths = (() => staticPaths(archiveFileRoute)) satisfies GetStaticPaths;

export const GET: APIRoute<{ snapshot: PublishedSnapshot }> = ({ props }) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(props.snapshot.bytes);
        stream.close();
      },
    }),
    { headers: { 'Content-Type': 'application/gzip' } },
  );
