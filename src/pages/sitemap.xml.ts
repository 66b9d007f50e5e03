/**
 * `/sitemap.xml`: the sitemap index, naming the parts (`/sitemap-1.xml`…) that
 * list every HTML page of the site (enumerated in `src/lib/site/pages.ts`).
 */
import type { APIRoute } from 'astro';
import { loadModel } from '../lib/site/load.ts';
import { sitemapIndexXml, sitemapParts } from '../lib/site/pages.ts';
import { publicPages } from '../lib/site/routes.ts';

export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml(sitemapParts(publicPages(await loadModel())).length, import.meta.env.SITE, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
