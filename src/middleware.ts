/**
 * Every page as it is rendered: its policy's `style-src` names exactly its own
 * inline styles (`withOwnStyleHashes`, src/lib/site/csp.ts). Astro lists the
 * hashes of every inline style of the build on each page; done here, the page
 * is written once, with the bytes it keeps whatever else was built with it (one
 * `astro build`, province shards, an incremental build), instead of being read
 * and written again after the build.
 */
import { defineMiddleware } from 'astro:middleware';
import { withOwnStyleHashes } from './lib/site/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(withOwnStyleHashes(html), response);
});
